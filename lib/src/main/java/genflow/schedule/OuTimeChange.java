package genflow.schedule;

import genflow.math.Require;

/**
 * f(t) = exp(−h(t)/2), g(t) = 1 − exp(−h(t)), h(t) = β_min t + ½(β_max − β_min) t²
 * (seed 000 Step 3, "Diffusion (Ornstein–Uhlenbeck)"). Time direction: t = 0 data, t = 1 noise.
 */
final class OuTimeChange implements TimeChange {
    private final double betaMin;
    private final double betaMax;

    OuTimeChange(double betaMin, double betaMax) {
        this.betaMin = Require.nonNegative("betaMin", betaMin);
        this.betaMax = Require.positive("betaMax", betaMax);
        if (betaMax < betaMin) throw new IllegalArgumentException("betaMax = " + betaMax + " must be >= betaMin = " + betaMin);
    }

    private double h(double t) { return betaMin * t + 0.5 * (betaMax - betaMin) * t * t; }
    private double b(double t) { return betaMin + t * (betaMax - betaMin); }

    /** f(t) = e^{−h(t)/2}. */
    @Override public double f(double t) { return Math.exp(-0.5 * h(Require.inRange("t", t, 0, 1))); }
    /** ḟ(t) = −½ b(t) f(t). */
    @Override public double fDot(double t) { return -0.5 * b(Require.inRange("t", t, 0, 1)) * f(t); }
    /** g(t) = 1 − e^{−h(t)}. */
    @Override public double g(double t) { return -Math.expm1(-h(Require.inRange("t", t, 0, 1))); }
    /** ġ(t) = b(t) e^{−h(t)}. */
    @Override public double gDot(double t) { return b(Require.inRange("t", t, 0, 1)) * Math.exp(-h(t)); }

    @Override public String toString() { return "TimeChange.ornsteinUhlenbeck(betaMin=" + betaMin + ", betaMax=" + betaMax + ")"; }
}
