package genflow.process;

import java.util.random.RandomGenerator;

/**
 * A 1-D stochastic process Y_s started at 0, used as noise in the mean-reverting path
 * X_t = f(t) X_0 + Y_{g(t)} (seed 000, "Generative flows from 1D processes"). The d-dimensional
 * process is the componentwise product of independent copies.
 */
public interface Process1D {
    /** Draws Y_s for s ≥ 0. */
    double sample(double s, RandomGenerator rng);

    /**
     * The velocity field v_s(y) of the process's law: ∂_s μ_s + ∂_y(μ_s v_s) = 0, so that the ODE
     * dy/ds = v_s(y) transports the law of Y_s.
     */
    double velocity(double s, double y);
}
