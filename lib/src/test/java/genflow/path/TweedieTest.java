package genflow.path;

import genflow.dist.GaussianMixture;
import genflow.random.Rngs;
import genflow.schedule.*;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static genflow.path.PathTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class TweedieTest {
    static final List<Schedule> SCHEDULES = List.of(new LinearSchedule(), new PolynomialSchedule(3), new VpSchedule(),
            new CosineSchedule(), new VeSchedule(0.05, 4));

    @Test
    void conversionsRoundTrip() {
        RandomGenerator rng = Rngs.seeded(9);
        for (Schedule s : SCHEDULES) {
            Tweedie tw = new Tweedie(s);
            for (double t : new double[]{0.1, 0.5, 0.9}) {
                double[] x = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                double[] sc = {rng.nextGaussian(), rng.nextGaussian(), rng.nextGaussian()};
                double[] zhat = tw.posteriorMeanFromScore(t, x, sc);
                double[] u = tw.velocityFromScore(t, x, sc);
                String at = s + " t=" + t;
                assertArrayEquals(sc, tw.scoreFromPosteriorMean(t, x, zhat), 1e-9, at);
                assertArrayEquals(u, tw.velocityFromPosteriorMean(t, x, zhat), 1e-9, at);
                assertArrayEquals(zhat, tw.posteriorMeanFromVelocity(t, x, u), 1e-9, at);
                assertArrayEquals(sc, tw.scoreFromVelocity(t, x, u), 1e-9, at);
                assertArrayEquals(sc, tw.scoreFromNoise(t, tw.noiseFromScore(t, sc)), 1e-12, at);
                // ε̂ = (x − α ẑ)/β
                double[] eps = tw.noiseFromScore(t, sc);
                for (int j = 0; j < 3; j++) assertEquals((x[j] - s.alpha(t) * zhat[j]) / s.beta(t), eps[j], 1e-9, at);
            }
        }
    }

    @Test
    void condOtVelocityFromScoreIsSeed000Formula() {
        Tweedie tw = new Tweedie(new LinearSchedule());
        double t = 0.3;
        double[] x = {0.4, -1}, s = {2, 0.5};
        double[] u = tw.velocityFromScore(t, x, s);
        for (int j = 0; j < 2; j++) assertEquals(x[j] / t + (1 - t) / t * s[j], u[j], 1e-14, "v = ((1−t)/t) ∇log p + x/t");
    }

    @Test
    void conversionsAgreeWithExactGmmMarginals() {
        GaussianMixture data = GmmMarginalTest.DATA;
        for (Schedule s : SCHEDULES) {
            GmmMarginal gm = new GmmMarginal(data, s);
            Tweedie tw = new Tweedie(s);
            for (double t : new double[]{0.2, 0.8}) {
                double[] x = {0.6, -0.3};
                double[] score = gm.score(t, x), u = gm.velocity(t, x);
                assertArrayEquals(u, tw.velocityFromScore(t, x, score), 1e-9, s + " t=" + t);
                assertArrayEquals(gm.posteriorMean(t, x), tw.posteriorMeanFromScore(t, x, score), 1e-9);
                assertArrayEquals(score, tw.scoreFromVelocity(t, x, u), 1e-9);
                assertArrayEquals(u, tw.velocityFieldFromScore(gm.scoreField()).apply(t, new double[][]{x})[0], 1e-9);
                assertArrayEquals(score, tw.scoreFieldFromVelocity(gm.velocityField()).apply(t, new double[][]{x})[0], 1e-9);
            }
        }
    }

    /**
     * Seed 000's Tweedie formula for y = x + η, η ~ N(0, σ² I), x ~ GMM: a Monte Carlo posterior mean
     * (x_i ~ data weighted by N(y; x_i, σ²)) against y + σ² ∇log p(y), where p is the GMM with the
     * variances widened by σ².
     */
    @Test
    void tweedieDenoiserMatchesMonteCarloPosteriorMeanOnGmm() {
        GaussianMixture data = GmmMarginalTest.DATA;
        double sigma = 0.7;
        double[][] v = data.variances();
        for (double[] row : v) for (int j = 0; j < row.length; j++) row[j] += sigma * sigma;
        GaussianMixture noisy = new GaussianMixture(data.weights(), data.means(), v);
        int m = 200_000;
        double[][] xs = data.sample(m, Rngs.seeded(17));
        for (double[] y : new double[][]{{0, 0}, {-1.5, 1.2}, {1.5, -1}}) {
            double[] w = new double[m];
            double sw = 0;
            double[] est = new double[2];
            for (int i = 0; i < m; i++) {
                double d0 = y[0] - xs[i][0], d1 = y[1] - xs[i][1];
                w[i] = Math.exp(-(d0 * d0 + d1 * d1) / (2 * sigma * sigma));
                sw += w[i];
                est[0] += w[i] * xs[i][0];
                est[1] += w[i] * xs[i][1];
            }
            double[] tweedie = Tweedie.denoise(y, sigma, noisy.score(y));
            for (int j = 0; j < 2; j++) {
                est[j] /= sw;
                double var = 0;
                for (int i = 0; i < m; i++) var += w[i] * w[i] * (xs[i][j] - est[j]) * (xs[i][j] - est[j]);
                double se = Math.sqrt(var) / sw;
                assertTrue(se < 0.02, "se " + se);
                assertEquals(est[j], tweedie[j], 5 * se, "y=" + java.util.Arrays.toString(y) + " coordinate " + j);
            }
            // and with the GMM-path machinery: VE-type path α = 1, β = σ gives the same posterior mean
        }
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        Tweedie tw = new Tweedie(new LinearSchedule());
        double[] x = {1, 2};
        assertMessage("alpha_t = 0.0", () -> tw.posteriorMeanFromScore(0, x, x));
        assertMessage("alpha_t = 0.0", () -> tw.velocityFromScore(0, x, x));
        assertMessage("beta_t = 0.0", () -> tw.scoreFromPosteriorMean(1, x, x));
        assertMessage("beta_t = 0.0", () -> tw.scoreFromVelocity(1, x, x));
        assertMessage("t = -1.0", () -> tw.noiseFromScore(-1, x));
        assertMessage("score has dimension 1, expected 2", () -> tw.velocityFromScore(0.5, x, new double[]{1}));
        assertMessage("velocity[0] = NaN", () -> tw.scoreFromVelocity(0.5, x, new double[]{Double.NaN, 1}));
        assertMessage("sigma = 0.0", () -> Tweedie.denoise(x, 0, x));
        assertMessage("t = 1.0: the velocity", () -> new Tweedie(new VpSchedule()).velocityFromScore(1, x, x));
        assertMessage("schedule must not be null", () -> new Tweedie(null));
    }
}
