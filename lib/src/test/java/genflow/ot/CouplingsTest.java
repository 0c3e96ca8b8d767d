package genflow.ot;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class CouplingsTest {

    static double[][] gaussian(RandomGenerator rng, int n, int d, double shift) {
        double[][] x = new double[n][d];
        for (double[] r : x) for (int k = 0; k < d; k++) r[k] = rng.nextGaussian() + (k == 0 ? shift : 0);
        return x;
    }

    @Test
    void minibatchOtMatchesBruteForce() {
        RandomGenerator rng = Rngs.seeded(11);
        for (int r = 0; r < 40; r++) {
            int n = 1 + rng.nextInt(7), d = 1 + rng.nextInt(3);
            double[][] x0 = gaussian(rng, n, d, 0), x1 = gaussian(rng, n, d, 1.5);
            int[] s = Couplings.minibatchOt(x0, x1);
            double brute = AssignmentTest.bruteForce(Couplings.squaredDistances(x0, x1)) / n;
            assertEquals(brute, Couplings.meanSquaredDistance(x0, x1, s), 1e-12);
            assertTrue(Couplings.meanSquaredDistance(x0, x1, Couplings.identityPairing(x0, x1)) >= brute - 1e-12);
        }
    }

    @Test
    void recoversAHiddenTranslationPairing() {
        // x1_j = x0_{π(j)} + m: the OT pairing must undo the shuffle, whatever m (cross terms cancel).
        RandomGenerator rng = Rngs.seeded(5);
        int n = 200, d = 3;
        double[][] x0 = gaussian(rng, n, d, 0);
        int[] pi = Couplings.randomPairing(x0, x0, rng);
        double[][] x1 = new double[n][d];
        for (int j = 0; j < n; j++) for (int k = 0; k < d; k++) x1[j][k] = x0[pi[j]][k] + (k + 1) * 0.7;
        int[] s = Couplings.minibatchOt(x0, x1);
        for (int j = 0; j < n; j++) assertEquals(j, s[pi[j]], "row " + pi[j]);
        assertEquals(0.49 * (1 + 4 + 9), Couplings.meanSquaredDistance(x0, x1, s), 1e-12);
        double[][] re = Couplings.minibatchOtReordered(x0, x1);
        for (int i = 0; i < n; i++) assertEquals(x0[i][2] + 2.1, re[i][2], 1e-12);
    }

    @Test
    void oneDimensionalOtIsMonotone() {
        RandomGenerator rng = Rngs.seeded(3);
        int n = 100;
        double[][] x0 = gaussian(rng, n, 1, 0), x1 = gaussian(rng, n, 1, 2);
        double[][] paired = Couplings.minibatchOtReordered(x0, x1);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(x0[a][0], x0[b][0]));
        for (int k = 1; k < n; k++) assertTrue(paired[order[k]][0] >= paired[order[k - 1]][0], "OT in 1-D pairs sorted with sorted");
    }

    @Test
    void randomPairingIsAUniformPermutation() {
        RandomGenerator rng = Rngs.seeded(17);
        double[][] x = new double[3][1];
        int[] counts = new int[6];
        int draws = 6000;
        for (int r = 0; r < draws; r++) {
            int[] s = Couplings.randomPairing(x, x, rng);
            AssignmentTest.assertPermutation(s, 3);
            counts[s[0] * 2 + (s[1] > s[2] ? 1 : 0)]++;
        }
        // each permutation has probability 1/6: count ~ 1000 ± 29 (binomial sd); 5 sd bound
        for (int c : counts) assertEquals(1000, c, 145);
        assertArrayEquals(Couplings.randomPairing(new double[50][2], new double[50][2], Rngs.seeded(1)),
                Couplings.randomPairing(new double[50][2], new double[50][2], Rngs.seeded(1)));
        int[] id = Couplings.identityPairing(new double[4][2], new double[4][2]);
        assertArrayEquals(new int[] {0, 1, 2, 3}, id);
    }

    @Test
    void rejectsMismatchedBatches() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Couplings.minibatchOt(new double[4][2], new double[5][2]));
        assertTrue(e.getMessage().contains("batch size mismatch") && e.getMessage().contains("x1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Couplings.minibatchOt(new double[4][2], new double[4][3]));
        assertTrue(e.getMessage().contains("x1[0]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Couplings.minibatchOt(new double[][] {{Double.NaN}}, new double[1][1]));
        assertTrue(e.getMessage().contains("x0[0][0]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Couplings.identityPairing(new double[0][], new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> Couplings.randomPairing(new double[2][1], new double[2][1], null));
        e = assertThrows(IllegalArgumentException.class, () -> Couplings.reorder(new double[3][1], new int[] {0, 0, 1}));
        assertTrue(e.getMessage().contains("sigma"));
    }
}
