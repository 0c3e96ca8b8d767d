package genflow.ode;

/**
 * Explicit Euler: x_{k+1} = x_k + h v(t_k, x_k). Global order 1 (seed 004, Algorithm 1).
 */
public final class Euler extends FixedStepSolver {
    @Override protected double[][] advance(VectorField v, double t, double h, double[][] x) {
        return Batches.axpy(x, h, Batches.eval("v", v, t, x));
    }
    @Override public int order() { return 1; }
    @Override public String toString() { return "Euler"; }
}
