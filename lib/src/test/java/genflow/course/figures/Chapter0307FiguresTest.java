package genflow.course.figures;

import static org.junit.jupiter.api.Assertions.*;

import genflow.course.LectureFigure;
import genflow.process.KacProcess;
import genflow.random.Rngs;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class Chapter0307FiguresTest {

    @Test
    void idsAreChapterPrefixedAndCaptioned() {
        List<LectureFigure> f3 = new Chapter03Figures().figures(), f7 = new Chapter07Figures().figures();
        assertEquals(3, f3.size());
        assertEquals(3, f7.size());
        for (LectureFigure f : f3) { assertTrue(f.id().startsWith("03-"), f.id()); assertFalse(f.caption().isBlank()); }
        for (LectureFigure f : f7) { assertTrue(f.id().startsWith("07-"), f.id()); assertFalse(f.caption().isBlank()); }
    }

    /** The noisy GMM of the denoising figure has variances s² + σ² and the prior's weights and means. */
    @Test
    void noisyMixtureAddsTheNoiseVariance() {
        var p = Chapter03Figures.prior();
        var q = Chapter03Figures.noisy(p, 0.8);
        assertArrayEquals(p.weights(), q.weights(), 0);
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(p.means()[k], q.means()[k], 0);
            assertEquals(0.16 + 0.64, q.variances()[k][0], 1e-12);
        }
    }

    /**
     * Kac paths of the realisation figure: speed c between jumps (|ΔK| ≤ c Δt) and the second moment of
     * K_t matches the telegrapher law's (KacProcess.secondMoment) within 4 standard errors.
     */
    @Test
    void kacPathsHaveSpeedCAndTheRightSecondMoment() {
        double a = 9, c = 3;
        double[] times = {0, 0.1, 0.25, 0.5, 1};
        RandomGenerator rng = Rngs.seeded(13);
        int n = 20000;
        double[] sum = new double[times.length], sumSq = new double[times.length];
        for (int i = 0; i < n; i++) {
            double[] k = Chapter07Figures.kacPath(a, c, times, rng);
            assertEquals(0, k[0], 0);
            for (int j = 1; j < times.length; j++) {
                assertTrue(Math.abs(k[j] - k[j - 1]) <= c * (times[j] - times[j - 1]) + 1e-12);
                double s = k[j] * k[j];
                sum[j] += s;
                sumSq[j] += s * s;
            }
        }
        KacProcess kac = KacProcess.of(a, c);
        for (int j = 1; j < times.length; j++) {
            double m = sum[j] / n, se = Math.sqrt((sumSq[j] / n - m * m) / n);
            assertEquals(kac.secondMoment(times[j]), m, 4 * se, "t=" + times[j]);
        }
    }
}
