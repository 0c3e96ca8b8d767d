package genflow.dist;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static genflow.dist.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class GaussianMixtureTest {

    private static GaussianMixture anisotropic3d() {
        return new GaussianMixture(new double[]{1, 2, 0.5},
                new double[][]{{0, 0, 0}, {2, -1, 0.5}, {-1.5, 1, 3}},
                new double[][]{{1, 0.25, 2}, {0.5, 0.5, 0.5}, {0.1, 1.5, 0.3}});
    }

    @Test
    void scoreMatchesFiniteDifferencesOfLogDensity() {
        RandomGenerator rng = Rngs.seeded(1);
        for (GaussianMixture gm : new GaussianMixture[]{anisotropic3d(), ToyData.eightGaussians(), ToyData.grid3x3()}) {
            for (int t = 0; t < 50; t++) {
                double[] x = new double[gm.dim()];
                for (int j = 0; j < x.length; j++) x[j] = 6 * rng.nextGaussian();
                double[] s = gm.score(x);
                double[] fd = fdScore(gm, x, 1e-5);
                for (int j = 0; j < x.length; j++) assertEquals(fd[j], s[j], 1e-5 * (1 + Math.abs(fd[j])), "coordinate " + j);
            }
        }
    }

    @Test
    void singleComponentIsTheGaussianClosedForm() {
        GaussianMixture gm = new GaussianMixture(new double[]{3}, new double[][]{{1, -2}}, new double[][]{{4, 0.25}});
        double[] x = {0.3, -1.1};
        double want = -0.5 * ((0.3 - 1) * (0.3 - 1) / 4 + (-1.1 + 2) * (-1.1 + 2) / 0.25) - Math.log(2 * Math.PI * 2 * 0.5);
        assertEquals(want, gm.logDensity(x), 1e-14);
        assertArrayEquals(new double[]{(1 - 0.3) / 4, (-2 + 1.1) / 0.25}, gm.score(x), 1e-14);
        assertArrayEquals(new double[]{1.0}, gm.weights(), 0.0);
    }

    @Test
    void densityIntegratesToOneOnAGrid() {
        for (GaussianMixture gm : new GaussianMixture[]{ToyData.eightGaussians(), ToyData.grid3x3(),
                GaussianMixture.isotropic(new double[]{1, 3}, new double[][]{{0, 0}, {1, 1}}, new double[]{0.7, 1.3})}) {
            double h = 0.04, s = 0;
            for (double x = -12; x < 12; x += h) for (double y = -12; y < 12; y += h) s += Math.exp(gm.logDensity(new double[]{x + h / 2, y + h / 2}));
            assertEquals(1.0, s * h * h, 1e-6);
        }
    }

    @Test
    void responsibilitiesAreBayesPosteriors() {
        GaussianMixture gm = anisotropic3d();
        double[] x = {0.5, -0.2, 1.0};
        double[] lj = gm.logJoint(x);
        double[] g = gm.responsibilities(x);
        double total = 0;
        for (double v : lj) total += Math.exp(v);
        double sum = 0;
        for (int k = 0; k < g.length; k++) {
            assertEquals(Math.exp(lj[k]) / total, g[k], 1e-14);
            sum += g[k];
        }
        assertEquals(1.0, sum, 1e-14);
        assertEquals(Math.log(total), gm.logDensity(x), 1e-13);
    }

    @Test
    void farFromAllModesStaysFinite() {
        GaussianMixture gm = ToyData.eightGaussians();
        double[] x = {1e3, -1e3};
        assertTrue(Double.isFinite(gm.logDensity(x)));
        double[] s = gm.score(x);
        // far away, the nearest component (k = 7, mean 5(cos 7π/4, sin 7π/4)) dominates
        double v = ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD;
        assertEquals((5 * Math.cos(7 * Math.PI / 4) - 1e3) / v, s[0], 1e-9 * Math.abs(s[0]));
        assertEquals((5 * Math.sin(7 * Math.PI / 4) + 1e3) / v, s[1], 1e-9 * Math.abs(s[1]));
    }

    @Test
    void sampleMomentsMatchExactMeanAndCovariance() {
        GaussianMixture gm = anisotropic3d();
        int n = 60000, d = 3;
        double[][] x = gm.sample(n, Rngs.seeded(7));
        double[] w = gm.weights();
        double[][] m = gm.means(), v = gm.variances();
        double[] mu = gm.mean();
        // exact covariance Σ_k w_k (diag v_k + m_k m_kᵀ) − μμᵀ
        for (int a = 0; a < d; a++) {
            double[] ca = column(x, a);
            double wantMean = 0;
            for (int k = 0; k < w.length; k++) wantMean += w[k] * m[k][a];
            assertEquals(wantMean, mu[a], 1e-14);
            assertMeanWithin5Se(mu[a], ca, "mean " + a);
            for (int b = 0; b <= a; b++) {
                double cov = -mu[a] * mu[b];
                for (int k = 0; k < w.length; k++) cov += w[k] * ((a == b ? v[k][a] : 0) + m[k][a] * m[k][b]);
                double[] prod = new double[n];
                for (int i = 0; i < n; i++) prod[i] = (x[i][a] - mu[a]) * (x[i][b] - mu[b]);
                assertMeanWithin5Se(cov, prod, "cov " + a + "," + b);
            }
        }
    }

    @Test
    void componentFrequenciesMatchWeights() {
        GaussianMixture gm = ToyData.grid3x3();
        RandomGenerator rng = Rngs.seeded(8);
        long[] counts = new long[9];
        for (int i = 0; i < 38000; i++) counts[gm.sampleComponent(rng)]++;
        assertTrue(chiSquare(counts, gm.weights()) < chiSquareCritical(8, 1e-4));
    }

    @Test
    void zeroWeightComponentIsNeverDrawnEvenAtTheTopOfTheUnitInterval() {
        // weights whose normalised running sum rounds to 1 − 2^-53, followed by a zero-weight component
        double[] w = {0.1, 0.1, 0.6, 0.0};
        double c = 0;
        for (int i = 0; i < 3; i++) c += w[i] / (0.1 + 0.1 + 0.6);
        assertEquals(1 - Math.pow(2, -53), c, 0.0); // the situation this test is about
        GaussianMixture gm = GaussianMixture.isotropic(w, new double[][]{{0}, {1}, {2}, {3}}, new double[]{1, 1, 1, 1});
        RandomGenerator top = () -> -1L; // nextDouble() = 1 − 2^-53, the largest value it can return
        assertEquals(1 - Math.pow(2, -53), top.nextDouble());
        assertNotEquals(3, gm.sampleComponent(top), "running sum " + c);
        RandomGenerator rng = Rngs.seeded(9);
        for (int i = 0; i < 10000; i++) assertNotEquals(3, gm.sampleComponent(rng));
        // a leading zero-weight component is never drawn either, even for u = 0
        GaussianMixture lead = GaussianMixture.isotropic(new double[]{0, 1}, new double[][]{{0}, {1}}, new double[]{1, 1});
        assertEquals(1, lead.sampleComponent(() -> 0L));
    }

    @Test
    void sameSeedSameSamples() {
        GaussianMixture gm = anisotropic3d();
        assertArrayEquals(gm.sample(100, Rngs.seeded(3)), gm.sample(100, Rngs.seeded(3)));
        assertEquals(0, gm.sample(0, Rngs.seeded(3)).length);
    }

    @Test
    void copiesInAndOut() {
        double[][] means = {{0, 0}, {1, 1}};
        GaussianMixture gm = GaussianMixture.isotropic(means, 1.0);
        means[0][0] = 100;
        assertEquals(0.0, gm.means()[0][0]);
        gm.means()[1][1] = 50;
        assertEquals(1.0, gm.means()[1][1]);
        assertArrayEquals(new double[]{0.5, 0.5}, gm.weights(), 1e-15);
    }

    @Test
    void rejectsBadInput() {
        double[][] m2 = {{0, 0}, {1, 1}};
        double[][] v2 = {{1, 1}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[0], new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(null, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1}, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, -1}, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{0, 0}, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1e308, 1e308}, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, Double.NaN}, m2, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, 1}, new double[][]{null, {1, 1}}, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, 1}, new double[][]{{0, 0}, {1}}, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, 1}, new double[][]{{0, Double.NaN}, {1, 1}}, v2));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, 1}, m2, new double[][]{{1, 0}, {1, 1}}));
        assertThrows(IllegalArgumentException.class, () -> new GaussianMixture(new double[]{1, 1}, m2, new double[][]{{1, 1}, {1, Double.POSITIVE_INFINITY}}));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.isotropic(m2, 0.0));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.isotropic(null, 1.0));
        assertThrows(IllegalArgumentException.class, () -> GaussianMixture.isotropic(new double[]{1, 1}, m2, new double[]{1}));
        GaussianMixture gm = GaussianMixture.isotropic(m2, 1.0);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> gm.logDensity(new double[]{0, Double.NaN}));
        assertTrue(e.getMessage().contains("x[1]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> gm.score(new double[]{0, 0, 0}));
        assertThrows(IllegalArgumentException.class, () -> gm.responsibilities(null));
        assertThrows(IllegalArgumentException.class, () -> gm.sample(-1, Rngs.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> gm.sample(3, null));
    }
}
