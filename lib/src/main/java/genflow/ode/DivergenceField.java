package genflow.ode;

/**
 * A vector field that knows its own divergence ∇·v_t(x) = Σ_j ∂v_j/∂x_j exactly (analytically, or
 * by automatic differentiation for a network). {@link Divergence#exact} and {@link LogDensityOde}
 * use it instead of finite differences when a field implements this interface.
 */
public interface DivergenceField extends VectorField {
    /** ∇·v(t, x_i) for every row of {@code x} ([n][d]), a new array of length n. */
    double[] divergence(double t, double[][] x);
}
