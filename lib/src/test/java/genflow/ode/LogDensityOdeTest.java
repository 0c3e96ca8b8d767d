package genflow.ode;

import genflow.dist.Gaussian;
import genflow.dist.GaussianMixture;
import genflow.path.GmmMarginal;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LogDensityOdeTest {
    /** log N(x; m, S) for a 2×2 covariance S (direct formula, independent of the flow). */
    static double logNormal2(double[] x, double[] m, double[][] s) {
        double det = s[0][0] * s[1][1] - s[0][1] * s[1][0];
        double a = x[0] - m[0], b = x[1] - m[1];
        double q = (s[1][1] * a * a - (s[0][1] + s[1][0]) * a * b + s[0][0] * b * b) / det;
        return -0.5 * q - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
    }

    /**
     * v(x) = A x with A = [[a, −w], [w, a]] (not symmetric): the flow map is e^{A} = e^{a} R(w), so
     * N(m0, S0) at t = 0 becomes N(e^A m0, e^A S0 e^{Aᵀ}) at t = 1 — a closed form independent of
     * the divergence integral.
     */
    @Test
    void linearFlowOfAGaussianGivesTheGaussianLogDensity() {
        double a = 0.4, w = 1.3;
        VectorField v = (t, x) -> {
            double[][] o = new double[x.length][2];
            for (int i = 0; i < x.length; i++) { o[i][0] = a * x[i][0] - w * x[i][1]; o[i][1] = w * x[i][0] + a * x[i][1]; }
            return o;
        };
        double[] m0 = {0.5, -1.0}, s0 = {0.7, 1.6};
        Gaussian p0 = new Gaussian(m0, s0);
        double ea = Math.exp(a), c = Math.cos(w), s = Math.sin(w);
        double[][] e = {{ea * c, -ea * s}, {ea * s, ea * c}};
        double[] m1 = {e[0][0] * m0[0] + e[0][1] * m0[1], e[1][0] * m0[0] + e[1][1] * m0[1]};
        double[][] cov1 = new double[2][2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++)
            for (int k = 0; k < 2; k++) cov1[i][j] += e[i][k] * s0[k] * s0[k] * e[j][k];
        double[][] x = {{1.0, 2.0}, {-3.0, 0.5}, {0.2, -0.2}};
        LogDensityOde.Result r = LogDensityOde.builder().steps(60).build().logDensity(v, p0, x);
        double[] l = r.logDensity();
        for (int i = 0; i < x.length; i++) {
            assertEquals(logNormal2(x[i], m1, cov1), l[i], 1e-8, "row " + i);
            assertEquals(2 * a, r.divergenceIntegral()[i], 1e-8, "∫ tr A dt");
        }
        // the noise points are e^{−A} x
        double[][] back = r.noise();
        double ei = Math.exp(-a);
        assertEquals(ei * (c * x[0][0] + s * x[0][1]), back[0][0], 1e-8);
        assertEquals(ei * (-s * x[0][0] + c * x[0][1]), back[0][1], 1e-8);
    }

    /** 1-D, time-dependent v = c(t) x with c(t) = sin(3t) + 0.5: x₁ = e^C x₀, C = (1 − cos 3)/3 + 0.5. */
    @Test
    void timeDependentScalingMatchesTheClosedForm() {
        VectorField v = (t, x) -> {
            double[][] o = new double[x.length][1];
            for (int i = 0; i < x.length; i++) o[i][0] = (Math.sin(3 * t) + 0.5) * x[i][0];
            return o;
        };
        double bigC = (1 - Math.cos(3)) / 3 + 0.5;
        double m0 = 0.3, s0 = 0.8;
        double m1 = m0 * Math.exp(bigC), s1 = s0 * Math.exp(bigC);
        double[][] x = {{-1.5}, {0.4}, {2.2}};
        for (OdeSolver solver : new OdeSolver[]{new RungeKutta4(), DormandPrince45.builder().rtol(1e-10).atol(1e-10).build()}) {
            double[] l = LogDensityOde.builder().solver(solver).steps(80).build()
                    .logDensity(v, new Gaussian(new double[]{m0}, new double[]{s0}), x).logDensity();
            for (int i = 0; i < x.length; i++) {
                double z = (x[i][0] - m1) / s1;
                assertEquals(-0.5 * z * z - Math.log(s1) - 0.5 * Math.log(2 * Math.PI), l[i], 1e-7, solver + " row " + i);
            }
        }
    }

    static GmmMarginal mixturePath() {
        GaussianMixture data = new GaussianMixture(new double[]{0.5, 0.3, 0.2},
                new double[][]{{2.0, 0.5}, {-1.5, 1.0}, {0.3, -2.0}},
                new double[][]{{0.3, 0.2}, {0.25, 0.4}, {0.5, 0.15}});
        return new GmmMarginal(data, new LinearSchedule());
    }

    /**
     * The exact marginal flow of a Gaussian mixture (GmmMarginal, linear path, t = 0 noise): the log
     * density obtained by integrating the divergence from data back to N(0, I) equals the closed
     * form log p_1 = log of the data mixture; RK4 error shrinks with the steps.
     */
    @Test
    void gaussianMixtureMarginalFlowLogDensityMatchesClosedForm() {
        GmmMarginal path = mixturePath();
        double[][] x = path.data().sample(40, Rngs.seeded(4));
        double prev = Double.POSITIVE_INFINITY;
        for (int steps : new int[]{50, 200}) {
            LogDensityOde.Result r = LogDensityOde.builder().steps(steps).build().logDensity(path.velocityField(), Gaussian.standard(2), x);
            double[] l = r.logDensity();
            double err = 0;
            for (int i = 0; i < x.length; i++) err = Math.max(err, Math.abs(l[i] - path.logDensity(1, x[i])));
            System.out.printf("GMM marginal flow, RK4 %d steps: max |log p error| = %.2e%n", steps, err);
            assertTrue(err < prev, "error must shrink with the steps");
            prev = err;
        }
        assertTrue(prev < 1e-5, "RK4 with 200 steps: " + prev);
    }

    @Test
    void samplingForwardsGivesTheLogDensityOfTheGeneratedPoints() {
        GmmMarginal path = mixturePath();
        double[][] z = Gaussian.standard(2).sample(20, Rngs.seeded(8));
        LogDensityOde.Result r = LogDensityOde.builder().steps(200).build().sample(path.velocityField(), Gaussian.standard(2), z);
        double[][] x1 = r.data();
        double[] l = r.logDensity();
        for (int i = 0; i < z.length; i++) assertEquals(path.logDensity(1, x1[i]), l[i], 1e-5, "row " + i);
        assertArrayEquals(z[3], r.noise()[3], 0);
    }

    /**
     * Hutchinson with probes fixed along each path: the path x_t does not depend on the probes, so
     * the estimate of log p_1 is unbiased; over 64 seeds its mean is within 4 standard errors of
     * the closed form, and the same seed gives the same numbers.
     */
    @Test
    void hutchinsonLogDensityIsUnbiasedAndReproducible() {
        GmmMarginal path = mixturePath();
        double[][] x = path.data().sample(4, Rngs.seeded(6));
        int seeds = 64;
        double[][] l = new double[seeds][];
        for (int s = 0; s < seeds; s++) {
            l[s] = LogDensityOde.builder().steps(40).hutchinson(Divergence.Probe.RADEMACHER, 1, 100 + s).build()
                    .logDensity(path.velocityField(), Gaussian.standard(2), x).logDensity();
        }
        for (int i = 0; i < x.length; i++) {
            double m = 0, v = 0;
            for (int s = 0; s < seeds; s++) m += l[s][i] / seeds;
            for (int s = 0; s < seeds; s++) v += (l[s][i] - m) * (l[s][i] - m) / (seeds - 1);
            double exact = path.logDensity(1, x[i]);
            assertTrue(v > 1e-6, "the estimate must actually be random");
            assertEquals(exact, m, 4 * Math.sqrt(v / seeds) + 1e-3, "row " + i);
        }
        double[] again = LogDensityOde.builder().steps(40).hutchinson(Divergence.Probe.RADEMACHER, 1, 100).build()
                .logDensity(path.velocityField(), Gaussian.standard(2), x).logDensity();
        assertArrayEquals(l[0], again, 0);
    }

    @Test
    void meanNllIsMinusTheAverageLogDensity() {
        GmmMarginal path = mixturePath();
        double[][] x = path.data().sample(10, Rngs.seeded(2));
        LogDensityOde.Result r = LogDensityOde.builder().steps(100).build().logDensity(path.velocityField(), Gaussian.standard(2), x);
        double s = 0;
        for (double v : r.logDensity()) s -= v / x.length;
        assertEquals(s, r.meanNll(), 1e-12);
        assertEquals(genflow.metrics.Likelihood.meanNll(path.data(), x), r.meanNll(), 1e-5);
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        GmmMarginal path = mixturePath();
        LogDensityOde ode = LogDensityOde.builder().build();
        double[][] x = {{0.1, 0.2}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ode.logDensity(null, Gaussian.standard(2), x)).getMessage().contains("v"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ode.logDensity(path.velocityField(), null, x)).getMessage().contains("noise"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ode.logDensity(path.velocityField(), Gaussian.standard(3), x)).getMessage().contains("dimension"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ode.logDensity(path.velocityField(), Gaussian.standard(2), new double[][]{{Double.NaN, 0}})).getMessage().contains("data"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogDensityOde.builder().steps(0)).getMessage().contains("steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogDensityOde.builder().eps(-1)).getMessage().contains("eps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogDensityOde.builder().hutchinson(null, 1, 0)).getMessage().contains("probe"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogDensityOde.builder().hutchinson(Divergence.Probe.GAUSSIAN, 0, 0)).getMessage().contains("k"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LogDensityOde.builder().solver(null)).getMessage().contains("solver"));
    }
}
