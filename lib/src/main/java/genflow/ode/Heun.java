package genflow.ode;

/**
 * Heun's method (explicit trapezoid): x̃ = x_k + h v(t_k, x_k),
 * x_{k+1} = x_k + (h/2)[v(t_k, x_k) + v(t_k + h, x̃)]. Global order 2 (seed 004, Heun's method).
 */
public final class Heun extends FixedStepSolver {
    @Override protected double[][] advance(VectorField v, double t, double h, double[][] x) {
        double[][] k1 = Batches.eval("v", v, t, x);
        double[][] k2 = Batches.eval("v", v, t + h, Batches.axpy(x, h, k1));
        return Batches.combine(x, h, new double[]{0.5, 0.5}, k1, k2);
    }
    @Override public int order() { return 2; }
    @Override public String toString() { return "Heun"; }
}
