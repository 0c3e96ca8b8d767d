package genflow.ode;

import java.util.function.DoubleUnaryOperator;

/**
 * An Itô SDE with diagonal noise, dX_t = f(t, X_t) dt + G(t, X_t) dW_t with G = diag(g(t, X_t))
 * (seed 003 "SDE basics", seed 004 §1). Both parts act on batches [n][d]; g returns the d diagonal
 * entries for every particle. The time direction is the SDE's own (e.g. data → noise for the
 * forward VP-SDE); an {@link EulerMaruyama} run with t1 &lt; t0 integrates it backwards in time.
 */
public final class Sde {
    private final VectorField drift;
    private final VectorField diffusion;

    private Sde(VectorField drift, VectorField diffusion) {
        Batches.requireField("drift", drift);
        Batches.requireField("g (the diffusion)", diffusion);
        this.drift = drift;
        this.diffusion = diffusion;
    }

    /** dX = f(t, X) dt + g(t) dW with a scalar diffusion coefficient g(t) (the same for every coordinate). */
    public static Sde of(VectorField drift, DoubleUnaryOperator g) {
        Batches.requireField("g", g);
        return new Sde(drift, scalarDiffusion(g));
    }

    /** dX = f(t, X) dt + diag(g(t, X)) dW with a state-dependent diagonal diffusion. */
    public static Sde diagonal(VectorField drift, VectorField g) {
        return new Sde(drift, g);
    }

    /** The drift f(t, x). */
    public VectorField drift() { return drift; }

    /** The diagonal diffusion g(t, x), [n][d]. */
    public VectorField diffusion() { return diffusion; }

    /** A diffusion field whose every entry is g(t). */
    static VectorField scalarDiffusion(DoubleUnaryOperator g) {
        return (t, x) -> {
            double gt = g.applyAsDouble(t);
            double[][] out = new double[x.length][x[0].length];
            for (double[] row : out) java.util.Arrays.fill(row, gt);
            return out;
        };
    }
}
