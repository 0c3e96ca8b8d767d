package genflow.schedule;

import genflow.math.Require;

/**
 * Cosine schedule of Nichol &amp; Dhariwal (2021), written in the flow-matching time direction.
 *
 * <p>In diffusion time τ (τ = 0 data) the schedule is ᾱ(τ) = φ(τ)/φ(0), φ(τ) = cos²(π/2 · (τ + s)/(1 + s)),
 * with a small offset s (0.008 in the paper) and the path N(√ᾱ z, (1 − ᾱ) I). With τ = 1 − t:
 * <pre>
 *   α_t = cos(π/2 · (1 − t + s)/(1 + s)) / cos(π/2 · s/(1 + s)),   β_t = √(1 − α_t²).
 * </pre>
 * α_0 = 0, β_0 = 1 and α_1 = 1, β_1 = 0. For s = 0 this is the trigonometric path α_t = sin(πt/2),
 * β_t = cos(πt/2) (computed in that form). For s &gt; 0, β̇_1 = −∞ (returned as such).
 * Time direction: t = 0 noise, t = 1 data.
 */
public final class CosineSchedule implements Schedule {
    private final double s;
    private final double c0; // cos(π/2 · s/(1+s))

    /** Nichol–Dhariwal's offset s = 0.008. */
    public CosineSchedule() { this(0.008); }

    /** @param s offset, in [0, 0.5] */
    public CosineSchedule(double s) {
        this.s = Require.inRange("s", s, 0, 0.5);
        this.c0 = Math.cos(Math.PI / 2 * s / (1 + s));
    }

    public double offset() { return s; }

    private double angle(double t) { return Math.PI / 2 * (1 - t + s) / (1 + s); }

    /** α_t = cos(π/2 (1 − t + s)/(1 + s)) / cos(π/2 s/(1 + s)); sin(πt/2) when s = 0. */
    @Override public double alpha(double t) {
        Require.inRange("t", t, 0, 1);
        if (s == 0) return Math.sin(Math.PI / 2 * t);
        if (t == 0) return 0;
        return Math.min(1, Math.cos(angle(t)) / c0);
    }

    /** β_t = √(1 − α_t²); cos(πt/2) when s = 0. */
    @Override public double beta(double t) {
        Require.inRange("t", t, 0, 1);
        if (s == 0) return t == 1 ? 0 : Math.cos(Math.PI / 2 * t);
        double a = alpha(t);
        return Math.sqrt(Math.max(0, (1 - a) * (1 + a)));
    }

    /** α̇_t = π/(2(1 + s)) · sin(π/2 (1 − t + s)/(1 + s)) / cos(π/2 s/(1 + s)). */
    @Override public double alphaDot(double t) {
        Require.inRange("t", t, 0, 1);
        if (s == 0) return Math.PI / 2 * Math.cos(Math.PI / 2 * t);
        return Math.PI / (2 * (1 + s)) * Math.sin(angle(t)) / c0;
    }

    /** β̇_t = −α_t α̇_t / β_t; −π/2 sin(πt/2) when s = 0; −∞ at t = 1 when s &gt; 0. */
    @Override public double betaDot(double t) {
        Require.inRange("t", t, 0, 1);
        if (s == 0) return -Math.PI / 2 * Math.sin(Math.PI / 2 * t);
        double b = beta(t);
        if (b == 0) return Double.NEGATIVE_INFINITY;
        return -alpha(t) * alphaDot(t) / b;
    }

    @Override public String toString() { return "CosineSchedule(s=" + s + ")"; }
}
