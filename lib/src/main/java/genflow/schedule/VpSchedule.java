package genflow.schedule;

import genflow.math.Require;

/**
 * Variance-preserving (DDPM / VP-SDE) schedule, written in the flow-matching time direction.
 *
 * <p>The VP-SDE dX_s = −½ b(s) X_s ds + √b(s) dW_s runs data (s = 0) → noise (s = 1) with the linear
 * rate b(s) = β_min + s (β_max − β_min) and has X_s | X_0 = z ~ N(e^{−h(s)/2} z, (1 − e^{−h(s)}) I),
 * h(s) = ∫_0^s b = β_min s + ½ (β_max − β_min) s² (seed 000 "A glimpse to diffusion"; seed 003 DDPM;
 * Song et al. 2021). This class flips time, s = 1 − t, so that it fits {@link Schedule}
 * (t = 0 noise, t = 1 data):
 * <pre>
 *   α_t = exp(−h(1−t)/2),  β_t = √(1 − exp(−h(1−t))),  α_t² + β_t² = 1.
 * </pre>
 * Caveats: α_0 = e^{−h(1)/2} is small but not 0 (≈ 0.0066 for the defaults), and β_t ~ √(b(0)(1−t))
 * near t = 1, so β̇_1 = −∞ (returned as {@code Double.NEGATIVE_INFINITY}).
 * Time direction: t = 0 noise, t = 1 data.
 */
public final class VpSchedule implements Schedule {
    private final double betaMin;
    private final double betaMax;

    /** The usual defaults β_min = 0.1, β_max = 20 (Song et al. 2021). */
    public VpSchedule() { this(0.1, 20); }

    /**
     * @param betaMin rate at the data end, ≥ 0
     * @param betaMax rate at the noise end, ≥ betaMin and &gt; 0
     */
    public VpSchedule(double betaMin, double betaMax) {
        this.betaMin = Require.nonNegative("betaMin", betaMin);
        this.betaMax = Require.positive("betaMax", betaMax);
        if (betaMax < betaMin) throw new IllegalArgumentException("betaMax = " + betaMax + " must be >= betaMin = " + betaMin);
    }

    public double betaMin() { return betaMin; }
    public double betaMax() { return betaMax; }

    /** Diffusion-time rate b(s) = β_min + s (β_max − β_min), s ∈ [0, 1] (s = 0 data). */
    public double rate(double s) {
        Require.inRange("s", s, 0, 1);
        return betaMin + s * (betaMax - betaMin);
    }

    /** Integrated rate h(s) = β_min s + ½ (β_max − β_min) s², s ∈ [0, 1] (s = 0 data). */
    public double integratedRate(double s) {
        Require.inRange("s", s, 0, 1);
        return betaMin * s + 0.5 * (betaMax - betaMin) * s * s;
    }

    /** α_t = exp(−h(1 − t)/2). */
    @Override public double alpha(double t) {
        Require.inRange("t", t, 0, 1);
        return Math.exp(-0.5 * integratedRate(1 - t));
    }

    /** β_t = √(1 − exp(−h(1 − t))) (computed with expm1 for accuracy near t = 1). */
    @Override public double beta(double t) {
        Require.inRange("t", t, 0, 1);
        return Math.sqrt(-Math.expm1(-integratedRate(1 - t)));
    }

    /** α̇_t = ½ b(1 − t) α_t (chain rule with ds/dt = −1). */
    @Override public double alphaDot(double t) {
        return 0.5 * rate(1 - Require.inRange("t", t, 0, 1)) * alpha(t);
    }

    /** β̇_t = −b(1 − t) e^{−h(1−t)} / (2 β_t); −∞ at t = 1 where β_t = 0. */
    @Override public double betaDot(double t) {
        Require.inRange("t", t, 0, 1);
        double s = 1 - t;
        double b = beta(t);
        double num = rate(s) * Math.exp(-integratedRate(s));
        if (b == 0) return num == 0 ? 0 : Double.NEGATIVE_INFINITY;
        return -num / (2 * b);
    }

    @Override public String toString() { return "VpSchedule(betaMin=" + betaMin + ", betaMax=" + betaMax + ")"; }
}
