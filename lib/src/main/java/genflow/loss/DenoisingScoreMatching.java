package genflow.loss;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.path.GaussianPath;
import genflow.schedule.Schedule;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Denoising score matching for a Gaussian path x_t = α_t x₁ + β_t ε, ε ~ N(0, I) (Vincent 2011;
 * Song et al. 2021 for VP/VE; seed 003 and seed 004 "Gaussian paths"). Time direction of the
 * {@link Schedule}: t = 0 noise, t = 1 data. The conditional score is
 * ∇ log p_t(x_t | x₁) = −(x_t − α_t x₁)/β_t² = −ε/β_t, and with the usual weighting λ_t = β_t²
 * <pre>
 *   L(θ) = E_{t~U[0, t_max], x₁, ε} ‖ β_t s_θ(t, x_t) + ε ‖²
 * </pre>
 * (the ε-prediction loss), with x₁ = data and ε = noise; x_t comes from the path's entry point
 * {@link GaussianPath#sample(double[], double[][], double[][])}. t_max &lt; 1 keeps away from
 * β_t = 0 where the score blows up. The noise batch handed to {@link #lossAndGradient} must be
 * standard normal (the Trainer's default). The model is any {@link FieldModel}; the trained score
 * is in flow time — for the reverse SDE in SDE time s = 1 − t use
 * {@link genflow.path.TimeReversal#score}.
 */
public final class DenoisingScoreMatching implements Objective {
    private final FieldModel net;
    private final Schedule schedule;
    private final GaussianPath path;
    private final double tMax;
    private final FieldModel.Workspace ws;
    private double[] xt, dOut, beta, target;

    /**
     * @param net      score model s_θ(t, x)
     * @param schedule α_t, β_t (β_t &gt; 0 on [0, t_max])
     * @param tMax     largest training time, in (0, 1]
     */
    public DenoisingScoreMatching(FieldModel net, Schedule schedule, double tMax) {
        if (net == null) throw new IllegalArgumentException("net must not be null");
        if (schedule == null) throw new IllegalArgumentException("schedule must not be null");
        Require.inRange("tMax", tMax, Double.MIN_VALUE, 1);
        this.net = net;
        this.schedule = schedule;
        this.path = new GaussianPath(schedule);
        this.tMax = tMax;
        this.ws = net.workspace();
    }

    /** The Gaussian path of the schedule (x_t comes from its {@code sample}). */
    public GaussianPath path() { return path; }

    @Override
    public int dim() { return net.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(net); }

    /**
     * Conditional score −(x − α_t x₁)/β_t² of the Gaussian path (one coordinate; x₁ = data).
     *
     * @throws IllegalArgumentException also when β_t = 0 at t or the score lies beyond the double range
     */
    public double conditionalScore(double t, double x, double data) {
        t = Require.time("t", t);
        Require.finite("x", x);
        Require.finite("data", data);
        double b = schedule.beta(t);
        if (!(b > 0) || !Double.isFinite(b)) throw new IllegalArgumentException("t = " + t + " gives beta_t = " + b + "; the conditional score needs beta_t > 0");
        double s = -(x - schedule.alpha(t) * data) / (b * b);
        if (!Double.isFinite(s)) {
            s = path.conditionalScore(t, new double[]{x}, new double[]{data})[0]; // without intermediate overflow, or a message naming x and data
        }
        return s;
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = net.dim();
        Losses.check(data, noise, n, d, rng, grads, parameters());
        if (noise == null) throw new IllegalArgumentException("noise (standard normal) must not be null for DSM");
        double[] t = Losses.uniformTimes(n, tMax, rng);
        beta = Losses.ensure(beta, n);
        xt = Losses.ensure(xt, n * d);
        dOut = Losses.ensure(dOut, n * d);
        for (int i = 0; i < n; i++) {
            double ti = t[i];
            double a = schedule.alpha(ti), b = schedule.beta(ti);
            if (!(b > 0) || !Double.isFinite(a) || !Double.isFinite(b)) {
                throw new IllegalArgumentException("schedule gives alpha = " + a + ", beta = " + b + " at t = " + ti + "; need finite alpha and beta > 0 on [0, tMax]");
            }
            beta[i] = b;
        }
        target = Losses.ensure(target, n * d);
        path.sample(t, data, noise, d, xt, target);
        double[] s = Losses.forward(ws, t, xt, n, "x_t = alpha_t data + beta_t noise");
        double loss = 0, c = 2.0 / n;
        for (int i = 0; i < n; i++) {
            double b = beta[i];
            for (int k = i * d; k < i * d + d; k++) {
                double r = b * s[k] + noise[k];
                loss += r * r;
                dOut[k] = c * b * r;
            }
        }
        ws.backward(dOut, grads[0], null);
        return Losses.finite(loss / n, grads);
    }
}
