package genflow.dist;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import static genflow.dist.TestSupport.*;
import static org.junit.jupiter.api.Assertions.*;

class ToyDataTest {
    private static final int N = 20000;

    @Test
    void everySamplerIsTwoDimensionalAndDeterministicGivenTheSeed() {
        Sampleable[] all = {ToyData.eightGaussians(), ToyData.grid3x3(), ToyData.moons(), ToyData.circles(),
                ToyData.checkerboard(), ToyData.spirals(), ToyData.nealsFunnel(2)};
        for (Sampleable s : all) {
            assertEquals(2, s.dim(), s.toString());
            double[][] a = s.sample(500, Rngs.seeded(42));
            assertEquals(500, a.length);
            assertArrayEquals(a, s.sample(500, Rngs.seeded(42)), s.toString());
            assertFalse(java.util.Arrays.deepEquals(a, s.sample(500, Rngs.seeded(43))), s.toString());
            assertEquals(0, s.sample(0, Rngs.seeded(1)).length);
            assertThrows(IllegalArgumentException.class, () -> s.sample(-1, Rngs.seeded(1)));
            assertThrows(IllegalArgumentException.class, () -> s.sample(1, null));
        }
    }

    @Test
    void eightGaussiansFollowTorchCfmScaling() {
        GaussianMixture g = ToyData.eightGaussians();
        assertEquals(8, g.components());
        double[][] m = g.means();
        for (int k = 0; k < 8; k++) {
            assertEquals(5.0, Math.hypot(m[k][0], m[k][1]), 1e-12);
            assertEquals(Math.sqrt(0.1), g.variances()[k][0], 1e-15); // TorchCFM: covariance √0.1·I
        }
        assertArrayEquals(new double[]{0, 0}, g.mean(), 1e-12);
    }

    @Test
    void grid3x3HasSmallCornerModesAndSamplesRecoverTheirMass() {
        GaussianMixture g = ToyData.grid3x3();
        double[] w = g.weights();
        for (int k = 0; k < 9; k++) {
            boolean corner = k == 0 || k == 2 || k == 6 || k == 8;
            assertEquals(corner ? 1.0 / 19 : 3.0 / 19, w[k], 1e-15, "weight " + k);
            assertArrayEquals(new double[]{4.0 * (k % 3 - 1), 4.0 * (k / 3 - 1)}, g.means()[k], 0.0);
        }
        assertArrayEquals(new int[]{0, 2, 6, 8}, ToyData.grid3x3CornerIndices());
        // assign samples to their most responsible mode: frequencies match the weights
        double[][] s = g.sample(N, Rngs.seeded(5));
        long[] counts = new long[9];
        for (double[] x : s) {
            double[] r = g.responsibilities(x);
            int best = 0;
            for (int k = 1; k < 9; k++) if (r[k] > r[best]) best = k;
            counts[best]++;
        }
        assertTrue(chiSquare(counts, w) < chiSquareCritical(8, 1e-4), java.util.Arrays.toString(counts));
        assertThrows(IllegalArgumentException.class, () -> ToyData.grid3x3(4, 0.5, 0));
    }

    @Test
    void moonsLieOnTheTwoArcs() {
        double[][] s = ToyData.moons(0.0).sample(N, Rngs.seeded(6));
        int upper = 0;
        for (double[] p : s) {
            double x = (p[0] + 1) / 3, y = (p[1] + 1) / 3; // undo TorchCFM's 3x − 1
            double dUpper = Math.abs(Math.hypot(x, y) - 1) + (y < -1e-12 ? 1 : 0);
            double dLower = Math.abs(Math.hypot(x - 1, y - 0.5) - 1) + (y > 0.5 + 1e-12 ? 1 : 0);
            assertTrue(Math.min(dUpper, dLower) < 1e-12, "point off both arcs: " + x + ", " + y);
            if (dUpper < dLower) upper++;
        }
        assertEquals(0.5, upper / (double) N, 5 * Math.sqrt(0.25 / N));
        // with noise: the mean of the noiseless moons is (½, ¼), mapped to (½, −¼)
        double[][] t = ToyData.moons().sample(N, Rngs.seeded(7));
        assertMeanWithin5Se(0.5, column(t, 0), "moons mean x");
        assertMeanWithin5Se(-0.25, column(t, 1), "moons mean y");
        assertThrows(IllegalArgumentException.class, () -> ToyData.moons(-0.1));
    }

    @Test
    void circlesHaveRadiiThreeAndThreeTimesFactor() {
        double[][] s = ToyData.circles(0.0, 0.4).sample(N, Rngs.seeded(8));
        int outer = 0;
        double[] cos = new double[N];
        for (int i = 0; i < N; i++) {
            double r = Math.hypot(s[i][0], s[i][1]);
            assertTrue(Math.abs(r - 3) < 1e-12 || Math.abs(r - 1.2) < 1e-12, "radius " + r);
            if (r > 2) outer++;
            cos[i] = s[i][0] / r;
        }
        assertEquals(0.5, outer / (double) N, 5 * Math.sqrt(0.25 / N));
        assertMeanWithin5Se(0, cos, "angles uniform");
        double[][] t = ToyData.circles().sample(N, Rngs.seeded(9));
        double r2 = 0;
        for (double[] p : t) r2 += p[0] * p[0] + p[1] * p[1];
        // E|X|² = 9 (½(1 + 0.25) + 2·0.08²)
        assertEquals(9 * (0.625 + 2 * 0.0064), r2 / N, 0.05);
        assertThrows(IllegalArgumentException.class, () -> ToyData.circles(0.1, 1.0));
    }

    @Test
    void checkerboardIsUniformOnTheEightBlackSquares() {
        double[][] s = ToyData.checkerboard().sample(N, Rngs.seeded(10));
        long[] counts = new long[16];
        double[] fx = new double[N];
        for (int i = 0; i < N; i++) {
            double x = s[i][0], y = s[i][1];
            assertTrue(x >= -4 && x < 4 && y >= -4 && y < 4, x + ", " + y);
            int cx = (int) Math.floor(x / 2) + 2, cy = (int) Math.floor(y / 2) + 2;
            assertEquals(0, (cx + cy) % 2, "point on a white square: " + x + ", " + y);
            counts[4 * cy + cx]++;
            fx[i] = x / 2 - Math.floor(x / 2);
        }
        long[] black = new long[8];
        int b = 0;
        for (int c = 0; c < 16; c++) if (((c % 4) + (c / 4)) % 2 == 0) black[b++] = counts[c];
        double[] p = new double[8];
        java.util.Arrays.fill(p, 1.0 / 8);
        assertTrue(chiSquare(black, p) < chiSquareCritical(7, 1e-4), java.util.Arrays.toString(black));
        assertMeanWithin5Se(0.5, fx, "uniform within squares");
    }

    @Test
    void spiralsAreSymmetricAndBounded() {
        double[][] s = ToyData.spirals(0.0).sample(N, Rngs.seeded(11));
        double maxR = 0;
        for (double[] p : s) maxR = Math.max(maxR, Math.hypot(p[0], p[1]));
        assertTrue(maxR <= Math.PI + 0.5 * Math.sqrt(2) / 3 + 1e-12, "max radius " + maxR);
        assertTrue(maxR > Math.PI - 0.2, "max radius " + maxR); // the arms reach angle 3π
        assertMeanWithin5Se(0, column(s, 0), "mean x");
        assertMeanWithin5Se(0, column(s, 1), "mean y");
        assertThrows(IllegalArgumentException.class, () -> ToyData.spirals(Double.NaN));
    }
}
