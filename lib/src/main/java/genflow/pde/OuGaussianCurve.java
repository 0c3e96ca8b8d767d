package genflow.pde;

import genflow.math.Require;

/**
 * The Gaussian solution of the Fokker–Planck equation of the Ornstein–Uhlenbeck SDE
 * dX = −θ X dt + σ dW (seed 004, OU process; seed 000, Fokker–Planck / Langevin), started in
 * X_0 ~ N(m_0, s_0²):
 * <pre>
 *   X_t ~ N(m_t, v_t),  m_t = e^{−θ t} m_0,  v_t = e^{−2θ t} s_0² + σ²/(2θ) (1 − e^{−2θ t}),
 * </pre>
 * which solves ∂_t p = ∂_x(θ x p) + ½ σ² ∂_xx p and tends to the stationary law N(0, σ²/(2θ)).
 * Time runs forward, t ≥ 0.
 */
public final class OuGaussianCurve {
    private final double theta, sigma, m0, s0;

    /**
     * @param theta mean-reversion rate θ &gt; 0
     * @param sigma noise level σ &gt; 0
     * @param m0    initial mean
     * @param s0    initial standard deviation ≥ 0 (0 = a point mass, then only t &gt; 0 has a density)
     */
    public OuGaussianCurve(double theta, double sigma, double m0, double s0) {
        this.theta = Require.positive("theta", theta);
        this.sigma = Require.positive("sigma", sigma);
        this.m0 = Require.finite("m0", m0);
        this.s0 = Require.nonNegative("s0", s0);
        double v = sigma * sigma / (2 * theta);
        if (!(v > 0) || !Double.isFinite(v)) {
            throw new IllegalArgumentException("theta = " + theta + ", sigma = " + sigma + ": the stationary variance σ²/(2θ) = " + v
                    + " must be finite and > 0");
        }
        if (!Double.isFinite(s0 * s0)) throw new IllegalArgumentException("s0 = " + s0 + ": the initial variance s0² must be finite");
    }

    public double theta() { return theta; }
    public double sigma() { return sigma; }

    /** Drift f(x) = −θ x. */
    public double drift(double x) { return -theta * Require.finite("x", x); }

    /** Stationary variance σ²/(2θ). */
    public double stationaryVariance() { return sigma * sigma / (2 * theta); }

    /** m_t = e^{−θ t} m_0. */
    public double mean(double t) { return Math.exp(-theta * checkTime(t)) * m0; }

    /** v_t = e^{−2θ t} s_0² + σ²/(2θ)(1 − e^{−2θ t}). */
    public double variance(double t) {
        double e = Math.exp(-2 * theta * checkTime(t));
        return e * s0 * s0 - stationaryVariance() * Math.expm1(-2 * theta * t);
    }

    /** p_t(x) = N(x; m_t, v_t); needs v_t &gt; 0 (t &gt; 0 or s_0 &gt; 0). */
    public double density(double t, double x) {
        Require.finite("x", x);
        double v = variance(t);
        if (!(v > 0)) throw new IllegalArgumentException("t = " + t + " must be > 0 when s0 = 0 (the law is a point mass)");
        double d = x - mean(t);
        double p = Math.exp(-0.5 * d * d / v) / Math.sqrt(2 * Math.PI * v);
        if (Double.isNaN(p)) p = 0; // d overflowed: far out in the tail
        if (!Double.isFinite(p)) throw new IllegalArgumentException("t = " + t + ": the density exceeds the double range (variance " + v + ")");
        return p;
    }

    private static double checkTime(double t) {
        Require.finite("t", t);
        if (t < 0) throw new IllegalArgumentException("t = " + t + " must be >= 0");
        return t;
    }

    @Override public String toString() {
        return "OuGaussianCurve(theta=" + theta + ", sigma=" + sigma + ", X0 ~ N(" + m0 + ", " + s0 + "²))";
    }
}
