package genflow.ode;

import genflow.math.Require;

import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * The reverse-time SDE of a forward SDE dX = f(t, X) dt + g(t) dW (Anderson 1982; Song et al. 2021;
 * seed 003 "Reverse SDE"; seed 000 "A glimpse to diffusion"):
 * <pre>
 *   dX = [f(t, X) − g(t)² ∇log p_t(X)] dt + g(t) dW̄,   integrated from t = T down to t = 0 (dt &lt; 0).
 * </pre>
 * Time direction: the FORWARD SDE's clock (for the VP/VE-SDE: t = 0 data, t = T noise); sampling
 * runs it backwards with {@link EulerMaruyama} and negative steps.
 */
public final class ReverseSde {
    private final VectorField f;
    private final DoubleUnaryOperator g;
    private final VectorField score;

    /**
     * @param f     forward drift f(t, x)
     * @param g     forward diffusion coefficient g(t)
     * @param score ∇log p_t(x) of the forward marginals (exact or learned)
     */
    public ReverseSde(VectorField f, DoubleUnaryOperator g, VectorField score) {
        Batches.requireField("f", f);
        Batches.requireField("g", g);
        Batches.requireField("score", score);
        this.f = f;
        this.g = g;
        this.score = score;
    }

    /** The reverse drift f(t, x) − g(t)² ∇log p_t(x). */
    public VectorField drift() {
        return (t, x) -> {
            Require.nonEmptyBatch("x", x);
            return Batches.scoreCorrectedDrift(f, g, score, 1.0, t, x);
        };
    }

    /** The SDE (reverse drift, diffusion g) to integrate with decreasing time. */
    public Sde sde() { return Sde.of(drift(), g); }

    /**
     * Runs Euler–Maruyama from {@code tStart} down to {@code tEnd} &lt; tStart.
     *
     * @param xStart samples of p_{tStart} [n][d] (e.g. from the prior)
     */
    public double[][] sample(double[][] xStart, double tStart, double tEnd, int steps, RandomGenerator rng) {
        Require.finite("tStart", tStart);
        Require.finite("tEnd", tEnd);
        if (!(tEnd < tStart)) throw new IllegalArgumentException("tEnd = " + tEnd + " must be < tStart = " + tStart + " (the reverse SDE runs backwards in time)");
        Require.nonEmptyBatch("xStart", xStart);
        Require.atLeast("steps", steps, 1);
        try {
            return new EulerMaruyama().integrate(sde(), xStart, tStart, tEnd, steps, rng);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("the state became non-finite")) {
                throw new IllegalArgumentException(e.getMessage() + " (here: xStart, tStart = " + tStart + ", tEnd = " + tEnd + ", steps = " + steps + ")", e);
            }
            throw e;
        }
    }
}
