package genflow.metrics;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class NearestNeighbourTest {

    @Test
    void latticeHasUnitLeaveOneOutDistanceAndZeroSelfDistance() {
        double[][] x = new double[10][];
        for (int i = 0; i < 10; i++) x[i] = new double[]{i, 2 * i};   // spacing √5
        for (double v : NearestNeighbour.leaveOneOutDistances(x)) assertEquals(Math.sqrt(5), v, 1e-12);
        for (double v : NearestNeighbour.distances(x, x)) assertEquals(0.0, v, 0.0);
        double[][] q = {{0.4, 0.8}, {9.9, 17.0}};
        assertArrayEquals(new int[]{0, 9}, NearestNeighbour.indices(q, x));
        assertEquals(Math.hypot(0.4, 0.8), NearestNeighbour.distances(q, x)[0], 1e-12);
        assertEquals(Math.hypot(0.9, 1.0), NearestNeighbour.distances(q, x)[1], 1e-12);   // nearest is (9, 18)
    }

    @Test
    void meanDistanceToDenseUniformSampleMatchesPoissonLimit() {
        // m uniform points on [0, 1]: the distance from an independent uniform query to the nearest one is
        // ≈ Exp(2m) (Poisson limit; edge effects O(1/m)), so its mean is ≈ 1/(2m).
        RandomGenerator rng = Rngs.seeded(7);
        int m = 2000, n = 3000;
        double[][] ref = new double[m][1], q = new double[n][1];
        for (double[] r : ref) r[0] = rng.nextDouble();
        for (double[] r : q) r[0] = rng.nextDouble();
        double mean = Arrays.stream(NearestNeighbour.distances(q, ref)).average().orElseThrow();
        assertEquals(1.0 / (2 * m), mean, 0.08 / (2 * m));
        // leave-one-out within the sample: the nearest of two neighbours on either side, again mean ≈ 1/(2m)
        double loo = Arrays.stream(NearestNeighbour.leaveOneOutDistances(ref)).average().orElseThrow();
        assertEquals(1.0 / (2 * m), loo, 0.08 / (2 * m));
    }

    @Test
    void distancesAgreeWithIndices() {
        RandomGenerator rng = Rngs.seeded(3);
        double[][] ref = new double[50][4], q = new double[20][4];
        for (double[] r : ref) for (int k = 0; k < 4; k++) r[k] = rng.nextGaussian();
        for (double[] r : q) for (int k = 0; k < 4; k++) r[k] = rng.nextGaussian();
        int[] idx = NearestNeighbour.indices(q, ref);
        double[] dist = NearestNeighbour.distances(q, ref);
        for (int i = 0; i < q.length; i++) {
            assertEquals(Math.sqrt(Checks.sq(q[i], ref[idx[i]])), dist[i], 1e-12);
            for (double[] r : ref) assertTrue(Math.sqrt(Checks.sq(q[i], r)) >= dist[i] - 1e-12);
        }
    }

    @Test
    void rejectsBadArguments() {
        double[][] a = {{0, 0}}, b = {{0, 0, 0}};
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbour.distances(a, b));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbour.distances(new double[0][], a));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbour.leaveOneOutDistances(a));
        assertThrows(IllegalArgumentException.class, () -> NearestNeighbour.distances(new double[][]{{Double.NaN, 0}}, a));
    }
}
