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
        int k = oneDimScale(x, y);
        double s = scaledSquaredW2OneDim(x, y, k);
        return squared(s, k, "x, y: W2² (1-D)");
    }

    /**
     * \(W_2\) of {@link #squaredW2OneDim}; computed on values scaled by a power of two where their
     * squares would overflow or underflow, so it is finite whenever W2 is (e.g. 2e200 between
     * {1e200} and {−1e200}, whose W2² = 4e400 is not a double).
     */
    public static double w2OneDim(double[] x, double[] y) {
        int k = oneDimScale(x, y);
        return root(scaledSquaredW2OneDim(x, y, k), k, "x, y: W2 (1-D)");
    }

    private static int oneDimScale(double[] x, double[] y) {
        Checks.sample("x", x);
        Checks.sample("y", y);
        return Checks.scaleExponent(Math.max(Checks.maxAbs(x), Checks.maxAbs(y)));
    }

    /** W2² of x·2^−k and y·2^−k. */
    private static double scaledSquaredW2OneDim(double[] x, double[] y, int k) {
        double[] xs = k == 0 ? x.clone() : Checks.scaled(x, k), ys = k == 0 ? y.clone() : Checks.scaled(y, k);
        Arrays.sort(xs);
        Arrays.sort(ys);
        return sortedSquaredW2(xs, ys);
    }

    /** 2^{2k}·s (W2² from its scaled value), rejected when it exceeds the double range. */
    private static double squared(double s, int k, String what) {
        double r = Math.scalb(s, 2 * k);
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException(what + " = " + s + "·2^" + 2 * k + " exceeds the double range; its square root W2 does not"
                    + " (use the w2… method)");
        }
        return r;
    }

    /** 2^k·√s (W2 from its scaled squared value). */
    private static double root(double s, int k, String what) {
        double r = Math.scalb(Math.sqrt(s), k);
        if (!Double.isFinite(r)) throw new IllegalArgumentException(what + " exceeds the double range");
        return r;
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
        int k = exactScale(x, y);
        return squared(scaledSquaredW2Exact(x, y, k), k, "x, y: W2²");
    }

    /** \(W_2\) of {@link #squaredW2Exact}; finite whenever W2 is (see {@link #w2OneDim}). */
    public static double w2Exact(double[][] x, double[][] y) {
        int k = exactScale(x, y);
        return root(scaledSquaredW2Exact(x, y, k), k, "x, y: W2");
    }

    private static int exactScale(double[][] x, double[][] y) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y must have the same number of points for the exact assignment W2: "
                    + x.length + " != " + y.length);
        }
        return Checks.scaleExponent(Math.max(Checks.maxAbs(x), Checks.maxAbs(y)));
    }

    private static double scaledSquaredW2Exact(double[][] x, double[][] y, int k) {
        double[][] xs = Checks.scaled(x, k), ys = Checks.scaled(y, k);
        return Couplings.meanSquaredDistance(xs, ys, Couplings.minibatchOt(xs, ys));
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
        int k = slicedScale(x, y, projections, rng);
        return squared(scaledSquaredSlicedW2(Checks.scaled(x, k), Checks.scaled(y, k), projections, rng), k, "x, y: SW2²");
    }

    private static int slicedScale(double[][] x, double[][] y, int projections, RandomGenerator rng) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        Require.atLeast("projections", projections, 1);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        return Checks.scaleExponent(Math.max(Checks.maxAbs(x), Checks.maxAbs(y)));
    }

    private static double scaledSquaredSlicedW2(double[][] x, double[][] y, int projections, RandomGenerator rng) {
        int d = x[0].length;
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

    /** \(SW_2\) of {@link #squaredSlicedW2}; finite whenever SW2 is. */
    public static double slicedW2(double[][] x, double[][] y, int projections, RandomGenerator rng) {
        int k = slicedScale(x, y, projections, rng);
        return root(scaledSquaredSlicedW2(Checks.scaled(x, k), Checks.scaled(y, k), projections, rng), k, "x, y: SW2");
    }

    private static void project(double[][] x, double[] theta, double[] out) {
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int k = 0; k < theta.length; k++) s += x[i][k] * theta[k];
            out[i] = s;
        }
    }
}
