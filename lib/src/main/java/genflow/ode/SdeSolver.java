package genflow.ode;

import java.util.random.RandomGenerator;

/**
 * A simulator of an Itô SDE dX = f(t, X) dt + G(t, X) dW ({@link Sde}) for a batch x ∈ R^{n×d},
 * from t0 to t1 in either direction (t1 &lt; t0 steps backwards in time, as a reverse-time SDE
 * needs; the noise increments then still have variance |h|). The SDE counterpart of
 * {@link OdeSolver}: {@link EulerMaruyama} implements it, and so can a student's own simulator
 * (extend {@link FixedStepSdeSolver}), which then samples wherever the course expects an
 * SdeSolver. The time direction is the SDE's own.
 */
public interface SdeSolver {
    /**
     * Simulates the SDE from {@code t0} to {@code t1} in {@code steps} equal steps.
     *
     * @param sde   the SDE
     * @param x0    initial states [n][d], n ≥ 1, finite (not modified)
     * @param t0    start time (finite)
     * @param t1    end time (finite)
     * @param steps number of steps (≥ 1)
     * @param rng   the source of the Brownian increments
     * @return the states at t1, a new [n][d] array
     * @throws IllegalArgumentException on bad arguments
     */
    double[][] integrate(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng);

    /**
     * Simulates like {@link #integrate} and records the chosen particles (all when none is given)
     * at every step.
     */
    Trajectory trajectory(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng, int... particles);
}
