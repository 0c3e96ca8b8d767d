package genflow.loss;

import genflow.math.Require;
import genflow.nn.Mlp;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.process.Process1D;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Flow matching over a 1-D process (seed 000 "Generative flows from 1D processes", Step 3; Duong,
 * Chemseddine, Friz, Steidl 2025 for Kac). Time direction: t = 0 DATA, t = 1 noise (as in the
 * seed): X_t = f(t) X₀ + Y_{g(t)} componentwise with f(t) = 1 − t, g(t) = T t or T t²
 * (T = {@code horizon}), and the conditional velocity
 * <pre>
 *   u_t(x | x₀) = f'(t) x₀ + g'(t) v^Y_{g(t)}(x − f(t) x₀)            (componentwise)
 *   L(θ) = E_{t~U[t_min, 1], x₀, Y} ‖ v_θ(t, X_t) − u_t(X_t | x₀) ‖².
 * </pre>
 * Sampling integrates dx/dt = v_θ(t, x) backwards from t = 1 (noise Y_{g(1)}) to t = 0.
 * With a Wiener process and g(t) = t² this is FM with Gaussian noise in reversed time.
 */
public final class KacFlowMatching implements Objective {
    /** The time change g of the process clock. */
    public enum TimeChange {
        /** g(t) = T t. */
        LINEAR,
        /** g(t) = T t² (the seed's choice in the Kac FID table). */
        SQUARE
    }

    private final Mlp net;
    private final Process1D process;
    private final TimeChange change;
    private final double horizon, tMin;
    private final Mlp.Workspace ws;
    private double[] xt, target, dOut, t;

    /**
     * @param net     velocity network v_θ(t, x)
     * @param process the 1-D noise process Y (started at 0)
     * @param change  g(t) = T t or T t²
     * @param horizon T &gt; 0, the process time reached at t = 1
     * @param tMin    smallest training time in [0, 1) (process velocities may be singular at s = 0)
     */
    public KacFlowMatching(Mlp net, Process1D process, TimeChange change, double horizon, double tMin) {
        if (net == null) throw new IllegalArgumentException("net must not be null");
        if (process == null) throw new IllegalArgumentException("process must not be null");
        if (change == null) throw new IllegalArgumentException("change must not be null");
        this.net = net;
        this.process = process;
        this.change = change;
        this.horizon = Require.positive("horizon", horizon);
        if (!(tMin >= 0 && tMin < 1)) throw new IllegalArgumentException("tMin = " + tMin + " is outside [0, 1)");
        this.tMin = tMin;
        this.ws = net.workspace();
    }

    @Override
    public int dim() { return net.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(net); }

    /** f(t) = 1 − t. */
    public double f(double t) { return 1 - Require.inRange("t", t, 0, 1); }

    /** f'(t) = −1. */
    public double fDot(double t) { Require.inRange("t", t, 0, 1); return -1; }

    /** g(t) = T t or T t². */
    public double g(double t) {
        Require.inRange("t", t, 0, 1);
        return change == TimeChange.LINEAR ? horizon * t : horizon * t * t;
    }

    /** g'(t) = T or 2 T t. */
    public double gDot(double t) {
        Require.inRange("t", t, 0, 1);
        return change == TimeChange.LINEAR ? horizon : 2 * horizon * t;
    }

    /** Conditional velocity u_t(x | x₀) = f'(t) x₀ + g'(t) v^Y_{g(t)}(x − f(t) x₀) (one coordinate). */
    public double conditionalVelocity(double t, double x, double x0) {
        return fDot(t) * x0 + gDot(t) * process.velocity(g(t), x - f(t) * x0);
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = net.dim();
        Losses.check(data, null, n, d, rng, grads, parameters());
        t = Losses.ensure(t, n);
        xt = Losses.ensure(xt, n * d);
        target = Losses.ensure(target, n * d);
        dOut = Losses.ensure(dOut, n * d);
        for (int i = 0; i < n; i++) {
            double ti = tMin + (1 - tMin) * rng.nextDouble();
            t[i] = ti;
            double fi = f(ti), gi = g(ti), fd = fDot(ti), gd = gDot(ti);
            for (int k = i * d; k < i * d + d; k++) {
                double y = process.sample(gi, rng);
                xt[k] = fi * data[k] + y;
                target[k] = fd * data[k] + gd * process.velocity(gi, y);
                if (!Double.isFinite(target[k])) {
                    throw new IllegalArgumentException("process velocity is not finite at s = " + gi + ", y = " + y + "; raise tMin");
                }
            }
        }
        double[] v = ws.forward(t, xt, n);
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return loss;
    }
}
