package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

import java.util.random.RandomGenerator;

/**
 * The Gaussian conditional probability path p_t(x | z) = N(x; α_t z, β_t² I) of a {@link Schedule}
 * (seed 004 §2, eqs. (16), (21), (28), (37)–(39); seed 003 "Gaussian conditional probability path"),
 * with z = data (x₁) and ε = noise (x₀):
 * <pre>
 *   x_t = α_t z + β_t ε,  ε ~ N(0, I),
 *   d/dt x_t = α̇_t z + β̇_t ε   (the regression target of {@link #sample}),
 *   u_t(x | z) = (α̇_t − (β̇_t/β_t) α_t) z + (β̇_t/β_t) x,
 *   ∇log p_t(x | z) = −(x − α_t z)/β_t².
 * </pre>
 * Time direction: t = 0 noise, t = 1 data (as {@link Schedule}). Velocity and score need β_t &gt; 0,
 * so they reject t = 1 for the schedules that end in β_1 = 0. The training entry point
 * {@link #sample(double[], double[][], double[][])} takes the noise points as given (any noise law:
 * Gaussian, Student-t, learned), so a coupling can pair them with the data first.
 */
public final class GaussianPath implements ConditionalPath {
    private final Schedule schedule;

    public GaussianPath(Schedule schedule) {
        Vectors.notNull("schedule", schedule);
        this.schedule = schedule;
    }

    public Schedule schedule() { return schedule; }

