package genflow.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A training loss L(parameters; data batch, noise batch, randomness) with its gradient, as used by
 * {@link Trainer}. Implementations live in {@code genflow.loss}. An objective holds reusable
 * buffers: not thread-safe.
 */
public interface Objective {
    /** Dimension d of the noise points (and of the points the model maps). */
    int dim();

    /**
     * Number of columns of a data row, {@link #dim()} by default. An objective whose data carry side
     * information next to the point — e.g. rows [x₁, label] for label-conditioned flow matching
     * (chapter 10) — returns more: the {@link Trainer} then draws data rows of this width (and
     * noise rows of width {@link #dim()}).
     */
    default int dataDim() { return dim(); }

    /** The trainable parameter blocks, in the order of the gradient blocks. */
    List<Parametric> parameters();

    /**
     * Fast path on flat row-major batches: returns the loss and writes ∂L/∂(block b) into
     * {@code grads[b]} (overwritten; lengths as the blocks).
     *
     * @param data  n × {@link #dataDim()} data rows (n × d data points unless the objective says otherwise)
     * @param noise n × d noise points (objectives that make their own noise ignore it; may then be null)
     * @param n     batch size ≥ 1
     * @param rng   source of the times (and any other randomness) of this evaluation
     */
    double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads);

    /**
     * Loss value and one gradient array per parameter block (shape [numParameters]).
     *
     * @param loss      finite
     * @param gradients one finite array per block, none null
     */
    record Value(double loss, List<INDArray> gradients) {
        /** Checks that the loss and every gradient entry are finite. */
        public Value {
            if (!Double.isFinite(loss)) throw new IllegalArgumentException("loss = " + loss + " must be a finite number");
            if (gradients == null) throw new IllegalArgumentException("gradients must not be null");
            for (int b = 0; b < gradients.size(); b++) {
                INDArray g = gradients.get(b);
                if (g == null) throw new IllegalArgumentException("gradients[" + b + "] must not be null");
                if (g.length() > 0 && (g.isNaN().any() || g.isInfinite().any())) {
                    throw new IllegalArgumentException("gradients[" + b + "] has an entry that is not finite");
                }
            }
        }
    }

    /**
     * INDArray form of {@link #lossAndGradient(double[], double[], int, RandomGenerator, double[][])};
     * noise may be null.
     *
     * @throws IllegalArgumentException on bad shapes or non-finite entries, and when the loss or a
     *                                  gradient is not finite for this data and noise (e.g. points so
     *                                  large that the squared error exceeds the double range)
     */
    default Value evaluate(INDArray data, INDArray noise, RandomGenerator rng) {
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        if (data == null || data.rank() != 2 || data.columns() != dataDim() || data.rows() < 1) {
            throw new IllegalArgumentException("data must have shape [n, " + dataDim() + "]");
        }
        int n = data.rows();
        double[] nz = null;
        if (noise != null) {
            if (noise.rank() != 2 || noise.columns() != dim() || noise.rows() != n) {
                throw new IllegalArgumentException("noise must have shape [" + n + ", " + dim() + "]");
            }
            nz = Nd4jBridge.toDoubles("noise", noise);
        }
        List<Parametric> ps = parameters();
        double[][] g = new double[ps.size()][];
        for (int b = 0; b < g.length; b++) g[b] = new double[ps.get(b).numParameters()];
        double loss = lossAndGradient(Nd4jBridge.toDoubles("data", data), nz, n, rng, g);
        boolean finite = Double.isFinite(loss);
        for (double[] gb : g) for (double v : gb) finite &= Double.isFinite(v);
        if (!finite) {
            throw new IllegalArgumentException("the loss (" + loss + ") or its gradient is not finite for this data and noise: their values"
                    + " are too large for the double range (or the model's parameters are)");
        }
        List<INDArray> out = new ArrayList<>();
        for (double[] gb : g) out.add(Nd4jBridge.matrix(gb, 1, gb.length).reshape(gb.length));
        return new Value(loss, out);
    }
}
