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

    /** Loss value and one gradient array per parameter block (shape [numParameters]). */
    record Value(double loss, List<INDArray> gradients) {}

    /** INDArray form of {@link #lossAndGradient(double[], double[], int, RandomGenerator, double[][])}; noise may be null. */
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
            nz = Nd4jBridge.toDoubles(noise);
        }
        List<Parametric> ps = parameters();
        double[][] g = new double[ps.size()][];
        for (int b = 0; b < g.length; b++) g[b] = new double[ps.get(b).numParameters()];
        double loss = lossAndGradient(Nd4jBridge.toDoubles(data), nz, n, rng, g);
        List<INDArray> out = new ArrayList<>();
        for (double[] gb : g) out.add(Nd4jBridge.matrix(gb, 1, gb.length).reshape(gb.length));
        return new Value(loss, out);
    }
}
