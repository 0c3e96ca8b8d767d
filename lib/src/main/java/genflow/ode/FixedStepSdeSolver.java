package genflow.ode;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * An SDE scheme with a fixed step h = (t1 − t0)/steps (negative when integrating backwards in
 * time). Subclasses provide one step, {@link #advance}; argument checks, the loop, trajectory
 * recording and a check of every step's result (shape [n][d], finite entries) live here, exactly
 * as {@link FixedStepSolver} does for ODEs. Meant for simulators written in the labs
 * (Euler–Maruyama of lab 01), so that they plug into every place that takes an {@link SdeSolver}.
 */
public abstract class FixedStepSdeSolver implements SdeSolver {
    /** For subclasses. */
    protected FixedStepSdeSolver() {}

    /**
     * One step of size h (negative when integrating backwards) from (t, x); arguments already
     * checked. Must return a new [n][d] array and leave {@code x} unchanged.
     */
    protected abstract double[][] advance(Sde sde, double t, double h, double[][] x, RandomGenerator rng);

    /**
     * One checked step of size h from (t, x); returns the new state.
     *
     * @throws IllegalArgumentException for a null SDE or generator, non-finite t or h, a bad batch x,
     *                                  or a step result of the wrong shape or with non-finite entries
     */
    public final double[][] step(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
        Batches.requireField("sde", sde);
        Batches.requireField("rng", rng);
        Require.finite("t", t);
        Require.finite("h", h);
        Require.nonEmptyBatch("x", x);
        return checked(sde, t, h, x, rng);
    }

    @Override
    public final double[][] integrate(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng) {
        check(sde, x0, t0, t1, steps, rng);
        return Batches.integrateFixed((t, h, x) -> checked(sde, t, h, x, rng), x0, t0, t1, steps, Batches.context(t0, t1, steps));
    }

    @Override
    public final Trajectory trajectory(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng, int... particles) {
        check(sde, x0, t0, t1, steps, rng);
        return Batches.trajectoryFixed((t, h, x) -> checked(sde, t, h, x, rng), x0, t0, t1, steps, particles, Batches.context(t0, t1, steps));
    }

    private double[][] checked(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
        double[][] y = advance(sde, t, h, x, rng);
        return Batches.eval(getClass().getSimpleName() + ".advance", (s, z) -> y, t, x);
    }

    private static void check(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng) {
        Batches.requireField("sde", sde);
        Batches.requireField("rng", rng);
        Require.nonEmptyBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
    }
}
