package genflow.schedule;

import genflow.math.Require;

/**
 * Polynomial schedule α_t = t^k, β_t = 1 − t^k with exponent k ≥ 1 (k = 1 is {@link LinearSchedule}).
 * It is the CondOT path run on the clock τ = t^k: for k &gt; 1 the path lingers near the noise and
 * rushes into the data at the end. Time direction: t = 0 noise, t = 1 data.
 */
public final class PolynomialSchedule implements Schedule {
    private final double k;

    /** @param k exponent, finite and ≥ 1 (so that all derivatives are finite on [0, 1]) */
    public PolynomialSchedule(double k) {
        Require.finite("k", k);
        this.k = Require.inRange("k", k, 1, Double.MAX_VALUE);
    }

    public double exponent() { return k; }

    /** α_t = t^k. */
    @Override public double alpha(double t) { return Math.pow(Require.inRange("t", t, 0, 1), k); }

    /** β_t = 1 − t^k. */
    @Override public double beta(double t) { return 1 - alpha(t); }

    /** α̇_t = k t^{k−1}. */
    @Override public double alphaDot(double t) {
        Require.inRange("t", t, 0, 1);
        return k == 1 ? 1 : k * Math.pow(t, k - 1);
    }

    /** β̇_t = −k t^{k−1}. */
    @Override public double betaDot(double t) { return -alphaDot(t); }

    @Override public String toString() { return "PolynomialSchedule(k=" + k + ")"; }
}
