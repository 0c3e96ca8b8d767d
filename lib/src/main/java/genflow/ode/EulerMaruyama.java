package genflow.ode;

import genflow.math.Require;

import java.util.random.RandomGenerator;

/**
 * Euler–Maruyama for an {@link Sde} (seed 004 eq. (9); seed 003 "Discretization of SDE"):
 * X_{k+1} = X_k + h f(t_k, X_k) + g(t_k, X_k) ⊙ √|h| ε_k, ε_k ~ N(0, I_d), h = (t1 − t0)/steps.
 * A negative h (t1 &lt; t0) integrates backwards in time, as needed for a reverse-time SDE
 * dX = [...] dt + g dW̄ with dt &lt; 0 (the noise increment still has variance |h|).
 * Strong order ½, weak order 1.
 */
public final class EulerMaruyama implements SdeSolver {
    /** Creates the (parameter-free) scheme. */
    public EulerMaruyama() {}

    /**
     * Simulates the SDE from t0 to t1 in {@code steps} equal steps.
     *
     * @param x0 initial states [n][d] (not modified)
     * @return the states at t1, a new [n][d] array
     */
    public double[][] integrate(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng) {
        check(sde, x0, t0, t1, steps, rng);
        return Batches.integrateFixed((t, h, x) -> advance(sde, t, h, x, rng), x0, t0, t1, steps, Batches.context(t0, t1, steps));
    }

    /** Like {@link #integrate} and records the chosen particles (all when none given) at every step. */
    public Trajectory trajectory(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng, int... particles) {
        check(sde, x0, t0, t1, steps, rng);
        return Batches.trajectoryFixed((t, h, x) -> advance(sde, t, h, x, rng), x0, t0, t1, steps, particles, Batches.context(t0, t1, steps));
    }

    /** One step X + h f(t, X) + g(t, X) √|h| ε (h &lt; 0 steps backwards in time). */
    public double[][] step(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
        Batches.requireField("sde", sde);
        Batches.requireField("rng", rng);
        genflow.math.Require.finite("t", t);
        genflow.math.Require.finite("h", h);
        Require.nonEmptyBatch("x", x);
        try {
            double[][] y = advance(sde, t, h, x, rng);
            Batches.requireFiniteState(y, t + h);
            return y;
        } catch (Batches.NonFiniteState e) {
            throw Batches.overflow(e, "check x, t = " + t + " and h = " + h);
        }
    }

    private static double[][] advance(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
        double[][] f = Batches.eval("drift", sde.drift(), t, x);
        double[][] g = Batches.eval("diffusion", " (the SDE's diffusion g)", sde.diffusion(), t, x);
        double sq = Math.sqrt(Math.abs(h));
        int n = x.length, d = x[0].length;
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) out[i][j] = x[i][j] + h * f[i][j] + g[i][j] * sq * rng.nextGaussian();
        }
        return out;
    }

    private static void check(Sde sde, double[][] x0, double t0, double t1, int steps, RandomGenerator rng) {
        Batches.requireField("sde", sde);
        Batches.requireField("rng", rng);
        Require.nonEmptyBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
    }

    @Override public String toString() { return "EulerMaruyama"; }
}
