package genflow.math;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class SymmetricEigenTest {
    @Test
    void twoByTwoHasTheKnownSpectrum() {
        SymmetricEigen e = SymmetricEigen.of(new double[][]{{2, 1}, {1, 2}});
        assertArrayEquals(new double[]{1, 3}, e.values(), 1e-14);
        double[][] v = e.vectors();
        assertEquals(1 / Math.sqrt(2), Math.abs(v[0][1]), 1e-14);
        assertEquals(v[0][1], v[1][1], 1e-14, "eigenvector of 3 is (1, 1)/√2");
    }

    @Test
    void randomSymmetricMatricesAreReconstructedWithOrthonormalVectors() {
        RandomGenerator rng = Rngs.seeded(4);
        for (int n : new int[]{1, 3, 10, 40}) {
            double[][] a = new double[n][n];
            for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) a[i][j] = a[j][i] = rng.nextGaussian();
            SymmetricEigen e = SymmetricEigen.of(a);
            double[] l = e.values();
            double[][] v = e.vectors();
            for (int i = 1; i < n; i++) assertTrue(l[i - 1] <= l[i], "ascending");
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double rec = 0, dot = 0;
                    for (int k = 0; k < n; k++) { rec += v[i][k] * l[k] * v[j][k]; dot += v[k][i] * v[k][j]; }
                    assertEquals(a[i][j], rec, 1e-11, "A = V Λ Vᵀ at " + i + "," + j);
                    assertEquals(i == j ? 1 : 0, dot, 1e-12, "VᵀV = I at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void sqrtSquaresBackToThePsdMatrix() {
        RandomGenerator rng = Rngs.seeded(5);
        int n = 6;
        double[][] b = new double[n][n];
        for (double[] r : b) for (int j = 0; j < n; j++) r[j] = rng.nextGaussian();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) for (int k = 0; k < n; k++) a[i][j] += b[i][k] * b[j][k];
        double[][] s = SymmetricEigen.of(a).sqrt();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double sq = 0;
                for (int k = 0; k < n; k++) sq += s[i][k] * s[k][j];
                assertEquals(a[i][j], sq, 1e-10);
                assertEquals(s[i][j], s[j][i], 1e-14);
            }
        }
    }

    @Test
    void badMatricesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(null));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][]{{1, 2}}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][]{{1, 2}, {0, 1}}));
        assertTrue(e.getMessage().contains("symmetric"));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][]{{1, Double.NaN}, {Double.NaN, 1}}));
        assertThrows(IllegalArgumentException.class, () -> SymmetricEigen.of(new double[][]{{-1, 0}, {0, 1}}).sqrt());
    }
}
