package genflow.metrics;

import genflow.dist.GaussianMixture;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class LikelihoodAndModeMassTest {

    @Test
    void meanNllMatchesDirectEvaluation() {
        GaussianMixture gmm = new GaussianMixture(new double[] {0.3, 0.7}, new double[][] {{-1}, {2}}, new double[][] {{0.5}, {1.5}});
        double[][] x = {{0.0}, {-1.2}, {3.5}, {10.0}};
        double s = 0;
        for (double[] r : x) {
            double p = 0.3 / Math.sqrt(2 * Math.PI * 0.5) * Math.exp(-(r[0] + 1) * (r[0] + 1) / (2 * 0.5))
                    + 0.7 / Math.sqrt(2 * Math.PI * 1.5) * Math.exp(-(r[0] - 2) * (r[0] - 2) / (2 * 1.5));
            s -= Math.log(p);
        }
        assertEquals(s / 4, Likelihood.meanNll(gmm, x), 1e-12);
    }

    @Test
    void meanNllOfOwnSamplesEstimatesTheEntropy() {
        // H(N(0, σ² I_d)) = d/2 · log(2πe σ²); per-sample NLL has sd sqrt(d/2) → MC sd ≈ 0.007 at n = 20000
        double sigma = 0.7;
        GaussianMixture g = GaussianMixture.isotropic(new double[][] {{1, -1}}, sigma);
        double[][] x = g.sample(20_000, Rngs.seeded(12));
        assertEquals(Math.log(2 * Math.PI * Math.E * sigma * sigma), Likelihood.meanNll(g, x), 0.035);
    }

    @Test
    void modeMassRecoversMixtureWeights() {
        GaussianMixture gmm = GaussianMixture.isotropic(new double[] {0.2, 0.3, 0.5},
                new double[][] {{-5, 0}, {5, 0}, {0, 8}}, new double[] {0.5, 0.5, 0.5});
        double[][] x = gmm.sample(20_000, Rngs.seeded(88));
        double[] hard = ModeMass.nearestMean(gmm, x), soft = ModeMass.byResponsibility(gmm, x);
        double[] w = {0.2, 0.3, 0.5};
        for (int k = 0; k < 3; k++) {
            // binomial sd ≤ 0.0036 → 4 sd
            assertEquals(w[k], hard[k], 0.015);
            assertEquals(w[k], soft[k], 0.015);
            assertEquals(hard[k], soft[k], 1e-3); // modes are ~10σ apart: assignments agree
        }
        assertArrayEquals(new double[] {0.5, 0.25, 0.25},
                ModeMass.nearestMean(gmm, new double[][] {{-5, 0}, {-4.9, 0.1}, {5, 0}, {0, 8}}), 1e-15);
        // a mode-collapsed generator: every sample near component 0
        double[][] collapsed = GaussianMixture.isotropic(new double[][] {{-5, 0}}, 0.5).sample(500, Rngs.seeded(1));
        assertArrayEquals(new double[] {1, 0, 0}, ModeMass.nearestMean(gmm, collapsed), 1e-15);
        assertEquals(1.0, ModeMass.byResponsibility(gmm, collapsed)[0], 1e-9);
    }

    @Test
    void responsibilityMassIsUnbiasedForOverlappingModes() {
        // E γ_k(X) = w_k even when the modes overlap (nearest-mean would be biased here)
        GaussianMixture gmm = GaussianMixture.isotropic(new double[] {0.25, 0.75}, new double[][] {{0}, {1}}, new double[] {1, 1});
        double[] soft = ModeMass.byResponsibility(gmm, gmm.sample(40_000, Rngs.seeded(3)));
        assertEquals(0.25, soft[0], 0.01);
        assertEquals(1.0, soft[0] + soft[1], 1e-12);
    }

    @Test
    void rejectsBadInput() {
        GaussianMixture gmm = GaussianMixture.isotropic(new double[][] {{0, 0}}, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Likelihood.meanNll(gmm, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("x[0]"));
        e = assertThrows(IllegalArgumentException.class, () -> ModeMass.nearestMean(gmm, new double[][] {{1, Double.NaN}}));
        assertTrue(e.getMessage().contains("x[0][1]"));
        assertThrows(IllegalArgumentException.class, () -> ModeMass.byResponsibility(null, new double[1][2]));
        assertThrows(IllegalArgumentException.class, () -> Likelihood.meanNll(gmm, new double[0][]));
    }
}
