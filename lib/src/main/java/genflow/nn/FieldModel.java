package genflow.nn;

import genflow.ode.VectorField;

/**
 * A trainable time-dependent field m_θ(t, x): [0, 1] × R^d → R^d — a velocity v_θ, a score s_θ or
 * a noise predictor — the one model interface every loss in {@code genflow.loss} accepts. Two
 * implementations: the fused {@link Mlp} (hand-derived backward pass in SIMD kernels, the fast
 * path) and {@code genflow.nn.samediff.SameDiffModel} (a network students declare as an ND4J
 * SameDiff graph, differentiated automatically).
 *
 * <p>The parameters θ are one flat, live {@code double[]} ({@link Parametric}): optimizers update it
 * in place and the next evaluation sees the change. Time direction: the model has none of its own;
 * the loss that trains it fixes it (every flow-matching loss here: t = 0 noise, t = 1 data).
 */
public interface FieldModel extends Parametric {
    /** Dimension d of the points x (and of the output). */
    int dim();

    /** New reusable buffers for forward and backward passes (one per loss or sampler; not thread-safe). */
    Workspace workspace();

    /**
     * This model as a {@link VectorField} (t, x) ↦ m_θ(t, x), so every solver, metric and plot of
     * the course works on it. The field owns its buffers: do not call it from several threads at once.
     */
    VectorField asVectorField();

    /**
     * Forward and backward passes on flat row-major batches (n rows of d values). The output of
     * {@link #forward} is valid until the next call on the same workspace.
     */
    interface Workspace {
        /**
         * m_θ(t_i, x_i) for i &lt; n as n × d row-major values; keeps what {@link #backward} needs.
         *
         * @param t n times in [0, 1]
         * @param x n × d points, row-major
         */
        double[] forward(double[] t, double[] x, int n);

        /**
         * Backward pass of the last {@link #forward} (a vector–Jacobian product): given
         * ∂L/∂m (n × d), writes ∂L/∂θ into {@code grad} (overwritten, length
         * {@link Parametric#numParameters()}) and, if {@code dX} is not null, ∂L/∂x (n × d; the
         * time input is not differentiated).
         */
        void backward(double[] dOut, double[] grad, double[] dX);
    }
}
