package genflow.random;

import genflow.math.Require;
import genflow.math.SpecialFunctions;

import java.util.random.RandomGenerator;

/**
 * Exact random variates from the distributions the course needs, all drawn from a caller-supplied
 * {@link RandomGenerator} (so the same seed gives the same numbers). Static, stateless, no time
 * variable. Standard normals come from {@link RandomGenerator#nextGaussian()}; uniforms from
 * {@link RandomGenerator#nextDouble()} ∈ [0, 1).
 */
public final class Draws {
    private Draws() {}

    /** Means below this use inversion; from here on PTRS (its constants are fitted for λ ≥ 10). */
    private static final double POISSON_INVERSION_LIMIT = 10.0;
    /** Largest Poisson mean accepted (k stays exactly representable as a double). */
    public static final double POISSON_MAX_MEAN = 1e15;

    /**
     * A Poisson(λ) count, P(K = k) = e^{−λ} λ^k / k!. Exact: for λ &lt; 10 by sequential-search
     * inversion of the cdf; for λ ≥ 10 by Hörmann's transformed rejection with squeeze (PTRS),
     * W. Hörmann, "The transformed rejection method for generating Poisson random variables",
     * Insurance: Mathematics and Economics 12 (1993) 39–45. Used for the Kac walk's jump counts
     * (seed 001: τ_t via Poisson jump times).
     *
     * @param mean λ, finite, in [0, 1e15]
     */
    public static long poisson(double mean, RandomGenerator rng) {
        Require.inRange("mean", mean, 0.0, POISSON_MAX_MEAN);
        requireRng(rng);
        if (mean == 0.0) return 0L;
        return mean < POISSON_INVERSION_LIMIT ? poissonInversion(mean, rng) : poissonPtrs(mean, rng);
    }

    /** Inversion: smallest k with U &lt; Σ_{j≤k} p_j, p_j = p_{j−1} λ/j, p_0 = e^{−λ}. */
    private static long poissonInversion(double mean, RandomGenerator rng) {
        double p0 = Math.exp(-mean);
        while (true) {
            double u = rng.nextDouble();
            double p = p0, s = p0;
            long k = 0;
            while (u >= s) {
                k++;
                p *= mean / k;
                s += p;
                if (p < 1e-300 && k > mean) break; // rounding left s below u: redraw (probability < 1e-15)
            }
            if (u < s) return k;
        }
    }

    /** PTRS (Hörmann 1993, algorithm PTRS with the constants of his Table 1). */
    private static long poissonPtrs(double mean, RandomGenerator rng) {
        double logMean = Math.log(mean);
        double b = 0.931 + 2.53 * Math.sqrt(mean);
        double a = -0.059 + 0.02483 * b;
        double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2.0);
        while (true) {
            double u = rng.nextDouble() - 0.5;
            double v = rng.nextDouble();
            double us = 0.5 - Math.abs(u);
            double kd = Math.floor((2.0 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (long) kd;
            if (!(kd >= 0) || (us < 0.013 && v > us)) continue;
            double lhs = Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b);
            double rhs = -mean + kd * logMean - SpecialFunctions.logGamma(kd + 1.0);
            if (lhs <= rhs) return (long) kd;
        }
    }

    /** Smallest accepted exponential rate: −log(1 − U) ≤ 36.8, so every draw stays below 1.8e308. */
    public static final double EXPONENTIAL_MIN_RATE = 1e-306;

    /**
     * Exponential(rate): X = −log(1 − U)/rate, density rate·e^{−rate·x} on x ≥ 0, mean 1/rate.
     *
     * @param rate finite and ≥ {@link #EXPONENTIAL_MIN_RATE} (smaller rates give draws beyond the double range)
     */
    public static double exponential(double rate, RandomGenerator rng) {
        Require.positive("rate", rate);
        if (rate < EXPONENTIAL_MIN_RATE) {
            throw new IllegalArgumentException("rate = " + rate + " must be >= " + EXPONENTIAL_MIN_RATE
                    + " (the draws, of order 1/rate, would exceed the double range)");
        }
        requireRng(rng);
        return -Math.log1p(-rng.nextDouble()) / rate;
    }

    /**
     * Uniform on [a, b): a + (b − a)U.
     *
     * @param a finite lower end
     * @param b finite upper end, b &gt; a
     */
    public static double uniform(double a, double b, RandomGenerator rng) {
        Require.finite("a", a);
        Require.finite("b", b);
        if (!(b > a)) throw new IllegalArgumentException("b = " + b + " must be > a = " + a);
        requireRng(rng);
        double u = rng.nextDouble();
        double x = a + (b - a) * u;
        if (Double.isNaN(x) || Double.isInfinite(b - a)) x = 2 * (0.5 * a + (0.5 * b - 0.5 * a) * u); // b − a overflows
        return x < b ? x : Math.nextDown(b); // guard the rounding of a + (b−a)U up to b
    }

    /**
     * A standard normal vector Z ~ N(0, I_d).
     *
     * @param d dimension ≥ 1
     */
    public static double[] gaussianVector(int d, RandomGenerator rng) {
        Require.size("d", d, 1);
        requireRng(rng);
        double[] z = new double[d];
        for (int j = 0; j < d; j++) z[j] = rng.nextGaussian();
        return z;
    }

