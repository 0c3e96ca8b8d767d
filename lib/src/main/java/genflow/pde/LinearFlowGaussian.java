package genflow.pde;

import genflow.math.Require;

/**
 * An exact solution pair (p_t, v) of the continuity equation ∂_t p + ∂_x(p v) = 0 in 1-D (seed 000,
 * "Absolutely continuous curves"; seed 004, continuity equation): the linear field v(x) = a x + b
 * transports the Gaussian p_0 = N(m_0, s_0²) along its flow
 * φ_t(x_0) = e^{a t} x_0 + b (e^{a t} − 1)/a (φ_t(x_0) = x_0 + b t when a = 0), so
 * p_t = φ_t♯p_0 = N(m_t, s_t²) with m_t = φ_t(m_0) and s_t = e^{a t} s_0.
 * Time runs forward from t = 0; negative t runs the flow backwards (φ_{−t} = φ_t^{−1}).
 */
public final class LinearFlowGaussian {
    private final double a, b, m0, s0;

    /**
     * @param a  rate of the field (any finite value; a &lt; 0 contracts, a &gt; 0 expands)
     * @param b  constant part of the field
     * @param m0 mean of p_0
     * @param s0 standard deviation of p_0, &gt; 0
     */
    public LinearFlowGaussian(double a, double b, double m0, double s0) {
        this.a = Require.finite("a", a);
        this.b = Require.finite("b", b);
        this.m0 = Require.finite("m0", m0);
        this.s0 = Require.positive("s0", s0);
    }

    public double a() { return a; }
    public double b() { return b; }

    /** v(x) = a x + b (time-independent). */
    public double velocity(double t, double x) {
        Require.finite("t", t);
        double v = a * Require.finite("x", x) + b;
        if (!Double.isFinite(v)) throw new IllegalArgumentException("x = " + x + ": v(x) = a x + b exceeds the double range (a = " + a + ", b = " + b + ")");
        return v;
    }

    /**
     * Flow map φ_t(x_0) = e^{a t} x_0 + b (e^{a t} − 1)/a, solving ẋ = a x + b, x(0) = x_0.
     *
     * @throws IllegalArgumentException if φ_t(x_0) exceeds the double range (e^{a t} too large)
     */
    public double flow(double t, double x0) {
        Require.finite("t", t);
        Require.finite("x0", x0);
        double y = Math.exp(a * t) * x0 + b * expm1Over(a, t);
        if (!Double.isFinite(y)) {
            throw new IllegalArgumentException("t = " + t + ", x0 = " + x0 + ": φ_t(x0) exceeds the double range (e^{a t} = "
                    + Math.exp(a * t) + " with a = " + a + ", b = " + b + ")");
        }
        return y;
    }

    /** m_t = φ_t(m_0). */
    public double mean(double t) { return flow(t, m0); }

    /**
     * s_t = e^{a t} s_0 (the flow is affine with slope e^{a t}).
     *
     * @throws IllegalArgumentException if s_t overflows, or underflows to 0 (a point mass)
     */
    public double std(double t) {
        Require.finite("t", t);
        double s = Math.exp(a * t) * s0;
        if (!(s > 0) || !Double.isFinite(s)) {
            throw new IllegalArgumentException("t = " + t + ": s_t = e^{a t} s0 = " + s + " is outside the positive double range (a = "
                    + a + ", s0 = " + s0 + ")");
        }
        return s;
    }

    /** p_t(x) = N(x; m_t, s_t²). */
    public double density(double t, double x) {
        Require.finite("x", x);
        double m = mean(t), s = std(t), z = (x - m) / s;
        double p = Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
        if (!Double.isFinite(p)) {
            p = Math.exp(-0.5 * z * z) / s / Math.sqrt(2 * Math.PI);
            if (Double.isNaN(p)) p = 0; // z overflowed: far out in the tail
            if (!Double.isFinite(p)) {
                throw new IllegalArgumentException("t = " + t + ": the density 1/(s_t √(2π)) exceeds the double range (s_t = " + s + ")");
            }
        }
        return p;
    }

    /** (e^{a t} − 1)/a, with the limit t at a = 0. */
    private static double expm1Over(double a, double t) {
        return a == 0 ? t : Math.expm1(a * t) / a;
    }

    @Override public String toString() {
        return "LinearFlowGaussian(v = " + a + "·x + " + b + ", p0 = N(" + m0 + ", " + s0 + "²))";
    }
}
