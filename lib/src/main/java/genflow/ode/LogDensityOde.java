package genflow.ode;

import genflow.dist.Density;
import genflow.math.Require;
import genflow.random.Rngs;

/**
 * Log-densities of a flow by the instantaneous change of variables (Chen et al. 2018, "Neural
 * ordinary differential equations", Thm. 1; Grathwohl et al. 2019, "FFJORD"): if the particles
 * follow dx/dt = v_t(x) and their laws p_t solve the continuity equation ∂_t p + ∇·(p v) = 0, then
 * along every path
 * <pre>
 *   d/dt log p_t(x_t) = −∇·v_t(x_t),   so   log p_1(x_1) = log p_0(x_0) − ∫_0^1 ∇·v_t(x_t) dt.
 * </pre>
 * Time direction: t = 0 noise (density p_0 known, e.g. N(0, I)), t = 1 data. To evaluate log p_1
 * at data points, {@link #logDensity} integrates the augmented state [x, c] with
 * d/dt [x, c] = [v_t(x), ∇·v_t(x)] from t = 1 (x = data, c = 0) back to t = 0, where
 * c(0) = −∫_0^1 ∇·v dt and x(0) is the noise point the flow maps onto the data point;
 * {@link #sample} runs the same ODE forwards from noise points. Any {@link OdeSolver} and any
 * {@link VectorField} (exact, or a trained model) can be used; the mean negative log-likelihood
 * of held-out data is {@link Result#meanNll()}.
 *
 * <p>The divergence is exact ({@link Divergence#exact}: the field's own if it is a
 * {@link DivergenceField}, else central differences, 2d evaluations of v per point and stage) or
 * Hutchinson's estimate with k probes per point that stay FIXED along the whole path (FFJORD),
 * so the augmented ODE is an ordinary deterministic ODE for any solver, and the estimate of
 * log p_1 is unbiased up to the solver error (2k evaluations, independent of d). The probes are
 * drawn from the builder's seed at every call: the same seed gives the same numbers.
 * Immutable; build with {@link #builder()}.
 */
public final class LogDensityOde {
    private final OdeSolver solver;
    private final int steps;
    private final double eps;
    private final Divergence.Probe probe;
    private final int probes;
    private final long seed;

    private LogDensityOde(Builder b) {
        this.solver = b.solver;
        this.steps = b.steps;
        this.eps = b.eps;
        this.probe = b.probe;
        this.probes = b.probes;
        this.seed = b.seed;
    }

    /** A builder with RK4, 100 steps and the exact divergence. */
    public static Builder builder() { return new Builder(); }

    /** The result of one integration, per point i (arrays are copied out). */
    public static final class Result {
        private final double[][] data;
        private final double[][] noise;
        private final double[] logNoiseDensity;
        private final double[] divergenceIntegral;

        Result(double[][] data, double[][] noise, double[] logNoiseDensity, double[] divergenceIntegral) {
            this.data = data;
            this.noise = noise;
            this.logNoiseDensity = logNoiseDensity;
            this.divergenceIntegral = divergenceIntegral;
        }

        /** The points at t = 1 (data side), [n][d]. */
        public double[][] data() { return Batches.copy(data); }

        /** The points at t = 0 (noise side) on the same paths, [n][d]. */
        public double[][] noise() { return Batches.copy(noise); }

        /** log p_0 at the noise points. */
        public double[] logNoiseDensity() { return logNoiseDensity.clone(); }

        /** ∫_0^1 ∇·v_t(x_t) dt along each path (exact or Hutchinson-estimated divergence). */
        public double[] divergenceIntegral() { return divergenceIntegral.clone(); }

        /** log p_1(data_i) = log p_0(noise_i) − ∫_0^1 ∇·v_t(x_t) dt. */
        public double[] logDensity() {
            double[] l = new double[data.length];
            for (int i = 0; i < l.length; i++) l[i] = logNoiseDensity[i] - divergenceIntegral[i];
            return l;
        }

        /** −(1/n) Σ_i log p_1(data_i), in nats. */
        public double meanNll() {
            double[] l = logDensity();
            double s = 0;
            for (double v : l) s -= v;
            return s / l.length;
        }
    }

    /**
     * log p_1 at the data points: integrates [x, c] from t = 1 back to t = 0 and returns the noise
     * points, log p_0 there and the divergence integral.
     *
     * @param v     the flow's velocity, t = 0 noise → t = 1 data
     * @param noise the density p_0 at t = 0 (its dimension must be that of the data)
     * @param data  points [n][d] (not modified)
     */
    public Result logDensity(VectorField v, Density noise, double[][] data) {
        check(v, noise, data, "data");
        double[][] end = solver.integrate(augmented(v, data.length, data[0].length), withZeroColumn(data), 1, 0, steps);
        int d = data[0].length;
        double[][] x0 = new double[data.length][d];
        double[] integral = new double[data.length];
        for (int i = 0; i < data.length; i++) {
            System.arraycopy(end[i], 0, x0[i], 0, d);
            integral[i] = -end[i][d];   // c(0) = c(1) − ∫_0^1 ∇·v dt with c(1) = 0
        }
        return new Result(Batches.copy(data), x0, logDensities(noise, x0), integral);
    }

