package genflow.ode;

import genflow.math.Require;

/**
 * A one-step method with a fixed step h = (t1 − t0)/steps. Implementations provide {@link #step};
 * the integration loop, argument checks and trajectory recording live here.
 */
public interface FixedStepSolver extends OdeSolver {
    /** One step of size h (negative when integrating backwards) from (t, x); returns the new state. */
    double[][] step(VectorField v, double t, double h, double[][] x);

    /** Order p of the global error O(h^p). */
    int order();

    @Override
    default double[][] integrate(VectorField v, double[][] x0, double t0, double t1, int steps) {
        Batches.requireField("v", v);
        Batches.requireBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
        double h = (t1 - t0) / steps;
        double[][] x = Batches.copy(x0);
        for (int k = 0; k < steps; k++) x = step(v, t0 + k * h, h, x);
        return x;
    }

    @Override
    default Trajectory trajectory(VectorField v, double[][] x0, double t0, double t1, int steps, int... particles) {
        Batches.requireField("v", v);
        Batches.requireBatch("x0", x0);
        Batches.requireTimes(t0, t1);
        Require.atLeast("steps", steps, 1);
        int[] p = Batches.requireParticles(particles, x0.length);
        double h = (t1 - t0) / steps;
        double[] times = new double[steps + 1];
        double[][][] states = new double[steps + 1][][];
        double[][] x = Batches.copy(x0);
        times[0] = t0;
        states[0] = Batches.select(x, p);
        for (int k = 0; k < steps; k++) {
            x = step(v, t0 + k * h, h, x);
            times[k + 1] = k + 1 == steps ? t1 : t0 + (k + 1) * h;
            states[k + 1] = Batches.select(x, p);
        }
        return new Trajectory(times, states, p.length == 0 ? allRows(x0.length) : p);
    }

    private static int[] allRows(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) r[i] = i;
        return r;
    }
}
