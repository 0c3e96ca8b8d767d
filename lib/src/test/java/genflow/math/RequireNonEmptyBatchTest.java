package genflow.math;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Require.nonEmptyBatch: the batch check the metrics, ode, ot and path packages share. */
class RequireNonEmptyBatchTest {
    private static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), ex.getMessage());
    }

    @Test
    void returnsTheDimensionOfAGoodBatch() {
        assertEquals(3, Require.nonEmptyBatch("x", new double[][]{{1, 2, 3}, {4, 5, 6}}));
        double[][] y = {{1, 2}};
        assertSame(y, Require.nonEmptyBatch("y", y, 2));
    }

    @Test
    void rejectsNullEmptyRaggedAndNonFiniteBatchesNamingTheParameter() {
        rejects("x must not be null", () -> Require.nonEmptyBatch("x", null));
        rejects("x must have at least one row", () -> Require.nonEmptyBatch("x", new double[0][]));
        rejects("x must have at least one row", () -> Require.nonEmptyBatch("x", new double[0][], 2));
        rejects("x[0] must not be null", () -> Require.nonEmptyBatch("x", new double[][]{null}));
        rejects("dimension of x", () -> Require.nonEmptyBatch("x", new double[][]{{}}));
        rejects("x[1] has dimension 1, expected 2", () -> Require.nonEmptyBatch("x", new double[][]{{1, 2}, {3}}));
        rejects("x[0][1] = NaN", () -> Require.nonEmptyBatch("x", new double[][]{{1, Double.NaN}}));
        rejects("x[0] has dimension 2, expected 3", () -> Require.nonEmptyBatch("x", new double[][]{{1, 2}}, 3));
        // the plain batch check keeps accepting an empty batch
        assertEquals(0, Require.batch("x", new double[0][], 2).length);
    }
}
