package genflow.path;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.process.UniformProcess;
import genflow.schedule.TimeChange;

/**
 * Exact marginal velocity of the 1-D mean-reverting path X_t = f(t) X_0 + U_{g(t)} over the uniform
 * process U ({@link UniformProcess}) when the data are finitely many atoms X_0 ~ Σ_k w_k δ_{a_k}
 * (seed 000, "Generative flows from 1D processes", Step 3, and the marginalisation trick, seed 004):
 * <pre>
 *   p_t(x) = Σ_k w_k p^U_{g(t)}(x − f(t) a_k),
 *   v_t(x) = Σ_k w_k p^U_{g(t)}(x − f(t) a_k) v_t(x | a_k) / p_t(x),
 *   v_t(x | a_k) = ḟ(t) a_k + ġ(t) v^U_{g(t)}(x − f(t) a_k),
 * </pre>
 * with p^U_s the density of U[−h_s, h_s] and v^U_s(y) = y/(b(e^{s/b} − 1)). Where p_t(x) = 0 (outside
 * every box, reached only through discretisation error) the conditional velocity of the nearest box
 * is returned. Time direction: t = 0 data, t = 1 noise (as {@link TimeChange}); t must be in (0, 1].
 */
public final class UniformAtomsMarginal {
    private final UniformProcess process;
    private final TimeChange timeChange;
    private final double[] weights, atoms;

    /**
     * @param weights non-negative, summing to 1 (within 1e-9), same length as {@code atoms}
     * @param atoms   finite atom positions a_k
     */
    public UniformAtomsMarginal(UniformProcess process, TimeChange timeChange, double[] weights, double[] atoms) {
        if (process == null) throw new IllegalArgumentException("process must not be null");
        if (timeChange == null) throw new IllegalArgumentException("timeChange must not be null");
        Require.finite("weights", weights);
        Require.finite("atoms", atoms);
        Require.atLeast("atoms.length", atoms.length, 1);
        if (weights.length != atoms.length) {
            throw new IllegalArgumentException("weights has length " + weights.length + " but atoms has length " + atoms.length);
        }
        double s = 0;
        for (int k = 0; k < weights.length; k++) s += Require.nonNegative("weights[" + k + "]", weights[k]);
        if (Math.abs(s - 1) > 1e-9) throw new IllegalArgumentException("weights sum to " + s + ", must sum to 1");
        this.process = process;
        this.timeChange = timeChange;
        this.weights = weights.clone();
        this.atoms = atoms.clone();
    }

    /** p_t(x) = Σ_k w_k p^U_{g(t)}(x − f(t) a_k); t in (0, 1]. */
    public double density(double t, double x) {
        t = checkT(t);
        Require.finite("x", x);
        double f = timeChange.f(t), g = timeChange.g(t), p = 0;
        for (int k = 0; k < atoms.length; k++) p += weights[k] * process.density(g, x - f * atoms[k]);
        return p;
    }

    /** v_t(x | a_k) = ḟ(t) a_k + ġ(t) v^U_{g(t)}(x − f(t) a_k); t in (0, 1]. */
    public double conditionalVelocity(double t, double x, int k) {
        t = checkT(t);
        Require.finite("x", x);
        if (k < 0 || k >= atoms.length) throw new IllegalArgumentException("k = " + k + " is outside [0, " + (atoms.length - 1) + "]");
        return timeChange.fDot(t) * atoms[k] + timeChange.gDot(t) * process.velocity(timeChange.g(t), x - timeChange.f(t) * atoms[k]);
    }

    /** The marginal velocity v_t(x) (formula in the class comment); t in (0, 1]. */
    public double velocity(double t, double x) {
        t = checkT(t);
        Require.finite("x", x);
        double f = timeChange.f(t), g = timeChange.g(t), h = process.halfWidth(g);
        double num = 0, den = 0, nearest = Double.POSITIVE_INFINITY;
        int near = 0;
        for (int k = 0; k < atoms.length; k++) {
            double y = x - f * atoms[k];
            double p = weights[k] * process.density(g, y);
            if (p > 0) {
                num += p * conditionalVelocity(t, x, k);
                den += p;
            }
            double dist = Math.abs(y) - h;
            if (weights[k] > 0 && dist < nearest) { nearest = dist; near = k; }
        }
        return den > 0 ? num / den : conditionalVelocity(t, x, near);
    }

    /** The marginal velocity as a field on batches double[n][1]. */
    public VectorField velocityField() {
        return (t, x) -> {
            Require.batch("x", x, 1);
            double[][] out = new double[x.length][1];
            for (int i = 0; i < x.length; i++) out[i][0] = velocity(t, x[i][0]);
            return out;
        };
    }

    /** Atom positions a_k (a copy). */
    public double[] atoms() { return atoms.clone(); }

    /** Atom weights w_k (a copy). */
    public double[] weights() { return weights.clone(); }

    /** t ∈ (0, 1]; a solver's stage time a hair above 1 is clamped to 1 ({@link Require#time}). */
    private static double checkT(double t) {
        if (t > 1 && t <= 1 + Require.TIME_TOLERANCE) return 1;
        if (!(t > 0 && t <= 1)) throw new IllegalArgumentException("t = " + t + " is outside (0, 1]");
        return t;
    }

    @Override
    public String toString() { return "UniformAtomsMarginal[" + atoms.length + " atoms, " + process + ", " + timeChange + "]"; }
}
