package genflow.course.figures;

import genflow.course.LectureFigure;
import genflow.dist.GaussianMixture;
import genflow.path.MeanRevertingPath;
import genflow.process.WienerProcess;
import genflow.random.Rngs;
import genflow.schedule.TimeChange;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Chapter05FiguresTest {
    @Test
    void registersFourChapterFiveFiguresWithUniqueIdsAndCaptions() {
        List<LectureFigure> figs = new Chapter05Figures().figures();
        assertEquals(4, figs.size());
        Set<String> ids = new HashSet<>();
        for (LectureFigure f : figs) {
            assertTrue(f.id().startsWith("05-"), f.id());
            assertTrue(ids.add(f.id()), "duplicate " + f.id());
            assertTrue(f.caption().length() > 20, f.id());
        }
    }

    @Test
    void targetHasTheLectureWeightsAndUnitTotalMass() {
        GaussianMixture t = Chapter05Figures.target();
        assertEquals(3, t.components());
        assertEquals(0.5, t.weights()[0], 1e-12);
        assertEquals(0.3, t.weights()[1], 1e-12);
        assertEquals(0.2, t.weights()[2], 1e-12);
        assertEquals(0.16 * 0.16, t.variances()[2][1], 1e-12); // isotropic(...) takes standard deviations
    }

    /** E‖v_t‖² = d ġ²/(4g) for point-mass data: d/(4t) for the Wiener clock (seed 000), d for FM (g = t²). */
    @Test
    void meanSquaredVelocityMatchesClosedFormForWienerAndFlowMatchingClocks() {
        int d = 3, n = 40_000;
        MeanRevertingPath wiener = new MeanRevertingPath(new WienerProcess(), Chapter05Figures.wienerClock());
        MeanRevertingPath fm = new MeanRevertingPath(new WienerProcess(), TimeChange.flowMatching());
        for (double t : new double[]{0.002, 0.05, 0.7}) {
            double w = Chapter05Figures.meanSquaredVelocity(wiener, t, n, d, Rngs.seeded(1));
            double f = Chapter05Figures.meanSquaredVelocity(fm, t, n, d, Rngs.seeded(2));
            // relative sd of a chi²_3/3 mean over 40,000 draws ≈ 0.004
            assertEquals(d / (4 * t), w, 0.025 * d / (4 * t), "Wiener clock at t = " + t);
            assertEquals(d, f, 0.025 * d, "FM clock at t = " + t);
        }
    }

    @Test
    void wienerClockIsFOneMinusTAndGEqualT() {
        TimeChange c = Chapter05Figures.wienerClock();
        assertEquals(0.7, c.f(0.3), 1e-15);
        assertEquals(0.3, c.g(0.3), 1e-15);
        assertEquals(-1, c.fDot(0.3), 0);
        assertEquals(1, c.gDot(0.3), 0);
        assertThrows(IllegalArgumentException.class, () -> c.g(1.5));
        assertThrows(IllegalArgumentException.class, () -> c.f(Double.NaN));
    }
}
