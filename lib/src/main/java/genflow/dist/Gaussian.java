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
        for (int j = 0; j < std.length; j++) Require.positive("std[" + j + "]", std[j]);
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /** Isotropic N(m, σ² I). */
    public static Gaussian isotropic(double[] mean, double sigma) {
        Require.positive("sigma", sigma);
        if (mean == null) throw new IllegalArgumentException("mean must not be null");
        double[] s = new double[mean.length];
        java.util.Arrays.fill(s, sigma);
        return new Gaussian(mean, s);
    }

    /** The standard normal N(0, I_d). */
    public static Gaussian standard(int d) {
        Require.atLeast("d", d, 1);
        return isotropic(new double[d], 1.0);
    }

    @Override public int dim() { return mean.length; }
    public double[] mean() { return mean.clone(); }
    public double[] std() { return std.clone(); }

    @Override
    public double logDensity(double[] x) {
        Require.finite("x", Require.dim("x", x, mean.length));
        double s = 0;
        for (int j = 0; j < mean.length; j++) {
            double z = (x[j] - mean[j]) / std[j];
            s += z * z + Math.log(2 * Math.PI * std[j] * std[j]);
        }
        return -0.5 * s;
    }

    @Override
    public double[] score(double[] x) {
        Require.finite("x", Require.dim("x", x, mean.length));
        double[] g = new double[mean.length];
        for (int j = 0; j < g.length; j++) g[j] = (mean[j] - x[j]) / (std[j] * std[j]);
        return g;
    }

    /** X = m + s ⊙ Z, Z ~ N(0, I). */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.atLeast("n", n, 0);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][mean.length];
        for (int i = 0; i < n; i++) for (int j = 0; j < mean.length; j++) out[i][j] = mean[j] + std[j] * rng.nextGaussian();
        return out;
    }
}
