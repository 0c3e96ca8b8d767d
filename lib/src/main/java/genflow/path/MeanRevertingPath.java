package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.process.Process1D;
import genflow.schedule.TimeChange;

import java.util.random.RandomGenerator;

/**
 * The mean-reverting path X_t = f(t) X_0 + Y_{g(t)} over a 1-D noise process Y (seed 000,
 * "Generative flows from 1D processes", Step 3), applied componentwise with independent copies of
 * Y in d dimensions (Step 2). Its conditional velocity is
 * <pre>
 *   v_t(x | x_0) = ḟ(t) x_0 + ġ(t) v^Y_{g(t)}(x − f(t) x_0),
 * </pre>
 * componentwise, where v^Y_s is the velocity of Y's law ({@link Process1D#velocity}) and
 * x_0 = data (the data point X_0; named {@code data} in the code, as everywhere in genflow).
 * Time direction (as in seed 000 Step 3): PROCESS time, t = 0 data, t = 1 noise — the opposite of
 * flow time. The methods here take process time; for training and sampling use
 * {@link #inFlowTime()}, the same path in flow time (t = 0 noise, t = 1 data), converted in
 * {@link TimeReversal}. With Brownian Y and {@link TimeChange#flowMatching()} it is the CondOT path
 * run backwards: v_t(x | x_0) = (x − x_0)/t = −u^{CondOT}_{1−t}(x | x_0).
 */
public final class MeanRevertingPath {
    private final Process1D process;
    private final TimeChange timeChange;

    public MeanRevertingPath(Process1D process, TimeChange timeChange) {
        Vectors.notNull("process", process);
        Vectors.notNull("timeChange", timeChange);
        this.process = process;
        this.timeChange = timeChange;
    }

    public Process1D process() { return process; }
    public TimeChange timeChange() { return timeChange; }

    /**
     * This path in flow time t = 1 − s (t = 0 noise, t = 1 data), the convention of every
     * flow-matching loss: its {@link ConditionalPath#sample(double[], double[][], java.util.random.RandomGenerator)}
     * gives x_t = X_{1−t} and the target −v_{1−t}(x_t | data). See {@link TimeReversal#of}.
     */
    public ConditionalPath inFlowTime() {
        return TimeReversal.of(this);
    }

    /** Draws X_t = f(t) data_i + Y_{g(t)} at process time t for every row data_i (independent Y per coordinate and row). */
    public double[][] sample(double t, double[][] data, RandomGenerator rng) {
        double[][] x0 = data;
        t = Vectors.time(t);
        Require.nonEmptyBatch("data", x0);
        double[] ts = new double[x0.length];
        java.util.Arrays.fill(ts, t);
        return sample(ts, x0, rng);
    }

    /** Draws X_{t_i} = f(t_i) data_i + Y_{g(t_i)} at process times t_i, one per row. */
    public double[][] sample(double[] t, double[][] data, RandomGenerator rng) {
        double[][] x0 = data;
        int d = Require.nonEmptyBatch("data", x0);
        GaussianPath.checkTimes(t, x0.length);
        Vectors.notNull("rng", rng);
        double[][] out = new double[x0.length][d];
        for (int i = 0; i < x0.length; i++) {
            double ti = Vectors.clamp(t[i]); // checkTimes let only a stage time a hair outside [0, 1] through
            double f = timeChange.f(ti), g = timeChange.g(ti);
            for (int j = 0; j < d; j++) {
                double y = process.sample(g, rng);
                out[i][j] = f * x0[i][j] + y;
                if (!Double.isFinite(out[i][j])) {
                    throw new IllegalArgumentException("t[" + i + "] = " + t[i] + ": X_t = f(t) data + Y_g(t) of row " + i + " is not finite ([" + j + "] = "
                            + out[i][j] + "; f(t) = " + f + ", Y = " + y + "): it exceeds the double range for data[" + i + "]");
                }
            }
        }
        return out;
    }

    /**
     * v_t(x | x0) = ḟ(t) x0 + ġ(t) v^Y_{g(t)}(x − f(t) x0), componentwise, with x0 = data, at process time t.
     *
     * @throws IllegalArgumentException also when the process velocity is not finite at (g(t), ·),
     *                                  e.g. at t = 0 where g = 0 for a Wiener-type process
     */
    public double[] conditionalVelocity(double t, double[] x, double[] data) {
        double[] x0 = data;
        t = Vectors.time(t);
        int d = Vectors.pair("x", x, "data", x0);
        double f = timeChange.f(t), fd = timeChange.fDot(t), g = timeChange.g(t), gd = timeChange.gDot(t);
        double[] out = new double[d];
        for (int j = 0; j < d; j++) out[j] = fd * x0[j] + gd * process.velocity(g, x[j] - f * x0[j]);
        if (!Vectors.allFinite(out)) {
            throw Vectors.notFinite("the conditional velocity", "t", t, out, "f(t) = " + f + ", fDot(t) = " + fd + ", g(t) = " + g + ", gDot(t) = " + gd, "x, data");
        }
        return out;
    }

    /** {@link #conditionalVelocity(double, double[], double[])} for every row pair (x_i, data_i). */
    public double[][] conditionalVelocity(double t, double[][] x, double[][] data) {
        double[][] x0 = data;
        t = Vectors.time(t);
        Vectors.batchPair("x", x, "data", x0);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t, x[i], x0[i]);
        return out;
    }

    /** Row-wise v_{t_i}(x_i | data_i) with one process time per row. */
    public double[][] conditionalVelocity(double[] t, double[][] x, double[][] data) {
        double[][] x0 = data;
        Vectors.batchPair("x", x, "data", x0);
        GaussianPath.checkTimes(t, x.length);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t[i], x[i], x0[i]);
        return out;
    }

    /** The conditional field x ↦ v_t(x | data) in process time for a fixed data point (the start X_0). */
    public VectorField conditionalVelocityField(double[] data) {
        double[] c = Require.finite("data", data).clone();
        if (c.length == 0) throw new IllegalArgumentException("data has dimension 0; it must have at least one entry");
        return (t, x) -> {
            Require.nonEmptyBatch("x", x, c.length);
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) out[i] = conditionalVelocity(t, x[i], c);
            return out;
        };
    }

    @Override public String toString() { return "MeanRevertingPath(" + process + ", " + timeChange + ")"; }
}
