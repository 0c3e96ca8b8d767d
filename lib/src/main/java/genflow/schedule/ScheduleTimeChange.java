package genflow.schedule;

import genflow.math.Require;

/** f(t) = α_{1−t}, g(t) = β_{1−t}² of a {@link Schedule}. Time direction: t = 0 data, t = 1 noise. */
final class ScheduleTimeChange implements TimeChange {
    private final Schedule schedule;

    ScheduleTimeChange(Schedule schedule) {
        if (schedule == null) throw new IllegalArgumentException("schedule must not be null");
        this.schedule = schedule;
    }

    @Override public double f(double t) { return schedule.alpha(1 - Require.inRange("t", t, 0, 1)); }
    @Override public double fDot(double t) { return -schedule.alphaDot(1 - Require.inRange("t", t, 0, 1)); }
    @Override public double g(double t) { double b = schedule.beta(1 - Require.inRange("t", t, 0, 1)); return b * b; }
    @Override public double gDot(double t) {
        double s = 1 - Require.inRange("t", t, 0, 1);
        double b = schedule.beta(s), bd = schedule.betaDot(s);
        if (b == 0 && !Double.isFinite(bd)) {
            throw new IllegalArgumentException("t = " + t + ": gDot is undefined where beta = 0 and betaDot is infinite (" + schedule + ")");
        }
        return -2 * b * bd;
    }

    @Override public String toString() { return "TimeChange.fromSchedule(" + schedule + ")"; }
}
