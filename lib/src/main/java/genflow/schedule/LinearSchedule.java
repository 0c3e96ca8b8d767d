package genflow.schedule;

import genflow.math.Require;

/**
 * The conditional-OT (linear) schedule α_t = t, β_t = 1 − t, so x_t = t z + (1 − t) ε
 * (Lipman et al. 2023; seed 004 eq. (16); seed 003 "straight conditional paths").
 * Time direction: t = 0 noise, t = 1 data.
 */
public final class LinearSchedule implements Schedule {
    /** Creates the CondOT schedule (it has no parameters). */
    public LinearSchedule() {}

    /** α_t = t. */
    @Override public double alpha(double t) { return Require.inRange("t", t, 0, 1); }

    /** β_t = 1 − t. */
    @Override public double beta(double t) { return 1 - Require.inRange("t", t, 0, 1); }

    /** α̇_t = 1. */
    @Override public double alphaDot(double t) { Require.inRange("t", t, 0, 1); return 1; }

    /** β̇_t = −1. */
    @Override public double betaDot(double t) { Require.inRange("t", t, 0, 1); return -1; }

    @Override public String toString() { return "LinearSchedule(alpha=t, beta=1-t)"; }
}
