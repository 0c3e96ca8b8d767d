package genflow.math;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** {@link Require#time}: stage times a hair outside [0, 1] are clamped, anything else is rejected; {@link Require#doubles}. */
class RequireTimeTest {
    static void rejects(String fragment, org.junit.jupiter.api.function.Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void timesInsideAreReturnedUnchangedAndRoundingOutsideIsClamped() {
        for (double t : new double[] {0, 0.1, 0.3, 1.0 / 3, 0.5, 1 - 1e-16, 1}) assertEquals(Double.doubleToRawLongBits(t), Double.doubleToRawLongBits(Require.time("t", t)));
        // RK4 from 1 to 0 in 40 steps: t0 + 39h + h = −9.02e-17
        double h = -1.0 / 40, stage = 1 + 39 * h + h;
        assertTrue(stage < 0, "stage " + stage);
        assertEquals(0.0, Require.time("t", stage));
        assertEquals(1.0, Require.time("t", 1 + 2.3e-16));
        assertEquals(0.0, Require.time("t", -Require.TIME_TOLERANCE));
        assertEquals(1.0, Require.time("t", 1 + Require.TIME_TOLERANCE));
    }

    @Test
    void everythingElseIsRejectedWithTheUsualMessage() {
        rejects("t = -1.0E-11 is outside [0, 1]", () -> Require.time("t", -1e-11));
        rejects("t = 1.00000000001 is outside [0, 1]", () -> Require.time("t", 1.00000000001));
        rejects("s = NaN is outside [0, 1]", () -> Require.time("s", Double.NaN));
        rejects("t = Infinity is outside [0, 1]", () -> Require.time("t", Double.POSITIVE_INFINITY));
    }

    @Test
    void doublesMustFitInAnArrayAndTheHeap() {
        assertEquals(10, Require.doubles("ten", 10));
        rejects("steps = 2147483647 needs 2147483647 numbers, more than the largest Java array length", () -> Require.doubles("steps = 2147483647", Integer.MAX_VALUE));
        rejects("gives a negative count", () -> Require.doubles("n", -1));
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && heap / 8 + 1 < Require.MAX_ARRAY_LENGTH) {
            rejects("more than the Java heap's maximum", () -> Require.doubles("n", heap / 8 + 1));
        }
    }
}
