package genflow.loss;

import genflow.dist.Sampleable;
import genflow.nn.RqSpline;

import java.util.random.RandomGenerator;

/**
 * The noise law ν_φ = (Q_φ)_# U((0, 1)^d) of a learned quantile function (seed 000 "Learning
 * Quantile Functions"): a sample is Y = (Q_φ^1(U^1), …, Q_φ^d(U^d)) with i.i.d. U^c ~ U(0, 1),
 * so ν_φ is a product measure whose c-th marginal has quantile function Q_φ^c. A live view: it
 * reflects later training of the spline. No time variable.
 */
public final class QuantileNoise implements Sampleable {
    private final RqSpline spline;

    /** @param spline the quantile function Q_φ */
    public QuantileNoise(RqSpline spline) {
        if (spline == null) throw new IllegalArgumentException("spline must not be null");
        this.spline = spline;
    }

    public RqSpline spline() { return spline; }

    @Override
    public int dim() { return spline.dim(); }

    /** n samples Q_φ(U), U ~ U(0, 1)^d (U = 0 is redrawn). */
    @Override
    public double[][] sample(int n, RandomGenerator rng) {
        if (n < 1) throw new IllegalArgumentException("n = " + n + " must be >= 1");
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        int d = spline.dim();
        genflow.math.Require.cells("n", n, "d", d);
        double[][] u = new double[n][d];
        for (double[] row : u) {
            for (int c = 0; c < d; c++) {
                double v;
                do { v = rng.nextDouble(); } while (v == 0);
                row[c] = v;
            }
        }
        return spline.quantile(u);
    }
}
