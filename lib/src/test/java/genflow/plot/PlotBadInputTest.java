package genflow.plot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.plot and genflow.table. */
class PlotBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void valuesWhoseSpanOverflowsAreRejectedBeforeXChartSeesThem() {
        // XChart's tick computation threw NumberFormatException ("Infinite or NaN", from BigDecimal)
        rejects("lo = -1.7E308 is outside", () -> Plots.histogram("h", "x").range(-1.7e308, 1.7e308));
        rejects("values[0] = -1.7E308 is outside ±8.98846567431", () -> Plots.histogram("h", "x", 10, new double[] {-1.7e308, 1.7e308}));
        rejects("points[0][0] = -1.7E308", () -> Plots.scatter("s", "x", "y", new double[][] {{-1.7e308, 0}, {1.7e308, 1}}));
        rejects("paths[0][1][0] = 1.7E308", () -> Plots.trajectories("t", "x", "y", new double[][][] {{{0, 0}, {1.7e308, 0}}}));
        // half the range is drawn: the span stays finite
        assertEquals(600, Export.image(Plots.scatter("s", "x", "y", new double[][] {{-8e307, 0}, {8e307, 1}})).getWidth());
        // a Grid2D wider than the double range had ∞ cell widths and centres
        rejects("hi - lo must be finite", () -> Grid2D.square(-1.7e308, 1.7e308, 4));
        rejects("max - min must be finite", () -> Grid2D.builder().x(-1.7e308, 1.7e308));
        rejects("max = -1.0 must be > min = -1.0", () -> Grid2D.builder().y(-1, -1));
        rejects("n = 2147483647: n² =", () -> Grid2D.square(0, 1, Integer.MAX_VALUE));
        // a heat map whose values span more than the double range: the colour was u = NaN ("u = NaN is outside [0, 1]")
        rejects("f takes values from -1.7E308 to 1.7E308", () -> Plots.densityHeatMap("h", "x", "y", Grid2D.square(-1, 1, 4),
                (x, y) -> x > 0 ? 1.7e308 : -1.7e308));
        // grey levels of an image grid with a range wider than the double range were all 0
        rejects("hi - lo must be finite", () -> ImageGrid.builder(new double[][] {{0, 1, 2, 3}}, 2).range(-1.7e308, 1.7e308));
        rejects("side = 46341 times side = 46341", () -> ImageGrid.of("g", new double[][] {{1}}, 46_341, 1));
        rejects("images: 200 images of side = 64", () -> ImageGrid.of("g", new double[200][64 * 64], 64, 1));
        // the density of a histogram with bins of subnormal width overflowed
        rejects("values of sample \"s\": the bins", () -> Plots.histogram("h", "x").range(0, 1e-320).bins(10).sample("s", new double[] {0}).build());
    }

    @Test
    void messagesNameTheParameter() {
        rejects("loss must not be null", () -> Plots.lossCurve("l", null));
        rejects("loss must contain at least one value", () -> Plots.lossCurve("l", new double[0]));
        rejects("loss[1] = -1.0 must be in (0", () -> Plots.lossCurve("l", new double[] {1, -1}));
        rejects("y must contain at least one value", () -> Curve.of("c", new double[0]));
        rejects("underlay must not be null", () -> Plots.vectorField("v", "x", "y", Grid2D.square(-1, 1, 3), (t, x) -> x, 0, (Points[]) null));
        rejects("pdf of density \"p\"", () -> Plots.histogram("h", "x").sample("s", new double[] {0, 1}).density("p", x -> Double.NaN).build());
        rejects("(values[0])", () -> genflow.table.Tables.builder("t").column("c", new double[] {Double.NaN}));
    }
}
