package genflow.ot;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class AssignmentTest {

    /** Minimum of Σ_i c[i][σ(i)] over all n! permutations (Heap's algorithm). */
    static double bruteForce(double[][] c) {
        int n = c.length;
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        double best = cost(c, p);
        int[] idx = new int[n];
        int i = 0;
        while (i < n) {
            if (idx[i] < i) {
                int a = (i % 2 == 0) ? 0 : idx[i];
                int t = p[a]; p[a] = p[i]; p[i] = t;
                best = Math.min(best, cost(c, p));
                idx[i]++;
                i = 0;
            } else {
                idx[i] = 0;
                i++;
            }
        }
        return best;
    }

    static double cost(double[][] c, int[] p) {
        double s = 0;
        for (int i = 0; i < c.length; i++) s += c[i][p[i]];
        return s;
    }

    static void assertPermutation(int[] s, int n) {
        assertEquals(n, s.length);
        boolean[] seen = new boolean[n];
        for (int j : s) {
            assertTrue(j >= 0 && j < n, "column out of range: " + j);
            assertFalse(seen[j], "column used twice: " + j);
            seen[j] = true;
        }
    }

    static double[][] randomMatrix(RandomGenerator rng, int n, int kind) {
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = switch (kind) {
                    case 0 -> rng.nextDouble();                       // uniform [0, 1)
                    case 1 -> rng.nextInt(3);                         // many ties
                    case 2 -> 10 * rng.nextGaussian() - 5;            // negative costs
                    case 3 -> -rng.nextInt(2) * 1e6 + rng.nextInt(4); // large negative and ties
                    default -> 0.0;                                   // all equal
                };
            }
        }
        return c;
    }

    @Test
    void matchesBruteForceForSmallMatrices() {
        RandomGenerator rng = Rngs.seeded(20240501L);
        int checked = 0;
        for (int n = 1; n <= 8; n++) {
            int reps = n <= 6 ? 60 : 12;
            for (int kind = 0; kind <= 4; kind++) {
                for (int r = 0; r < reps; r++) {
                    double[][] c = randomMatrix(rng, n, kind);
                    int[] s = Assignment.solve(c);
                    assertPermutation(s, n);
                    double exact = bruteForce(c);
                    assertEquals(exact, cost(c, s), 1e-9 * (1 + Math.abs(exact)), "n=" + n + " kind=" + kind);
                    assertEquals(exact, cost(c, Assignment.solveHungarian(c)), 1e-9 * (1 + Math.abs(exact)));
                    checked++;
                }
            }
        }
        assertTrue(checked > 1000);
    }

    @Test
    void matchesBruteForceOnSquaredDistances() {
        RandomGenerator rng = Rngs.seeded(7);
        for (int r = 0; r < 50; r++) {
            int n = 2 + rng.nextInt(7);
            double[][] x = new double[n][2], y = new double[n][2];
            for (int i = 0; i < n; i++) {
                x[i][0] = rng.nextGaussian(); x[i][1] = rng.nextGaussian();
                y[i][0] = rng.nextGaussian() + 2; y[i][1] = rng.nextGaussian();
            }
            double[][] c = Couplings.squaredDistances(x, y);
            assertEquals(bruteForce(c), cost(c, Assignment.solve(c)), 1e-9);
        }
    }

    @Test
    void agreesWithHungarianReferenceOnLargerMatrices() {
        RandomGenerator rng = Rngs.seeded(99);
        for (int n : new int[] {17, 50, 128, 200}) {
            for (int kind = 0; kind <= 3; kind++) {
                double[][] c = randomMatrix(rng, n, kind);
                int[] s = Assignment.solve(c);
                assertPermutation(s, n);
                double ref = cost(c, Assignment.solveHungarian(c));
                assertEquals(ref, cost(c, s), 1e-9 * (1 + Math.abs(ref)), "n=" + n + " kind=" + kind);
            }
        }
    }

    @Test
    void identityIsOptimalWhenDiagonalIsCheapest() {
        int n = 30;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) c[i][j] = (i == j) ? -1.0 : (i - j) * (i - j);
        int[] s = Assignment.solve(c);
        for (int i = 0; i < n; i++) assertEquals(i, s[i]);
    }

    @Test
    void solves1024SquaredDistanceMatrix() {
        int n = 1024;
        RandomGenerator rng = Rngs.seeded(1024);
        double[][] x = new double[n][2], y = new double[n][2];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian(); x[i][1] = rng.nextGaussian();
            y[i][0] = rng.nextGaussian() + 1; y[i][1] = rng.nextGaussian();
        }
        double[][] c = Couplings.squaredDistances(x, y);
        for (int w = 0; w < 3; w++) { // JIT warm-up on smaller problems of the same kind
            double[][] xs = java.util.Arrays.copyOf(x, 300), ys = java.util.Arrays.copyOfRange(y, 300 * w, 300 * w + 300);
            Assignment.solve(Couplings.squaredDistances(xs, ys));
        }
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        int[] s = Assignment.solve(c);
        long t1 = System.nanoTime();
        long cpu1 = mx.getCurrentThreadCpuTime();
        assertPermutation(s, n);
        // optimality certificate: no 2-swap improves the matching (a necessary condition)
        double total = cost(c, s);
        for (int i = 0; i < n; i += 7) {
            for (int k = 0; k < n; k++) {
                double delta = c[i][s[k]] + c[k][s[i]] - c[i][s[i]] - c[k][s[k]];
                assertTrue(delta > -1e-9, "a 2-swap improves the assignment");
            }
        }
        long t2 = System.nanoTime();
        double ref = cost(c, Assignment.solveHungarian(c));
        long t3 = System.nanoTime();
        assertEquals(ref, total, 1e-9 * ref);
        System.out.printf("Assignment n=1024 2-D squared distances: JV %.0f ms wall (%.0f ms thread CPU), Hungarian reference %.0f ms wall, cost %.6f%n",
                (t1 - t0) / 1e6, (cpu1 - cpu0) / 1e6, (t3 - t2) / 1e6, total);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Assignment.solve(new double[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("cost"));
        e = assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[][] {{1, Double.NaN}, {3, 4}}));
        assertTrue(e.getMessage().contains("cost[0]"));
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(null));
        assertThrows(IllegalArgumentException.class, () -> Assignment.solve(new double[][] {{1, Double.POSITIVE_INFINITY}, {3, 4}}));
        e = assertThrows(IllegalArgumentException.class, () -> Assignment.totalCost(new double[][] {{1, 2}, {3, 4}}, new int[] {1, 1}));
        assertTrue(e.getMessage().contains("sigma"));
        assertEquals(0, Assignment.solve(new double[0][]).length);
    }
}
