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
        if (means.length == 0) throw new IllegalArgumentException("means must have at least one row");
        for (int i = 0; i < means.length; i++) {
            if (means[i] == null) throw new IllegalArgumentException("means[" + i + "] must not be null");
        }
        if (stds == null) throw new IllegalArgumentException("stds must not be null");
        double[][] v = new double[means.length][];
        if (stds.length != means.length) throw new IllegalArgumentException("stds must have " + means.length + " entries (one per mean)");
        for (int i = 0; i < means.length; i++) {
            if (means[i] == null) throw new IllegalArgumentException("means[" + i + "] must not be null");
            Require.positive("stds[" + i + "]", stds[i]);
            double var = stds[i] * stds[i];
            if (!(var > 0) || !Double.isFinite(var)) {
                throw new IllegalArgumentException("stds[" + i + "] = " + stds[i] + ": its square, the variance, must be finite and > 0");
            }
            v[i] = new double[means[i].length];
            java.util.Arrays.fill(v[i], stds[i] * stds[i]);
        }
        return new GaussianMixture(weights, means, v);
    }

    /** Equal weights, common isotropic standard deviation σ. */
    public static GaussianMixture isotropic(double[][] means, double sigma) {
        if (means == null) throw new IllegalArgumentException("means must not be null");
        if (means.length == 0) throw new IllegalArgumentException("means must have at least one row");
        Require.positive("sigma", sigma);
        if (!(sigma * sigma > 0) || !Double.isFinite(sigma * sigma)) {
            throw new IllegalArgumentException("sigma = " + sigma + ": its square, the variance, must be finite and > 0");
        }
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

    /**
     * log N(x; m_k, diag(s_k²)) + log w_k for each component k.
     *
     * @throws IllegalArgumentException if x is so far from a component that its log joint is below
     *         the double range (about −1.8e308)
     */
    public double[] logJoint(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        double[] out = new double[weights.length];
        logJoint(x, out);
        for (int i = 0; i < out.length; i++) {
            if (weights[i] > 0 && !Double.isFinite(out[i])) return exactLogJoint(x);
        }
        return out;
    }

    /**
     * Fills {@code out[k] = log w_k + log N(x; m_k, s_k²)} (the formula of {@link #logJoint(double[])},
     * unchecked, possibly −∞ where a square overflows) and returns the quadratic form
     * q = Σ_j (x_j − m_kj)²/v_kj of the component with the largest log joint.
     */
    private double logJoint(double[] x, double[] out) {
        int k = weights.length;
        double best = Double.NEGATIVE_INFINITY, qBest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            double s = 0, q = 0;
            for (int j = 0; j < d; j++) {
                double z = x[j] - means[i][j];
                double zz = z * z / variances[i][j];
                s += zz + Math.log(2 * Math.PI * variances[i][j]);
                q += zz;
            }
            out[i] = Math.log(weights[i]) - 0.5 * s;
            if (out[i] > best || (i == 0 && out[i] == best)) {
                best = out[i];
                qBest = q;
            }
        }
        return qBest;
    }

    /**
     * Largest quadratic form (x − m)ᵀS⁻¹(x − m) of the best component for which the plain
     * log-sum-exp is used: its rounding error, about 1e-16·q, stays below 1e-9 in the
     * responsibilities. Farther out, {@link #farResponsibilities} computes exact differences.
     */
    private static final double PLAIN_Q_MAX = 1e6;

    /**
     * Posterior component probabilities γ_k(x) = P(K = k | X = x) = w_k N_k(x) / Σ_l w_l N_l(x).
     * Finite, in [0, 1] and summing to 1 for every finite x: near the data by log-sum-exp over the
     * log joints; far out (where each log joint is a huge number, or overflows, and only their
     * differences matter) from the exact differences
     * log(w_k N_k/w_r N_r) = log(w_k/w_r) − ½Σ_j log(v_kj/v_rj) − ½Σ_j [(x_j−m_kj)²v_rj − (x_j−m_rj)²v_kj]/(v_kj v_rj),
     * the numerators evaluated exactly (BigDecimal), so that e.g. at x = (1e300, 0) with means
     * differing only in the second coordinate the odds are still e^{…} of that coordinate.
     */
    public double[] responsibilities(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        double[] lj = new double[weights.length];
        double qBest = logJoint(x, lj);
        double lse = logSumExp(lj);
        if (!(qBest <= PLAIN_Q_MAX) || !Double.isFinite(lse)) return farResponsibilities(x);
        for (int i = 0; i < lj.length; i++) lj[i] = Math.exp(lj[i] - lse);
        return lj;
    }

    /**
     * log p(x) by log-sum-exp of the log joints.
     *
     * @throws IllegalArgumentException if log p(x) is below the double range (x farther than about
     *         1e154 standard deviations from every component)
     */
    @Override
    public double logDensity(double[] x) {
        Require.finite("x", Require.dim("x", x, d));
        double[] lj = new double[weights.length];
        logJoint(x, lj);
        double r = logSumExp(lj);
        if (Double.isFinite(r)) return r;
        // every log joint overflowed: log p = E_r + log Σ_k exp(E_k − E_r) with exact differences
        java.math.BigDecimal[] diff = logJointDifferences(x);
        int r0 = argMax(diff);
        java.math.BigDecimal er = exactLogJoint(x, r0);
        double rest = 0;
        for (java.math.BigDecimal v : diff) rest += Math.exp(v.subtract(diff[r0]).doubleValue());
        double value = er.add(new java.math.BigDecimal(Math.log(rest))).doubleValue();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + " is so far from every component that log p(x) = "
                    + er.round(new java.math.MathContext(4)) + " is below the double range");
        }
        return value;
    }

    /**
     * The score ∇log p(x) = Σ_k γ_k(x)(m_k − x)/s_k², with the responsibilities of
     * {@link #responsibilities} (finite everywhere).
     *
     * @throws IllegalArgumentException if the score itself exceeds the double range
     */
    @Override
    public double[] score(double[] x) {
        double[] g = responsibilities(x);
        double[] s = new double[d];
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < d; j++) s[j] += g[i] * (means[i][j] - x[j]) / variances[i][j];
        }
        for (double v : s) {
            if (!Double.isFinite(v)) return farScore(x, g);
        }
        return s;
    }

    /** The score where a product above overflowed: terms with γ_k = 0 skipped, (m − x)/v from halves. */
    private double[] farScore(double[] x, double[] g) {
        double[] s = new double[d];
        for (int i = 0; i < g.length; i++) {
            if (g[i] == 0) continue;
            for (int j = 0; j < d; j++) {
                double t = (means[i][j] - x[j]) / variances[i][j];
                if (!Double.isFinite(t)) t = 2 * ((0.5 * means[i][j] - 0.5 * x[j]) / variances[i][j]);
                s[j] += g[i] * t;
            }
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(s[j])) {
                throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + ": the score ∇log p(x) has entry " + j
                        + " = " + s[j] + ", beyond the double range");
            }
        }
        return s;
    }

    // ------------------------------------------------------------------ far from the data: exact differences

    private static final java.math.MathContext MC = new java.math.MathContext(60);

    private double[] farResponsibilities(double[] x) {
        double[] dd = logJointDifferencesDouble(x);
        if (dd != null) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : dd) max = Math.max(max, v);
            double[] g = new double[dd.length];
            double total = 0;
            for (int i = 0; i < g.length; i++) {
                g[i] = Math.exp(dd[i] - max);
                total += g[i];
            }
            for (int i = 0; i < g.length; i++) g[i] /= total;
            return g;
        }
        java.math.BigDecimal[] diff = logJointDifferences(x);
        java.math.BigDecimal max = diff[argMax(diff)];
        double[] g = new double[diff.length];
        double total = 0;
        for (int i = 0; i < g.length; i++) {
            g[i] = Math.exp(diff[i].subtract(max).doubleValue()); // −∞ → 0, the best → 1
            total += g[i];
        }
        for (int i = 0; i < g.length; i++) g[i] /= total;
        return g;
    }

    /**
     * E_k − E_0 for every component, E_k = log w_k + log N(x; m_k, v_k), with the quadratic forms
     * differenced exactly (see {@link #responsibilities}); components with weight 0 get a huge
     * negative value.
     */
    private java.math.BigDecimal[] logJointDifferences(double[] x) {
        int k = weights.length;
        java.math.BigDecimal[] out = new java.math.BigDecimal[k];
        java.math.BigDecimal never = new java.math.BigDecimal("-1e400000");
        int r = 0;
        while (weights[r] == 0) r++;
        for (int i = 0; i < k; i++) {
            if (weights[i] == 0) {
                out[i] = never;
                continue;
            }
            double logs = Math.log(weights[i]) - Math.log(weights[r]);
            java.math.BigDecimal dq = java.math.BigDecimal.ZERO;
            for (int j = 0; j < d; j++) {
                logs -= 0.5 * (Math.log(variances[i][j]) - Math.log(variances[r][j]));
                java.math.BigDecimal xj = new java.math.BigDecimal(x[j]);
                java.math.BigDecimal zi = xj.subtract(new java.math.BigDecimal(means[i][j]));
                java.math.BigDecimal zr = xj.subtract(new java.math.BigDecimal(means[r][j]));
                java.math.BigDecimal vi = new java.math.BigDecimal(variances[i][j]), vr = new java.math.BigDecimal(variances[r][j]);
                java.math.BigDecimal num = zi.multiply(zi).multiply(vr).subtract(zr.multiply(zr).multiply(vi));
                if (num.signum() != 0) dq = dq.add(num.divide(vi.multiply(vr), MC));
            }
            out[i] = new java.math.BigDecimal(logs).subtract(dq.multiply(new java.math.BigDecimal("0.5")));
        }
        return out;
    }

    /**
     * The differences of {@link #logJointDifferences} in double precision, each term
     * (m_rj − m_kj)(2x_j − m_kj − m_rj)/v_kj + (x_j − m_rj)²(v_rj − v_kj)/(v_kj v_rj) accurate to a few
     * ulps of itself (no cancellation against the huge quadratic forms); null if a term overflows,
     * and then the exact version is used.
     */
    private double[] logJointDifferencesDouble(double[] x) {
        int k = weights.length;
        double[] out = new double[k];
        int r = 0;
        while (weights[r] == 0) r++;
        for (int i = 0; i < k; i++) {
            if (weights[i] == 0) {
                out[i] = Double.NEGATIVE_INFINITY;
                continue;
            }
            double e = Math.log(weights[i]) - Math.log(weights[r]);
            for (int j = 0; j < d; j++) {
                double vi = variances[i][j], vr = variances[r][j];
                e -= 0.5 * (Math.log(vi) - Math.log(vr));
                double mi = means[i][j], mr = means[r][j];
                double term = (mr - mi) * (2 * x[j] - mi - mr) / vi;
                if (vi != vr) {
                    double z = x[j] - mr;
                    term += z * z * (vr - vi) / (vi * vr);
                }
                e -= 0.5 * term;
            }
            if (!Double.isFinite(e)) return null;
            out[i] = e;
        }
        return out;
    }

    /** E_k = log w_k − ½ Σ_j log(2π v_kj) − ½ Σ_j (x_j − m_kj)²/v_kj to 60 digits. */
    private java.math.BigDecimal exactLogJoint(double[] x, int i) {
        double logs = Math.log(weights[i]);
        java.math.BigDecimal q = java.math.BigDecimal.ZERO;
        for (int j = 0; j < d; j++) {
            logs -= 0.5 * Math.log(2 * Math.PI * variances[i][j]);
            java.math.BigDecimal z = new java.math.BigDecimal(x[j]).subtract(new java.math.BigDecimal(means[i][j]));
            q = q.add(z.multiply(z).divide(new java.math.BigDecimal(variances[i][j]), MC));
        }
        return new java.math.BigDecimal(logs).subtract(q.multiply(new java.math.BigDecimal("0.5")));
    }

    /** {@link #logJoint(double[])} when a square overflowed: every entry exact, or a clear rejection. */
    private double[] exactLogJoint(double[] x) {
        double[] out = new double[weights.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = weights[i] == 0 ? Double.NEGATIVE_INFINITY : exactLogJoint(x, i).doubleValue();
            if (weights[i] != 0 && !Double.isFinite(out[i])) {
                throw new IllegalArgumentException("x = " + java.util.Arrays.toString(x) + " is so far from component " + i
                        + " that its log joint " + exactLogJoint(x, i).round(new java.math.MathContext(4)) + " is below the double range");
            }
        }
        return out;
    }

    private static int argMax(java.math.BigDecimal[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) if (v[i].compareTo(v[best]) > 0) best = i;
        return best;
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
        Require.cells("n", n, "dimension d", d);
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
