package genflow.metrics;

import genflow.math.Require;
import genflow.math.SymmetricEigen;

/**
 * The Fréchet distance between two samples of features, the W₂² distance between the Gaussians
 * with their means and covariances (Dowson &amp; Landau 1982; the FID of Heusel et al. 2017 when
 * the features come from an Inception network — here from a small digit classifier):
 * <pre>
 *   d_F² = ‖μ₁ − μ₂‖² + Tr(C₁ + C₂ − 2 (C₂^{1/2} C₁ C₂^{1/2})^{1/2}),
 * </pre>
 * with the sample means and the unbiased sample covariances (divisor n − 1). The trace term uses
 * the symmetric form (C₂^{1/2} C₁ C₂^{1/2})^{1/2}, whose trace equals Tr((C₁C₂)^{1/2}).
 * Like the FID, the value is the SQUARED distance. Stateless.
 */
public final class FrechetDistance {
    private FrechetDistance() {}

    /**
     * d_F² between the Gaussians fitted to two feature samples [n][k] (n ≥ 2 each, same k).
     *
     * @throws IllegalArgumentException for empty, ragged, non-finite or too small samples
     */
    public static double of(double[][] a, double[][] b) {
        int k = Require.nonEmptyBatch("a", a);
        int kb = Require.nonEmptyBatch("b", b);
        if (kb != k) throw new IllegalArgumentException("a has " + k + " features per row but b has " + kb);
        if (a.length < 2 || b.length < 2) {
            throw new IllegalArgumentException("each sample needs at least 2 rows for a covariance (a: " + a.length + ", b: " + b.length + ")");
        }
        double[] ma = mean(a), mb = mean(b);
        double[][] ca = covariance("a", a, ma), cb = covariance("b", b, mb);
        return between(ma, ca, mb, cb);
    }

    /**
     * d_F² = ‖μ₁ − μ₂‖² + Tr(C₁ + C₂ − 2 (C₂^{1/2} C₁ C₂^{1/2})^{1/2}) for given means and symmetric
     * positive semi-definite covariances.
     */
    public static double between(double[] mean1, double[][] cov1, double[] mean2, double[][] cov2) {
        Require.finite("mean1", mean1);
        Require.finite("mean2", mean2);
        int k = mean1.length;
        if (mean2.length != k || cov1 == null || cov2 == null || cov1.length != k || cov2.length != k) {
            throw new IllegalArgumentException("mean1, mean2 and the covariances must all have dimension " + k);
        }
        double d = 0;
        for (int i = 0; i < k; i++) d += (mean1[i] - mean2[i]) * (mean1[i] - mean2[i]);
        double[][] s2 = SymmetricEigen.of(cov2).sqrt();
        double[][] m = multiply(multiply(s2, cov1), s2);
        for (int i = 0; i < k; i++) for (int j = i + 1; j < k; j++) m[i][j] = m[j][i] = 0.5 * (m[i][j] + m[j][i]);
        double[] lam = SymmetricEigen.of(m).values();
        double tr = 0;
        for (int i = 0; i < k; i++) tr += cov1[i][i] + cov2[i][i];
        for (double l : lam) tr -= 2 * Math.sqrt(Math.max(0, l));
        return d + tr;
    }

    /** Column means of x [n][k] (each term divided by n first, so the mean of finite values is finite). */
    public static double[] mean(double[][] x) {
        int k = Require.nonEmptyBatch("x", x);
        double[] m = new double[k];
        double n = x.length;
        for (double[] r : x) for (int j = 0; j < k; j++) m[j] += r[j] / n;
        return m;
    }

    /**
     * Unbiased sample covariance (divisor n − 1) of x [n][k] around {@code mean} (k entries).
     *
     * @throws IllegalArgumentException also when a covariance entry overflows (|x| too large)
     */
    public static double[][] covariance(double[][] x, double[] mean) {
        return covariance("x", x, mean);
    }

    private static double[][] covariance(String name, double[][] x, double[] mean) {
        int k = Require.nonEmptyBatch(name, x);
        Require.finite("mean", mean);
        if (mean.length != k) throw new IllegalArgumentException("mean has " + mean.length + " entries, expected " + k + " (the columns of " + name + ")");
        if (x.length < 2) throw new IllegalArgumentException(name + " needs at least 2 rows for a covariance");
        double[][] c = new double[k][k];
        double[] r = new double[k];
        for (double[] row : x) {
            for (int j = 0; j < k; j++) r[j] = row[j] - mean[j];
            for (int i = 0; i < k; i++) {
                double ri = r[i];
                for (int j = i; j < k; j++) c[i][j] += ri * r[j];
            }
        }
        for (int i = 0; i < k; i++) {
            for (int j = i; j < k; j++) {
                c[i][j] /= x.length - 1;
                c[j][i] = c[i][j];
                if (!Double.isFinite(c[i][j])) {
                    throw new IllegalArgumentException("the covariance of " + name + " around mean overflows (entry " + i + "," + j
                            + "): " + name + " or mean is too large; rescale the features");
                }
            }
        }
        return c;
    }

    private static double[][] multiply(double[][] a, double[][] b) {
        int n = a.length;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int l = 0; l < n; l++) {
                double ail = a[i][l];
                if (ail == 0) continue;
                for (int j = 0; j < n; j++) c[i][j] += ail * b[l][j];
            }
        }
        return c;
    }
}
