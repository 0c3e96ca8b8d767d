package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * The Gaussian N(m, diag(s²)) on R^d with diagonal covariance:
 * log p(x) = −½ Σ_j [(x_j − m_j)²/s_j² + log(2π s_j²)], score ∇log p(x) = (m − x)/s².
 * The usual source distribution p_init = N(0, I) of flow matching (seed 004, §1).
 * Immutable; arrays are copied in and out. No time variable.
 */
public final class Gaussian implements Sampleable, Density {
    private final double[] mean;
    private final double[] std;

    /**
     * @param mean finite mean vector m, length d ≥ 1
     * @param std  standard deviations s_j, finite and &gt; 0, length d
     */
    public Gaussian(double[] mean, double[] std) {
        Require.finite("mean", mean);
        Require.atLeast("mean.length", mean.length, 1);
        Require.dim("std", std, mean.length);
        for (int j = 0; j < std.length; j++) {
            Require.positive("std[" + j + "]", std[j]);
            if (!(std[j] * std[j] > 0) || !Double.isFinite(std[j] * std[j])) {
                throw new IllegalArgumentException("std[" + j + "] = " + std[j] + ": its square, the variance, must be finite and > 0");
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Isotropic N(m, σ² I). */
    public static Gaussian isotropic(double[] mean, double sigma) {
        Require.positive("sigma", sigma);
        if (!(sigma * sigma > 0) || !Double.isFinite(sigma * sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": its square, the variance, must be finite and > 0");
        }
        if (mean == null) throw new IllegalArgumentException("mean must not be null");
        double[] s = new double[mean.length];
        java.util.Arrays.fill(s, sigma);
        return new Gaussian(mean, s);
    }

    /** The standard normal N(0, I_d). */
    public static Gaussian standard(int d) {
        Require.size("d", d, 1);
        return isotropic(new double[d], 1.0);
    }

    @Override public int dim() { return mean.length; }
    public double[] mean() { return mean.clone(); }
    public double[] std() { return std.clone(); }

    /**
     * log p(x).
     *
     * @throws IllegalArgumentException if x is so far from the mean (about 1e154 standard deviations)
     *         that log p(x) is below the double range
     */
    @Override
    public double logDensity(double[] x) {
        Require.finite("x", Require.dim("x", x, mean.length));
        double s = 0;
        for (int j = 0; j < mean.length; j++) {
            double z = (x[j] - mean[j]) / std[j];
            s += z * z + Math.log(2 * Math.PI * std[j] * std[j]);
        }
        double r = -0.5 * s;
        return Double.isFinite(r) ? r : farLogDensity(x);
    }

    /** log p(x) where a square overflowed: halves first (z = 2·((x − m)/2)/s), then ½z² = (z/2)·z. */
    private double farLogDensity(double[] x) {
        double r = 0;
        for (int j = 0; j < mean.length; j++) {
            double z = 2 * ((0.5 * x[j] - 0.5 * mean[j]) / std[j]);
            r -= (0.5 * z) * z + 0.5 * Math.log(2 * Math.PI * std[j] * std[j]);
        }
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + " is so far from the mean "
                    + java.util.Arrays.toString(mean) + " that log p(x) is below the double range");
        }
        return r;
    }

    /**
     * The score (m − x)/s².
     *
     * @throws IllegalArgumentException if an entry exceeds the double range
     */
    @Override
    public double[] score(double[] x) {
        Require.finite("x", Require.dim("x", x, mean.length));
        double[] g = new double[mean.length];
        for (int j = 0; j < g.length; j++) {
            g[j] = (mean[j] - x[j]) / (std[j] * std[j]);
            if (!Double.isFinite(g[j])) g[j] = 2 * ((0.5 * mean[j] - 0.5 * x[j]) / std[j] / std[j]);
            if (!Double.isFinite(g[j])) {
                throw new IllegalArgumentException("x[" + j + "] = " + x[j] + ": the score (m − x)/s² = " + g[j] + " exceeds the double range");
            }
        }
        return g;
    }

    /** X = m + s ⊙ Z, Z ~ N(0, I). */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.cells("n", n, "dimension d", mean.length);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][mean.length];
        for (int i = 0; i < n; i++) for (int j = 0; j < mean.length; j++) out[i][j] = mean[j] + std[j] * rng.nextGaussian();
        return out;
    }
}
