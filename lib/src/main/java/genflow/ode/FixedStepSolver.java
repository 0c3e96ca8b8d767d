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
        try {
            double[][] y = advance(v, t, h, x);
            Batches.requireFiniteState(y, t + h);
            return y;
        } catch (Batches.NonFiniteState e) {
            throw Batches.overflow(e, "check x, t = " + t + " and h = " + h);
        }
    }

    @Override
    public final double[][] integrate(VectorField v, double[][] x0, double t0, double t1, int steps) {
        check(v, x0, t0, t1, steps);
        return Batches.integrateFixed((t, h, x) -> advance(v, t, h, x), x0, t0, t1, steps, Batches.context(t0, t1, steps));
    }

    @Override
    public final Trajectory trajectory(VectorField v, double[][] x0, double t0, double t1, int steps, int... particles) {
        check(v, x0, t0, t1, steps);
        return Batches.trajectoryFixed((t, h, x) -> advance(v, t, h, x), x0, t0, t1, steps, particles, Batches.context(t0, t1, steps));
    }

    private static void check(VectorField v, double[][] x0, double t0, double t1, int steps) {
        Batches.requireField("v", v);
        Require.nonEmptyBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
    }
}
