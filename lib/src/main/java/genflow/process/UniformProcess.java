package genflow.process;

import genflow.math.Require;
import java.util.random.RandomGenerator;

/**
 * The uniform process U_t = b(1 − e^{-t/b}) U, U ~ U[−1, 1] (seed 000, "Uniform process and MMD
 * gradient flow"): its law μ_t = U[−h_t, h_t], h_t = b(1 − e^{-t/b}), is the Wasserstein gradient flow
 * of MMD with the negative distance kernel towards U[−b, b], started at δ_0. Time direction: t runs
 * forward from δ_0 to noise, t ≥ 0; μ_t → U[−b, b] as t → ∞.
 */
public final class UniformProcess implements Process1D {
    private final double b;

    private UniformProcess(double b) {
        this.b = b;
    }

    /** The uniform process with target half-width {@code b} &gt; 0. */
    public static UniformProcess of(double b) {
        Require.positive("b", b);
        return new UniformProcess(b);
    }

    /** Target half-width b. */
    public double b() { return b; }

    /** Half-width of the support, h_t = b(1 − e^{-t/b}). */
    public double halfWidth(double t) {
        Require.nonNegative("t", t);
        return -b * Math.expm1(-t / b);
    }

    /** Draw U_t = h_t · U, U ~ U[−1, 1]. */
    @Override
    public double sample(double t, RandomGenerator rng) {
        double h = halfWidth(t);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        return h * (2 * rng.nextDouble() - 1);
    }

    /**
     * v_t(x) = x / (b(e^{t/b} − 1)) for t &gt; 0 (seed 000); this is E[dU_t/dt | U_t = x] = e^{-t/b}x/h_t on
     * the support [−h_t, h_t]. Off the support the seed leaves v arbitrary; the same linear formula
     * is returned there.
     */
    @Override
    public double velocity(double t, double x) {
        Require.positive("t", t);
        Require.finite("x", x);
        double v = x / (b * Math.expm1(t / b));
        if (!Double.isFinite(v)) {
            double e = Math.expm1(t / b);
            v = x / b / e; // b·(e^{t/b} − 1) may underflow or overflow where the quotient does not
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("t = " + t + ", x = " + x + ": the velocity x/(b(e^{t/b} − 1)) exceeds the double range (b = " + b + ")");
            }
        }
        return v;
    }

    /** Density of μ_t: 1/(2h_t) on [−h_t, h_t], 0 elsewhere; t &gt; 0. */
    public double density(double t, double x) {
        Require.positive("t", t);
        Require.finite("x", x);
        double h = halfWidth(t);
        return Math.abs(x) <= h ? 0.5 / h : 0;
    }

    /** Cumulative distribution of μ_t (a step at 0 for t = 0). */
    public double cdf(double t, double x) {
        Require.finite("x", x);
        double h = halfWidth(t);
        if (x < -h) return 0;
        if (x >= h) return 1;
        return 0.5 * (x + h) / h;
    }

    /**
     * ‖v_t‖²_{L²(μ_t)} = E[(e^{-t/b} U)²] = e^{-2t/b}/3, independent of b. Seed 000 states
     * (2b/3)e^{-2t/b}, which is wrong unless b = 1/2 (checked numerically in UniformProcessTest).
     */
    public double velocityNormSquared(double t) {
        Require.nonNegative("t", t);
        return Math.exp(-2 * t / b) / 3;
    }

    @Override
    public String toString() {
        return "UniformProcess[b=" + b + "]";
    }
}
