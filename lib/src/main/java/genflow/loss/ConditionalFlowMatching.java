package genflow.loss;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.ot.Assignment;
import genflow.path.GaussianPath;
import genflow.schedule.LinearSchedule;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Conditional flow matching (Lipman et al. 2023; Tong et al. 2024 for OT-CFM; seed 004 ch. 3,
 * seed 000 "flow matching"). Time direction: t = 0 noise, t = 1 data.
 * <pre>
 *   L(θ) = E_{t~U[0,1], (x₀, x₁)~π} ‖ v_θ(t, x_t) − u_t(x_t | x₁, x₀) ‖²,
 *   x_t = α_t x₁ + β_t x₀,  u_t = α̇_t x₁ + β̇_t x₀   (linear path: x_t = (1 − t) x₀ + t x₁, u_t = x₁ − x₀)
 * </pre>
 * (mean over the batch of the squared Euclidean norm), with x₁ = data and x₀ = noise. x_t and the
 * target come from the path's one entry point {@link GaussianPath#sample(double[], double[][], double[][])}
 * (in its flat, allocation-free form);
 * the model is any {@link FieldModel} (the fused {@code Mlp} or a SameDiff model). The coupling π
 * is either independent (noise and data paired as drawn) or exact minibatch OT: the batch is
 * re-paired by the permutation σ minimising Σᵢ ‖x₀ᵢ − x₁σ(i)‖² ({@link Assignment#solve}).
 */
public final class ConditionalFlowMatching implements Objective {
    private static final GaussianPath LINEAR = new GaussianPath(new LinearSchedule());

    private final FieldModel model;
    private final GaussianPath path;
    private final boolean ot;
    private final FieldModel.Workspace ws;
    private double[] xt, target, dOut, paired;

    private ConditionalFlowMatching(FieldModel model, GaussianPath path, boolean ot) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        if (path == null) throw new IllegalArgumentException("path must not be null");
        this.model = model;
        this.path = path;
        this.ot = ot;
        this.ws = model.workspace();
    }

    /** I-CFM on the linear (CondOT) path: independent coupling. */
    public static ConditionalFlowMatching independent(FieldModel model) {
        return new ConditionalFlowMatching(model, LINEAR, false);
    }

    /** OT-CFM on the linear path: exact minibatch optimal-transport coupling on squared distances. */
    public static ConditionalFlowMatching minibatchOt(FieldModel model) {
        return new ConditionalFlowMatching(model, LINEAR, true);
    }

    /** CFM on any Gaussian path (e.g. VP or cosine schedule), independent or minibatch-OT coupling. */
    public static ConditionalFlowMatching of(FieldModel model, GaussianPath path, boolean minibatchOt) {
        return new ConditionalFlowMatching(model, path, minibatchOt);
    }

    public boolean usesOptimalTransport() { return ot; }

    /** The conditional path x_t and the target come from. */
    public GaussianPath path() { return path; }

    /** The trained model. */
    public FieldModel model() { return model; }

    @Override
    public int dim() { return model.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(model); }

    /** Conditional path x_t = (1 − t) x₀ + t x₁ of the linear schedule (one coordinate; x₀ noise, x₁ data; t in [0, 1]). */
    public static double interpolate(double t, double x0, double x1) {
        t = Require.time("t", t);
        Require.finite("x0", x0);
        Require.finite("x1", x1);
        return (1 - t) * x0 + t * x1; // a convex combination of finite numbers: finite
    }

    /**
     * Conditional velocity target u_t(x | x₀, x₁) = x₁ − x₀ of the linear schedule (one coordinate).
     *
     * @throws IllegalArgumentException also when x₁ − x₀ lies beyond the double range
     */
    public static double target(double x0, double x1) {
        Require.finite("x0", x0);
        Require.finite("x1", x1);
        double u = x1 - x0;
        if (!Double.isFinite(u)) throw new IllegalArgumentException("x1 - x0 = " + u + " for x0 = " + x0 + ", x1 = " + x1 + ": it exceeds the double range");
        return u;
    }

    /**
     * Permutation σ of the data rows minimising Σᵢ ‖x₀ᵢ − x₁σ(i)‖² (exact minibatch OT):
     * noise row i is paired with data row σ(i). Both batches are flat row-major n × d.
     */
    public static int[] otPairing(double[] noise, double[] data, int n, int d) {
        Require.atLeast("n", n, 1);
        Require.atLeast("d", d, 1);
        if ((long) n * d > Integer.MAX_VALUE) throw new IllegalArgumentException("n*d = " + (long) n * d + " is too large");
        if (noise == null || noise.length < n * d) throw new IllegalArgumentException("noise must hold n*d = " + n * d + " values, has " + (noise == null ? "null" : noise.length));
        if (data == null || data.length < n * d) throw new IllegalArgumentException("data must hold n*d = " + n * d + " values, has " + (data == null ? "null" : data.length));
        Require.cells("n", n, "n (the n × n squared distances)", n);
        for (int k = 0; k < n * d; k++) {
            if (!Double.isFinite(noise[k])) throw new IllegalArgumentException("noise[" + k / d + "][" + k % d + "] = " + noise[k] + " must be a finite number");
            if (!Double.isFinite(data[k])) throw new IllegalArgumentException("data[" + k / d + "][" + k % d + "] = " + data[k] + " must be a finite number");
        }
        double[][] cost = costs(noise, data, n, d, 1);
        if (!allFinite(cost)) {
            // points so far out that a squared distance overflows: the same pairing minimises the costs of the
            // points scaled by a power of two (exact), small enough that every squared distance is finite
            double big = 0;
            for (int k = 0; k < n * d; k++) big = Math.max(big, Math.max(Math.abs(noise[k]), Math.abs(data[k])));
            cost = costs(noise, data, n, d, Math.scalb(1.0, -Math.getExponent(big) - 1));
        }
        return Assignment.solve(cost);
    }

    /** The n × n squared distances ‖scale·noise_i − scale·data_j‖². */
    private static double[][] costs(double[] noise, double[] data, int n, int d, double scale) {
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = scale == 1 ? noise[i * d + k] - data[j * d + k] : scale * noise[i * d + k] - scale * data[j * d + k];
                    s += diff * diff;
                }
                cost[i][j] = s;
            }
        }
        return cost;
    }

    private static boolean allFinite(double[][] a) {
        for (double[] r : a) for (double v : r) if (!Double.isFinite(v)) return false;
        return true;
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = model.dim();
        Losses.check(data, noise, n, d, rng, grads, parameters());
        if (noise == null) throw new IllegalArgumentException("noise must not be null for CFM");
        double[] x1 = data;
        if (ot) {
            int[] s = otPairing(noise, data, n, d);
            paired = Losses.ensure(paired, n * d);
            for (int i = 0; i < n; i++) System.arraycopy(data, s[i] * d, paired, i * d, d);
            x1 = paired;
        }
        double[] t = Losses.uniformTimes(n, 1, rng);
        xt = Losses.ensure(xt, n * d);
        target = Losses.ensure(target, n * d);
        dOut = Losses.ensure(dOut, n * d);
        path.sample(t, x1, noise, d, xt, target);
        double[] v = Losses.forward(ws, t, xt, n, "x_t = alpha_t data + beta_t noise");
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return Losses.finite(loss, grads);
    }
}
