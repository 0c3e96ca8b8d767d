package genflow.metrics;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class FrechetDistanceTest {
    @Test
    void oneDimensionalGaussiansGiveTheClosedForm() {
        // W2² between N(m1, s1²) and N(m2, s2²) is (m1 − m2)² + (s1 − s2)²
        double d = FrechetDistance.between(new double[]{1}, new double[][]{{4}}, new double[]{-0.5}, new double[][]{{0.25}});
        assertEquals(1.5 * 1.5 + (2 - 0.5) * (2 - 0.5), d, 1e-13);
    }

    @Test
    void nonCommutingCovariancesMatchTheTwoByTwoTraceFormula() {
        // for a 2×2 PSD matrix M, Tr √M = √(Tr M + 2 √det M): an independent formula for the trace term
        double[][] c1 = {{2, 0.7}, {0.7, 1}}, c2 = {{0.5, -0.2}, {-0.2, 3}};
        double[][] p = new double[2][2];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) p[i][j] += c1[i][k] * c2[k][j];
        // C1 C2 is not symmetric, but its eigenvalues are those of C2^{1/2} C1 C2^{1/2} (real, >= 0)
        double tr = p[0][0] + p[1][1], det = p[0][0] * p[1][1] - p[0][1] * p[1][0];
        double trSqrt = Math.sqrt(tr + 2 * Math.sqrt(det));
        double expected = 1 + 4 + (2 + 1 + 0.5 + 3) - 2 * trSqrt;
        assertEquals(expected, FrechetDistance.between(new double[]{0, 0}, c1, new double[]{1, 2}, c2), 1e-12);
        assertEquals(expected, FrechetDistance.between(new double[]{1, 2}, c2, new double[]{0, 0}, c1), 1e-12, "symmetric");
    }

    @Test
    void samplesOfOneGaussianAreCloseAndAShiftIsSeen() {
        RandomGenerator rng = Rngs.seeded(8);
        int n = 20000, k = 3;
        double[][] a = new double[n][k], b = new double[n][k], c = new double[n][k];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < k; j++) {
                a[i][j] = rng.nextGaussian() * (j + 1);
                b[i][j] = rng.nextGaussian() * (j + 1);
                c[i][j] = rng.nextGaussian() * (j + 1) + (j == 0 ? 0.5 : 0);
            }
        }
        double same = FrechetDistance.of(a, b), shifted = FrechetDistance.of(a, c);
        assertTrue(same >= -1e-12 && same < 0.01, "two samples of one law: " + same);
        assertEquals(0.25, shifted, 0.03, "a mean shift of 0.5 in one coordinate");
        assertEquals(0, FrechetDistance.of(a, a), 1e-9);
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        double[][] two = {{0, 1}, {1, 0}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrechetDistance.of(two, new double[][]{{0, 1, 2}, {1, 2, 3}}));
        assertTrue(e.getMessage().contains("features"));
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.of(new double[][]{{0, 1}}, two));
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.of(two, new double[][]{{0, Double.NaN}, {1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> FrechetDistance.between(new double[]{0}, new double[][]{{1}}, new double[]{0, 1}, new double[][]{{1}}));
    }
}
