package genflow.loss;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.nn.RqSpline;
import genflow.path.GaussianPath;
import genflow.schedule.LinearSchedule;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Flow matching with learned quantile noise (seed 000 "Learning Quantile Functions"; Chemseddine,
 * Kornhardt, Duong, Steidl 2025). Noise Y = Q_φ(U), U ~ U(0, 1)^d, with Q_φ a per-coordinate
 * monotone spline ({@link RqSpline}); velocity net v_θ and spline φ are trained jointly on
 * <pre>
 *   L(θ, φ) = E_{t, U, x₁} ‖ v_θ(t, x_t) − (x₁ − Q_φ(U)) ‖² + λ Σ_c W₂²(μ^c, ν_φ^c),
 *   x_t = (1 − t) Q_φ(U) + t x₁,
 * </pre>
 * where the second term is the squared 1-D Wasserstein distance between each data marginal and
 * the noise marginal, estimated on the batch by sorting: (1/n) Σᵢ (q^c_(i) − x^c_(i))². Time
 * direction: t = 0 noise, t = 1 data (the seed writes the reverse; the brief's convention is
 * used). The seed's W₂ is between the d-dimensional laws; since ν_φ is a product measure the
 * per-coordinate sum is the tractable surrogate used here (it lower-bounds the full W₂²).
 * The pairing of noise and data in the CFM term is independent, or exact minibatch OT; x_t and the
 * target come from the linear {@link GaussianPath}'s {@code sample(t, data, noise)} with noise
 * Q_φ(U). The noise batch of the Trainer is ignored: U is drawn from the generator.
 */
public final class QuantileNoiseLoss implements Objective {
    private static final GaussianPath LINEAR = new GaussianPath(new LinearSchedule());

    private final FieldModel net;
    private final RqSpline spline;
    private final double lambda;
    private final boolean ot;
    private final FieldModel.Workspace ws;

    /**
     * @param net    velocity model v_θ
     * @param spline learnable quantile function Q_φ (same dimension)
     * @param lambda weight λ ≥ 0 of the W₂ term
     * @param ot     pair noise and data by exact minibatch OT in the CFM term
     */
    public QuantileNoiseLoss(FieldModel net, RqSpline spline, double lambda, boolean ot) {
        if (net == null) throw new IllegalArgumentException("net must not be null");
        if (spline == null) throw new IllegalArgumentException("spline must not be null");
        if (spline.dim() != net.dim()) throw new IllegalArgumentException("spline has dim " + spline.dim() + ", net has " + net.dim());
        this.net = net;
        this.spline = spline;
        this.lambda = Require.nonNegative("lambda", lambda);
        this.ot = ot;
        this.ws = net.workspace();
    }

    @Override
    public int dim() { return net.dim(); }

    /** [net, spline]: gradient block 0 is θ, block 1 is φ. */
    @Override
    public List<Parametric> parameters() { return List.of(net, spline); }

    /**
     * Sorted 1-D squared W₂ between two samples of equal size m:
     * (1/m) Σᵢ (a_(i) − b_(i))² (exact for empirical measures, seed 000 "quantile functions").
     */
    public static double w2SquaredSorted(double[] a, double[] b) {
        if (a == null || b == null || a.length != b.length || a.length == 0) throw new IllegalArgumentException("a and b must be non-empty and of equal length");
        Require.finite("a", a);
        Require.finite("b", b);
        double[] x = a.clone(), y = b.clone();
        Arrays.sort(x);
        Arrays.sort(y);
        double s = 0;
        for (int i = 0; i < x.length; i++) s += (x[i] - y[i]) * (x[i] - y[i]);
        double w2 = s / x.length;
        if (!Double.isFinite(w2)) {
            // (1/m) Σ (x_i − y_i)² scaled by the largest |x_i − y_i| (the sum overflowed, the mean may not)
            double big = 0;
            for (int i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i] / 2 - y[i] / 2));
            double r = 0;
            for (int i = 0; i < x.length; i++) { double q = (x[i] / 2 - y[i] / 2) / big; r += q * q; }
            w2 = 4 * big * (big * (r / x.length));
            if (!Double.isFinite(w2)) {
                throw new IllegalArgumentException("the squared W2 distance of a and b exceeds the double range (their sorted values differ by up to "
                        + 2 * big + ")");
            }
        }
        return w2;
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = net.dim();
        Losses.check(data, null, n, d, rng, grads, parameters());
        double[] u = Losses.openUnitUniforms(n * d, rng), q = new double[n * d];
        spline.forward(u, n, q);
        double[] x1 = data;
        if (ot) {
            int[] s = ConditionalFlowMatching.otPairing(q, data, n, d);
            x1 = new double[n * d];
            for (int i = 0; i < n; i++) System.arraycopy(data, s[i] * d, x1, i * d, d);
        }
        double[] t = Losses.uniformTimes(n, 1, rng), xt = new double[n * d], target = new double[n * d], dv = new double[n * d];
        LINEAR.sample(t, x1, q, d, xt, target);
        double[] v = Losses.forward(ws, t, xt, n, "x_t = (1 - t) Q(U) + t data");
        double loss = Losses.squaredError(v, target, n, d, dv);
        double[] dx = new double[n * d];
        ws.backward(dv, grads[0], dx);
        // ∂CFM/∂q = (1 − t) ∂L/∂x_t + ∂L/∂v (the target x₁ − q enters with sign −, residual v − target)
        double[] dq = new double[n * d];
        for (int i = 0; i < n; i++) {
            for (int k = i * d; k < i * d + d; k++) dq[k] = (1 - t[i]) * dx[k] + dv[k];
        }
        if (lambda > 0) {
            Integer[] iq = new Integer[n];
            double[] xs = new double[n];
            for (int c = 0; c < d; c++) {
                final int cc = c;
                for (int i = 0; i < n; i++) { iq[i] = i; xs[i] = data[i * d + c]; }
                Arrays.sort(xs);
                Arrays.sort(iq, (a, b) -> Double.compare(q[a * d + cc], q[b * d + cc]));
                double w2 = 0;
                for (int r = 0; r < n; r++) {
                    int i = iq[r];
                    double diff = q[i * d + c] - xs[r];
                    w2 += diff * diff;
                    dq[i * d + c] += lambda * 2 * diff / n;
                }
                loss += lambda * w2 / n;
            }
        }
        if (!Double.isFinite(loss)) Losses.finite(loss, grads); // before the spline's check of dq names dq
        spline.backward(u, n, dq, grads[1]);
        return Losses.finite(loss, grads);
    }
}
