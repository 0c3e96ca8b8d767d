package genflow.ode;

import genflow.dist.GaussianMixture;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class StochasticTest {
    static double[] meanVar(double[][] x, int j) {
        double m = 0, v = 0;
        for (double[] r : x) m += r[j];
        m /= x.length;
        for (double[] r : x) v += (r[j] - m) * (r[j] - m);
        return new double[]{m, v / (x.length - 1)};
    }

    static double[][] constant(int n, double... row) {
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = row.clone();
        return x;
    }

    /**
     * OU dX = −θX dt + σ dW from X_0 = x0: exact E X_T = x0 e^{−θT}, Var X_T = σ²(1 − e^{−2θT})/(2θ).
     * Euler–Maruyama's own moments are known too: mean x0 r^N, variance σ²h(1 − r^{2N})/(1 − r²),
     * r = 1 − θh. The sample moments must match the EM moments within 4 standard errors, and the
     * error against the exact moments must shrink like h (weak order 1).
     */
    @Test
    void eulerMaruyamaHasWeakOrderOneOnOrnsteinUhlenbeck() {
        double theta = 2, sigma = 1, x0 = 5, T = 1;
        int n = 50_000;
        Sde ou = Sde.of((t, x) -> {
            double[][] out = new double[x.length][1];
            for (int i = 0; i < x.length; i++) out[i][0] = -theta * x[i][0];
            return out;
        }, t -> sigma);
        double exactMean = x0 * Math.exp(-theta * T);
        double exactVar = sigma * sigma * (1 - Math.exp(-2 * theta * T)) / (2 * theta);
        int[] steps = {4, 8, 16};
        double[] h = new double[3], meanErr = new double[3], varErr = new double[3];
        RandomGenerator rng = Rngs.seeded(11);
        for (int k = 0; k < steps.length; k++) {
            int N = steps[k];
            h[k] = T / N;
            double[] mv = meanVar(new EulerMaruyama().integrate(ou, constant(n, x0), 0, T, N, rng), 0);
            double r = 1 - theta * h[k];
            double emMean = x0 * Math.pow(r, N);
            double emVar = sigma * sigma * h[k] * (1 - Math.pow(r, 2 * N)) / (1 - r * r);
            double seMean = Math.sqrt(emVar / n), seVar = emVar * Math.sqrt(2.0 / (n - 1));
            assertEquals(emMean, mv[0], 4 * seMean, "EM mean, N=" + N);
            assertEquals(emVar, mv[1], 4 * seVar, "EM variance, N=" + N);
            meanErr[k] = Math.abs(mv[0] - exactMean);
            varErr[k] = Math.abs(mv[1] - exactVar);
            System.out.printf("EM OU N=%d: |mean err| %.4f (se %.4f), |var err| %.4f (se %.4f)%n", N, meanErr[k], seMean, varErr[k], seVar);
        }
        double pm = FixedStepSolverTest.slope(h, meanErr), pv = FixedStepSolverTest.slope(h, varErr);
        System.out.printf("EM weak order: mean %.3f, variance %.3f%n", pm, pv);
        assertEquals(1, pm, 0.25, "weak order from the mean");
        assertEquals(1, pv, 0.35, "weak order from the variance");
    }

    @Test
    void eulerMaruyamaRunsBackwardsWithNoiseOfVarianceAbsH() {
        // dX = dW from 1 down to 0 in 10 steps: X = x0 + N(0, 1)
        double[][] x = new EulerMaruyama().integrate(Sde.of((t, y) -> new double[y.length][1], t -> 1), constant(20_000, 3), 1, 0, 10, Rngs.seeded(3));
        double[] mv = meanVar(x, 0);
        assertEquals(3, mv[0], 4 * Math.sqrt(1.0 / 20_000));
        assertEquals(1, mv[1], 4 * Math.sqrt(2.0 / 20_000));
        Trajectory tr = new EulerMaruyama().trajectory(Sde.of((t, y) -> new double[y.length][1], t -> 1), constant(5, 3), 1, 0, 10, Rngs.seeded(3), 4);
        assertEquals(11, tr.length());
        assertEquals(0, tr.times()[10]);
    }

    // Forward VP-SDE dX = −½ b(t) X dt + √b(t) dW on [0, 1], b(t) = 0.1 + 9.9 t (t = 0 data), from GMM data.
    static final GaussianMixture DATA = GaussianMixture.isotropic(new double[]{0.3, 0.7},
            new double[][]{{-2, 1}, {1.5, -0.5}}, new double[]{0.4, 0.6});

    static double b(double t) { return 0.1 + 9.9 * t; }
    static double h(double t) { return 0.1 * t + 0.5 * 9.9 * t * t; }

    /** The forward marginal: GMM with means e^{−h/2} m_k and variances e^{−h} s_k² + 1 − e^{−h}. */
    static GaussianMixture marginal(double t) {
        double a = Math.exp(-h(t) / 2);
        double[][] m = DATA.means(), v = DATA.variances();
        for (int k = 0; k < m.length; k++) for (int j = 0; j < 2; j++) { m[k][j] *= a; v[k][j] = a * a * v[k][j] + 1 - a * a; }
        return new GaussianMixture(DATA.weights(), m, v);
    }

    static final VectorField DRIFT = (t, x) -> {
        double[][] out = new double[x.length][2];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < 2; j++) out[i][j] = -0.5 * b(t) * x[i][j];
        return out;
    };
    static final VectorField SCORE = (t, x) -> {
        GaussianMixture p = marginal(t);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) out[i] = p.score(x[i]);
        return out;
    };

    static void assertMatchesData(double[][] x, double slack, String what) {
        double[] mean = DATA.mean();
        double[] w = DATA.weights();
        double[][] m = DATA.means(), v = DATA.variances();
        for (int j = 0; j < 2; j++) {
            double var = 0;
            for (int k = 0; k < 2; k++) var += w[k] * (v[k][j] + m[k][j] * m[k][j]);
            var -= mean[j] * mean[j];
            double[] mv = meanVar(x, j);
            assertEquals(mean[j], mv[0], 4 * Math.sqrt(var / x.length) + slack, what + " mean[" + j + "]");
            assertEquals(var, mv[1], 4 * var * Math.sqrt(2.0 / x.length) + 2 * slack, what + " variance[" + j + "]");
        }
        // weight of the first mode: points closer to (−2, 1) than to (1.5, −0.5)
        int near = 0;
        for (double[] r : x) if (DATA.responsibilities(r)[0] > 0.5) near++;
        assertEquals(0.3, near / (double) x.length, 4 * Math.sqrt(0.21 / x.length) + slack, what + " mode weight");
    }

    @Test
    void reverseSdeWithExactScoreRecoversTheData() {
        int n = 2000;
        RandomGenerator rng = Rngs.seeded(5);
        double[][] xT = marginal(1).sample(n, rng);
        ReverseSde rev = new ReverseSde(DRIFT, t -> Math.sqrt(b(t)), SCORE);
        double[][] x0 = rev.sample(xT, 1, 0, 300, rng);
        assertMatchesData(x0, 0.03, "reverse SDE");
    }

    @Test
    void probabilityFlowOdeWithExactScoreRecoversTheData() {
        int n = 2000;
        double[][] xT = marginal(1).sample(n, Rngs.seeded(6));
        ProbabilityFlowOde pf = new ProbabilityFlowOde(DRIFT, t -> Math.sqrt(b(t)), SCORE);
        double[][] x0 = new RungeKutta4().integrate(pf, xT, 1, 0, 40);
        assertMatchesData(x0, 0.01, "PF-ODE");
        // and forwards: data pushed to t = 0.5 matches the marginal there (first coordinate mean)
        double[][] xh = new RungeKutta4().integrate(pf, DATA.sample(n, Rngs.seeded(7)), 0, 0.5, 20);
        double[] mv = meanVar(xh, 0);
        assertEquals(marginal(0.5).mean()[0], mv[0], 4 * Math.sqrt(mv[1] / n));
    }

    @Test
    void langevinReachesGmmMeanAndVariance() {
        GaussianMixture target = GaussianMixture.isotropic(new double[]{0.3, 0.7},
                new double[][]{{-1, 0.5}, {1.2, -0.3}}, new double[]{0.6, 0.8});
        int n = 2000;
        double eta = 0.01;
        double[][] x = new Langevin(eta).run(target, constant(n, 0, 0), 800, Rngs.seeded(21));
        double[] mean = target.mean();
        double[] w = target.weights();
        double[][] m = target.means(), v = target.variances();
        for (int j = 0; j < 2; j++) {
            double var = -mean[j] * mean[j];
            for (int k = 0; k < 2; k++) var += w[k] * (v[k][j] + m[k][j] * m[k][j]);
            double[] mv = meanVar(x, j);
            System.out.printf("Langevin coord %d: mean %.4f (exact %.4f), var %.4f (exact %.4f)%n", j, mv[0], mean[j], mv[1], var);
            // tolerance: 4 standard errors (independent chains) + O(η) discretisation bias
            assertEquals(mean[j], mv[0], 4 * Math.sqrt(var / n) + eta);
            assertEquals(var, mv[1], 4 * var * Math.sqrt(2.0 / n) + eta);
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        FixedStepSolverTest.assertMessage("stepSize = 0", () -> new Langevin(0));
        FixedStepSolverTest.assertMessage("stepSize = NaN", () -> new Langevin(Double.NaN));
        Sde sde = Sde.of((t, x) -> new double[x.length][1], t -> 1);
        EulerMaruyama em = new EulerMaruyama();
        FixedStepSolverTest.assertMessage("steps = 0", () -> em.integrate(sde, constant(2, 0), 0, 1, 0, Rngs.seeded(1)));
        FixedStepSolverTest.assertMessage("rng must not be null", () -> em.integrate(sde, constant(2, 0), 0, 1, 3, null));
        FixedStepSolverTest.assertMessage("x0[0][0] = NaN", () -> em.integrate(sde, constant(2, Double.NaN), 0, 1, 3, Rngs.seeded(1)));
        FixedStepSolverTest.assertMessage("diffusion(t = 0.0, x)[0][0] = NaN", () ->
                em.integrate(Sde.of((t, x) -> new double[x.length][1], t -> Double.NaN), constant(2, 0), 0, 1, 3, Rngs.seeded(1)));
        FixedStepSolverTest.assertMessage("h = NaN", () -> em.step(sde, 0, Double.NaN, constant(2, 0), Rngs.seeded(1)));
        FixedStepSolverTest.assertMessage("tEnd = 1.0 must be < tStart",
                () -> new ReverseSde(DRIFT, t -> 1, SCORE).sample(constant(2, 0, 0), 0, 1, 10, Rngs.seeded(1)));
        FixedStepSolverTest.assertMessage("score must not be null", () -> new ProbabilityFlowOde(DRIFT, t -> 1, null));
        FixedStepSolverTest.assertMessage("expected target.dim() = 2",
                () -> new Langevin(0.1).run(DATA, constant(2, 0), 3, Rngs.seeded(1)));
    }
}
