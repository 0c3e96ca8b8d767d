package genflow.path;

import genflow.math.Require;
import genflow.dist.GaussianMixture;
import genflow.ode.VectorField;
import genflow.schedule.Schedule;

/**
 * Exact marginals of the Gaussian path x_t = α_t z + β_t ε when the data z follow a diagonal
 * Gaussian mixture Σ_k w_k N(m_k, diag(s_k²)) (seed 004 eqs. (19), (27), marginalisation trick):
 * <pre>
 *   p_t = Σ_k w_k N(α_t m_k, diag(α_t² s_k² + β_t²)),
 *   E[z | x_t = x, k] = m_k + α_t s_k² (x − α_t m_k)/(α_t² s_k² + β_t²),
 *   E[ε | x_t = x, k] = β_t (x − α_t m_k)/(α_t² s_k² + β_t²),
 *   u_t(x) = Σ_k γ_k(x) (α̇_t E[z | x, k] + β̇_t E[ε | x, k]),
 * </pre>
 * with γ_k(x) the responsibilities of p_t. The velocity form α̇ E[z|x] + β̇ E[ε|x] has no 1/β_t and
 * holds on all of [0, 1] wherever α̇_t, β̇_t are finite. Time direction: t = 0 noise, t = 1 data.
 */
public final class GmmMarginal {
    private final GaussianMixture data;
    private final Schedule schedule;

    public GmmMarginal(GaussianMixture data, Schedule schedule) {
        Vectors.notNull("data", data);
        Vectors.notNull("schedule", schedule);
        this.data = data;
        this.schedule = schedule;
    }

    public GaussianMixture data() { return data; }
    public Schedule schedule() { return schedule; }
    public int dim() { return data.dim(); }

    /** p_t as a mixture: means α_t m_k, variances α_t² s_k² + β_t². */
    public GaussianMixture marginal(double t) {
        t = Vectors.time(t);
        double a = schedule.alpha(t), b = schedule.beta(t);
        double[][] m = data.means(), v = data.variances();
        for (int k = 0; k < m.length; k++) {
            for (int j = 0; j < m[k].length; j++) { m[k][j] *= a; v[k][j] = a * a * v[k][j] + b * b; }
        }
        return new GaussianMixture(data.weights(), m, v);
    }

    /** log p_t(x). */
    public double logDensity(double t, double[] x) { return marginal(t).logDensity(checkX(x)); }

    /** p_t(x). */
    public double density(double t, double[] x) { return Math.exp(logDensity(t, x)); }

    /** ∇log p_t(x) = Σ_k γ_k(x) (α_t m_k − x)/(α_t² s_k² + β_t²). */
    public double[] score(double t, double[] x) { return marginal(t).score(checkX(x)); }

    /**
     * E[z | x_t = x] = Σ_k γ_k(x) (m_k + α_t s_k² (x − α_t m_k)/(α_t² s_k² + β_t²)).
     *
     * @throws IllegalArgumentException also when E[z | x] lies beyond the double range (x near ±1.8e308)
     */
    public double[] posteriorMean(double t, double[] x) {
        return new At(t).posteriorMean(checkX(x));
    }

    /**
     * The exact marginal velocity u_t(x) = α̇_t E[z | x] + β̇_t E[ε | x].
     *
     * @throws IllegalArgumentException also when u_t(x) is not finite (α̇_t or β̇_t infinite at t,
     *                                  or x so far out that u_t(x) lies beyond the double range)
     */
    public double[] velocity(double t, double[] x) {
        return new At(t).velocity(checkX(x));
    }

    /** Row-wise {@link #velocity(double, double[])}; p_t is built once for the whole batch. */
    public double[][] velocity(double t, double[][] x) {
        t = Vectors.time(t);
        checkBatch(x);
        At at = new At(t);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = at.velocity(x[i]); // rows checked by checkBatch
        return out;
    }

    /** Row-wise {@link #score(double, double[])}. */
    public double[][] score(double t, double[][] x) {
        checkBatch(x);
        GaussianMixture p = marginal(t);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = p.score(x[i]);
        return out;
    }

    /** The exact marginal velocity as a field (t = 0 noise → t = 1 data), for the ODE solvers. */
    public VectorField velocityField() { return this::velocity; }

    /** The exact marginal score as a field. */
    public VectorField scoreField() { return this::score; }

