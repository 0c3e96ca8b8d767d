package genflow.loss;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.path.GaussianPath;
import genflow.schedule.LinearSchedule;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Conditional flow matching on a GIVEN coupling π of noise and data — the training step of
 * rectified flow and of reflow (Liu, Gong, Liu 2023, "Flow straight and fast", Alg. 1; seed 003,
 * "Rectified flows"). Time direction: t = 0 noise, t = 1 data.
 * <pre>
 *   L(θ) = E_{t~U[0,1], (x₀, x₁)~π} ‖ v_θ(t, x_t) − u_t(x_t | x₁, x₀) ‖²,
 *   x_t = α_t x₁ + β_t x₀,  u_t = α̇_t x₁ + β̇_t x₀   (linear path: x_t = (1 − t) x₀ + t x₁, u_t = x₁ − x₀)
 * </pre>
 * (mean over the batch of the squared Euclidean norm; x₀ = noise, x₁ = data). Where
 * {@link ConditionalFlowMatching} pairs the trainer's noise and data batches as drawn (or re-pairs
 * them by minibatch OT), this loss takes the pairs themselves as its data: each data row is
 * {@code [x₀, x₁]} ∈ R^{2d} ({@link #pairs}), so {@link #dim()} is 2d while the model maps R^d to
 * R^d, and the trainer's noise batch is not used. Reflow: draw x₀ ~ N(0, I), solve the ODE of a
 * trained flow from x₀ to x₁ = Φ(x₀), and train on the pairs (x₀, Φ(x₀)), e.g.
 * <pre>{@code
 *   double[][] x1 = new RungeKutta4().integrate(net.asVectorField(), x0, 0, 1, 20);
 *   Mlp reflowed = net.copy();
 *   Trainer.builder(CoupledFlowMatching.of(reflowed)).data(new Empirical(CoupledFlowMatching.pairs(x0, x1)))
 *          .steps(1000).seed(1).build().run();
 * }</pre>
 * x_t and the target come from {@link GaussianPath#sample(double[], double[], double[], int, double[], double[])},
 * the times from one {@code rng.nextDouble()} per row in row order — the same draws as
 * {@link ConditionalFlowMatching#independent}, so on the same pairs and seed both give the same
 * loss and gradient. Not thread-safe (reusable buffers).
 */
public final class CoupledFlowMatching implements Objective {
    private static final GaussianPath LINEAR = new GaussianPath(new LinearSchedule());

    private final FieldModel model;
    private final GaussianPath path;
    private final FieldModel.Workspace ws;
    private double[] x0, x1, xt, target, dOut;

    private CoupledFlowMatching(FieldModel model, GaussianPath path) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        if (path == null) throw new IllegalArgumentException("path must not be null");
        this.model = model;
        this.path = path;
        this.ws = model.workspace();
    }

    /** CFM on given pairs along the linear (CondOT) path x_t = (1 − t) x₀ + t x₁. */
    public static CoupledFlowMatching of(FieldModel model) {
        return new CoupledFlowMatching(model, LINEAR);
    }

    /** CFM on given pairs along any Gaussian path. */
    public static CoupledFlowMatching of(FieldModel model, GaussianPath path) {
        return new CoupledFlowMatching(model, path);
    }

    /**
     * The pairs as data rows [x₀ᵢ, x₁ᵢ] ∈ R^{2d} (new arrays), for an
     * {@link genflow.dist.Empirical} the trainer samples from.
     *
     * @param noise x₀, [n][d], finite
     * @param data  x₁, [n][d] (the same n and d), finite
     */
    public static double[][] pairs(double[][] noise, double[][] data) {
        int d = Require.nonEmptyBatch("noise", noise);
        Require.nonEmptyBatch("data", data, d);
        if (data.length != noise.length) {
            throw new IllegalArgumentException("data has " + data.length + " rows, noise has " + noise.length + "; a coupling pairs them row by row");
        }
        double[][] out = new double[noise.length][2 * d];
        for (int i = 0; i < noise.length; i++) {
            System.arraycopy(noise[i], 0, out[i], 0, d);
            System.arraycopy(data[i], 0, out[i], d, d);
        }
        return out;
    }

    /** The conditional path x_t and the target come from. */
    public GaussianPath path() { return path; }

    /** The trained model (R^d → R^d). */
    public FieldModel model() { return model; }

    /** Dimension of the trainer's data rows, 2d: each row is a pair [x₀, x₁]. */
    @Override
    public int dim() { return 2 * model.dim(); }

    @Override
    public List<Parametric> parameters() { return List.of(model); }

    /**
     * @param data  n pairs, row-major n × 2d: [x₀ᵢ, x₁ᵢ]
     * @param noise not used (may be null)
     */
    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = model.dim();
        Losses.check(data, null, n, 2 * d, rng, grads, parameters());
        x0 = Losses.ensure(x0, n * d);
        x1 = Losses.ensure(x1, n * d);
        for (int i = 0; i < n; i++) {
            System.arraycopy(data, i * 2 * d, x0, i * d, d);
            System.arraycopy(data, i * 2 * d + d, x1, i * d, d);
        }
        double[] t = Losses.uniformTimes(n, 1, rng);
        xt = Losses.ensure(xt, n * d);
        target = Losses.ensure(target, n * d);
        dOut = Losses.ensure(dOut, n * d);
        path.sample(t, x1, x0, d, xt, target);
        double[] v = ws.forward(t, xt, n);
        double loss = Losses.squaredError(v, target, n, d, dOut);
        ws.backward(dOut, grads[0], null);
        return loss;
    }

    @Override
    public String toString() {
        return "CoupledFlowMatching(" + model + ", " + path + ")";
    }
}
