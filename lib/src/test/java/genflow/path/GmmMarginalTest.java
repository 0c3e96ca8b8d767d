package genflow.path;

import genflow.dist.GaussianMixture;
import genflow.random.Rngs;
import genflow.schedule.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static genflow.path.PathTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class GmmMarginalTest {
    static final GaussianMixture DATA = new GaussianMixture(new double[]{0.2, 0.5, 0.3},
            new double[][]{{-2, 1}, {1, 1.5}, {0.5, -1.5}},
            new double[][]{{0.3, 0.1}, {0.2, 0.5}, {0.4, 0.2}});

    static List<Schedule> schedules() {
        return List.of(new LinearSchedule(), new VpSchedule(), new CosineSchedule(), new VeSchedule(0.05, 4));
    }

    /**
     * Exact u_t(x) against a self-normalised importance-sampling estimate of E[u_t(x | z) | x_t = x]:
     * z_i ~ data, weights w_i ∝ N(x; α_t z_i, β_t² I) (seed 004 eq. (19)).
     */
    @ParameterizedTest @MethodSource("schedules")
    void exactVelocityMatchesMonteCarloPosteriorAverage(Schedule s) {
        GmmMarginal gm = new GmmMarginal(DATA, s);
        int m = 100_000;
        double[][] z = DATA.sample(m, Rngs.seeded(31));
        for (double t : new double[]{0.35, 0.7}) {
            double a = s.alpha(t), b = s.beta(t), ad = s.alphaDot(t), bd = s.betaDot(t);
            for (double[] x : new double[][]{{0.2, 0.4}, {-1.0, 0.8}}) {
                double[] xt = {a * x[0], a * x[1] + 0.2};
                // log N(xt; a z_i, b² I) up to a constant, and u_t(xt | z_i) = (ȧ − ḃ a/b) z_i + (ḃ/b) xt (seed 004 eq. (21))
                double[] logw = new double[m];
                double max = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < m; i++) {
                    double d0 = xt[0] - a * z[i][0], d1 = xt[1] - a * z[i][1];
                    logw[i] = -(d0 * d0 + d1 * d1) / (2 * b * b);
                    max = Math.max(max, logw[i]);
                }
                double sw = 0;
                double[] est = new double[2];
                double[][] u = new double[m][2];
                double[] w = new double[m];
                for (int i = 0; i < m; i++) {
                    w[i] = Math.exp(logw[i] - max);
                    sw += w[i];
                    for (int j = 0; j < 2; j++) {
                        u[i][j] = (ad - bd * a / b) * z[i][j] + bd / b * xt[j];
                        est[j] += w[i] * u[i][j];
                    }
                }
                double[] exact = gm.velocity(t, xt);
                for (int j = 0; j < 2; j++) {
                    est[j] /= sw;
                    double v = 0;
                    for (int i = 0; i < m; i++) v += w[i] * w[i] * (u[i][j] - est[j]) * (u[i][j] - est[j]);
                    double se = Math.sqrt(v) / sw;
                    assertTrue(se < 0.05 * (1 + Math.abs(exact[j])), "MC estimate too noisy to test: se " + se);
                    assertEquals(exact[j], est[j], 5 * se + 1e-9, s + " t=" + t + " coordinate " + j + " (se " + se + ")");
                }
            }
        }
    }

    @Test
    void marginalDensityMatchesMonteCarlo() {
        Schedule s = new LinearSchedule();
        GmmMarginal gm = new GmmMarginal(DATA, s);
        GaussianPath path = new GaussianPath(s);
        double t = 0.6;
        double[] x = {0.3, 0.5};
        int m = 100_000;
        double[][] z = DATA.sample(m, Rngs.seeded(5));
        double sum = 0, sq = 0;
        for (double[] zi : z) { double p = Math.exp(path.conditionalLogDensity(t, x, zi)); sum += p; sq += p * p; }
        double mean = sum / m, se = Math.sqrt((sq / m - mean * mean) / m);
        assertEquals(mean, gm.density(t, x), 4 * se);
    }

    /** ∂_t p_t + ∇·(p_t u_t) = 0 in 2-D by central differences: the exact velocity generates the exact marginals. */
    @ParameterizedTest @MethodSource("schedules")
    void exactVelocityAndDensitySatisfyContinuityEquation(Schedule s) {
        GmmMarginal gm = new GmmMarginal(DATA, s);
        double h = 1e-5;
        for (double t : new double[]{0.25, 0.6, 0.9}) {
            double scale = 0, worst = 0;
            for (double[] x : new double[][]{{0, 0}, {-1.5, 0.8}, {0.9, 1.2}, {0.4, -1.1}, {2, 2}}) {
                double[] xs = {s.alpha(t) * x[0], s.alpha(t) * x[1]};
                double dtp = (gm.density(t + h, xs) - gm.density(t - h, xs)) / (2 * h);
                double div = 0;
                for (int j = 0; j < 2; j++) {
                    double[] xp = xs.clone(), xm = xs.clone();
                    xp[j] += h; xm[j] -= h;
                    div += (gm.density(t, xp) * gm.velocity(t, xp)[j] - gm.density(t, xm) * gm.velocity(t, xm)[j]) / (2 * h);
                }
                scale = Math.max(scale, Math.abs(dtp));
                worst = Math.max(worst, Math.abs(dtp + div));
            }
            assertTrue(worst <= 1e-5 * scale, s + " t=" + t + ": residual " + worst + " vs " + scale);
        }
    }

    @Test
    void endpointsAreNoiseAndData() {
        GmmMarginal gm = new GmmMarginal(DATA, new LinearSchedule());
        double[] x = {0.7, -0.2};
        assertEquals(-0.5 * (0.49 + 0.04) - Math.log(2 * Math.PI), gm.logDensity(0, x), 1e-12, "t = 0 is N(0, I)");
        assertEquals(DATA.logDensity(x), gm.logDensity(1, x), 1e-12, "t = 1 is the data");
        // at t = 1 the CondOT marginal velocity is E[z − ε | x_1 = x] = x
        assertArrayEquals(x, gm.velocity(1, x), 1e-12);
        // at t = 0 it is E[z] − x
        double[] mean = DATA.mean();
        assertArrayEquals(new double[]{mean[0] - x[0], mean[1] - x[1]}, gm.velocity(0, x), 1e-12);
    }

    /**
     * The exact flow-matching field of a σ-smoothed empirical measure (every training image y_j widened
     * to N(y_j, σ²I)) carries noise onto y_j + σε (lecture 09, §2: the exact minimiser memorises): the
     * distance to the nearest training image is ≈ σ√d = 0.4 for σ = 0.05, d = 64 (a little less after
     * Euler's slight contraction), far below the ≈ 2–4 between distinct digits. Was Chapter09FiguresTest.
     */
    @Test
    void exactFlowOfASmoothedEmpiricalMeasureEndsNearItsAtoms() {
        double[][] train = genflow.dist.DigitsSplit.loadDefault().train();
        double sigma = 0.05;
        GmmMarginal exact = new GmmMarginal(GaussianMixture.isotropic(train, sigma), new LinearSchedule());
        double[][] x = new genflow.ode.Euler().integrate(exact.velocityField(),
                genflow.dist.Gaussian.standard(64).sample(4, Rngs.seeded(1)), 0, 1, 40);
        double mean = java.util.Arrays.stream(genflow.metrics.NearestNeighbour.distances(x, train)).average().orElseThrow();
        assertEquals(sigma * Math.sqrt(64), mean, 0.15, "samples must end within σ√d of a training image");
    }

    @Test
    void posteriorMeanAndScoreObeyTweedieAndFieldsMatch() {
        for (Schedule s : schedules()) {
            GmmMarginal gm = new GmmMarginal(DATA, s);
            double t = 0.55, h = 1e-6;
            double[] x = {0.3, -0.4};
            double a = s.alpha(t), b = s.beta(t);
            double[] zhat = gm.posteriorMean(t, x), score = gm.score(t, x);
            for (int j = 0; j < 2; j++) {
                assertEquals(a * zhat[j], x[j] + b * b * score[j], 1e-10, s + " Tweedie");
                double[] xp = x.clone(), xm = x.clone();
                xp[j] += h; xm[j] -= h;
                assertEquals((gm.logDensity(t, xp) - gm.logDensity(t, xm)) / (2 * h), score[j], 1e-6);
            }
            double[][] xs = {x, {1, 1}};
            assertArrayEquals(gm.velocity(t, x), gm.velocityField().apply(t, xs)[0], 0);
            assertArrayEquals(gm.score(t, new double[]{1, 1}), gm.scoreField().apply(t, xs)[1], 0);
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        GmmMarginal gm = new GmmMarginal(DATA, new VpSchedule());
        assertMessage("t = 1.0: the marginal velocity", () -> gm.velocity(1, new double[]{0, 0}));
        assertMessage("t = 2.0", () -> gm.score(2, new double[]{0, 0}));
        assertMessage("x has dimension 3, expected 2", () -> gm.velocity(0.5, new double[]{0, 0, 0}));
        assertMessage("x[0] = NaN", () -> gm.density(0.5, new double[]{Double.NaN, 0}));
        assertMessage("x has dimension 1, expected 2", () -> gm.velocity(0.5, new double[][]{{0}}));
        assertMessage("data must not be null", () -> new GmmMarginal(null, new LinearSchedule()));
    }
}