    /** x_t = α_t data + β_t noise for given noise points (deterministic; same shapes). */
    public double[][] interpolate(double t, double[][] data, double[][] noise) {
        Vectors.time(t);
        Vectors.batchPair("data", data, "noise", noise);
        double a = schedule.alpha(t), b = schedule.beta(t);
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) out[i] = Vectors.lin(a, data[i], b, noise[i]);
        return out;
    }

    /**
     * The training entry point: for one time per row, x_{t_i} = α_{t_i} data_i + β_{t_i} noise_i
     * and the target u_{t_i}(x_{t_i} | data_i, noise_i) = α̇_{t_i} data_i + β̇_{t_i} noise_i, the
     * velocity of the straight-through conditional path (for the linear schedule: data − noise).
     *
     * @throws IllegalArgumentException on bad shapes, times outside [0, 1], non-finite points, or
     *                                  where α̇, β̇ are not finite (e.g. VP at t = 1)
     */
    public PathSample sample(double[] t, double[][] data, double[][] noise) {
        int d = Vectors.batchPair("data", data, "noise", noise);
        checkTimes(t, data.length);
        int n = data.length;
        double[][] xt = new double[n][d], target = new double[n][d];
        double[] c = new double[4];
        for (int i = 0; i < n; i++) {
            coefficients(t, i, c);
            double[] z = data[i], e = noise[i], x = xt[i], u = target[i];
            for (int j = 0; j < d; j++) {
                x[j] = c[0] * z[j] + c[1] * e[j];
                u[j] = c[2] * z[j] + c[3] * e[j];
            }
        }
        return new PathSample(xt, target);
    }

    /**
     * The same entry point on flat row-major batches, writing into the caller's buffers (no
     * allocation; for the fused training loops): n = t.length rows of d values,
     * xt_i = α_{t_i} data_i + β_{t_i} noise_i and target_i = α̇_{t_i} data_i + β̇_{t_i} noise_i,
     * computed by the same expressions as {@link #sample(double[], double[][], double[][])}.
     */
    public void sample(double[] t, double[] data, double[] noise, int d, double[] xt, double[] target) {
        if (t == null) throw new IllegalArgumentException("t must not be null");
        Require.atLeast("d", d, 1);
        int n = t.length;
        long m = (long) n * d;
        for (Object[] b : new Object[][]{{"data", data}, {"noise", noise}, {"xt", xt}, {"target", target}}) {
            double[] a = (double[]) b[1];
            if (a == null || a.length < m) throw new IllegalArgumentException(b[0] + " must hold n*d = " + m + " values (n = t.length = " + n + ", d = " + d + ")");
        }
        checkTimes(t, n);
        for (int k = 0; k < m; k++) {
            if (!Double.isFinite(data[k])) throw new IllegalArgumentException("data[" + k / d + "][" + k % d + "] = " + data[k] + " must be a finite number");
            if (!Double.isFinite(noise[k])) throw new IllegalArgumentException("noise[" + k / d + "][" + k % d + "] = " + noise[k] + " must be a finite number");
        }
        double[] c = new double[4];
        for (int i = 0; i < n; i++) {
            coefficients(t, i, c);
            for (int k = i * d; k < i * d + d; k++) {
                xt[k] = c[0] * data[k] + c[1] * noise[k];
                target[k] = c[2] * data[k] + c[3] * noise[k];
            }
        }
    }

    /** α, β, α̇, β̇ at t[i] into c; rejects a non-finite α̇ or β̇ (no target there). */
    private void coefficients(double[] t, int i, double[] c) {
        double ti = t[i], ad = schedule.alphaDot(ti), bd = schedule.betaDot(ti);
        if (!Double.isFinite(ad) || !Double.isFinite(bd)) {
            throw new IllegalArgumentException("t[" + i + "] = " + ti + ": the path velocity is not finite here (alphaDot = "
                    + ad + ", betaDot = " + bd + ", " + schedule + "); train on a smaller range of t");
        }
        c[0] = schedule.alpha(ti);
        c[1] = schedule.beta(ti);
        c[2] = ad;
        c[3] = bd;
    }

    /** {@link #sample(double[], double[][], double[][])} with the same time t for every row. */
    public PathSample sample(double t, double[][] data, double[][] noise) {
        Vectors.time(t);
        Require.nonEmptyBatch("data", data);
        return sample(filled(data.length, t), data, noise);
    }

    /**
     * {@link #sample(double[], double[][], double[][])} with standard normal noise drawn from
     * {@code rng}, row by row and coordinate by coordinate.
     */
    @Override
    public PathSample sample(double[] t, double[][] data, RandomGenerator rng) {
        int d = Require.nonEmptyBatch("data", data);
        checkTimes(t, data.length);
        Vectors.notNull("rng", rng);
        double[][] noise = new double[data.length][d];
        for (double[] row : noise) for (int j = 0; j < d; j++) row[j] = rng.nextGaussian();
        return sample(t, data, noise);
    }

    /** u_t(x | z) = (α̇_t − (β̇_t/β_t) α_t) z + (β̇_t/β_t) x with z = data; needs β_t &gt; 0. */
    public double[] conditionalVelocity(double t, double[] x, double[] data) {
        double[] z = data;
        Vectors.time(t);
        Vectors.pair("x", x, "data", z);
        double b = beta(t);
        double r = schedule.betaDot(t) / b;
        double a = schedule.alphaDot(t) - r * schedule.alpha(t);
        return Vectors.requireFiniteResult("the conditional velocity", t, Vectors.lin(r, x, a, z));
    }

    /** {@link #conditionalVelocity(double, double[], double[])} for every row pair (x_i, data_i). */
    public double[][] conditionalVelocity(double t, double[][] x, double[][] data) {
        double[][] z = data;
        Vectors.time(t);
        Vectors.batchPair("x", x, "data", z);
        return conditionalVelocity(filled(x.length, t), x, z);
    }

    /** Row-wise u_{t_i}(x_i | data_i) with one time per row. */
    public double[][] conditionalVelocity(double[] t, double[][] x, double[][] data) {
        double[][] z = data;
        Vectors.batchPair("x", x, "data", z);
        checkTimes(t, x.length);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t[i], x[i], z[i]);
        return out;
    }

    /** ∇_x log p_t(x | z) = −(x − α_t z)/β_t² with z = data; needs β_t &gt; 0. */
    public double[] conditionalScore(double t, double[] x, double[] data) {
        double[] z = data;
        Vectors.time(t);
        Vectors.pair("x", x, "data", z);
        double b = beta(t);
        return Vectors.lin(-1 / (b * b), x, schedule.alpha(t) / (b * b), z);
    }

    /** {@link #conditionalScore(double, double[], double[])} for every row pair. */
    public double[][] conditionalScore(double t, double[][] x, double[][] data) {
        double[][] z = data;
        Vectors.time(t);
        Vectors.batchPair("x", x, "data", z);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalScore(t, x[i], z[i]);
        return out;
    }

    /** log N(x; α_t z, β_t² I) = −‖x − α_t z‖²/(2β_t²) − (d/2) log(2π β_t²) with z = data; needs β_t &gt; 0. */
    public double conditionalLogDensity(double t, double[] x, double[] data) {
        double[] z = data;
        Vectors.time(t);
        int d = Vectors.pair("x", x, "data", z);
        double b = beta(t), a = schedule.alpha(t);
        double s = 0;
        for (int j = 0; j < d; j++) { double r = x[j] - a * z[j]; s += r * r; }
        return -s / (2 * b * b) - 0.5 * d * Math.log(2 * Math.PI * b * b);
    }

    /** The conditional field x ↦ u_t(x | data) for a fixed data point, e.g. to simulate the conditional path. */
    public VectorField conditionalVelocityField(double[] data) {
        double[] zc = Require.finite("data", data).clone();
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
