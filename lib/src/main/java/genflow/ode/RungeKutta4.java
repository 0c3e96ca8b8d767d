package genflow.ode;

/**
 * Classical fourth-order Runge–Kutta: k1 = v(t, x), k2 = v(t + h/2, x + h k1/2),
 * k3 = v(t + h/2, x + h k2/2), k4 = v(t + h, x + h k3), x_{k+1} = x + h (k1 + 2k2 + 2k3 + k4)/6.
 * Global order 4.
 */
public final class RungeKutta4 extends FixedStepSolver {
    private static final double[] B = {1.0 / 6, 1.0 / 3, 1.0 / 3, 1.0 / 6};

    @Override protected double[][] advance(VectorField v, double t, double h, double[][] x) {
        double[][] k1 = Batches.eval("v", v, t, x);
        double[][] k2 = Batches.eval("v", v, t + h / 2, Batches.axpy(x, h / 2, k1));
        double[][] k3 = Batches.eval("v", v, t + h / 2, Batches.axpy(x, h / 2, k2));
        double[][] k4 = Batches.eval("v", v, t + h, Batches.axpy(x, h, k3));
        return Batches.combine(x, h, B, k1, k2, k3, k4);
    }
    @Override public int order() { return 4; }
    @Override public String toString() { return "RungeKutta4"; }
}