    /** The quantities of one time t shared by every point: p_t, α_t, β_t and their derivatives. */
    private final class At {
        final double t, a, b, ad, bd;
        final GaussianMixture p;
        final double[][] m = data.means(), v = data.variances();

        At(double t) {
            t = Vectors.time(t);
            this.t = t;
            this.a = schedule.alpha(t);
            this.b = schedule.beta(t);
            this.ad = schedule.alphaDot(t);
            this.bd = schedule.betaDot(t);
            this.p = marginal(t);
        }

        /** {E[z | x], E[ε | x]}. */
        double[][] moments(double[] x) {
            double[] gamma = p.responsibilities(x);
            int d = x.length;
            double[] ez = new double[d], ee = new double[d];
            for (int k = 0; k < gamma.length; k++) {
                if (gamma[k] == 0) continue;
                for (int j = 0; j < d; j++) {
                    double var = a * a * v[k][j] + b * b;
                    double r = (x[j] - a * m[k][j]) / var;
                    ez[j] += gamma[k] * (m[k][j] + a * v[k][j] * r);
                    ee[j] += gamma[k] * b * r;
                }
            }
            return new double[][]{ez, ee};
        }

        double[] posteriorMean(double[] x) {
            double[] ez = moments(x)[0];
            if (Vectors.allFinite(ez)) return ez;
            // m_k + α v_k (x − α m_k)/var_k = (m_k var_k + α v_k x − α² v_k m_k)/var_k, without the overflow of (x − α m_k)/var_k
            double[] gamma = p.responsibilities(x);
            java.util.Arrays.fill(ez, 0);
            for (int k = 0; k < gamma.length; k++) {
                if (gamma[k] == 0) continue;
                for (int j = 0; j < x.length; j++) {
                    double var = a * a * v[k][j] + b * b, mk = m[k][j], vk = v[k][j];
                    ez[j] += gamma[k] * Vectors.scaled(new double[]{var}, Vectors.term(mk, var), Vectors.term(a, vk, x[j]), Vectors.term(-a, a, vk, mk));
                }
            }
            if (!Vectors.allFinite(ez)) {
                throw Vectors.notFinite("the posterior mean E[z | x_t = x]", "t", t, ez, "alpha_t = " + a + ", beta_t = " + b, "x");
            }
            return ez;
        }

        double[] velocity(double[] x) {
            double[][] mo = moments(x);
            double[] u = new double[x.length];
            for (int j = 0; j < x.length; j++) u[j] = ad * mo[0][j] + bd * mo[1][j];
            if (Vectors.allFinite(u)) return u;
            if (!Double.isFinite(ad) || !Double.isFinite(bd)) {
                return Vectors.requireFiniteResult("the marginal velocity", t, u, "betaDot_t", bd);
            }
            // Σ_k γ_k [α̇ m_k + (α̇ α v_k + β̇ β)(x − α m_k)/var_k], each term in scaled arithmetic
            double[] gamma = p.responsibilities(x);
            java.util.Arrays.fill(u, 0);
            for (int k = 0; k < gamma.length; k++) {
                if (gamma[k] == 0) continue;
                for (int j = 0; j < x.length; j++) {
                    double var = a * a * v[k][j] + b * b, mk = m[k][j], vk = v[k][j], xj = x[j];
                    u[j] += gamma[k] * Vectors.scaled(new double[]{var}, Vectors.term(ad, mk, var), Vectors.term(ad, a, vk, xj),
                            Vectors.term(-ad, a, a, vk, mk), Vectors.term(bd, b, xj), Vectors.term(-bd, b, a, mk));
                }
            }
            if (!Vectors.allFinite(u)) {
                throw Vectors.notFinite("the marginal velocity", "t", t, u, "alphaDot_t = " + ad + ", betaDot_t = " + bd, "x");
            }
            return u;
        }
    }

    private double[] checkX(double[] x) {
        return Require.finite("x", Require.dim("x", x, data.dim()));
    }

    private void checkBatch(double[][] x) {
        int d = Require.nonEmptyBatch("x", x);
        if (d != data.dim()) throw new IllegalArgumentException("x has dimension " + d + ", expected " + data.dim());
    }

    @Override public String toString() { return "GmmMarginal(" + data.components() + " components in R^" + data.dim() + ", " + schedule + ")"; }
}
