package genflow.process;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.process. */
class ProcessBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    private static final RandomGenerator RNG = Rngs.seeded(9);

    @Test
    void sizesAndStepCountsAreCheckedBeforeAllocation() {
        int max = Integer.MAX_VALUE;
        // steps + 1 overflowed to a negative array length (NegativeArraySizeException)
        rejects("steps = 2147483647", () -> SamplePaths.kacWalk(1, 1, 0.01, max, RNG));
        rejects("steps = 2147483647", () -> SamplePaths.brownian(1, 0.01, max, RNG));
        rejects("steps = 2147483647", () -> SamplePaths.times(0.01, max));
        rejects("n = 2147483647", () -> KacProcess.of(1, 1).sampleBatch(1, max, RNG));
        rejects("d = 2147483647", () -> KacProcess.of(1, 1).sample(1, max, RNG));
        // paths that would leave the double range
        rejects("c = 1.7E308, dt = 0.5, steps = 4", () -> SamplePaths.kacWalk(1, 1.7e308, 0.5, 4, RNG));
        rejects("dt = 1.7E308, steps = 4", () -> SamplePaths.times(1.7e308, 4));
        rejects("sigma = 1.0E306", () -> SamplePaths.brownian(1e306, 1, 1000, RNG));
    }

    @Test
    void kacProcessNamesTheTime() {
        KacProcess k = KacProcess.of(1, 1);
        // sampleByJumps at a·t = 1e300 never returned
        rejects("t = 1.0E300: sampleByJumps simulates about a·t = 1.0E300 reversals", () -> k.sampleByJumps(1e300, RNG));
        // the Poisson limit was reported as "mean = 1e300", a parameter the caller never passed
        rejects("t = 1.0E300: the mean number of reversals a·t", () -> k.sample(1e300, RNG));
        // c·t = ∞
        KacProcess fast = KacProcess.of(1, 1e300);
        rejects("t = 1.0E10: the support half-width c·t exceeds the double range", () -> fast.density(1e10, 0));
        rejects("t = 1.0E10", () -> fast.velocity(1e10, 0));
        rejects("t = 1.0E10", () -> fast.sample(1e10, RNG));
        // (ct)² overflowed inside r = √(c²t² − x²) and the Bessel function complained about "x = Infinity"
        KacProcess slow = KacProcess.of(1e-300, 1);
        double t = 1e300, x = 0.5e300;
        double v = slow.velocity(t, x);
        assertTrue(Double.isFinite(v) && Math.abs(v) <= 1, "v = " + v);
        assertTrue(Double.isFinite(slow.density(t, x)));
        // second moment beyond the double range is rejected; just below it, it is finite
        rejects("t = 1.7E308: E[K_t²] exceeds the double range", () -> KacProcess.of(1, 2).secondMoment(1.7e308));
        // c² overflows where (c²/a)(t − …) does not: c·(c/a)
        assertEquals(1e200, KacProcess.of(1e200, 1e200).secondMoment(1), 1e186);
        // x − x0 overflowing: the difference is outside the support, |v| = c
        assertArrayEquals(new double[] {2, -2}, KacProcess.of(1, 2).conditionalVelocity(1, new double[] {1.7e308, -1.7e308},
                new double[] {-1.7e308, 1.7e308}), 0);
        rejects("x0 has dimension 2, expected x.length = 0", () -> k.conditionalVelocity(1, new double[0], new double[2]));
        // the cdf came out as −1.1e-16 in an empty lower tail (½ minus an integral rounded up to ½)
        assertEquals(0.0, KacProcess.of(10, 1).cdf(100, -0.999999 * 100), 1e-300);
        assertEquals(0.0, KacProcess.of(1e7, 1).cdf(1e-3, -0.5e-3), 1e-300);
    }

    @Test
    void velocitiesThatCannotBeFiniteAreRejected() {
        rejects("s = 4.9E-324, y = 1.0: the velocity y/(2s) exceeds the double range", () -> new WienerProcess().velocity(Double.MIN_VALUE, 1));
        rejects("s = 4.9E-324: 1/(4s)", () -> new WienerProcess().velocityNormSquared(Double.MIN_VALUE));
        rejects("t = 4.9E-324, x = 0.5", () -> UniformProcess.of(1).velocity(Double.MIN_VALUE, 0.5));
        rejects("sigma2 = 1.0, t = 4.9E-324", () -> KacDiagnostics.diffusionVelocityNormSquared(1, Double.MIN_VALUE));
        rejects("t = 4.9E-324: the heat kernel's variance", () -> KacDiagnostics.l2DistanceToHeatKernel(KacProcess.of(1, 1), Double.MIN_VALUE));
        rejects("t = 1.0E300: the support half-width", () -> KacDiagnostics.velocityNormSquared(KacProcess.of(1, 1e10), 1e300));
        rejects("t = 1.7E308: the particles", () -> EnergyDistanceFlow1D.towards(new double[] {1.7e308}).run(new double[] {1.6e308}, 1.7e308, 1));
    }
}
