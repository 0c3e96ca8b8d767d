package genflow.schedule;

import genflow.math.Require;

/** f(t) = 1 − t, g(t) = t² (seed 000 Step 3, "FM"). Time direction: t = 0 data, t = 1 noise. */
final class FlowMatchingTimeChange implements TimeChange {
    @Override public double f(double t) { return 1 - Require.inRange("t", t, 0, 1); }
    @Override public double fDot(double t) { Require.inRange("t", t, 0, 1); return -1; }
    @Override public double g(double t) { Require.inRange("t", t, 0, 1); return t * t; }
    @Override public double gDot(double t) { return 2 * Require.inRange("t", t, 0, 1); }
    @Override public String toString() { return "TimeChange.flowMatching(f=1-t, g=t^2)"; }
}
