package genflow.loss;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Mlp;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.path.ConditionalPath;
import genflow.path.MeanRevertingPath;
import genflow.path.PathSample;
import genflow.process.Process1D;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Flow matching over a 1-D process, e.g. Kac (seed 000 "Generative flows from 1D processes",
 * Step 3; Duong, Chemseddine, Friz, Steidl 2025 for Kac). The path is a {@link MeanRevertingPath}
 * X_s = f(s) X₀ + Y_{g(s)} (process time s: s = 0 data, s = 1 noise); the loss trains in FLOW time
 * t = 1 − s (t = 0 noise, t = 1 data, like every flow-matching loss), taking x_t and the target
 * from {@link MeanRevertingPath#inFlowTime()} (the conversion lives in
 * {@link genflow.path.TimeReversal}):
 * <pre>
 *   x_t = f(1−t) x₁ + Y_{g(1−t)},   u_t(x_t | x₁) = −ḟ(1−t) x₁ − ġ(1−t) v^Y_{g(1−t)}(Y_{g(1−t)})   (componentwise),
 *   L(θ) = E_{t~U[0, t_max], x₁, Y} ‖ v_θ(t, x_t) − u_t(x_t | x₁) ‖².
 * </pre>
 * Sampling integrates dx/dt = v_θ(t, x) forward from t = 0 (noise Y_{g(1)}, e.g. K_T) to t = 1,
 * like any flow. t_max &lt; 1 keeps away from the data end, where process velocities may be
 * singular (Wiener: y/(2s)). With a Wiener process and f = 1 − s, g = s² this is Gaussian FM.
 */
public final class KacFlowMatching implements Objective {
    /** The time change g of the process clock, with f(s) = 1 − s (process time s = 1 − t). */
    public enum TimeChange {
        /** g(s) = T s. */
        LINEAR,
        /** g(s) = T s² (the seed's choice in the Kac FID table). */
        SQUARE;

        /**
         * The clock f(s) = 1 − s, g(s) = T s or T s² with horizon T &gt; 0 (and 2T finite, for ġ), as a
         * {@link genflow.schedule.TimeChange} for {@link MeanRevertingPath} (process time s).
         */
        public genflow.schedule.TimeChange clock(double horizon) {
            Require.positive("horizon", horizon);
            if (!Double.isFinite(2 * horizon)) throw new IllegalArgumentException("horizon = " + horizon + ": 2·horizon (the largest gDot) must be finite");
            return new Clock(this, horizon);
        }
    }

    private record Clock(TimeChange change, double horizon) implements genflow.schedule.TimeChange {
        @Override public double f(double s) { return 1 - Require.time("s", s); }
        @Override public double fDot(double s) { Require.time("s", s); return -1; }
        @Override public double g(double s) {
            s = Require.time("s", s);
            return change == TimeChange.LINEAR ? horizon * s : horizon * s * s;
        }
        @Override public double gDot(double s) {
            s = Require.time("s", s);
            return change == TimeChange.LINEAR ? horizon : 2 * horizon * s;
        }
        @Override public String toString() {
            return "KacFlowMatching.TimeChange." + change + ".clock(" + horizon + "): f(s) = 1 - s, g(s) = "
                    + (change == TimeChange.LINEAR ? horizon + " s" : horizon + " s^2");
        }
    }

    private final FieldModel model;
    private final MeanRevertingPath path;
    private final ConditionalPath flowPath;
    private final double tMax;
    private final boolean processTime; // the deprecated data-time form
    private final FieldModel.Workspace ws;
    private double[] xt, target, dOut;

    /**
     * Kac-FM in flow time (t = 0 noise, t = 1 data).
     *
     * @param model velocity model v_θ(t, x)
     * @param path  the mean-reverting path over the noise process (process time), e.g.
     *              {@code new MeanRevertingPath(KacProcess.of(a, c), TimeChange.SQUARE.clock(T))}
     * @param tMax  largest training time in (0, 1] (flow time; 1 − tMax is the smallest process time)
     */
    public KacFlowMatching(FieldModel model, MeanRevertingPath path, double tMax) {
        this(model, path, tMax, false);
    }

