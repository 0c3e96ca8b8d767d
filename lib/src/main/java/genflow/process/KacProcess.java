package genflow.process;

import genflow.math.Bessel;
import genflow.math.Quadrature;
import genflow.math.Require;
import genflow.random.Draws;
import java.util.random.RandomGenerator;

/**
 * The 1-D Kac process (telegraph process) K_t started at 0: a particle moving with speed c that
 * reverses direction at the jump times of a Poisson process with rate a, with a random initial
 * direction ±1 (seed 001 §2.1–2.2; Duong, Chemseddine, Friz, Steidl, "Telegrapher's generative
 * model via Kac flows", arXiv 2506.20641).
 *
 * <p>Time direction: t runs forward from μ_0 = δ_0 (data side when used as noise in
 * X_t = f(t)X_0 + K_{g(t)}) towards spread-out noise; t ∈ [0, ∞).
 *
 * <p>Law: μ_t = (e^{-at}/2)(δ_{-ct} + δ_{ct}) + p_t(x) dx with the absolutely continuous part
 * ({@link #density})
 * p_t(x) = (e^{-at}/(2c)) [a I_0(β r) + a c t I_1(β r)/r] on |x| ≤ ct, r = √(c²t² − x²), β = a/c,
 * which equals seed 001's ũ = ½e^{-at}(βct I_1(βr)/r + β I_0(βr)) (and seed 000's with I_0' = I_1).
 * It solves the telegrapher equation ∂_tt u + 2a ∂_t u = c² ∂_xx u; mass and PDE are checked
 * numerically in the tests.
 */
public final class KacProcess implements Process1D {
    private final double a;
    private final double c;

    private KacProcess(double a, double c) {
        this.a = a;
        this.c = c;
    }

    /**
     * The Kac process with reversal rate {@code a} &gt; 0 (damping of the telegrapher equation) and
     * speed {@code c} &gt; 0 (wave-front speed). As a, c → ∞ with c²/a = σ² fixed it tends to σW_t.
     */
    public static KacProcess of(double a, double c) {
        Require.positive("a", a);
        Require.positive("c", c);
        return new KacProcess(a, c);
    }

    /**
     * The support half-width c·t for a time t ≥ 0 (checked), rejecting times for which it exceeds the
     * double range.
     */
    double ct(double t) {
        Require.nonNegative("t", t);
        double ct = c * t;
        if (!Double.isFinite(ct)) {
            throw new IllegalArgumentException("t = " + t + ": the support half-width c·t exceeds the double range (c = " + c + ")");
        }
        return ct;
    }

    /** Largest expected number of reversals a·t that {@link #sampleByJumps} simulates one by one. */
    public static final double MAX_JUMPS = 1e8;

    /** Reversal rate a. */
    public double a() { return a; }

    /** Speed c. */
    public double c() { return c; }

    /** Total mass e^{-at} of the two atoms at ±ct (each carries half): the probability of no reversal. */
    public double atomMass(double t) {
        Require.nonNegative("t", t);
        return Math.exp(-a * t);
    }

    /**
     * Absolutely continuous part of μ_t (seed 001, telegrapher density with f_0 = δ_0):
     * p_t(x) = (e^{-at}/(2c)) [a I_0(βr) + a c t I_1(βr)/r], r = √(c²t²−x²), β = a/c, for |x| ≤ ct
     * (at |x| = ct the limit r → 0, I_1(βr)/r → β/2), and 0 outside and at t = 0. Its mass is
     * 1 − e^{-at}. Evaluated as (a/(2c)) e^{-(at−βr)} [e^{-z}I_0(z) + at·e^{-z}I_1(z)/z] with z = βr and
     * at − βr = βx²/(ct + r) ≥ 0, so it never overflows (a·t up to 1e5 and beyond).
     */
    public double density(double t, double x) {
        double ct = ct(t);
        Require.finite("x", x);
        double ax = Math.abs(x);
        if (t == 0 || ax > ct) return 0;
        double r = radius(ct, ax);
        double beta = a / c;
        double z = beta * r;
        double gap = beta * ax * ax / (ct + r); // = at − z without cancellation
        if (!Double.isFinite(gap)) gap = beta * ax * (ax / (ct + r));
        return a / (2 * c) * Math.exp(-gap) * (Bessel.i0e(z) + a * t * i1eOverZ(z));
    }

