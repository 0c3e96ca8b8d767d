package genflow.ode;

/**
 * Explicit midpoint rule: x_{k+1} = x_k + h v(t_k + h/2, x_k + (h/2) v(t_k, x_k)). Global order 2.
 */
public final class Midpoint extends FixedStepSolver {
    @Override protected double[][] advance(VectorField v, double t, double h, double[][] x) {
        double[][] k1 = Batches.eval("v", v, t, x);
        double[][] k2 = Batches.eval("v", v, t + h / 2, Batches.axpy(x, h / 2, k1));
        return Batches.axpy(x, h, k2);
    }
    @Override public int order() { return 2; }
    @Override public String toString() { return "Midpoint"; }
}
