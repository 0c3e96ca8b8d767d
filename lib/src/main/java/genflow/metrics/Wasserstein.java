package genflow.metrics;

import genflow.math.Require;
import genflow.ot.Assignment;
import genflow.ot.Couplings;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * 2-Wasserstein distances between empirical measures \(\frac1n\sum_i\delta_{x_i}\) and
 * \(\frac1m\sum_j\delta_{y_j}\) (uniform weights): exact in 1-D by sorting, exact in any dimension for
 * equal sizes by linear assignment, and the sliced W2 (Rabin et al. 2011; Bonneel et al. 2015).
 * Methods named {@code squared…} return W2², the others its square root. Static, no time direction.
 */
public final class Wasserstein {
    private Wasserstein() {}

    /**
     * 1-D W2² through quantile functions:
     * \(W_2^2(\mu,\nu) = \int_0^1 \big(F_\mu^{-1}(u) - F_\nu^{-1}(u)\big)^2\,du\), evaluated exactly for
     * the step quantile functions of the two empirical measures (sizes n and m may differ; for n = m this
     * is \(\frac1n\sum_i (x_{(i)} - y_{(i)})^2\)). Villani 2003, Thm 2.18; seed 000 (1-D processes).
     */
    public static double squaredW2OneDim(double[] x, double[] y) {
        double[] xs = Checks.sample("x", x).clone(), ys = Checks.sample("y", y).clone();
        Arrays.sort(xs);
        Arrays.sort(ys);
        return sortedSquaredW2(xs, ys);
    }

    /** \(W_2\) of {@link #squaredW2OneDim}. */
    public static double w2OneDim(double[] x, double[] y) {
        return Math.sqrt(squaredW2OneDim(x, y));
    }

    /** Integral of the squared difference of the step quantile functions of two sorted samples. */
    static double sortedSquaredW2(double[] xs, double[] ys) {
        int n = xs.length, m = ys.length;
        int i = 0, j = 0;
        double u = 0, s = 0;
        while (i < n && j < m) {
            // breakpoints (i+1)/n and (j+1)/m compared exactly in integers
            long a = (long) (i + 1) * m, b = (long) (j + 1) * n;
            double next = a <= b ? (double) (i + 1) / n : (double) (j + 1) / m;
            double z = xs[i] - ys[j];
            s += (next - u) * z * z;
            u = next;
            if (a <= b) i++;
            if (b <= a) j++;
        }
        return s;
    }

    /**
     * Exact W2² between two empirical measures with the same number n of points in R^d:
     * \(W_2^2 = \min_\sigma \frac1n \sum_i \lVert x_i - y_{\sigma(i)}\rVert^2\) (Birkhoff: an optimal plan
     * is a permutation), solved with {@link Assignment#solve}. O(n³): meant for n up to a few thousand.
     */
    public static double squaredW2Exact(double[][] x, double[][] y) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same number of points for the exact assignment W2: "
                    + x.length + " != " + y.length);
        }
        return Couplings.meanSquaredDistance(x, y, Couplings.minibatchOt(x, y));
    }

    /** \(W_2\) of {@link #squaredW2Exact}. */
    public static double w2Exact(double[][] x, double[][] y) {
        return Math.sqrt(squaredW2Exact(x, y));
    }

    /**
     * Monte Carlo sliced W2²: \(SW_2^2(\mu,\nu) = \int_{S^{d-1}} W_2^2(\theta_\#\mu, \theta_\#\nu)\,d\sigma(\theta)
     * \approx \frac1L\sum_{l=1}^L W_2^2(\theta_l\cdot x, \theta_l\cdot y)\) with θ_l uniform on the
     * sphere (normalised Gaussian vectors) and 1-D W2² by sorting; sizes may differ. For
     * rotation-invariant pairs such as a translation by m or N(0, s1²I) vs N(0, s2²I),
     * \(SW_2^2 = W_2^2/d\).
     *
     * @param projections number L ≥ 1 of random directions
     * @param rng         source of the directions
     */
    public static double squaredSlicedW2(double[][] x, double[][] y, int projections, RandomGenerator rng) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        Require.atLeast("projections", projections, 1);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[] px = new double[x.length], py = new double[y.length], theta = new double[d];
        double total = 0;
        for (int l = 0; l < projections; l++) {
            double norm;
            do {
                norm = 0;
                for (int k = 0; k < d; k++) {
                    theta[k] = rng.nextGaussian();
                    norm += theta[k] * theta[k];
                }
            } while (norm == 0);
            norm = Math.sqrt(norm);
            for (int k = 0; k < d; k++) theta[k] /= norm;
            project(x, theta, px);
            project(y, theta, py);
            Arrays.sort(px);
            Arrays.sort(py);
            total += sortedSquaredW2(px, py);
        }
        return total / projections;
    }

    /** \(SW_2\) of {@link #squaredSlicedW2}. */
    public static double slicedW2(double[][] x, double[][] y, int projections, RandomGenerator rng) {
        return Math.sqrt(squaredSlicedW2(x, y, projections, rng));
    }

    private static void project(double[][] x, double[] theta, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < theta.length; k++) s += x[i][k] * theta[k];
            out[i] = s;
        }
    }
}
