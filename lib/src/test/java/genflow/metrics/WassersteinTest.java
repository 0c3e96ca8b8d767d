package genflow.metrics;

import genflow.ot.Sinkhorn;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class WassersteinTest {

    static double[] normal(RandomGenerator rng, int n, double m, double s) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = m + s * rng.nextGaussian();
        return x;
    }

    static double[][] column(double[] x) {
        double[][] c = new double[x.length][1];
        for (int i = 0; i < x.length; i++) c[i][0] = x[i];
        return c;
    }

    static double[][] gaussian(RandomGenerator rng, int n, int d, double scale, double shift) {
        double[][] x = new double[n][d];
        for (double[] r : x) for (int k = 0; k < d; k++) r[k] = scale * rng.nextGaussian() + (k == 0 ? shift : 0);
        return x;
    }

    @Test
    void oneDimMatchesGaussianClosedForm() {
        // W2²(N(m1, s1²), N(m2, s2²)) = (m1 − m2)² + (s1 − s2)²
        RandomGenerator rng = Rngs.seeded(101);
        double[][] cases = {{1, 1, 3, 2}, {0, 1, 0, 3}, {-2, 0.5, 1, 0.5}};
        for (double[] c : cases) {
            double exact = (c[0] - c[2]) * (c[0] - c[2]) + (c[1] - c[3]) * (c[1] - c[3]);
            double est = Wasserstein.squaredW2OneDim(normal(rng, 40_000, c[0], c[1]), normal(rng, 30_000, c[2], c[3]));
            assertEquals(exact, est, 0.03 * exact + 0.02, "case " + java.util.Arrays.toString(c));
        }
        assertEquals(Math.sqrt(5), Wasserstein.w2OneDim(normal(rng, 40_000, 1, 1), normal(rng, 40_000, 3, 2)), 0.04);
    }

    @Test
    void oneDimMatchesExactAssignmentForEqualSizes() {
        RandomGenerator rng = Rngs.seeded(7);
        for (int r = 0; r < 30; r++) {
            int n = 1 + rng.nextInt(40);
            double[] x = normal(rng, n, 0, 1), y = normal(rng, n, 1, 2);
            assertEquals(Wasserstein.squaredW2Exact(column(x), column(y)), Wasserstein.squaredW2OneDim(x, y), 1e-12);
        }
    }

    @Test
    void oneDimUnequalSizesMatchesReplicatedAssignment() {
        // μ_n with n = 4 points and ν_m with m = 6: replicate x 3× and y 2× → 12 vs 12 equal-weight points,
        // same measures, so the exact assignment W2² on the replicas is the answer.
        RandomGenerator rng = Rngs.seeded(9);
        for (int r = 0; r < 20; r++) {
            double[] x = normal(rng, 4, 0, 1), y = normal(rng, 6, 0.5, 1.5);
            double[] xr = new double[12], yr = new double[12];
            for (int i = 0; i < 12; i++) { xr[i] = x[i % 4]; yr[i] = y[i % 6]; }
            double expected = Wasserstein.squaredW2Exact(column(xr), column(yr));
            assertEquals(expected, Wasserstein.squaredW2OneDim(x, y), 1e-12);
            // and an independent route: Sinkhorn with tiny ε on the weighted 4 × 6 problem
            Sinkhorn.Result s = Sinkhorn.builder().epsilon(1e-3).tolerance(1e-10).maxIterations(20_000).epsilonScaling(true).build()
                    .solve(Sinkhorn.uniform(4), column(x), Sinkhorn.uniform(6), column(y));
            assertEquals(expected, s.cost(), 1e-3 * Math.log(24) + 1e-6);
        }
    }

    @Test
    void slicedMatchesExactForRotationInvariantPairs() {
        RandomGenerator rng = Rngs.seeded(33);
        int d = 3;
        // (a) a translation by m: W2² = |m|² exactly, and every slice is a 1-D translation by θ·m → SW2² ≈ |m|²/d
        double[][] x = gaussian(rng, 300, d, 1, 0);
        double[][] y = new double[300][d];
        double[] m = {1.0, -2.0, 0.5};
        for (int i = 0; i < 300; i++) for (int k = 0; k < d; k++) y[i][k] = x[i][k] + m[k];
        double m2 = 1 + 4 + 0.25;
        assertEquals(m2, Wasserstein.squaredW2Exact(x, y), 1e-9);
        // Var((θ·m)²) = |m|⁴·4/45 in d = 3; L = 4000 → sd ≈ 0.0047 |m|²
        assertEquals(m2 / d, Wasserstein.squaredSlicedW2(x, y, 4000, rng), 5 * 0.0047 * m2);
        // (b) N(0, I) vs N(0, 4 I): W2² = d (2 − 1)² = 3, SW2² = 1 (each slice N(0,1) vs N(0,4)).
        // The empirical W2² in d = 3 is biased upwards (≈ 3.25 at n = 600: the sampling noise of two
        // clouds is not transportable for free), the 1-D slices much less, so both are compared with
        // the population values rather than with each other.
        double[][] a = gaussian(rng, 600, d, 1, 0), b = gaussian(rng, 600, d, 2, 0);
        double exact = Wasserstein.squaredW2Exact(a, b);
        double sliced = Wasserstein.squaredSlicedW2(a, b, 500, rng);
        assertEquals(3.0, exact, 0.4);
        assertTrue(exact > 3.0 - 0.1, "empirical W2² should not be below the population value by much");
        assertEquals(1.0, sliced, 0.1);
        assertEquals(Math.sqrt(sliced), Wasserstein.slicedW2(a, b, 500, Rngs.seeded(1)), 0.06);
    }

    @Test
    void slicedIsReproducibleAndZeroForIdenticalClouds() {
        double[][] x = gaussian(Rngs.seeded(2), 50, 4, 1, 0);
        assertEquals(0.0, Wasserstein.squaredSlicedW2(x, x, 20, Rngs.seeded(3)), 1e-15);
        double[][] y = gaussian(Rngs.seeded(4), 70, 4, 1, 1);
        assertEquals(Wasserstein.squaredSlicedW2(x, y, 20, Rngs.seeded(5)), Wasserstein.squaredSlicedW2(x, y, 20, Rngs.seeded(5)));
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredW2OneDim(new double[0], new double[] {1}));
        assertTrue(e.getMessage().contains("x"));
        e = assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredW2OneDim(new double[] {1}, new double[] {Double.NaN}));
        assertTrue(e.getMessage().contains("y[0]"));
        e = assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredW2Exact(new double[3][2], new double[4][2]));
        assertTrue(e.getMessage().contains("same number"));
        e = assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredSlicedW2(new double[3][2], new double[3][2], 0, Rngs.seeded(1)));
        assertTrue(e.getMessage().contains("projections"));
        e = assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredSlicedW2(new double[3][2], new double[3][3], 5, Rngs.seeded(1)));
        assertTrue(e.getMessage().contains("y[0]"));
        assertThrows(IllegalArgumentException.class, () -> Wasserstein.squaredSlicedW2(new double[3][2], new double[3][2], 5, null));
    }
}
