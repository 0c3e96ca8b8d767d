package genflow.ode;

import genflow.dist.Density;
import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * Unadjusted Langevin algorithm (ULA): the Euler–Maruyama discretisation of the Langevin SDE
 * dX = ∇log p(X) dt + √2 dW, whose stationary law is p (seed 004 Remark 2.2 with σ_t = √2):
 * <pre>
 *   x_{k+1} = x_k + η ∇log p(x_k) + √(2η) ε_k,   ε_k ~ N(0, I).
 * </pre>
 * Seed 003 writes the same update as x + (η'/2)∇log p + √η' ε, i.e. η' = 2η. Without a
 * Metropolis correction the chain is biased by O(η). Time here is the number of steps.
 */
public final class Langevin {
    private final double stepSize;

    /** @param stepSize η &gt; 0 */
    public Langevin(double stepSize) {
        this.stepSize = Require.positive("stepSize", stepSize);
        if (!Double.isFinite(2 * stepSize)) throw new IllegalArgumentException("stepSize = " + stepSize + ": 2·stepSize must be finite");
    }

    public double stepSize() { return stepSize; }

    /**
     * Runs {@code steps} ULA steps with the score field evaluated at the fixed time {@code t}
     * (for annealed Langevin, call repeatedly with decreasing noise levels).
     *
     * @param score ∇log p as a field (only its value at time t is used)
     * @param x0    initial states [n][d] (not modified)
     */
    public double[][] run(VectorField score, double t, double[][] x0, int steps, RandomGenerator rng) {
        checkRun(score, t, x0, steps, rng);
        if (steps == 0) return Batches.copy(x0);
        return Batches.integrateFixed(ulaStep(score, t, rng), x0, 0, steps, steps, context(steps));
    }

    /**
     * As {@link #run(VectorField, double, double[][], int, RandomGenerator)}, recording the chain:
     * the trajectory's "times" are the step numbers 0, 1, …, steps. The same seed gives the same
     * final states as {@code run}.
     *
     * @param particles rows of x0 to record (none: all)
     */
    public Trajectory trajectory(VectorField score, double t, double[][] x0, int steps, RandomGenerator rng, int... particles) {
        checkRun(score, t, x0, steps, rng);
        Require.atLeast("steps", steps, 1);
        return Batches.trajectoryFixed(ulaStep(score, t, rng), x0, 0, steps, steps, particles, context(steps));
    }

    private String context(int steps) {
        return "check x0, the score, stepSize = " + stepSize + " and steps = " + steps + " (times here are step numbers)";
    }

    private static void checkRun(VectorField score, double t, double[][] x0, int steps, RandomGenerator rng) {
        Batches.requireField("score", score);
        Batches.requireField("rng", rng);
        Require.finite("t", t);
        Require.nonEmptyBatch("x0", x0);
        Require.atLeast("steps", steps, 0);
    }

    /** One ULA step on a fresh copy: x + η s(x) + √(2η) ε (the step length h of the loop is 1 and ignored). */
    private Batches.Step ulaStep(VectorField score, double t, RandomGenerator rng) {
        double noise = Math.sqrt(2 * stepSize);
        return (k, h, x) -> {
            double[][] s = Batches.eval("score", score, t, x);
            double[][] y = Batches.copy(x);
            for (int i = 0; i < y.length; i++) {
                for (int j = 0; j < y[i].length; j++) y[i][j] += stepSize * s[i][j] + noise * rng.nextGaussian();
            }
            return y;
        };
    }

    /** Runs {@code steps} ULA steps targeting {@code target} (its {@link Density#score}). */
    public double[][] run(Density target, double[][] x0, int steps, RandomGenerator rng) {
        Batches.requireField("target", target);
        int d = Require.nonEmptyBatch("x0", x0);
        if (d != target.dim()) throw new IllegalArgumentException("x0 has dimension " + d + ", expected target.dim() = " + target.dim());
        VectorField score = (t, x) -> {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = target.score(x[i]);
            return out;
        };
        return run(score, 0, x0, steps, rng);
    }

    @Override public String toString() { return "Langevin(stepSize=" + stepSize + ")"; }
}
