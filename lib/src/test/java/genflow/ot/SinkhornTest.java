package genflow.ot;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class SinkhornTest {

    static void assertMarginals(double[][] p, double[] a, double[] b, double tol) {
        double sa = 0, sb = 0;
        for (double v : a) sa += v;
        for (double v : b) sb += v;
        double[] col = new double[b.length];
        double err = 0;
        for (int i = 0; i < a.length; i++) {
            double r = 0;
            for (int j = 0; j < b.length; j++) { r += p[i][j]; col[j] += p[i][j]; assertTrue(p[i][j] >= 0); }
            err += Math.abs(r - a[i] / sa);
        }
        for (int j = 0; j < b.length; j++) err += Math.abs(col[j] - b[j] / sb);
        assertTrue(err <= tol, "marginal L1 error " + err);
    }

    @Test
    void marginalsAreSatisfiedForWeightedCloudsOfDifferentSizes() {
        RandomGenerator rng = Rngs.seeded(2);
        int n = 9, m = 13;
        double[][] x = CouplingsTest.gaussian(rng, n, 2, 0), y = CouplingsTest.gaussian(rng, m, 2, 1);
        double[] a = new double[n], b = new double[m];
        for (int i = 0; i < n; i++) a[i] = 0.5 + rng.nextDouble();
        for (int j = 0; j < m; j++) b[j] = 0.5 + rng.nextDouble();
        for (double eps : new double[] {1.0, 0.3, 0.01}) {
            Sinkhorn.Result r = Sinkhorn.builder().epsilon(eps).tolerance(1e-10).maxIterations(50_000)
                    .epsilonScaling(eps < 0.1).build().solve(a, x, b, y);
            assertTrue(r.converged(), "eps=" + eps + " error " + r.marginalError());
            assertMarginals(r.plan(), a, b, 2e-10);
            assertTrue(r.marginalError() <= 2e-10);
        }
    }

    @Test
    void costApproachesExactAssignmentCostAsEpsilonShrinks() {
        RandomGenerator rng = Rngs.seeded(8);
        int n = 12;
        double[][] x = CouplingsTest.gaussian(rng, n, 2, 0), y = CouplingsTest.gaussian(rng, n, 2, 1);
        double[][] c = Couplings.squaredDistances(x, y);
        double cMax = 0;
        for (double[] row : c) for (double v : row) cMax = Math.max(cMax, v);
        double exact = Couplings.meanSquaredDistance(x, y, Couplings.minibatchOt(x, y)); // uniform weights 1/n
        double[] w = Sinkhorn.uniform(n);
        double previousGap = Double.POSITIVE_INFINITY;
        Sinkhorn.Result r = null;
        for (double eps : new double[] {1.0, 0.3, 0.1, 0.03, 0.01}) {
            r = Sinkhorn.builder().epsilon(eps).tolerance(1e-9).maxIterations(20_000)
                    .epsilonScaling(true).build().solve(w, x, w, y);
            double gap = r.cost() - exact;
            double slack = cMax * r.marginalError(); // P is only approximately in Π(a, b)
            // OT ≤ <P_ε, C> ≤ OT + ε log n (KL of a permutation plan w.r.t. a⊗b is log n)
            assertTrue(gap >= -slack, "eps=" + eps + " gap " + gap);
            assertTrue(gap <= eps * Math.log(n) + slack, "eps=" + eps + " gap " + gap);
            assertTrue(gap < previousGap, "gap must shrink with eps");
            previousGap = gap;
        }
        assertTrue(r.converged());
        assertTrue(previousGap < 1e-3 * exact, "gap at eps=0.01: " + previousGap + " vs exact " + exact);
    }

    @Test
    void epsilonScalingReachesTheSameFixedPointFaster() {
        RandomGenerator rng = Rngs.seeded(8);
        int n = 12;
        double[][] x = CouplingsTest.gaussian(rng, n, 2, 0), y = CouplingsTest.gaussian(rng, n, 2, 1);
        double[] w = Sinkhorn.uniform(n);
        Sinkhorn.Builder b = Sinkhorn.builder().epsilon(0.01).tolerance(1e-8).maxIterations(10_000);
        Sinkhorn.Result scaled = b.epsilonScaling(true).build().solve(w, x, w, y);
        Sinkhorn.Result plainShort = b.epsilonScaling(false).build().solve(w, x, w, y);
        Sinkhorn.Result plainLong = b.maxIterations(100_000).build().solve(w, x, w, y);
        assertTrue(scaled.converged());
        assertFalse(plainShort.converged());
        assertTrue(plainShort.marginalError() > 100 * scaled.marginalError());
        assertTrue(plainLong.marginalError() < plainShort.marginalError());
        // the unscaled iteration creeps towards the same fixed point
        assertTrue(Math.abs(plainLong.cost() - scaled.cost()) < Math.abs(plainShort.cost() - scaled.cost()));
        assertEquals(scaled.cost(), plainLong.cost(), 1e-4);
    }

    @Test
    void largeEpsilonGivesTheIndependentCoupling() {
        RandomGenerator rng = Rngs.seeded(4);
        double[][] x = CouplingsTest.gaussian(rng, 5, 1, 0), y = CouplingsTest.gaussian(rng, 6, 1, 0);
        Sinkhorn.Result r = Sinkhorn.builder().epsilon(1e6).build().solve(Sinkhorn.uniform(5), x, Sinkhorn.uniform(6), y);
        for (double[] row : r.plan()) for (double p : row) assertEquals(1.0 / 30, p, 1e-6);
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sinkhorn.builder().epsilon(0));
        assertTrue(e.getMessage().contains("epsilon"));
        e = assertThrows(IllegalArgumentException.class, () -> Sinkhorn.builder().maxIterations(0));
        assertTrue(e.getMessage().contains("maxIterations"));
        e = assertThrows(IllegalArgumentException.class, () -> Sinkhorn.builder().tolerance(Double.NaN));
        assertTrue(e.getMessage().contains("tolerance"));
        Sinkhorn s = Sinkhorn.builder().build();
        e = assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1, -1}, new double[] {1}, new double[][] {{0}, {0}}));
        assertTrue(e.getMessage().contains("a[1]"));
        e = assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1}, new double[] {1, 1}, new double[][] {{0}}));
        assertTrue(e.getMessage().contains("cost[0]"));
        e = assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1}, new double[] {1}, new double[][] {{0}, {1}}));
        assertTrue(e.getMessage().contains("cost"));
        e = assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1}, new double[2][2], new double[] {1}, new double[1][2]));
        assertTrue(e.getMessage().contains("a must have one weight per row of x"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> s.solve(new double[] {1}, new double[1][2], new double[] {1}, new double[1][3]));
        assertTrue(e.getMessage().contains("y[0]"), e.getMessage());
    }
}
