package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.process.Process1D;
import genflow.schedule.TimeChange;

import java.util.random.RandomGenerator;

/**
 * The ONE place where the two clocks of the course meet. Processes that run from data to noise —
 * the mean-reverting path X_s = f(s) X_0 + Y_{g(s)} over Kac or Wiener noise, the OU/VP forward
 * SDE, diffusion — use process time s (s = 0 data, s = 1 noise, as seed 000 and the SDE
 * literature); every flow and every flow-matching loss uses flow time t (t = 0 noise, t = 1 data).
 * They are related by
 * <pre>
 *   t = 1 − s,   x_t = X_{1−t},   u_t(x) = −v_{1−t}(x)   (velocities change sign),   ∇log p_t = ∇log q_{1−t}   (scores do not).
 * </pre>
 * Convert here, never by hand in a notebook: {@link #of(MeanRevertingPath)} (a path in flow time),
 * {@link #velocity(VectorField)} and {@link #score(VectorField)} (fields in the other clock).
 */
public final class TimeReversal {
    private TimeReversal() {}

    /**
     * t = 1 − s: flow time of process time s, and process time of flow time t (its own inverse); s in
     * [0, 1] (a solver's stage time a hair outside is clamped, see {@link Require#time}).
     */
    public static double flip(double s) {
        return 1 - Require.time("s", s);
    }

    /**
     * A velocity field in the other clock: (s, x) ↦ −v(1 − s, x). Integrating it from s = a to b
     * moves points exactly as integrating v from 1 − a to 1 − b. Its own inverse.
     */
    public static VectorField velocity(VectorField v) {
        if (v == null) throw new IllegalArgumentException("v must not be null");
        return (s, x) -> {
            double[][] u = v.apply(flip(s), x);
            for (double[] row : u) for (int j = 0; j < row.length; j++) row[j] = -row[j];
            return u;
        };
    }

    /**
     * A score (or any field that is a function of the state, not a velocity) in the other clock:
     * (s, x) ↦ score(1 − s, x), e.g. a score net trained in flow time for the reverse SDE or the
     * probability-flow ODE in SDE time s.
     */
    public static VectorField score(VectorField score) {
        if (score == null) throw new IllegalArgumentException("score must not be null");
        return (s, x) -> score.apply(flip(s), x);
    }

    /**
     * The mean-reverting path in flow time t = 1 − s: x_t = X_{1−t} = f(1−t) data + Y_{g(1−t)} and
     * the target u_t(x_t | data) = −v_{1−t}(x_t | data) = −(ḟ(1−t) data + ġ(1−t) v^Y_{g(1−t)}(Y)),
     * with one fresh Y per coordinate and row drawn from {@code rng} (row by row).
     */
    public static ConditionalPath of(MeanRevertingPath path) {
        if (path == null) throw new IllegalArgumentException("path must not be null");
        return new FlowTimePath(path);
    }

    private record FlowTimePath(MeanRevertingPath path) implements ConditionalPath {
        @Override
        public PathSample sample(double[] t, double[][] data, RandomGenerator rng) {
            int d = Require.nonEmptyBatch("data", data);
            GaussianPath.checkTimes(t, data.length);
            Vectors.notNull("rng", rng);
            Process1D y = path.process();
            TimeChange c = path.timeChange();
            int n = data.length;
            double[][] xt = new double[n][d], target = new double[n][d];
            for (int i = 0; i < n; i++) {
                double s = 1 - Vectors.clamp(t[i]);
                double f = c.f(s), fd = c.fDot(s), g = c.g(s), gd = c.gDot(s);
                for (int j = 0; j < d; j++) {
                    double yj = y.sample(g, rng);
                    xt[i][j] = f * data[i][j] + yj;
                    target[i][j] = -(fd * data[i][j] + gd * y.velocity(g, yj));
                }
                if (!Vectors.allFinite(xt[i]) || !Vectors.allFinite(target[i])) {
                    boolean x = !Vectors.allFinite(xt[i]);
                    throw Vectors.notFinite((x ? "x_t = f(1 - t) data + Y" : "the conditional velocity") + " of row " + i, "t[" + i + "]", t[i],
                            x ? xt[i] : target[i], "f = " + f + ", fDot = " + fd + ", process time g(1 - t) = " + g + ", gDot = " + gd, "data");
                }
            }
            return new PathSample(xt, target);
        }

        @Override
        public String toString() {
            return path + " in flow time t = 1 - s";
        }
    }
}
