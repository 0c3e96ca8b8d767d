package genflow.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class PlotsTest {

    static long visibleSeries(XYChart c) {
        return c.getSeriesMap().values().stream().filter(XYSeries::isShowInLegend).count();
    }

    static IllegalArgumentException iae(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void scatterHasTitleLabelsSeriesAndLegendOnlyForSeveralSets() {
        XYChart c = PlotExamples.scatter();
        assertEquals("Data and noise", c.getTitle());
        assertEquals("x₁", c.getXAxisTitle());
        assertEquals("x₂", c.getYAxisTitle());
        assertEquals(2, visibleSeries(c));
        assertEquals(800, c.getSeriesMap().get("data (8 Gaussians)").getXData().length);
        assertTrue(c.getStyler().isLegendVisible());
        assertEquals(CourseStyle.WIDTH, c.getWidth());
        assertEquals(CourseStyle.HEIGHT, c.getHeight());
        XYChart one = Plots.scatter("t", "x", "y", new double[][] {{0, 0}, {1, 1}});
        assertEquals(1, visibleSeries(one));
        assertFalse(one.getStyler().isLegendVisible());
    }

    @Test
    void scatterPixelsAppearWhereThePointsAre() {
        double[][] pts = new double[50][];
        for (int i = 0; i < 50; i++) pts[i] = new double[] {i < 25 ? 1 : 9, i < 25 ? 1 : 9};
        XYChart c = Plots.scatter("two clusters", "x", "y", pts);
        c.getStyler().setXAxisMin(0.0).setXAxisMax(10.0).setYAxisMin(0.0).setYAxisMax(10.0);
        BufferedImage img = Export.image(c);
        for (double[] p : new double[][] {{1, 1}, {9, 9}}) {
            int x = (int) Math.round(c.getScreenXFromChart(p[0])), y = (int) Math.round(c.getScreenYFromChart(p[1]));
            int rgb = img.getRGB(x, y) & 0xFFFFFF;
            int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
            assertTrue(b > r + 40, "expected a blue marker at " + x + "," + y + " but found #" + Integer.toHexString(rgb));
            assertTrue(b > g, "blue marker expected");
        }
        // an empty region (5, 5) stays background (white or light grid)
        int x = (int) Math.round(c.getScreenXFromChart(5.3)), y = (int) Math.round(c.getScreenYFromChart(4.7));
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        assertTrue(((rgb >> 16) & 0xFF) > 220 && (rgb & 0xFF) > 220, "background expected, found #" + Integer.toHexString(rgb));
    }

    @Test
    void linesWithLogAxesAndMarkers() {
        XYChart c = PlotExamples.convergence();
        assertTrue(c.getStyler().isXAxisLogarithmic());
        assertTrue(c.getStyler().isYAxisLogarithmic());
        assertEquals(2, visibleSeries(c));
        assertTrue(c.getStyler().isLegendVisible());
        // the empirical order is the slope on log-log axes: Euler ≈ 1, Heun ≈ 2
        XYSeries euler = c.getSeriesMap().get("Euler (order 1)"), heun = c.getSeriesMap().get("Heun (order 2)");
        assertEquals(1.0, slope(euler), 0.05);
        assertEquals(2.0, slope(heun), 0.05);
        XYChart loss = PlotExamples.loss();
        assertTrue(loss.getStyler().isYAxisLogarithmic());
        assertFalse(loss.getStyler().isXAxisLogarithmic());
        assertEquals(1, visibleSeries(loss));
    }

    private static double slope(XYSeries s) {
        double[] x = s.getXData(), y = s.getYData();
        int n = x.length;   // the two smallest steps: the asymptotic regime
        return Math.log(y[n - 2] / y[n - 1]) / Math.log(x[n - 2] / x[n - 1]);
    }

    @Test
    void badCurvesAreRejectedWithTheParameterName() {
        assertTrue(iae(() -> Curve.of("c", new double[] {1, 2, 3}, new double[] {1, 2})).getMessage().contains("x.length = 3"));
        assertTrue(iae(() -> Curve.of("c", new double[] {1, Double.NaN}, new double[] {1, 2})).getMessage().contains("x[1] = NaN"));
        assertTrue(iae(() -> Curve.of("c", new double[0], new double[0])).getMessage().contains("x must contain at least one value"));
        assertTrue(iae(() -> Plots.lines("t", "x", "y", AxisScale.LOG_Y, Curve.of("c", new double[] {1, 2}, new double[] {1, -2})))
                .getMessage().contains("curves[0].y[1] = -2.0"));
        assertTrue(iae(() -> Plots.lines("t", "x", "y", Curve.of("c", new double[] {1}), Curve.of("c", new double[] {2})))
                .getMessage().contains("curves[1].name"));
        assertTrue(iae(() -> Plots.lines("t", "x", "y")).getMessage().contains("curves"));
        assertTrue(iae(() -> Plots.lines(null, "x", "y", Curve.of("c", new double[] {1}))).getMessage().contains("title"));
    }

    @Test
    void badPointsAreRejectedWithTheParameterName() {
        assertTrue(iae(() -> Points.of("p", new double[][] {{0, 0}, {1, Double.NaN}})).getMessage().contains("points[1][1] = NaN"));
        assertTrue(iae(() -> Points.of("p", new double[][] {{0, 0}, {1, 2, 3}})).getMessage().contains("points[1] has dimension 3"));
        assertTrue(iae(() -> Points.of("p", new double[0][])).getMessage().contains("points must contain at least one point"));
        assertTrue(iae(() -> Points.of(" ", new double[][] {{0, 0}})).getMessage().contains("name"));
        assertTrue(iae(() -> Plots.scatter("t", "x", "y", new Points[0])).getMessage().contains("sets"));
        double[][] p = {{0, 0}};
        assertTrue(iae(() -> Plots.scatter("t", "x", "y", Points.of("a", p), Points.of("a", p))).getMessage().contains("sets[1].name"));
        assertTrue(iae(() -> Plots.trajectories("t", "x", "y", new double[][][] {{{0, 0}}, {}})).getMessage().contains("paths[1]"));
        assertTrue(iae(() -> Plots.trajectoriesFromSnapshots("t", "x", "y",
                new double[][][] {{{0, 0}, {1, 1}}, {{0, 0}}}, 5)).getMessage().contains("snapshots[1] has 1 points, expected 2"));
    }

    @Test
    void histogramIsANormalisedDensityAndCountsSumToN() {
        double[] v = new double[1000];
        for (int i = 0; i < v.length; i++) v[i] = Math.sin(i) * 3;  // deterministic spread in [-3, 3]
        double[] h = HistogramBuilder.binHeights(v, -3, 3, 30, false);
        double area = 0;
        for (double x : h) area += x * 0.2;
        assertEquals(1.0, area, 1e-12);
        double[] counts = HistogramBuilder.binHeights(v, -3, 3, 30, true);
        assertEquals(1000, java.util.Arrays.stream(counts).sum(), 0);
        // a value at the right end lands in the last bin; values outside are dropped
        assertArrayEquals(new double[] {1, 0, 2}, HistogramBuilder.binHeights(new double[] {0, 3, 3, 4}, 0, 3, 3, true));

        XYChart c = PlotExamples.histogram();
        assertEquals(2, visibleSeries(c));
        assertEquals("density", c.getYAxisTitle());
        XYSeries bars = c.getSeriesMap().get("4000 samples");
        double[] bx = bars.getXData(), by = bars.getYData();
        double integral = 0;
        for (int i = 1; i + 1 < bx.length; i += 2) integral += by[i] * (bx[i + 1] - bx[i]);
        assertEquals(1.0, integral, 1e-3);  // a few of 4000 N(0,1) samples fall outside [-4, 4]
        // the overlaid pdf is the standard normal: peak 1/sqrt(2π)
        double peak = java.util.Arrays.stream(c.getSeriesMap().get("N(0, 1) pdf").getYData()).max().orElseThrow();
        assertEquals(1 / Math.sqrt(2 * Math.PI), peak, 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Plots.histogram("t", "x").build());
        assertTrue(iae(() -> Plots.histogram("t", "x").bins(0)).getMessage().contains("bins = 0"));
        assertTrue(iae(() -> Plots.histogram("t", "x").sample("s", new double[] {1, Double.POSITIVE_INFINITY}))
                .getMessage().contains("values[1]"));
        assertTrue(iae(() -> Plots.histogram("t", "x").sample("s", new double[] {1, 2}).density("p", x -> -1).build())
                .getMessage().contains("densities[0]"));
    }

    @Test
    void heatMapColoursFollowTheFunctionAndPutTheBarOnTheRight() {
        // f is large near (1, 1) and small near (-1, -1)
        Grid2D g = Grid2D.square(-2, 2, 80);
        HeatMapChart2D c = Plots.densityHeatMap("bump", "x", "y", g,
                (x, y) -> Math.exp(-((x - 1) * (x - 1) + (y - 1) * (y - 1)) * 2), "f");
        assertEquals(CourseStyle.WIDTH, c.getWidth());
        assertEquals(0, visibleSeries(c));
        assertEquals(1.0, c.maxValue(), 1e-2);
        BufferedImage img = Export.image(c);
        assertEquals(CourseStyle.WIDTH, img.getWidth());
        int hot = img.getRGB((int) c.getScreenXFromChart(1), (int) c.getScreenYFromChart(1)) & 0xFFFFFF;
        int cold = img.getRGB((int) c.getScreenXFromChart(-1.5), (int) c.getScreenYFromChart(-1.5)) & 0xFFFFFF;
        assertTrue(((hot >> 8) & 0xFF) > 200, "yellow expected at the maximum, found #" + Integer.toHexString(hot));
        assertEquals(0x440154, cold, 0x000F0F, "dark purple expected far away, found #" + Integer.toHexString(cold));
        // the colour bar lies right of the plot and shows both ends of viridis
        int barX = c.getWidth() - HeatMapChart2D.BAR_STRIP + 12;
        int top = img.getRGB(barX, (int) c.getScreenYFromChart(1.9)) & 0xFFFFFF;
        int bottom = img.getRGB(barX, (int) c.getScreenYFromChart(-1.9)) & 0xFFFFFF;
        assertTrue(((top >> 16) & 0xFF) > 180 && ((top >> 8) & 0xFF) > 180 && (top & 0xFF) < 100, "top of bar yellow, found #" + Integer.toHexString(top));
        assertTrue((bottom & 0xFF) > ((bottom >> 8) & 0xFF) + 40 && ((bottom >> 16) & 0xFF) < 120, "bottom of bar purple, found #" + Integer.toHexString(bottom));
        assertTrue(iae(() -> Plots.densityHeatMap("t", "x", "y", g, (x, y) -> x > 0 ? Double.NaN : 0))
                .getMessage().contains("must be a finite number"));
        HeatMapChart2D withPts = PlotExamples.heatMap();
        assertEquals(1, visibleSeries(withPts));
    }

    @Test
    void niceTicksAreRoundAndInside() {
        assertArrayEquals(new double[] {0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3}, HeatMapChart2D.niceTicks(0, 0.32, 5), 1e-12);
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8, 1.0}, HeatMapChart2D.niceTicks(0.1, 1.0, 4), 1e-12);
        assertArrayEquals(new double[] {-2, 0, 2, 4}, HeatMapChart2D.niceTicks(-3, 5, 5), 1e-12);
        assertEquals("0.25", HeatMapChart2D.formatTick(0.25, 0.05));
    }

    @Test
    void vectorFieldArrowsAreParallelToTheFieldAndFitTheirCells() {
        Grid2D g = Grid2D.square(-1, 1, 4);
        XYChart c = Plots.vectorField("rotation", "x", "y", g, (t, x) -> {
            double[][] v = new double[x.length][];
            for (int i = 0; i < x.length; i++) v[i] = new double[] {-x[i][1] * (1 + t), x[i][0] * (1 + t)};
            return v;
        }, 0.0);
        XYSeries arrows = c.getSeriesMap().get("v(t, x)");
        double[] xs = arrows.getXData(), ys = arrows.getYData();
        assertEquals(16 * 7, xs.length);  // shaft, one barb, gap, other barb, gap per arrow
        double longest = 0;
        for (int k = 0; k < 16; k++) {
            double tx = xs[7 * k], ty = ys[7 * k], hx = xs[7 * k + 1], hy = ys[7 * k + 1];
            double cx = (tx + hx) / 2, cy = (ty + hy) / 2;   // the arrow is centred on its cell centre
            assertEquals(0, Math.min(Math.abs(cx - g.x(0)), Math.min(Math.abs(cx - g.x(1)), Math.min(Math.abs(cx - g.x(2)), Math.abs(cx - g.x(3))))), 1e-12);
            double cross = (hx - tx) * cx + (hy - ty) * cy;   // v(x) ⟂ x for a rotation
            assertEquals(0, cross, 1e-12);
            double ux = hx - tx, uy = hy - ty;
            assertTrue(ux * -cy + uy * cx > 0, "arrow must point along v");
            longest = Math.max(longest, Math.hypot(ux, uy));
        }
        assertEquals(0.9 * g.dx(), longest, 1e-12);
        assertEquals(1, visibleSeries(c));
        assertEquals(2, visibleSeries(PlotExamples.vectorField()));
        assertTrue(iae(() -> Plots.vectorField("t", "x", "y", g, (t, x) -> new double[x.length][3], 0))
                .getMessage().contains("v(t, x)[0] has dimension 3"));
        assertTrue(iae(() -> Plots.vectorField("t", "x", "y", g, (t, x) -> new double[x.length][2], Double.NaN))
                .getMessage().contains("t = NaN"));
    }

    @Test
    void trajectoriesStartAndEndWhereTheSnapshotsDo() {
        double[][][] snaps = {{{0, 0}, {1, 0}}, {{0, 1}, {1, 1}}, {{0, 2}, {1, 3}}};
        XYChart c = Plots.trajectoriesFromSnapshots("paths", "x", "y", snaps, 10);
        assertEquals(3, visibleSeries(c));
        assertArrayEquals(new double[] {0, 0}, c.getSeriesMap().get("start").getYData());
        assertArrayEquals(new double[] {2, 3}, c.getSeriesMap().get("end").getYData());
        double[] py = c.getSeriesMap().get("paths").getYData();
        assertArrayEquals(new double[] {0, 1, 2, Double.NaN, 0, 1, 3, Double.NaN}, py);
        assertEquals(1, Plots.trajectoriesFromSnapshots("paths", "x", "y", snaps, 1).getSeriesMap().get("start").getXData().length);
    }

    @Test
    void gridAndColorMapValidateAndInterpolate() {
        Grid2D g = Grid2D.builder().x(0, 4).y(-1, 1).cells(4, 2).build();
        assertEquals(0.5, g.x(0), 0);
        assertEquals(-0.5, g.y(0), 0);
        assertEquals(8, g.centres().length);
        assertArrayEquals(new double[] {1.5, 0.5}, g.centres()[5], 0);
        assertTrue(iae(() -> Grid2D.square(1, 1, 3)).getMessage().contains("xMax"));
        assertTrue(iae(() -> Grid2D.square(0, 1, 0)).getMessage().contains("nx = 0"));
        ColorMap v = ColorMap.viridis();
        assertEquals(0x440154, v.rgb(0));
        assertEquals(0xFDE725, v.rgb(1));
        assertEquals(0x21918C, v.rgb(0.5));
        assertTrue(iae(() -> v.rgb(1.5)).getMessage().contains("u = 1.5"));
    }
}
