package genflow.metrics;

import genflow.dist.Gaussian;
import genflow.dist.ToyData;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SampleQualityTest {
    @Test
    void aSecondTargetSampleScoresLikeTheReferenceAndAShiftedOneDoesNot() {
        var target = ToyData.eightGaussians();
        SampleQuality.Reference ref = SampleQuality.reference(target, 1000, 5, 100);
        assertEquals(5, ref.seeds());
        assertTrue(ref.slicedW2Mean() > 0 && ref.slicedW2Sd() > 0 && ref.slicedW2Sd() < ref.slicedW2Mean());
        assertTrue(Math.abs(ref.energyMean()) < 0.05, "unbiased energy distance of two samples of one law is about 0: " + ref.energyMean());
        double[][] fresh = target.sample(1000, Rngs.seeded(7)), again = target.sample(1000, Rngs.seeded(8));
        SampleQuality.Score same = SampleQuality.score(again, fresh, 3);
        assertTrue(ref.ratio(same) < 1.5, "a second sample passes the gate: " + ref.ratio(same));
        // a sample shifted by 1 in x: SW2 of a translation by m is |m|/sqrt(d) for directions uniform on the circle... at least
        double[][] shifted = new double[1000][];
        for (int i = 0; i < 1000; i++) shifted[i] = new double[]{again[i][0] + 1, again[i][1]};
        SampleQuality.Score off = SampleQuality.score(shifted, fresh, 3);
        assertTrue(ref.ratio(off) > 1.5, "a shifted sample fails the gate: " + ref.ratio(off));
        assertEquals(Math.sqrt(0.5), off.slicedW2(), 0.12, "SW2 of a unit shift in 2-D is about sqrt(1/2)");
        assertTrue(off.energyDistance() > 10 * ref.energySd());
    }

    @Test
    void badInputIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SampleQuality.reference(null, 10, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleQuality.reference(Gaussian.standard(2), 1, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleQuality.reference(Gaussian.standard(2), 10, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> SampleQuality.score(new double[][]{{0, 0}}, new double[][]{{0, 0, 0}}, 1));
    }
}
