package genflow.ot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.ot. */
class OtBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void assignmentWithCostsNearTheEndOfTheDoubleRange() {
        // reduced costs C − v overflowed to NaN and the search ran off the array (ArrayIndexOutOfBounds)
        assertArrayEquals(new int[] {1, 0}, Assignment.solve(new double[][] {{1e308, -1e308}, {-1e308, 1e308}}));
        assertArrayEquals(new int[] {1, 0}, Assignment.solveHungarian(new double[][] {{1e308, -1e308}, {-1e308, 1e308}}));
        double[][] c = {{1.7e308, 1.6e308, -1.7e308, 0}, {-1.7e308, 1.7e308, 1.7e308, 1.7e308}, {1.7e308, -1.7e308, 1.7e308, 1e300},
                {0, 1.7e308, 1.7e308, -1.7e308}};
        int[] s = Assignment.solve(c);
        assertArrayEquals(s, Assignment.solveHungarian(c));
        assertArrayEquals(new int[] {2, 0, 1, 3}, s);
        // the total of a permutation of huge costs: partial sums overflowed although the total is finite
        assertEquals(1.7e308, Assignment.totalCost(new double[][] {{1.7e308, 0}, {0, 1.7e308}}, new int[] {1, 0}) + 1.7e308, 1e294);
        assertEquals(1.6e308, Assignment.totalCost(new double[][] {{1.7e308, 0}, {0, -0.1e308}}, new int[] {0, 1}), 1e294);
        rejects("cost: the total cost of sigma exceeds the double range", () -> Assignment.totalCost(new double[][] {{1.7e308, 0}, {0, 1.7e308}}, new int[] {0, 1}));
        rejects("sigma has length 4, expected 0 (the rows of cost)", () -> Assignment.totalCost(new double[0][], new int[] {1, 0, 3, 2}));
    }

    @Test
    void minibatchOtOfPointsFarOut() {
        // squared distances ≈ 4e400 overflowed: "cost[0][0] = Infinity", a parameter the caller never passed
        assertArrayEquals(new int[] {1, 0}, Couplings.minibatchOt(new double[][] {{1e200}, {-1e200}}, new double[][] {{-1.1e200}, {1.1e200}}));
        // tiny points: squares underflowed to 0 and any pairing looked optimal
        assertArrayEquals(new int[] {1, 0}, Couplings.minibatchOt(new double[][] {{1e-200}, {-1e-200}}, new double[][] {{-1.1e-200}, {1.1e-200}}));
        rejects("the squared distance between x0[0] and x1[0] exceeds the double range",
                () -> Couplings.squaredDistances(new double[][] {{1e200}}, new double[][] {{-1e200}}));
        rejects("x0, x1: the mean squared pairing distance exceeds the double range",
                () -> Couplings.meanSquaredDistance(new double[][] {{1e200}}, new double[][] {{-1e200}}, new int[] {0}));
        assertEquals(1e300, Couplings.meanSquaredDistance(new double[][] {{1e150}, {0}}, new double[][] {{-1e150}, {0}}, new int[] {0, 1}) / 2, 1e286);
        rejects("batch size mismatch: x0 has 4 rows but x1 has 5", () -> Couplings.minibatchOt(new double[4][1], new double[5][1]));
        rejects("n = 2147483647", () -> Sinkhorn.uniform(Integer.MAX_VALUE));
    }

    @Test
    void sinkhornWithHugeCostsOrTinyEpsilon() {
        // cost ±1.7e308 gave a NaN plan; now ε too small for the cost is rejected naming epsilon
        Sinkhorn s = Sinkhorn.builder().epsilon(0.05).build();
        double[] w = {0.5, 0.5};
        rejects("epsilon = 0.05 is too small for costs up to 1.7E308", () -> s.solve(w, w, new double[][] {{1.7e308, -1.7e308}, {-1.7e308, 1.7e308}}));
        // huge costs with a matching epsilon: solved on costs scaled by a power of two, potentials scaled back
        Sinkhorn big = Sinkhorn.builder().epsilon(1e305).build();
        Sinkhorn.Result r = big.solve(w, w, new double[][] {{1e307, 0}, {0, 1e307}});
        Sinkhorn.Result ref = Sinkhorn.builder().epsilon(1e-2).build().solve(w, w, new double[][] {{1e0, 0}, {0, 1e0}});
        assertArrayEquals(ref.plan()[0], r.plan()[0], 1e-9);
        assertEquals(ref.cost() * 1e307, r.cost(), 1e-9 * 1e307);
        assertEquals(ref.f()[0] * 1e307, r.f()[0], 1e-6 * 1e307);
    }
}
