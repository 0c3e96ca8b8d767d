package genflow.ode;

import genflow.math.Require;
import java.util.function.DoubleUnaryOperator;

/**
 * The probability-flow ODE of a forward SDE dX = f(t, X) dt + g(t) dW (Song et al. 2021; seed 003
 * "Probability flow ODE"):
 * <pre>
 *   dx/dt = f(t, x) − ½ g(t)² ∇log p_t(x),
 * </pre>
 * whose flow has the same marginals p_t as the SDE. It is a {@link VectorField}: integrate it with any
 * {@link OdeSolver}, from T down to 0 to sample. Time direction: the forward SDE's clock.
 */
public final class ProbabilityFlowOde implements VectorField {
    private final VectorField f;
    private final DoubleUnaryOperator g;
    private final VectorField score;

    /**
     * @param f     forward drift f(t, x)
     * @param g     forward diffusion coefficient g(t)
     * @param score ∇log p_t(x) of the forward marginals
     */
    public ProbabilityFlowOde(VectorField f, DoubleUnaryOperator g, VectorField score) {
        Batches.requireField("f", f);
        Batches.requireField("g", g);
        Batches.requireField("score", score);
        this.f = f;
        this.g = g;
        this.score = score;
    }

    /** f(t, x_i) − ½ g(t)² ∇log p_t(x_i) for every row. */
    @Override
    public double[][] apply(double t, double[][] x) {
        Require.nonEmptyBatch("x", x);
        genflow.math.Require.finite("t", t);
        return Batches.scoreCorrectedDrift(f, g, score, 0.5, t, x);
    }
}
