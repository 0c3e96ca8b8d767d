package genflow.nn;

import genflow.dist.Digits;
import genflow.dist.DigitsSplit;
import genflow.metrics.FrechetDistance;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

class DigitClassifierTest {
    @Test
    void theStoredClassifierRecognisesTheHeldOutDigits() {
        DigitClassifier judge = DigitClassifier.loadDefault();
        DigitsSplit split = DigitsSplit.loadDefault();
        // lecture 09 reports 0.98 (294 of 300); the issue asks for at least 95 %
        assertTrue(judge.accuracy(split.heldOut(), split.heldOutLabels()) >= 0.95);
        assertEquals(64, judge.featureSize());
        double[][] held = split.heldOut();
        int[] pred = judge.predict(held);
        double[][] prob = judge.probabilities(held);
        for (int i = 0; i < held.length; i++) {
            assertEquals(1, Arrays.stream(prob[i]).sum(), 1e-12);
            for (int c = 0; c < 10; c++) assertTrue(prob[i][c] <= prob[i][pred[i]]);
        }
    }

    @Test
    void frechetDistanceIsTheFeatureSpaceFrechetDistance() {
        Classifier c = Classifier.builder(64, 10).hidden(16, 8).seed(3).build();
        DigitClassifier judge = new DigitClassifier(c);
        double[][] held = DigitsSplit.loadDefault().heldOut(), train = DigitsSplit.loadDefault().train();
        double[][] a = Arrays.copyOf(held, 150), b = Arrays.copyOfRange(train, 0, 400);
        assertEquals(FrechetDistance.of(c.features(a), c.features(b)), judge.frechetDistance(a, b), 1e-12);
        assertEquals(0, judge.frechetDistance(a, a), 1e-6, "a sample is at distance 0 from itself");
        double[][] noise = genflow.dist.Gaussian.standard(64).sample(400, Rngs.seeded(1));
        assertTrue(judge.frechetDistance(noise, a) > judge.frechetDistance(b, a), "noise is farther from digits than digits");
    }

    @Test
    void badShapesAndMissingFilesAreExplained(@TempDir Path dir) {
        assertThrows(IllegalArgumentException.class, () -> new DigitClassifier(Classifier.builder(63, 10).build()));
        assertThrows(IllegalArgumentException.class, () -> new DigitClassifier(Classifier.builder(64, 9).build()));
        assertThrows(IllegalArgumentException.class, () -> new DigitClassifier(null));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> DigitClassifier.locateDefault(dir));
        assertTrue(e.getMessage().contains("./course train 09"), e.getMessage());
        DigitClassifier judge = new DigitClassifier(Classifier.builder(Digits.PIXELS, 10).build());
        assertThrows(IllegalArgumentException.class, () -> judge.features(new double[][]{{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> judge.frechetDistance(new double[1][64], new double[3][64]));
    }
}
