package genflow.course.figures;

import genflow.course.LectureFigure;
import genflow.math.SpecialFunctions;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class Chapter08FiguresTest {
    @Test
    void mixtureQuantileInvertsTheMixtureCdf() {
        for (double u : new double[]{0.01, 0.2, 0.5, 0.77, 0.999}) {
            double x = Chapter08Figures.mixtureQuantile(u);
            double f = 0.5 * SpecialFunctions.normalCdf((x + 2) / 0.5) + 0.5 * SpecialFunctions.normalCdf(x - 2);
            assertEquals(u, f, 1e-10);
        }
        // symmetric point: the CDF at 0 is ½Φ(4) + ½Φ(−2)
        double c0 = 0.5 * SpecialFunctions.normalCdf(4) + 0.5 * SpecialFunctions.normalCdf(-2);
        assertEquals(0, Chapter08Figures.mixtureQuantile(c0), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Chapter08Figures.mixtureQuantile(1.0));
    }

    @Test
    void targetsAndBoundsAreValidated() {
        for (String t : Chapter08Figures.TARGETS) {
            assertEquals(2, Chapter08Figures.target(t).dim());
            assertTrue(Chapter08Figures.splineBound(t) > 0);
        }
        assertThrows(IllegalArgumentException.class, () -> Chapter08Figures.target("moons"));
        assertThrows(IllegalArgumentException.class, () -> Chapter08Figures.train("checkerboard", null, 10, 1, 0));
    }

    @Test
    void cheapFiguresDraw() {
        List<LectureFigure> figs = new Chapter08Figures().figures();
        assertEquals(List.of("08-normal-cdf-quantile", "08-cone", "08-spline-fit", "08-noise-grid"),
                figs.stream().map(LectureFigure::id).toList());
        assertNotNull(figs.get(0).draw());
        assertNotNull(figs.get(1).draw());
    }
}
