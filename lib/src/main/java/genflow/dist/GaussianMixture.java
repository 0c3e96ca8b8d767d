package genflow.dist;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * A Gaussian mixture p(x) = Σ_k w_k N(x; m_k, diag(s_k²)) on R^d with diagonal covariances,
 * exact log density (log-sum-exp) and exact score
 * ∇log p(x) = Σ_k γ_k(x) (m_k − x)/s_k², γ_k(x) = w_k N_k(x) / p(x).
 * Immutable; arrays are copied in and out.
 */
public final class GaussianMixture implements Sampleable, Density {
    private final double[] weights;     // normalised, [K]
    private final double[][] means;     // [K][d]
    private final double[][] variances; // [K][d]
    private final double[] cumulative;
    private final int d;

    /**
     * @param weights   non-negative mixture weights (normalised here), length K ≥ 1
     * @param means     component means [K][d]
     * @param variances component variances (diagonal of the covariance) [K][d], all > 0
     */
    public GaussianMixture(double[] weights, double[][] means, double[][] variances) {
        if (weights == null || weights.length == 0) throw new IllegalArgumentException("weights must have at least one entry");
        int k = weights.length;
        if (means == null || means.length != k) throw new IllegalArgumentException("means must have " + k + " rows (one per weight)");
        if (variances == null || variances.length != k) throw new IllegalArgumentException("variances must have " + k + " rows (one per weight)");
        if (means[0] == null) throw new IllegalArgumentException("means[0] must not be null");
        this.d = Require.atLeast("dimension of means[0]", means[0].length, 1);
        double total = 0;
        for (int i = 0; i < k; i++) {
            if (!(weights[i] >= 0) || !Double.isFinite(weights[i])) throw new IllegalArgumentException("weights[" + i + "] = " + weights[i] + " must be finite and >= 0");
            total += weights[i];
        }
        if (!(total > 0)) throw new IllegalArgumentException("weights must not all be 0");
        if (!Double.isFinite(total)) throw new IllegalArgumentException("weights must have a finite sum, got " + total);
        this.weights = new double[k];
        this.means = new double[k][];
        this.variances = new double[k][];
        this.cumulative = new double[k];
        double c = 0;
        int lastPositive = 0;
        for (int i = 0; i < k; i++) {
            this.weights[i] = weights[i] / total;
            c += this.weights[i];
            cumulative[i] = c;
            if (weights[i] > 0) lastPositive = i;
            this.means[i] = Require.finite("means[" + i + "]", Require.dim("means[" + i + "]", means[i], d)).clone();
            this.variances[i] = Require.dim("variances[" + i + "]", variances[i], d).clone();
            for (int j = 0; j < d; j++) Require.positive("variances[" + i + "][" + j + "]", variances[i][j]);
        }
        // Close the cumulative sums at the last component with positive weight, so that rounding
        // (sums like 0.9999999999999999) can never hand a draw to a trailing zero-weight component.
        for (int i = lastPositive; i < k; i++) cumulative[i] = 1.0;
    }

    /** Mixture of isotropic components N(m_k, σ_k² I). */
    public static GaussianMixture isotropic(double[] weights, double[][] means, double[] stds) {
        if (means == null) throw new IllegalArgumentException("means must not be null");
        if (stds == null) throw new IllegalArgumentException("stds must not be null");
        double[][] v = new double[means.length][];
        if (stds.length != means.length) throw new IllegalArgumentException("stds must have " + means.length + " entries (one per mean)");
        for (int i = 0; i < means.length; i++) {
            if (means[i] == null) throw new IllegalArgumentException("means[" + i + "] must not be null");
            Require.positive("stds[" + i + "]", stds[i]);
            v[i] = new double[means[i].length];
            java.util.Arrays.fill(v[i], stds[i] * stds[i]);
        }
        return new GaussianMixture(weights, means, v);
    }

    /** Equal weights, common isotropic standard deviation σ. */
    public static GaussianMixture isotropic(double[][] means, double sigma) {
        if (means == null) throw new IllegalArgumentException("means must not be null");
        double[] w = new double[means.length];
        double[] s = new double[means.length];
        java.util.Arrays.fill(w, 1.0);
        java.util.Arrays.fill(s, sigma);
        return isotropic(w, means, s);
    }

    @Override public int dim() { return d; }
    public int components() { return weights.length; }
    public double[] weights() { return weights.clone(); }
    public double[][] means() { return deepCopy(means); }
    public double[][] variances() { return deepCopy(variances); }

    /** log N(x; m_k, diag(s_k²)) + log w_k for each component k. */
    public double[] logJoint(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        int k = weights.length;
        double[] out = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                double z = x[j] - means[i][j];
                s += z * z / variances[i][j] + Math.log(2 * Math.PI * variances[i][j]);
            }
            out[i] = Math.log(weights[i]) - 0.5 * s;
        }
        return out;
    }

    /** Posterior component probabilities γ_k(x) = P(K = k | X = x). */
    public double[] responsibilities(double[] x) {
        double[] lj = logJoint(x);
        double lse = logSumExp(lj);
        for (int i = 0; i < lj.length; i++) lj[i] = Math.exp(lj[i] - lse);
        return lj;
    }

    @Override
    public double logDensity(double[] x) {
        return logSumExp(logJoint(x));
    }

    @Override
    public double[] score(double[] x) {
        double[] g = responsibilities(x);
        double[] s = new double[d];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < d; j++) s[j] += g[i] * (means[i][j] - x[j]) / variances[i][j];
        }
        return s;
    }

    /** Index of the component drawn with probability w_k. */
    public int sampleComponent(RandomGenerator rng) {
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double u = rng.nextDouble();
        for (int i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return i;
        return cumulative.length - 1;
    }

    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        Require.atLeast("n", n, 0);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        double[][] out = new double[n][d];
        for (int r = 0; r < n; r++) {
            int k = sampleComponent(rng);
            for (int j = 0; j < d; j++) out[r][j] = means[k][j] + Math.sqrt(variances[k][j]) * rng.nextGaussian();
        }
        return out;
    }

    /** Mean of the mixture. */
    public double[] mean() {
        double[] m = new double[d];
        for (int i = 0; i < weights.length; i++) for (int j = 0; j < d; j++) m[j] += weights[i] * means[i][j];
        return m;
    }

    static double logSumExp(double[] a) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : a) max = Math.max(max, v);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (double v : a) s += Math.exp(v - max);
        return max + Math.log(s);
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i].clone();
        return c;
    }
}
