package genflow.process;

import genflow.math.Require;
import java.util.random.RandomGenerator;

/**
 * Standard 1-D Wiener process W_s started at 0 (seed 000, "Wiener process and diffusion equation"):
 * law N(0, s), which solves the diffusion equation ∂_s p = ½ ∂_yy p, transported by the velocity
 * field v_s(y) = −½ ∂_y log p_s(y) = y/(2s). Time direction: s runs forward from δ_0 to noise, s ≥ 0.
 */
public final class WienerProcess implements Process1D {
    /** The standard Wiener process (no parameters). */
    public WienerProcess() {}

    /** Draw W_s = √s · Z, Z ~ N(0, 1). */
    @Override
    public double sample(double s, RandomGenerator rng) {
        Require.nonNegative("s", s);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        return Math.sqrt(s) * rng.nextGaussian();
    }

    /** v_s(y) = y/(2s) for s &gt; 0 (the field explodes as s → 0, seed 000). */
    @Override
    public double velocity(double s, double y) {
        Require.positive("s", s);
        Require.finite("y", y);
        double v = y / (2 * s);
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("s = " + s + ", y = " + y + ": the velocity y/(2s) exceeds the double range");
        }
        return v;
    }

    /** Density p_s(y) = (2πs)^{-1/2} exp(−y²/(2s)), s &gt; 0. */
    public double density(double s, double y) {
        Require.positive("s", s);
        Require.finite("y", y);
        return Math.exp(-y * y / (2 * s)) / Math.sqrt(2 * Math.PI * s);
    }

    /** ‖v_s‖²_{L²(μ_s)} = E[W_s²]/(4s²) = 1/(4s) (seed 000: not integrable at s = 0). */
    public double velocityNormSquared(double s) {
        Require.positive("s", s);
        double v = 1 / (4 * s);
        if (!Double.isFinite(v)) throw new IllegalArgumentException("s = " + s + ": 1/(4s) exceeds the double range");
        return v;
    }

    @Override
    public String toString() {
        return "WienerProcess[]";
    }
}
