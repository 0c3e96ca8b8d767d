package genflow.ode;

/**
 * A time-dependent vector field v(t, x) evaluated on a batch of points.
 * Implementations document their time direction (data→noise or noise→data) in one line.
 */
@FunctionalInterface
public interface VectorField {
    /**
     * Evaluates v(t, x_i) for every row of {@code x} ({@code [n][d]}), returning a new {@code [n][d]} array.
     */
    double[][] apply(double t, double[][] x);
}
