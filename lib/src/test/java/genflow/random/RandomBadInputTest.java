package genflow.random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.random. */
class RandomBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badInputIsRejectedBeforeItOverflows() {
        RandomGenerator rng = Rngs.seeded(5);
        // OutOfMemoryError "Requested array size exceeds VM limit" before
        rejects("d = 2147483647 exceeds the largest Java array length", () -> Draws.gaussianVector(Integer.MAX_VALUE, rng));
        // a rate of 4.9e-324 made every draw +∞
        rejects("rate = 4.9E-324 must be >= 1.0E-306", () -> Draws.exponential(Double.MIN_VALUE, rng));
        assertTrue(Double.isFinite(Draws.exponential(Draws.EXPONENTIAL_MIN_RATE, rng)));
        // scale · Gamma overflowing
        rejects("scale = 1.7E308", () -> { for (int i = 0; i < 100; i++) Draws.gamma(5, 1.7e308, rng); });
    }

    @Test
    void uniformOnARangeWiderThanTheDoubleRange() {
        // a + (b − a)U with b − a = ∞ was NaN or ∞, so every draw came out as nextDown(b)
        RandomGenerator rng = Rngs.seeded(6);
        int below = 0;
        for (int i = 0; i < 2000; i++) {
            double u = Draws.uniform(-1.7e308, 1.7e308, rng);
            assertTrue(u >= -1.7e308 && u < 1.7e308);
            if (u < 0) below++;
        }
        assertEquals(1000, below, 4 * Math.sqrt(500.0)); // symmetric: half below 0
    }
}