    /**
     * X ~ N(m, diag(s²)): X_j = m_j + s_j Z_j.
     *
     * @param mean finite mean vector, length d ≥ 1
     * @param std  standard deviations, finite and ≥ 0, length d
     */
    public static double[] gaussianVector(double[] mean, double[] std, RandomGenerator rng) {
        Require.finite("mean", mean);
        Require.atLeast("mean.length", mean.length, 1);
        Require.dim("std", std, mean.length);
        for (int j = 0; j < std.length; j++) Require.nonNegative("std[" + j + "]", std[j]);
        requireRng(rng);
        double[] x = new double[mean.length];
        for (int j = 0; j < x.length; j++) x[j] = mean[j] + std[j] * rng.nextGaussian();
        return x;
    }

    /**
     * An index k drawn with probability w_k / Σ_j w_j (inversion of the cumulative weights).
     * Entries with weight 0 are never drawn.
     *
     * @param weights non-negative, finite, not all 0 (need not sum to 1)
     */
    public static int categorical(double[] weights, RandomGenerator rng) {
        Require.finite("weights", weights);
        Require.atLeast("weights.length", weights.length, 1);
        double total = 0;
        int lastPositive = -1;
        for (int i = 0; i < weights.length; i++) {
            Require.nonNegative("weights[" + i + "]", weights[i]);
            total += weights[i];
            if (weights[i] > 0) lastPositive = i;
        }
        if (!(total > 0) || !Double.isFinite(total)) {
            throw new IllegalArgumentException("weights must have a finite, positive sum, got " + total);
        }
        requireRng(rng);
        double u = rng.nextDouble() * total;
        double c = 0;
        for (int i = 0; i < lastPositive; i++) {
            c += weights[i];
            if (u < c && weights[i] > 0) return i;
        }
        return lastPositive; // also catches u ≥ the rounded partial sums
    }

    /**
     * Gamma(shape, 1): density x^{k−1} e^{−x}/Γ(k) on x &gt; 0, mean k, variance k. For k ≥ 1 by
     * G. Marsaglia and W. W. Tsang, "A simple method for generating gamma variables", ACM TOMS 26
     * (2000) 363–372 (d = k − 1/3, c = 1/√(9d), X = d(1 + cZ)³ accepted if
     * log U &lt; Z²/2 + d − dV + d log V); for k &lt; 1 via Gamma(k) = Gamma(k+1)·U^{1/k}.
     * For very small k the result can underflow to 0 (its log is then below −745).
     *
     * @param shape k, finite and &gt; 0
     */
    public static double gamma(double shape, RandomGenerator rng) {
        Require.positive("shape", shape);
        requireRng(rng);
        return Math.exp(logGammaVariate(shape, rng));
    }

    /**
     * Gamma(shape, scale) = scale · Gamma(shape, 1): mean k·θ, variance k·θ².
     *
     * @param shape k, finite and &gt; 0
     * @param scale θ, finite and &gt; 0
     */
    public static double gamma(double shape, double scale, RandomGenerator rng) {
        Require.positive("scale", scale);
        double g = scale * gamma(shape, rng);
        if (!Double.isFinite(g)) {
            throw new IllegalArgumentException("scale = " + scale + " with shape = " + shape + ": the draw exceeds the double range");
        }
        return g;
    }

    /** log of a Gamma(shape, 1) variate, exact also where the variate itself underflows. */
    private static double logGammaVariate(double shape, RandomGenerator rng) {
        if (shape < 1.0) {
            double logU = Math.log1p(-rng.nextDouble()); // log of U ∈ (0, 1]
            return marsagliaTsang(shape + 1.0, rng) + logU / shape;
        }
        return marsagliaTsang(shape, rng);
    }

    /** log of a Marsaglia–Tsang Gamma(k ≥ 1) draw. */
    private static double marsagliaTsang(double k, RandomGenerator rng) {
        double d = k - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double z = rng.nextGaussian();
            double t = 1.0 + c * z;
            if (t <= 0) continue;
            double v = t * t * t;
            double u = rng.nextDouble();
            double z2 = z * z;
            if (u < 1.0 - 0.0331 * z2 * z2 || Math.log(u) < 0.5 * z2 + d * (1.0 - v + Math.log(v))) {
                return Math.log(d) + Math.log(v);
            }
        }
    }

    /**
     * Student-t with ν degrees of freedom: T = Z / √(G/ν), G = 2·Gamma(ν/2, 1) ~ χ²_ν, density
     * ∝ (1 + t²/ν)^{−(ν+1)/2}. Formed in log space, so only values whose magnitude exceeds the
     * double range (possible for ν ≲ 0.1) come out as ±∞.
     *
     * @param nu ν, finite and &gt; 0
     */
    public static double studentT(double nu, RandomGenerator rng) {
        Require.positive("nu", nu);
        requireRng(rng);
        double z = rng.nextGaussian();
        double logChi2 = Math.log(2.0) + logGammaVariate(0.5 * nu, rng);
        return z * Math.exp(0.5 * (Math.log(nu) - logChi2));
    }

    private static void requireRng(RandomGenerator rng) {
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }
}
