package genflow.ode;

import genflow.math.Require;

/**
 * Recorded states of chosen particles along an integration: {@code times[k]} and
 * {@code states[k][m][j]} (time index k = 0..steps, particle m, coordinate j), where particle m is
 * row {@code particles[m]} of the integrated batch. Immutable (arrays are copied in and out).
 */
public final class Trajectory {
    private final double[] times;
    private final double[][][] states;
    private final int[] particles;

    /**
     * @param times     the K recorded times
     * @param states    states [K][m][d]
     * @param particles the batch rows the m recorded particles came from
     */
    public Trajectory(double[] times, double[][][] states, int[] particles) {
        if (times == null) throw new IllegalArgumentException("times must not be null");
        if (states == null) throw new IllegalArgumentException("states must not be null");
        if (particles == null) throw new IllegalArgumentException("particles must not be null");
        Require.finite("times", times);
        if (times.length != states.length) {
            throw new IllegalArgumentException("states has " + states.length + " entries but times has " + times.length + " (one state per time)");
        }
        for (int m = 0; m < particles.length; m++) {
            if (particles[m] < 0) throw new IllegalArgumentException("particles[" + m + "] = " + particles[m] + " must be a row index >= 0");
        }
        this.times = times.clone();
        this.particles = particles.clone();
        this.states = new double[states.length][][];
        int d = -1;
        for (int k = 0; k < states.length; k++) {
            if (states[k] == null || states[k].length != particles.length) {
                throw new IllegalArgumentException("states[" + k + "] has " + (states[k] == null ? "null" : states[k].length + " rows")
                        + ", expected particles.length = " + particles.length + " (one row per particle)");
            }
            if (d < 0 && particles.length > 0) d = states[k][0] == null ? 0 : states[k][0].length;
            Require.batch("states[" + k + "]", states[k], Math.max(d, 0));
            this.states[k] = Batches.copy(states[k]);
        }
    }

    /** Number of recorded times (steps + 1 for fixed-step solvers). */
    public int length() { return times.length; }

    /** Number of recorded particles. */
    public int particleCount() { return particles.length; }

    public double[] times() { return times.clone(); }

    public int[] particles() { return particles.clone(); }

    /** The recorded particles' states at time index k, [m][d]. */
    public double[][] state(int k) {
        if (k < 0 || k >= times.length) throw new IllegalArgumentException("k = " + k + " is outside [0, " + (times.length - 1) + "]");
        return Batches.copy(states[k]);
    }

    /** Coordinate j of recorded particle m over time (length {@link #length()}), e.g. for plotting. */
    public double[] coordinate(int m, int j) {
        if (m < 0 || m >= particles.length) throw new IllegalArgumentException("m = " + m + " is outside [0, " + (particles.length - 1) + "]");
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            if (j < 0 || j >= states[k][m].length) throw new IllegalArgumentException("j = " + j + " is outside [0, " + (states[k][m].length - 1) + "]");
            out[k] = states[k][m][j];
        }
        return out;
    }

    /** All states, [K][m][d] (a deep copy). */
    public double[][][] states() {
        double[][][] c = new double[states.length][][];
        for (int k = 0; k < states.length; k++) c[k] = Batches.copy(states[k]);
        return c;
    }
}
