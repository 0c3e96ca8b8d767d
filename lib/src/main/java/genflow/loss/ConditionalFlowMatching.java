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

    /** Conditional path x_t = (1 − t) x₀ + t x₁ of the linear schedule (one coordinate; x₀ noise, x₁ data). */
    public static double interpolate(double t, double x0, double x1) {
        return (1 - t) * x0 + t * x1;
    }

    /** Conditional velocity target u_t(x | x₀, x₁) = x₁ − x₀ of the linear schedule (one coordinate). */
    public static double target(double x0, double x1) {
        return x1 - x0;
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
        double[][] cost = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    double diff = noise[i * d + k] - data[j * d + k];
                    s += diff * diff;
                }
                cost[i][j] = s;
            }
        }
        return Assignment.solve(cost);
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
        double[] v = ws.forward(t, xt, n);
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return loss;
    }
}