    /**
     * Cumulative distribution P(K_t ≤ x), including the atoms (right-continuous; the jump at −ct and
     * at ct is e^{-at}/2). By symmetry P(K_t ≤ x) = ½ ± ∫_0^{|x|} p_t, the integral by adaptive
     * Gauss–Kronrod to absolute accuracy 1e-13.
     */
    public double cdf(double t, double x) {
        double ct = ct(t);
        Require.finite("x", x);
        if (x < -ct) return 0;
        if (x >= ct) return 1;
        if (x == -ct) return 0.5 * atomMass(t);
        double inner = Quadrature.integrate(y -> density(t, y), 0, Math.abs(x), 1e-13, 1e-13);
        // rounding can push the sum a few ulps past [0, 1] where a tail is empty
        return x >= 0 ? Math.min(1, 0.5 + inner) : Math.max(0, 0.5 - inner);
    }

    /**
     * Second moment E[K_t²] = (c²/a)(t − (1 − e^{-2at})/(2a)): with V_t = ±c the current velocity,
     * d/dt E[K²] = 2E[KV] and d/dt E[KV] = c² − 2a E[KV] (V flips at rate a). It tends to (c²/a)t,
     * the Wiener variance with σ² = c²/a, as at → ∞, and to c²t² (ballistic) as at → 0.
     */
    public double secondMoment(double t) {
        Require.nonNegative("t", t);
        double x = 2 * a * t;
        double m = x < 1e-4 ? c * c * t * t * (1 - x / 3 + x * x / 12) // series, avoids cancellation
                : c * c / a * (t + Math.expm1(-x) / (2 * a));
        if (!Double.isFinite(m)) {
            m = x < 1e-4 ? (c * t) * (c * t) * (1 - x / 3 + x * x / 12) : c * (c / a) * (t + Math.expm1(-x) / (2 * a));
            if (!Double.isFinite(m)) {
                throw new IllegalArgumentException("t = " + t + ": E[K_t²] exceeds the double range (a = " + a + ", c = " + c + ")");
            }
        }
        return m;
    }

    /**
     * Velocity field of μ_t (seed 001, "Telegrapher's equation and CE"):
     * v_t(x) = x / (t + (r/c) I_0(βr)/I_1(βr)) for |x| &lt; ct, v = ±c at x = ±ct.
     * Computed as x / (t + (z/(I_1(z)/I_0(z)))/a) with z = βr (z·I_0/I_1 → 2 as z → 0), so it is
     * finite for all t ≥ 0, including x → ±ct (limit ±c·at/(at+2)), x = 0 and t → 0 (v → ax/2).
     * Outside the support (|x| &gt; ct, where the seed leaves v arbitrary) this returns sign(x)·c;
     * so |v| ≤ c everywhere. At t = 0 the support is {0} and v_0(0) = 0.
     * The continuity equation ∂_t μ_t + ∂_x(μ_t v_t) = 0 is checked numerically in the tests.
     */
    @Override
    public double velocity(double t, double x) {
        double ct = ct(t);
        Require.finite("x", x);
        double ax = Math.abs(x);
        if (ax >= ct) return x == 0 ? 0 : Math.copySign(c, x);
        double r = radius(ct, ax);
        return x / (t + zOverRatio(a / c * r) / a);
    }

