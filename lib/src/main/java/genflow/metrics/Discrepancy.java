package genflow.metrics;

import genflow.math.Require;

/**
 * Kernel two-sample discrepancies between samples x [n][d] ~ P and y [m][d] ~ Q: the energy distance
 * and the squared MMD with a Gaussian kernel (Gretton et al. 2012, JMLR 13; Székely &amp; Rizzo 2013).
 * With \(\mathrm{MMD}_k^2 = \mathbb E k(X,X') + \mathbb E k(Y,Y') - 2\,\mathbb E k(X,Y)\), the energy
 * distance \(\mathcal E = 2\mathbb E\lVert X-Y\rVert - \mathbb E\lVert X-X'\rVert - \mathbb E\lVert Y-Y'\rVert\)
 * is exactly the MMD² for the (conditionally positive definite) kernel \(k(x,y) = -\lVert x-y\rVert\).
 * Static, no time direction.
 */
public final class Discrepancy {
    private Discrepancy() {}

    /** Which estimator of the population quantity to use. */
    public enum Estimator {
        /**
         * V-statistic: all pairs including i = j in the within-sample means (divide by n², m²). Biased
         * (upwards, O(1/n)), but always ≥ 0 and exactly 0 when x and y are the same sample; in 1-D the
         * biased energy distance equals \(2\int (F_n - G_m)^2\,dx\) (Cramér distance).
         */
        BIASED,
        /**
         * U-statistic: within-sample means over i ≠ j only (divide by n(n−1), m(m−1)); unbiased for the
         * population value, can be slightly negative, needs n, m ≥ 2.
         */
        UNBIASED
    }

    /** Energy distance \(2\,\overline{\lVert x-y\rVert} - \overline{\lVert x-x'\rVert} - \overline{\lVert y-y'\rVert}\). */
    public static double energyDistance(double[][] x, double[][] y, Estimator estimator) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        checkEstimator(estimator, x, y);
        // homogeneous of degree 1: points whose squared distances would leave the double range are
        // scaled by a power of two, and the result scaled back
        int k = Checks.scaleExponent(Math.max(Checks.maxAbs(x), Checks.maxAbs(y)));
        double e = Math.scalb(unscaledEnergyDistance(Checks.scaled(x, k), Checks.scaled(y, k), estimator), k);
        if (!Double.isFinite(e)) throw new IllegalArgumentException("x, y: the energy distance exceeds the double range");
        return e;
    }

    private static double unscaledEnergyDistance(double[][] x, double[][] y, Estimator estimator) {
        double xy = 0, xx = 0, yy = 0;
        for (double[] a : x) for (double[] b : y) xy += Math.sqrt(Checks.sq(a, b));
        for (int i = 0; i < x.length; i++) for (int j = i + 1; j < x.length; j++) xx += 2 * Math.sqrt(Checks.sq(x[i], x[j]));
        for (int i = 0; i < y.length; i++) for (int j = i + 1; j < y.length; j++) yy += 2 * Math.sqrt(Checks.sq(y[i], y[j]));
        int n = x.length, m = y.length;
        double nxx = estimator == Estimator.BIASED ? (double) n * n : (double) n * (n - 1);
        double nyy = estimator == Estimator.BIASED ? (double) m * m : (double) m * (m - 1);
        return 2 * xy / ((double) n * m) - xx / nxx - yy / nyy;
    }

    /**
     * Squared MMD with the Gaussian kernel \(k(x,y) = \exp(-\lVert x-y\rVert^2 / (2h^2))\):
     * \(\overline{k(x,x')} + \overline{k(y,y')} - 2\,\overline{k(x,y)}\) (Gretton et al. 2012, Eq. 3 / Lemma 6).
     *
     * @param bandwidth kernel width h &gt; 0
     */
    public static double mmdSquaredGaussian(double[][] x, double[][] y, double bandwidth, Estimator estimator) {
        int d = Require.nonEmptyBatch("x", x);
        Require.nonEmptyBatch("y", y, d);
        Require.positive("bandwidth", bandwidth);
        checkEstimator(estimator, x, y);
        double c = 1.0 / (2 * bandwidth * bandwidth);
        if (!Double.isFinite(c) || c == 0) return mmdSquaredGaussianByDistance(x, y, bandwidth, estimator);
        double xy = 0, xx = 0, yy = 0;
        for (double[] a : x) for (double[] b : y) xy += Math.exp(-c * Checks.sq(a, b));
        for (int i = 0; i < x.length; i++) for (int j = i + 1; j < x.length; j++) xx += 2 * Math.exp(-c * Checks.sq(x[i], x[j]));
        for (int i = 0; i < y.length; i++) for (int j = i + 1; j < y.length; j++) yy += 2 * Math.exp(-c * Checks.sq(y[i], y[j]));
        return combine(xx, yy, xy, x.length, y.length, estimator);
    }

    /**
     * MMD² from the kernel sums over distinct pairs within each sample (xx, yy, each pair counted twice) and
     * across (xy): the biased V-statistic adds the diagonal k(x, x) = 1 and divides by n², the unbiased
     * U-statistic divides by n(n − 1).
     */
    private static double combine(double xx, double yy, double xy, int n, int m, Estimator estimator) {
        double nxx, nyy;
        if (estimator == Estimator.BIASED) {
            xx += n; // k(x, x) = 1 on the diagonal
            yy += m;
            nxx = (double) n * n;
            nyy = (double) m * m;
        } else {
            nxx = (double) n * (n - 1);
            nyy = (double) m * (m - 1);
        }
        return xx / nxx + yy / nyy - 2 * xy / ((double) n * m);
    }

    /**
     * The same statistic with the kernel written as exp(−½ (‖x − y‖/h)²), the distance computed with
     * scaling: for bandwidths whose 1/(2h²) overflows or underflows (h ≲ 1e-154 or h ≳ 1e154).
     */
    private static double mmdSquaredGaussianByDistance(double[][] x, double[][] y, double h, Estimator estimator) {
        double xy = 0, xx = 0, yy = 0;
        for (double[] a : x) for (double[] b : y) xy += kernel(a, b, h);
        for (int i = 0; i < x.length; i++) for (int j = i + 1; j < x.length; j++) xx += 2 * kernel(x[i], x[j], h);
        for (int i = 0; i < y.length; i++) for (int j = i + 1; j < y.length; j++) yy += 2 * kernel(y[i], y[j], h);
        return combine(xx, yy, xy, x.length, y.length, estimator);
    }

    private static double kernel(double[] a, double[] b, double h) {
        double r = Checks.distance(a, b) / h;
        return Math.exp(-0.5 * r * r);
    }

    private static void checkEstimator(Estimator estimator, double[][] x, double[][] y) {
        if (estimator == null) throw new IllegalArgumentException("estimator must not be null");
        if (estimator == Estimator.UNBIASED) {
            Require.atLeast("number of rows of x (unbiased estimator)", x.length, 2);
            Require.atLeast("number of rows of y (unbiased estimator)", y.length, 2);
        }
    }
}
