package genflow.course.figures;

import genflow.course.LectureFigure;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Chapter04FiguresTest {
    private static LectureFigure figure(String id) {
        return new Chapter04Figures().figures().stream().filter(f -> f.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void registersTheChapterFigures() {
        List<String> ids = new Chapter04Figures().figures().stream().map(LectureFigure::id).collect(Collectors.toList());
        assertEquals(List.of("04-ot-vs-independent", "04-particles-flow", "04-marginal-velocity", "04-solvers-nfe"), ids);
        assertTrue(figure("04-particles-flow").isAnimation());
    }

    /** The solver panel must show the solvers' orders: halving h divides the error by about 2^p (p = 1, 2, 4). */
    @Test
    void solverCurvesHaveTheTheoreticalOrders() {
        XYChart c = assertInstanceOf(XYChart.class, figure("04-solvers-nfe").draw());
        String[] names = {"Euler (1 eval/step)", "Heun (2 evals/step)", "RK4 (4 evals/step)"};
        double[][] range = {{1.7, 2.4}, {3.0, 5.0}, {9.0, 20.0}};
        for (int s = 0; s < names.length; s++) {
            double[] err = c.getSeriesMap().get(names[s]).getYData();
            double ratio = err[4] / err[5];   // 16 → 32 steps
            assertTrue(ratio > range[s][0] && ratio < range[s][1],
                    names[s] + ": error ratio for halving the step = " + ratio + ", expected about " + (1 << (s == 2 ? 4 : s + 1)));
        }
    }

    /** Exact OT pairs are never longer on average than the independent pairs they re-pair (and here much shorter). */
    @Test
    void otPanelIsShorterThanIndependentPanel() {
        Object fig = figure("04-ot-vs-independent").draw();
        genflow.plot.Figure f = assertInstanceOf(genflow.plot.Figure.class, fig);
        double indep = Double.parseDouble(f.charts().get(0).getTitle().replaceAll(".*= ", ""));
        double ot = Double.parseDouble(f.charts().get(2).getTitle().replaceAll(".*= ", ""));
        // E|x1 - x0|^2 = 2 + r^2 + 2 sigma^2 ≈ 27.6 for independent pairs; OT removes about half of it
        assertTrue(indep > 22 && indep < 33, "independent E|x1-x0|^2 = " + indep);
        assertTrue(ot < 0.7 * indep, "OT E|x1-x0|^2 = " + ot + " vs independent " + indep);
    }
}
