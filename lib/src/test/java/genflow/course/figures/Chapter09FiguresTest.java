package genflow.course.figures;

import genflow.course.LectureFigure;
import genflow.dist.Gaussian;
import genflow.metrics.NearestNeighbour;
import genflow.ode.Euler;
import genflow.plot.ImageGrid;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class Chapter09FiguresTest {

    @Test
    void idsAndRealDigitsGrid() {
        List<LectureFigure> figs = new Chapter09Figures().figures();
        assertEquals(List.of("09-real-digits", "09-trajectory", "09-memorisation"), figs.stream().map(LectureFigure::id).toList());
        ImageGrid real = (ImageGrid) figs.get(0).draw();
        assertEquals(40, real.size());
        assertEquals(10, real.cols());
        assertEquals(-1.0, real.lo(), 0.0);
        assertEquals(1.0, real.hi(), 0.0);
        assertEquals(1797 - 300, Chapter09Figures.trainingImages().length);   // rows i mod 6 == 0 are held out
    }

    @Test
    void exactEmpiricalFlowEndsNearTrainingImages() {
        // samples of the exact field of the σ-smoothed training measure are y_j + σε: NN distance ≈ σ√64 = 0.4,
        // far below the distance between distinct digits (≈ 2).
        double[][] train = Chapter09Figures.trainingImages();
        double[][] x = new Euler().integrate(Chapter09Figures.exactField(train).velocityField(),
                Gaussian.standard(64).sample(4, Rngs.seeded(1)), 0, 1, 40);
        double mean = Arrays.stream(NearestNeighbour.distances(x, train)).average().orElseThrow();
        assertEquals(Chapter09Figures.SMOOTHING * 8, mean, 0.15);
    }
}
