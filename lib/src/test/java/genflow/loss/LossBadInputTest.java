package genflow.loss;

import genflow.nn.Mlp;
import genflow.nn.RqSpline;
import genflow.path.MeanRevertingPath;
import genflow.process.KacProcess;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.loss. */
class LossBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    static Mlp small() {
        return Mlp.builder(2).hidden(4).seed(1).build();
    }

    @Test
    void otPairingChecksSizesAndValuesBeforeAllocating() {
        // 60000 × 60000 costs (28.8 GB) were allocated: OutOfMemoryError
        rejects("n = 60000 times n (the n × n squared distances) = 60000", () -> ConditionalFlowMatching.otPairing(new double[60_000], new double[60_000], 60_000, 1));
        // a NaN point made a NaN cost, reported as "cost[…]" by the assignment solver
        rejects("noise[1][0] = NaN", () -> ConditionalFlowMatching.otPairing(new double[] {0, Double.NaN}, new double[] {0, 1}, 2, 1));
        rejects("data[0][1] = Infinity", () -> ConditionalFlowMatching.otPairing(new double[4], new double[] {0, Double.POSITIVE_INFINITY, 0, 0}, 2, 2));
    }

    @Test
    void otPairingOfFarOutPointsIsTheOptimalPairing() {
        // squared distances of points at ±1e200 overflow; the optimal pairing is still well defined
        assertArrayEquals(new int[] {1, 0}, ConditionalFlowMatching.otPairing(new double[] {1e200, -1e200}, new double[] {-1.1e200, 1.1e200}, 2, 1));
        // points scaled by an exact power of two have the same optimal pairing as the unscaled points
        RandomGenerator rng = Rngs.seeded(4);
        int n = 16, d = 3;
        double[] noise = new double[n * d], data = new double[n * d], bigNoise = new double[n * d], bigData = new double[n * d];
        for (int k = 0; k < n * d; k++) {
            noise[k] = rng.nextGaussian();
            data[k] = rng.nextGaussian() + 1;
            bigNoise[k] = Math.scalb(noise[k], 1000);
            bigData[k] = Math.scalb(data[k], 1000);
        }
        assertArrayEquals(ConditionalFlowMatching.otPairing(noise, data, n, d), ConditionalFlowMatching.otPairing(bigNoise, bigData, n, d));
    }

    @Test
    void scalarHelpersRejectWhatIsNotANumber() {
        // (1 − t) x0 + t x1 with t = NaN was NaN; x1 − x0 = −∞ was returned
        rejects("t = NaN is outside [0, 1]", () -> ConditionalFlowMatching.interpolate(Double.NaN, 0, 1));
        rejects("x0 = NaN", () -> ConditionalFlowMatching.interpolate(0.5, Double.NaN, 1));
        rejects("x1 - x0 = -Infinity", () -> ConditionalFlowMatching.target(1.7e308, -1.7e308));
        assertEquals(2.0, ConditionalFlowMatching.interpolate(-9e-17, 2, 4)); // a stage time a hair below 0
        DenoisingScoreMatching dsm = new DenoisingScoreMatching(small(), new LinearSchedule(), 0.9);
        rejects("these x, data", () -> dsm.conditionalScore(0.5, 1e308, -1e308));
        rejects("x = NaN", () -> dsm.conditionalScore(0.5, Double.NaN, 0));
        rejects("t = 1.0 gives beta_t = 0.0", () -> dsm.conditionalScore(1, 0.5, 0));
        // W2² of ±1e200 is 4e400: ∞ was returned; a finite W2² whose sum overflows is computed
        rejects("exceeds the double range", () -> QuantileNoiseLoss.w2SquaredSorted(new double[] {1e200}, new double[] {-1e200}));
        rejects("a[0] = NaN", () -> QuantileNoiseLoss.w2SquaredSorted(new double[] {Double.NaN}, new double[] {0}));
        assertEquals(1.69e308, QuantileNoiseLoss.w2SquaredSorted(new double[] {6e153, 7e153}, new double[] {-6e153, -7e153}), 1e294);
        assertEquals(QuantileNoiseLoss.w2SquaredSorted(new double[] {6, 7}, new double[] {-6, -7}) * 1e306,
                QuantileNoiseLoss.w2SquaredSorted(new double[] {6e153, 7e153}, new double[] {-6e153, -7e153}), 1e294);
    }

    @Test
    void kacClockAndDeprecatedHelpersNameTheirParameters() {
        // ġ(s) = 2Ts was ∞ for T = 1.7e308
        rejects("horizon = 1.7E308: 2·horizon", () -> KacFlowMatching.TimeChange.SQUARE.clock(1.7e308));
        MeanRevertingPath path = new MeanRevertingPath(KacProcess.of(1, 2), KacFlowMatching.TimeChange.SQUARE.clock(1));
        @SuppressWarnings("deprecation")
        KacFlowMatching kac = new KacFlowMatching(small(), path, 0.9);
        // the process time is s: the message said "t = NaN"
        @SuppressWarnings("deprecation")
        Executable velocity = () -> kac.conditionalVelocity(Double.NaN, 0, 0);
        rejects("s = NaN is outside [0, 1]", velocity);
        @SuppressWarnings("deprecation")
        Executable nullNet = () -> new KacFlowMatching(null, KacProcess.of(1, 2), KacFlowMatching.TimeChange.SQUARE, 1, 0.1);
        rejects("net must not be null", nullNet);
        assertEquals(path.timeChange().g(0), path.timeChange().g(-9e-17)); // a stage time a hair below 0
    }

    @Test
    void noiseAndBatchesTooLargeForTheModelAreNamed() {
        // n × d uniforms (MAX × 2 doubles) were allocated before
        rejects("n = 2147483647 times d = 2", () -> new QuantileNoise(RqSpline.identity(2)).sample(Integer.MAX_VALUE, Rngs.seeded(1)));
        // data far beyond the FLOAT net's range: x_t is named with the data and noise it came from
        ConditionalFlowMatching cfm = ConditionalFlowMatching.independent(small());
        rejects("the model cannot evaluate x_t = alpha_t data + beta_t noise of this batch (check the data and noise)",
                () -> cfm.lossAndGradient(new double[] {1e300, 1e300, 1e300, 1e300}, new double[4], 2, Rngs.seeded(1), new double[1][26]));
        // n·d overflowed int: the length checks passed and allocation failed
        rejects("data must hold n*d = 4294967294 values", () -> cfm.lossAndGradient(new double[4], new double[4], Integer.MAX_VALUE, Rngs.seeded(1), new double[1][26]));
    }
}
