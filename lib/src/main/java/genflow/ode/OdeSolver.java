package genflow.ode;

/**
 * An integrator of dx/dt = v(t, x) for a batch x ∈ R^{n×d}, from t0 to t1 in either direction
 * (t1 &lt; t0 integrates backwards in time). The time direction is the field's own.
 */
public interface OdeSolver {
    /**
     * Integrates from {@code t0} to {@code t1}.
     *
     * @param v     the vector field (must return finite values of the shape of its input)
     * @param x0    initial states [n][d], n ≥ 1, finite
     * @param t0    start time (finite)
     * @param t1    end time (finite)
     * @param steps number of steps (≥ 1); for adaptive solvers the initial step is (t1 − t0)/steps
     * @return the states at t1, a new [n][d] array
     * @throws IllegalArgumentException on bad arguments or when v returns a non-finite value
     */
    double[][] integrate(VectorField v, double[][] x0, double t0, double t1, int steps);

    /**
     * Integrates like {@link #integrate} and records the states of the chosen particles at every
     * step (all particles when none is given).
     */
    Trajectory trajectory(VectorField v, double[][] x0, double t0, double t1, int steps, int... particles);
}
