package genflow.loss;

import genflow.nn.Objective;
import genflow.nn.Parametric;
import genflow.nn.RqSpline;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The noise-fitting term of seed 000 "Learning Quantile Functions" on its own (no velocity net):
 * a per-coordinate quantile function Q_φ ({@link RqSpline}) is fitted to data by
 * <pre>
 *   E(φ) = Σ_c W₂²(μ^c, (Q_φ^c)_# U(0, 1)) = Σ_c ∫₀¹ (Q_φ^c(u) − Q_{μ^c}(u))² du,
 * </pre>
 * the isometry μ ↦ Q_μ of (P₂(R), W₂) into L₂(0, 1). On a batch of n data points and n uniforms
 * it is estimated by sorting: (1/n) Σᵢ (q^c_(i) − x^c_(i))², whose gradient moves each spline value
 * towards the data point of the same rank. No time variable. The Trainer's noise batch is ignored:
 * U is drawn from the generator.
 */
public final class QuantileW2Loss implements Objective {
    private final RqSpline spline;

    /** @param spline the learnable quantile function Q_φ, trained in place */
    public QuantileW2Loss(RqSpline spline) {
        if (spline == null) throw new IllegalArgumentException("spline must not be null");
        this.spline = spline;
    }

    @Override
    public int dim() { return spline.dim(); }

    /** [spline]. */
    @Override
    public List<Parametric> parameters() { return List.of(spline); }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        int d = spline.dim();
        Losses.check(data, null, n, d, rng, grads, parameters());
        double[] u = Losses.openUnitUniforms(n * d, rng), q = new double[n * d];
        spline.forward(u, n, q);
        double[] dq = new double[n * d];
        double loss = 0;
        Integer[] order = new Integer[n];
        double[] xs = new double[n];
        for (int c = 0; c < d; c++) {
            final int cc = c;
            for (int i = 0; i < n; i++) { order[i] = i; xs[i] = data[i * d + c]; }
            Arrays.sort(xs);
            Arrays.sort(order, (a, b) -> Double.compare(q[a * d + cc], q[b * d + cc]));
            for (int r = 0; r < n; r++) {
                int i = order[r];
                double diff = q[i * d + c] - xs[r];
                loss += diff * diff / n;
                dq[i * d + c] = 2 * diff / n;
            }
        }
        if (!Double.isFinite(loss)) Losses.finite(loss, grads); // before the spline's check of dq names dq
        spline.backward(u, n, dq, grads[0]);
        return Losses.finite(loss, grads);
    }
}
