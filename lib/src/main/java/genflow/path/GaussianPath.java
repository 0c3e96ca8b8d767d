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
        t = Vectors.time(t);
        Vectors.batchPair("data", data, "noise", noise);
        double a = schedule.alpha(t), b = schedule.beta(t);
        double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            out[i] = Vectors.lin(a, data[i], b, noise[i]);
            if (!Vectors.allFinite(out[i])) {
                double[] r = out[i], z = data[i], e = noise[i];
                for (int j = 0; j < r.length; j++) r[j] = Vectors.scaled(new double[]{1}, Vectors.term(a, z[j]), Vectors.term(b, e[j]));
                if (!Vectors.allFinite(r)) {
                    throw Vectors.notFinite("x_t = alpha_t data + beta_t noise (row " + i + ")", "t", t, r, "alpha_t = " + a + ", beta_t = " + b, "data, noise");
                }
            }
        }
        return out;
    }

    /**
     * The training entry point: for one time per row, x_{t_i} = α_{t_i} data_i + β_{t_i} noise_i
     * and the target u_{t_i}(x_{t_i} | data_i, noise_i) = α̇_{t_i} data_i + β̇_{t_i} noise_i, the
     * velocity of the straight-through conditional path (for the linear schedule: data − noise).
     *
     * @throws IllegalArgumentException on bad shapes, times outside [0, 1], non-finite points,
     *                                  where α̇, β̇ are not finite (e.g. VP at t = 1), or where x_t or
     *                                  the target lies beyond the double range
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
            if (!Vectors.allFinite(x) || !Vectors.allFinite(u)) rescue(t, i, c, z, e, x, u, 0, 0, d);
        }
        return new PathSample(xt, target);
    }

    /**
     * Row i had a non-finite x_t or target: recomputes its entries without intermediate overflow
     * and throws, naming the row, when the exact value lies beyond the double range.
     */
    private static void rescue(double[] t, int i, double[] c, double[] z, double[] e, double[] x, double[] u, int zOff, int xOff, int d) {
        for (int j = 0; j < d; j++) {
            double zj = z[zOff + j], ej = e[zOff + j];
            x[xOff + j] = Vectors.scaled(new double[]{1}, Vectors.term(c[0], zj), Vectors.term(c[1], ej));
            u[xOff + j] = Vectors.scaled(new double[]{1}, Vectors.term(c[2], zj), Vectors.term(c[3], ej));
        }
        for (int j = 0; j < d; j++) {
            if (!Double.isFinite(x[xOff + j]) || !Double.isFinite(u[xOff + j])) {
                throw new IllegalArgumentException("t[" + i + "] = " + t[i] + ": " + (Double.isFinite(x[xOff + j]) ? "the target alphaDot data + betaDot noise"
                        : "x_t = alpha data + beta noise") + " of row " + i + " is not finite ([" + j + "] = "
                        + (Double.isFinite(x[xOff + j]) ? u[xOff + j] : x[xOff + j]) + "; alpha = " + c[0] + ", beta = " + c[1] + ", alphaDot = "
                        + c[2] + ", betaDot = " + c[3] + "): it exceeds the double range for data[" + i + "] and noise[" + i + "]");
            }
        }
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
            boolean finite = true;
            for (int k = i * d; k < i * d + d; k++) {
                xt[k] = c[0] * data[k] + c[1] * noise[k];
                target[k] = c[2] * data[k] + c[3] * noise[k];
                finite &= Double.isFinite(xt[k]) & Double.isFinite(target[k]);
            }
            if (!finite) rescue(t, i, c, data, noise, xt, target, i * d, i * d, d);
        }
    }

    /** α, β, α̇, β̇ at t[i] into c; rejects a non-finite α̇ or β̇ (no target there). */
    private void coefficients(double[] t, int i, double[] c) {
        double ti = t[i];
        ti = Vectors.clamp(ti); // checkTimes let only a stage time a hair outside [0, 1] through
        double ad = schedule.alphaDot(ti), bd = schedule.betaDot(ti);
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
        t = Vectors.time(t);
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
        t = Vectors.time(t);
        Vectors.pair("x", x, "data", z);
        double b = beta(t);
        double r = schedule.betaDot(t) / b;
        double a = schedule.alphaDot(t) - r * schedule.alpha(t);
        double[] u = Vectors.lin(r, x, a, z);
        if (!Vectors.allFinite(u)) {
            // u = ((α̇β − β̇α) z + β̇ x)/β
            double al = schedule.alpha(t), ad = schedule.alphaDot(t), bd = schedule.betaDot(t);
            for (int j = 0; j < u.length; j++) {
                u[j] = Vectors.scaled(new double[]{b}, Vectors.term(ad, b, z[j]), Vectors.term(-bd, al, z[j]), Vectors.term(bd, x[j]));
            }
            if (!Vectors.allFinite(u)) {
                throw Vectors.notFinite("the conditional velocity", "t", t, u, "alpha_t = " + al + ", beta_t = " + b + ", alphaDot_t = " + ad
                        + ", betaDot_t = " + bd, "x, data");
            }
        }
        return u;
    }

    /** {@link #conditionalVelocity(double, double[], double[])} for every row pair (x_i, data_i). */
    public double[][] conditionalVelocity(double t, double[][] x, double[][] data) {
        double[][] z = data;
        t = Vectors.time(t);
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
        t = Vectors.time(t);
        Vectors.pair("x", x, "data", z);
        double b = beta(t);
        double[] s = Vectors.lin(-1 / (b * b), x, schedule.alpha(t) / (b * b), z);
        if (!Vectors.allFinite(s)) {
            double a = schedule.alpha(t);
            for (int j = 0; j < s.length; j++) s[j] = Vectors.scaled(new double[]{b, b}, Vectors.term(a, z[j]), Vectors.term(-1, x[j]));
            if (!Vectors.allFinite(s)) throw Vectors.notFinite("the conditional score -(x - alpha_t data)/beta_t^2", "t", t, s, "alpha_t = " + a + ", beta_t = " + b, "x, data");
        }
        return s;
    }

    /** {@link #conditionalScore(double, double[], double[])} for every row pair. */
    public double[][] conditionalScore(double t, double[][] x, double[][] data) {
        double[][] z = data;
        t = Vectors.time(t);
        Vectors.batchPair("x", x, "data", z);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalScore(t, x[i], z[i]);
        return out;
    }

    /**
     * log N(x; α_t z, β_t² I) = −‖x − α_t z‖²/(2β_t²) − (d/2) log(2π β_t²) with z = data; needs β_t &gt; 0.
     *
     * @throws IllegalArgumentException also when the log density lies below the double range
     *                                  (‖x − α_t data‖/β_t beyond about 1.9e154, e.g. |x| = 1e300)
     */
    public double conditionalLogDensity(double t, double[] x, double[] data) {
        double[] z = data;
        t = Vectors.time(t);
        int d = Vectors.pair("x", x, "data", z);
        double b = beta(t), a = schedule.alpha(t);
        double s = 0;
        for (int j = 0; j < d; j++) { double r = x[j] - a * z[j]; s += r * r; }
        double logp = -s / (2 * b * b) - 0.5 * d * Math.log(2 * Math.PI * b * b);
        return Double.isFinite(logp) ? logp : logDensityScaled(t, x, z, a, b);
    }

    /**
     * The log density without intermediate overflow (‖r‖ scaled by its largest entry, β_t kept out
     * of a square): used only where the direct formula was not finite; throws when the exact value
     * lies below the double range.
     */
    private static double logDensityScaled(double t, double[] x, double[] z, double a, double b) {
        int d = x.length;
        double[] r = new double[d];
        double big = 0;
        for (int j = 0; j < d; j++) {
            r[j] = Vectors.scaled(new double[]{1}, Vectors.term(x[j]), Vectors.term(-a, z[j]));
            big = Math.max(big, Math.abs(r[j]));
        }
        double q = big / b, s = 0;
        if (big > 0) for (int j = 0; j < d; j++) s += (r[j] / big) * (r[j] / big);
        double logp = -q * (q * (s / 2)) - d * (0.5 * Math.log(2 * Math.PI) + Math.log(b));
        if (!Double.isFinite(logp)) {
            throw new IllegalArgumentException("t = " + t + ": log N(x; alpha_t data, beta_t^2 I) = " + logp + " is not finite (|x - alpha_t data| = "
                    + (Double.isFinite(big) ? big * Math.sqrt(s) : big) + ", beta_t = " + b + "): it lies below the double range for these x and data at this t");
        }
        return logp;
    }

    /** The conditional field x ↦ u_t(x | data) for a fixed data point, e.g. to simulate the conditional path. */
    public VectorField conditionalVelocityField(double[] data) {
        double[] zc = Require.finite("data", data).clone();
        if (zc.length == 0) throw new IllegalArgumentException("data has dimension 0; it must have at least one entry");
        return (t, x) -> {
            Require.nonEmptyBatch("x", x, zc.length);
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
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            if (!(ti >= 0 && ti <= 1)) Require.time("t[" + i + "]", ti); // rejects all but a stage time a hair outside [0, 1]
        }
    }

    @Override public String toString() { return "GaussianPath(" + schedule + ")"; }
}
