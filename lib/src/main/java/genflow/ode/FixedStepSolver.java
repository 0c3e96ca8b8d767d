package genflow.ode;

import genflow.math.Require;

/**
 * A one-step method with a fixed step h = (t1 − t0)/steps, integrating in either direction (the
 * time direction is the field's own). Subclasses provide {@link #advance}; argument checks, the
 * integration loop and trajectory recording live here.
 */
public abstract class FixedStepSolver implements OdeSolver {
    /** For subclasses. */
    protected FixedStepSolver() {}

    /** One step of size h (negative when integrating backwards) from (t, x); arguments already checked. */
    protected abstract double[][] advance(VectorField v, double t, double h, double[][] x);

    /** Order p of the global error O(h^p). */
    public abstract int order();

    /**
     * One step of size h (negative when integrating backwards) from (t, x); returns the new state.
     *
     * @throws IllegalArgumentException for a null field, non-finite t or h, or a bad batch x
     */
    public final double[][] step(VectorField v, double t, double h, double[][] x) {
        Batches.requireField("v", v);
        Require.finite("t", t);
        Require.finite("h", h);
        Require.nonEmptyBatch("x", x);
        return advance(v, t, h, x);
    }

    @Override
    public final double[][] integrate(VectorField v, double[][] x0, double t0, double t1, int steps) {
        check(v, x0, t0, t1, steps);
        double h = (t1 - t0) / steps;
        double[][] x = Batches.copy(x0);
        for (int k = 0; k < steps; k++) x = advance(v, t0 + k * h, h, x);
        return x;
    }

    @Override
    public final Trajectory trajectory(VectorField v, double[][] x0, double t0, double t1, int steps, int... particles) {
        check(v, x0, t0, t1, steps);
        int[] p = Batches.requireParticles(particles, x0.length);
        if (p.length == 0) p = Batches.allRows(x0.length);
        double h = (t1 - t0) / steps;
        double[] times = new double[steps + 1];
        double[][][] states = new double[steps + 1][][];
        double[][] x = Batches.copy(x0);
        times[0] = t0;
        states[0] = Batches.select(x, p);
        for (int k = 0; k < steps; k++) {
            x = advance(v, t0 + k * h, h, x);
            times[k + 1] = k + 1 == steps ? t1 : t0 + (k + 1) * h;
            states[k + 1] = Batches.select(x, p);
        }
        return new Trajectory(times, states, p);
    }

    private static void check(VectorField v, double[][] x0, double t0, double t1, int steps) {
        Batches.requireField("v", v);
        Require.nonEmptyBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
    }
}
