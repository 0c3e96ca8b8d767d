package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.GaussianMixture;
import genflow.dist.ToyData;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;

import java.util.List;

/** Figures of 00_tour. */
public final class Chapter00Figures implements FigureSource {
    @Override
    public List<LectureFigure> figures() {
        return List.of(LectureFigure.still("00-eight-gaussians", 42,
                "2,000 samples of the 8-Gaussians mixture (TorchCFM scaling), drawn with seed 42",
                seed -> {
                    GaussianMixture eight = ToyData.eightGaussians();
                    double[][] x = eight.sample(2000, Rngs.seeded(seed));
                    return Plots.scatter("2,000 samples of the 8-Gaussians mixture (seed " + seed + ")", "x₁", "x₂",
                            Points.of("samples", x));
                }));
    }
}
