package genflow.metrics;

import genflow.dist.GaussianMixture;
import genflow.dist.ToyData;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.metrics. */
class MetricsBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void w2OfPointsFarOutIsFiniteWhereItExists() {
        // W2({1e200}, {−1e200}) = 2e200: the squares overflowed and W2 came out as ∞
        assertEquals(2e200, Wasserstein.w2OneDim(new double[] {1e200}, new double[] {-1e200}), 1e186);
        assertEquals(1.7e308, Wasserstein.w2OneDim(new double[] {1.7e308, -1.7e308}, new double[] {0, 0}), 1e294);
        assertEquals(2e200, Wasserstein.w2Exact(new double[][] {{1e200, 0}}, new double[][] {{-1e200, 0}}), 1e186);
        double sw = Wasserstein.slicedW2(new double[][] {{1e200, 0}}, new double[][] {{-1e200, 0}}, 50, Rngs.seeded(1));
        assertTrue(sw > 0 && sw < 2e200, "SW2 = " + sw);
        // W2² = 4e400 is not a double: rejected, naming x and y and pointing to W2
        rejects("x, y: W2² (1-D)", () -> Wasserstein.squaredW2OneDim(new double[] {1e200}, new double[] {-1e200}));
        rejects("x, y: W2²", () -> Wasserstein.squaredW2Exact(new double[][] {{1e200}}, new double[][] {{-1e200}}));
        // tiny values: squares underflowed to 0
        assertEquals(2e-200, Wasserstein.w2OneDim(new double[] {1e-200}, new double[] {-1e-200}), 1e-214);
        // ordinary data: bit for bit as before
        double[] x = {0.3, -1.2, 2.5}, y = {1.0, 0.1, -0.7};
        assertEquals(Math.sqrt(Wasserstein.squaredW2OneDim(x, y)), Wasserstein.w2OneDim(x, y), 0);
    }

    @Test
    void discrepanciesAndNearestNeighbours() {
        // energy distance: NaN (∞ − ∞) before; homogeneous of degree 1, so computed on scaled points: 2·2e200 − 0 − 0
        assertEquals(4e200, Discrepancy.energyDistance(new double[][] {{1e200}}, new double[][] {{-1e200}}, Discrepancy.Estimator.BIASED), 1e186);
        // MMD with h = 4.9e-324: 1/(2h²) = ∞ and ∞·0 = NaN on the diagonal before; k(x, y) → 0 for x ≠ y
        double mmd = Discrepancy.mmdSquaredGaussian(new double[][] {{0}, {1}}, new double[][] {{2}, {3}}, Double.MIN_VALUE, Discrepancy.Estimator.BIASED);
        assertEquals(1.0, mmd, 1e-15); // (2 + 2)/4 on the diagonals, 0 across
        // nearest neighbours far out: all squared distances overflowed to ∞ and index 0 won every tie
        assertArrayEquals(new int[] {1}, NearestNeighbour.indices(new double[][] {{1e200}}, new double[][] {{-1e200}, {0.9e200}}));
        assertEquals(0.1e200, NearestNeighbour.distances(new double[][] {{1e200}}, new double[][] {{-1e200}, {0.9e200}})[0], 1e186);
        assertEquals(1e-200, NearestNeighbour.leaveOneOutDistances(new double[][] {{0}, {1e-200}})[0], 1e-214); // underflowed to 0
        rejects("queries[0]: its distance to the nearest row of reference exceeds the double range",
                () -> NearestNeighbour.distances(new double[][] {{1.7e308}}, new double[][] {{-1.7e308}}));
        GaussianMixture eight = ToyData.eightGaussians();
        assertArrayEquals(new double[] {1, 0, 0, 0, 0, 0, 0, 0}, ModeMass.nearestMean(eight, new double[][] {{1e200, 0}}), 0);
        assertArrayEquals(new double[] {0, 0, 0, 0, 1, 0, 0, 0}, ModeMass.byResponsibility(eight, new double[][] {{-1e300, 0}}), 0);
        // KS: λ = 4.9e-324 gave NaN (∞·0)
        assertEquals(0.0, KolmogorovSmirnov.kolmogorovCdf(Double.MIN_VALUE));
        assertEquals(1.0, KolmogorovSmirnov.kolmogorovSurvival(Double.MIN_VALUE));
        rejects("pValue = NaN", () -> new KolmogorovSmirnov.Result(0.5, Double.NaN, 10));
        rejects("statistic = 1.5", () -> new KolmogorovSmirnov.Result(1.5, 0.5, 10));
    }

    @Test
    void likelihoodAndPathEnergyRejectWhatCannotBeFinite() {
        GaussianMixture eight = ToyData.eightGaussians();
        // −log p at x = (1e300, 0) is ≈ 1e600: was +∞
        rejects("x = [1.0E300, 0.0] is so far from every component", () -> Likelihood.meanNll(eight, new double[][] {{1e300, 0}}));
        // each term finite, the sum not: averaged term by term
        double far = 1.3e154 * ToyData.EIGHT_GAUSSIANS_STD, single = -eight.logDensity(new double[] {far, 0});
        assertEquals(single, Likelihood.meanNll(eight, new double[][] {{far, 0}, {far, 0}}), 1e-12 * single);
        // path energy: ∞ before
        rejects("field, trajectory: the path energy", () -> PathEnergy.pathEnergy((t, x) -> new double[][] {{1e300}}, new double[] {0, 1},
                new double[][][] {{{0}}, {{1}}}));
        rejects("trajectory, times: the path energy", () -> PathEnergy.pathEnergy(new double[] {0, Double.MIN_VALUE}, new double[][][] {{{0}}, {{1}}}));
        rejects("pathEnergy = 1.0, w2Squared = 4.9E-324", () -> PathEnergy.normalizedPathEnergy(1, Double.MIN_VALUE));
        // the target of the NPE is named (it was reported as "y")
        rejects("target must not be null", () -> PathEnergy.normalizedPathEnergy(new double[] {0, 1}, new double[][][] {{{0}}, {{1}}}, null));
        rejects("target has 2 rows, expected 1 like trajectory[0]",
                () -> PathEnergy.normalizedPathEnergy(new double[] {0, 1}, new double[][][] {{{0}}, {{1}}}, new double[][] {{1}, {2}}));
        rejects("times[1] - times[0] must be finite", () -> PathEnergy.pathEnergy(new double[] {-1.7e308, 1.7e308}, new double[][][] {{{0}}, {{1}}}));
    }
}