    /**
     * The former data-time form (t = 0 DATA, t = 1 noise; sample by integrating from t = 1 down to
     * t = 0), kept until notebook 06 moves to the flow-time constructor: trains on
     * s ~ U[t_min, 1] with the target v_s(x_s | x₀) in process time.
     *
     * @deprecated use {@link #KacFlowMatching(FieldModel, MeanRevertingPath, double)} with
     * {@code new MeanRevertingPath(process, change.clock(horizon))} and {@code tMax = 1 - tMin}, and
     * integrate the trained field forward from t = 0 (noise) to t = 1 (data).
     */
    @Deprecated
    public KacFlowMatching(Mlp net, Process1D process, TimeChange change, double horizon, double tMin) {
        this(notNull("net", net), new MeanRevertingPath(notNull("process", process), notNull("change", change).clock(horizon)), 1 - checkTMin(tMin), true);
    }

    private KacFlowMatching(FieldModel model, MeanRevertingPath path, double tMax, boolean processTime) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        if (path == null) throw new IllegalArgumentException("path must not be null");
        if (!(tMax > 0 && tMax <= 1)) throw new IllegalArgumentException("tMax = " + tMax + " is outside (0, 1]");
        this.model = model;
        this.path = path;
        this.flowPath = path.inFlowTime();
        this.tMax = tMax;
        this.processTime = processTime;
        this.ws = model.workspace();
    }

    private static <T> T notNull(String name, T o) {
        if (o == null) throw new IllegalArgumentException(name + " must not be null");
        return o;
    }

    private static double checkTMin(double tMin) {
        if (!(tMin >= 0 && tMin < 1)) throw new IllegalArgumentException("tMin = " + tMin + " is outside [0, 1)");
        return tMin;
    }

    /** The mean-reverting path (process time); the loss uses its {@link MeanRevertingPath#inFlowTime()}. */
    public MeanRevertingPath path() { return path; }

    /** The largest training time (flow time). */
    public double tMax() { return tMax; }

    @Override
    public int dim() { return model.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(model); }

    /** f(s) = path clock's f at PROCESS time s. @deprecated process-time helper; use {@code path().timeChange()}. */
    @Deprecated
    public double f(double s) { return path.timeChange().f(s); }

    /** ḟ(s) at process time s. @deprecated use {@code path().timeChange()}. */
    @Deprecated
    public double fDot(double s) { return path.timeChange().fDot(s); }

    /** g(s) at process time s. @deprecated use {@code path().timeChange()}. */
    @Deprecated
    public double g(double s) { return path.timeChange().g(s); }

    /** ġ(s) at process time s. @deprecated use {@code path().timeChange()}. */
    @Deprecated
    public double gDot(double s) { return path.timeChange().gDot(s); }

    /**
     * Conditional velocity v_s(x | x₀) = ḟ(s) x₀ + ġ(s) v^Y_{g(s)}(x − f(s) x₀) at PROCESS time s
     * (one coordinate; x₀ = data).
     *
     * @deprecated process-time helper; use {@code path().conditionalVelocity(s, x, data)} or, in flow
     * time, {@code path().inFlowTime().sample(...)}.
     */
    @Deprecated
    public double conditionalVelocity(double s, double x, double data) {
        s = Require.time("s", s);
        Require.finite("x", x);
        Require.finite("data", data);
        return path.conditionalVelocity(s, new double[]{x}, new double[]{data})[0];
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = model.dim();
        Losses.check(data, null, n, d, rng, grads, parameters());
        xt = Losses.ensure(xt, n * d);
        target = Losses.ensure(target, n * d);
        dOut = Losses.ensure(dOut, n * d);
        double[] t = new double[n];
        double[] modelTime = t;
        if (processTime) {
            // deprecated data-time form: s ~ U[tMin, 1], sampled at flow time 1 − s, target and model time in process time
            double tMin = 1 - tMax;
            modelTime = new double[n];
            for (int i = 0; i < n; i++) {
                modelTime[i] = tMin + (1 - tMin) * rng.nextDouble();
                t[i] = 1 - modelTime[i];
            }
        } else {
            for (int i = 0; i < n; i++) t[i] = tMax * rng.nextDouble();
        }
        PathSample sample = flowPath.sample(t, Losses.rows(data, n, d), rng);
        Losses.flatten(sample.xt(), xt, d);
        Losses.flatten(sample.target(), target, d);
        if (processTime) for (int k = 0; k < n * d; k++) target[k] = -target[k];
        double[] v = Losses.forward(ws, modelTime, xt, n, "x_t = f(1 - t) data + Y");
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return Losses.finite(loss, grads);
    }
}