    /**
     * Conditional velocity of the d-dimensional Kac process started at x0 (seed 001, "Kac process
     * conditioned to start in x0"): v_t(x | x0)_i = v_t(x_i − x0_i), componentwise.
     */
    public double[] conditionalVelocity(double t, double[] x, double[] x0) {
        ct(t);
        Require.finite("x", x);
        Require.finite("x0", x0);
        if (x0.length != x.length) throw new IllegalArgumentException("x0 has dimension " + x0.length + ", expected x.length = " + x.length);
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double dx = x[i] - x0[i];
            // |v| ≤ c: beyond the double range the difference is certainly outside the support
            v[i] = Double.isFinite(dx) ? velocity(t, dx) : Math.copySign(c, dx);
        }
        return v;
    }

    /**
     * Exact draw of K_t with expected cost independent of a·t and no table. Given the number
     * N ~ Poisson(at) of reversals in [0, t], the reversal times are uniform order statistics, the
     * n+1 spacings/t are Dirichlet(1,…,1), and the time T₊ spent in the initial direction sums
     * ⌈(n+1)/2⌉ of them: T₊/t ~ Beta(⌈(n+1)/2⌉, ⌊(n+1)/2⌋), K_t = ±c(2T₊ − t). Symmetrised over the
     * initial direction, U = K_t/(ct) has density ∝ (1−u²)^{k−1} with k = ⌈n/2⌉ for both n = 2k−1
     * (Beta(k,k)) and n = 2k (½[Beta(k+1,k) + Beta(k,k+1)] — the factors (1+u) and (1−u) average
     * to 1). So: N = 0 gives an atom ±ct (probability e^{-at}); otherwise U is the first coordinate
     * of a uniform point on the sphere S^{2k}, U = Z/√(Z² + 2G), Z ~ N(0,1), G ~ Gamma(k).
     * Summing the mixture reproduces exactly the Bessel density (odd n give the I_0 term, even n the
     * I_1 term). The only rejection steps are the Poisson (PTRS, acceptance 0.75–0.88 for at ≥ 10,
     * inversion below) and Gamma (Marsaglia–Tsang, 0.95–1.0) sub-draws, so no envelope of the Bessel
     * density is needed; measured ≈ 2.2–5.7 random draws per sample for every a·t from 0.1 to 1e4.
     * Both sub-draws are {@link Draws#poisson} and {@link Draws#gamma} (so a·t must not exceed
     * {@link Draws#POISSON_MAX_MEAN}).
     */
    @Override
    public double sample(double t, RandomGenerator rng) {
        double ct = ct(t);
        requireRng(rng);
        if (t == 0) return 0;
        if (!(a * t <= Draws.POISSON_MAX_MEAN)) {
            throw new IllegalArgumentException("t = " + t + ": the mean number of reversals a·t = " + a * t + " exceeds "
                    + Draws.POISSON_MAX_MEAN + " (a = " + a + "), beyond which the Poisson draw is not exact");
        }
        long n = Draws.poisson(a * t, rng);
        if (n == 0) return rng.nextBoolean() ? ct : -ct;
        long k = (n + 1) / 2;
        double z = rng.nextGaussian();
        double chi2 = 2 * Draws.gamma(k, rng);
        return ct * z / Math.sqrt(z * z + chi2);
    }

    /**
     * Draw of K_t by simulating the reversals (seed 001, Kac walk and τ_t): initial direction ±1 with
     * probability ½, Exp(a) waiting times, K_t = c(j_1 − (j_2 − j_1) + … ± (t − j_N)). Exact, but the
     * cost grows like a·t; kept as the reference for {@link #sample}.
     */
    public double sampleByJumps(double t, RandomGenerator rng) {
        ct(t);
        if (a * t > MAX_JUMPS) {
            throw new IllegalArgumentException("t = " + t + ": sampleByJumps simulates about a·t = " + a * t + " reversals (a = " + a
                    + "), more than " + MAX_JUMPS + "; use sample(t, rng), whose cost does not grow with a·t");
        }
        requireRng(rng);
        if (t == 0) return 0;
        double dir = rng.nextBoolean() ? 1 : -1;
        double s = 0, pos = 0;
        while (true) {
            double w = -Math.log1p(-rng.nextDouble()) / a;
            if (s + w >= t) {
                pos += dir * (t - s);
                return c * pos;
            }
            pos += dir * w;
            s += w;
            dir = -dir;
        }
    }

    /** n independent exact draws of K_t (see {@link #sample(double, RandomGenerator)}). */
    public double[] sampleBatch(double t, int n, RandomGenerator rng) {
        ct(t);
        Require.size("n", n, 0);
        requireRng(rng);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = sample(t, rng);
        return out;
    }

    /** One draw of the d-dimensional Kac process K_t = (K_t^1, …, K_t^d), i.i.d. components (seed 001 §3.2). */
    public double[] sample(double t, int d, RandomGenerator rng) {
        Require.size("d", d, 1);
        return sampleBatch(t, d, rng);
    }

    /** r = √(c²t² − x²) = √((ct − |x|)(ct + |x|)), as a product of roots where the product overflows. */
    private static double radius(double ct, double ax) {
        double r = Math.sqrt((ct - ax) * (ct + ax));
        return Double.isFinite(r) ? r : Math.sqrt(ct - ax) * Math.sqrt(ct + ax);
    }

    /** z I_0(z)/I_1(z) for z ≥ 0 (→ 2 as z → 0; ≈ z + 1/2 for large z). */
    private static double zOverRatio(double z) {
        if (z < 1e-6) return 2 + 0.25 * z * z;
        return z / Bessel.ratioI1I0(z);
    }

    /** e^{-z} I_1(z)/z for z ≥ 0 (→ 1/2 as z → 0). */
    private static double i1eOverZ(double z) {
        if (z < 1e-6) return 0.5 * Math.exp(-z) * (1 + z * z / 8);
        return Bessel.i1e(z) / z;
    }

    private static void requireRng(RandomGenerator rng) {
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
    }

    @Override
    public String toString() {
        return "KacProcess[a=" + a + ", c=" + c + "]";
    }
}