    /**
     * The flow's samples with their log-density: integrates [x, c] from t = 0 (x = the noise
     * points) forwards to t = 1; {@link Result#data()} holds the generated points and
     * {@link Result#logDensity()} log p_1 there.
     *
     * @param noisePoints points [n][d] at t = 0, e.g. samples of p_0 (not modified)
     */
    public Result sample(VectorField v, Density noise, double[][] noisePoints) {
        check(v, noise, noisePoints, "noisePoints");
        int d = noisePoints[0].length;
        double[][] end = solver.integrate(augmented(v, noisePoints.length, d), withZeroColumn(noisePoints), 0, 1, steps);
        double[][] x1 = new double[noisePoints.length][d];
        double[] integral = new double[noisePoints.length];
        for (int i = 0; i < noisePoints.length; i++) {
            System.arraycopy(end[i], 0, x1[i], 0, d);
            integral[i] = end[i][d];
        }
        return new Result(x1, Batches.copy(noisePoints), logDensities(noise, noisePoints), integral);
    }

    /** d/dt [x, c] = [v_t(x), ∇·v_t(x)] on [n][d + 1]; Hutchinson probes fixed per row for the whole path. */
    private VectorField augmented(VectorField v, int n, int d) {
        double[][][] e = probe == null ? null : Divergence.probes(probe, probes, n, d, Rngs.seeded(seed));
        return (tStage, y) -> {
            // fixed-step loops reach stage times t0 + k·h + h that can round ~1e-16 outside [0, 1]
            double t = tStage < 0 && tStage > -1e-9 ? 0 : tStage > 1 && tStage < 1 + 1e-9 ? 1 : tStage;
            double[][] x = new double[y.length][d];
            for (int i = 0; i < y.length; i++) System.arraycopy(y[i], 0, x[i], 0, d);
            double[][] vx = Batches.eval("v", v, t, x);
            double[] div = e == null ? Divergence.exact(v, t, x, eps) : Divergence.hutchinson(v, t, x, e, eps);
            double[][] out = new double[y.length][d + 1];
            for (int i = 0; i < y.length; i++) {
                System.arraycopy(vx[i], 0, out[i], 0, d);
                out[i][d] = div[i];
            }
            return out;
        };
    }

    private static double[][] withZeroColumn(double[][] x) {
        double[][] y = new double[x.length][x[0].length + 1];
        for (int i = 0; i < x.length; i++) System.arraycopy(x[i], 0, y[i], 0, x[i].length);
        return y;
    }

    private static double[] logDensities(Density noise, double[][] x) {
        double[] l = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            l[i] = noise.logDensity(x[i]);
            if (!Double.isFinite(l[i])) {
                throw new IllegalArgumentException("noise.logDensity(x0[" + i + "]) = " + l[i] + " is not finite (x0[" + i + "] = "
                        + java.util.Arrays.toString(x[i]) + ")");
            }
        }
        return l;
    }

    private static void check(VectorField v, Density noise, double[][] x, String name) {
        Batches.requireField("v", v);
        Batches.requireField("noise", noise);
        int d = Require.nonEmptyBatch(name, x);
        if (d != noise.dim()) throw new IllegalArgumentException(name + " has dimension " + d + ", expected noise.dim() = " + noise.dim());
    }

    @Override public String toString() {
        return "LogDensityOde(" + solver + ", " + steps + " steps, "
                + (probe == null ? "exact divergence" : "Hutchinson " + probes + " " + probe + " probe(s), seed " + seed) + ")";
    }

    /** Builder: solver, steps, and the divergence (exact by default, or Hutchinson). */
    public static final class Builder {
        private OdeSolver solver = new RungeKutta4();
        private int steps = 100;
        private double eps = Divergence.DEFAULT_EPS;
        private Divergence.Probe probe;
        private int probes = 1;
        private long seed;

        private Builder() {}

        /** The ODE solver (default {@link RungeKutta4}). */
        public Builder solver(OdeSolver solver) {
            Batches.requireField("solver", solver);
            this.solver = solver;
            return this;
        }

        /** Number of steps over [0, 1] (≥ 1; the initial step count for adaptive solvers; default 100). */
        public Builder steps(int steps) {
            this.steps = Require.atLeast("steps", steps, 1);
            return this;
        }

        /** Finite-difference step of the divergence (&gt; 0; default {@link Divergence#DEFAULT_EPS}). */
        public Builder eps(double eps) {
            this.eps = Require.positive("eps", eps);
            return this;
        }

        /** The exact divergence ({@link Divergence#exact}); the default. */
        public Builder exactDivergence() {
            this.probe = null;
            return this;
        }

        /**
         * Hutchinson's estimator with {@code k} probes of the given kind per point, fixed along each
         * path and drawn from {@code seed}.
         */
        public Builder hutchinson(Divergence.Probe probe, int k, long seed) {
            if (probe == null) throw new IllegalArgumentException("probe must not be null");
            this.probes = Require.atLeast("k", k, 1);
            this.probe = probe;
            this.seed = seed;
            return this;
        }

        public LogDensityOde build() { return new LogDensityOde(this); }
    }
}
