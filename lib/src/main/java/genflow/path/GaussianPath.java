package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

import java.util.random.RandomGenerator;

/**
 * The Gaussian conditional probability path p_t(x | z) = N(x; α_t z, β_t² I) of a {@link Schedule}
 * (seed 004 §2, eqs. (16), (21), (28), (37)–(39); seed 003 "Gaussian conditional probability path"):
 * <pre>
 *   x_t = α_t z + β_t ε,  ε ~ N(0, I),
 *   u_t(x | z) = (α̇_t − (β̇_t/β_t) α_t) z + (β̇_t/β_t) x,
 *   ∇log p_t(x | z) = −(x − α_t z)/β_t².
 * </pre>
 * Time direction: t = 0 noise, t = 1 data (as {@link Schedule}). Velocity and score need β_t &gt; 0,
 * so they reject t = 1 for the schedules that end in β_1 = 0.
 */
public final class GaussianPath {
    private final Schedule schedule;

    public GaussianPath(Schedule schedule) {
        Vectors.notNull("schedule", schedule);
        this.schedule = schedule;
    }

    public Schedule schedule() { return schedule; }

    /** x_t = α_t z + β_t ε for given noise ε (deterministic; same shapes). */
    public double[][] interpolate(double t, double[][] z, double[][] eps) {
        Vectors.time(t);
        Vectors.batchPair("z", z, "eps", eps);
        double a = schedule.alpha(t), b = schedule.beta(t);
        double[][] out = new double[z.length][];
        for (int i = 0; i < z.length; i++) out[i] = Vectors.lin(a, z[i], b, eps[i]);
        return out;
    }

    /** Draws x_t = α_t z_i + β_t ε_i for every row z_i (one fresh ε per row). */
    public double[][] sample(double t, double[][] z, RandomGenerator rng) {
        Vectors.time(t);
        Require.nonEmptyBatch("z", z);
        return sample(filled(z.length, t), z, rng);
    }

    /** Draws x_i = α_{t_i} z_i + β_{t_i} ε_i with one time per row (as in CFM training batches). */
    public double[][] sample(double[] t, double[][] z, RandomGenerator rng) {
        int d = Require.nonEmptyBatch("z", z);
        checkTimes(t, z.length);
        Vectors.notNull("rng", rng);
        double[][] out = new double[z.length][d];
        for (int i = 0; i < z.length; i++) {
            double a = schedule.alpha(t[i]), b = schedule.beta(t[i]);
            for (int j = 0; j < d; j++) out[i][j] = a * z[i][j] + b * rng.nextGaussian();
        }
        return out;
    }

    /** u_t(x | z) = (α̇_t − (β̇_t/β_t) α_t) z + (β̇_t/β_t) x; needs β_t &gt; 0. */
    public double[] conditionalVelocity(double t, double[] x, double[] z) {
        Vectors.time(t);
        Vectors.pair("x", x, "z", z);
        double b = beta(t);
        double r = schedule.betaDot(t) / b;
        double a = schedule.alphaDot(t) - r * schedule.alpha(t);
        return Vectors.requireFiniteResult("the conditional velocity", t, Vectors.lin(r, x, a, z));
    }

    /** {@link #conditionalVelocity(double, double[], double[])} for every row pair (x_i, z_i). */
    public double[][] conditionalVelocity(double t, double[][] x, double[][] z) {
        Vectors.time(t);
        Vectors.batchPair("x", x, "z", z);
        return conditionalVelocity(filled(x.length, t), x, z);
    }

    /** Row-wise u_{t_i}(x_i | z_i) with one time per row. */
    public double[][] conditionalVelocity(double[] t, double[][] x, double[][] z) {
        Vectors.batchPair("x", x, "z", z);
        checkTimes(t, x.length);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t[i], x[i], z[i]);
        return out;
    }

    /** ∇_x log p_t(x | z) = −(x − α_t z)/β_t²; needs β_t &gt; 0. */
    public double[] conditionalScore(double t, double[] x, double[] z) {
        Vectors.time(t);
        Vectors.pair("x", x, "z", z);
        double b = beta(t);
        return Vectors.lin(-1 / (b * b), x, schedule.alpha(t) / (b * b), z);
    }

    /** {@link #conditionalScore(double, double[], double[])} for every row pair. */
    public double[][] conditionalScore(double t, double[][] x, double[][] z) {
        Vectors.time(t);
        Vectors.batchPair("x", x, "z", z);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalScore(t, x[i], z[i]);
        return out;
    }

    /** log N(x; α_t z, β_t² I) = −‖x − α_t z‖²/(2β_t²) − (d/2) log(2π β_t²); needs β_t &gt; 0. */
    public double conditionalLogDensity(double t, double[] x, double[] z) {
        Vectors.time(t);
        int d = Vectors.pair("x", x, "z", z);
        double b = beta(t), a = schedule.alpha(t);
        double s = 0;
        for (int j = 0; j < d; j++) { double r = x[j] - a * z[j]; s += r * r; }
        return -s / (2 * b * b) - 0.5 * d * Math.log(2 * Math.PI * b * b);
    }

    /** The conditional field x ↦ u_t(x | z) for a fixed data point z, e.g. to simulate the conditional path. */
    public VectorField conditionalVelocityField(double[] z) {
        double[] zc = Require.finite("z", z).clone();
        return (t, x) -> {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t, x[i], zc);
            return out;
        };
    }

    private double beta(double t) {
        return Vectors.positiveCoefficient("beta_t", schedule.beta(t), t, "the conditional velocity and score need beta_t > 0 (" + schedule + ")");
    }

    private static double[] filled(int n, double t) {
        double[] ts = new double[n];
        java.util.Arrays.fill(ts, t);
        return ts;
    }

    static void checkTimes(double[] t, int n) {
        if (t == null) throw new IllegalArgumentException("t must not be null");
        if (t.length != n) throw new IllegalArgumentException("t has " + t.length + " entries, expected " + n + " (one per row)");
        for (int i = 0; i < n; i++) Require.inRange("t[" + i + "]", t[i], 0, 1);
    }

    @Override public String toString() { return "GaussianPath(" + schedule + ")"; }
}
