package genflow.plot;

import genflow.math.Require;
import genflow.ode.VectorField;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.HashSet;
import java.util.Set;
import java.util.function.DoubleBinaryOperator;

/**
 * Static factories for the course's figures, all {@value CourseStyle#WIDTH}×{@value CourseStyle#HEIGHT}
 * pixels in the {@link CourseStyle} (title, axis labels, a legend when more than one series is
 * shown). Each returns a fresh XChart chart that notebooks display as a PNG and that
 * {@link Export} writes byte-identically. Charts are mutable XChart objects: callers may restyle
 * them further. Nothing here depends on time; for time-dependent fields the caller picks t.
 *
 * <p>Every factory checks its input and throws {@link IllegalArgumentException} naming the
 * offending parameter: mismatched lengths, NaN/infinite values, empty series, duplicate names,
 * non-positive values on a logarithmic axis.
 */
public final class Plots {
    private Plots() {}

    /** Marker diameter (pixels) for scatter points. */
    static final int SCATTER_MARKER = 4;
    /** Curves with at most this many points are drawn with markers. */
    static final int MARKERS_UP_TO = 40;

    // ------------------------------------------------------------------ scatter

    /**
     * Scatter plot of one or more named point sets (small translucent circles, one palette colour
     * per set; legend when there are several sets).
     */
    public static XYChart scatter(String title, String xLabel, String yLabel, Points... sets) {
        XYChart c = base(title, xLabel, yLabel);
        requireNonEmpty("sets", sets);
        Set<String> names = new HashSet<>();
        for (int k = 0; k < sets.length; k++) {
            if (sets[k] == null) throw new IllegalArgumentException("sets[" + k + "] must not be null");
            unique("sets[" + k + "].name", sets[k].name(), names);
            addScatter(c, sets[k], k, sets.length > 1 ? 0.55 : 0.6);
        }
        c.getStyler().setLegendVisible(sets.length > 1);
        return finish(c);
    }

    /** Scatter plot of a single unnamed point set {@code points[n][2]}. */
    public static XYChart scatter(String title, String xLabel, String yLabel, double[][] points) {
        return scatter(title, xLabel, yLabel, Points.of("points", points));
    }

    // ------------------------------------------------------------------ lines

    /** Line plot of named curves on linear axes. */
    public static XYChart lines(String title, String xLabel, String yLabel, Curve... curves) {
        return lines(title, xLabel, yLabel, AxisScale.LINEAR, curves);
    }

    /**
     * Line plot of named curves; {@code scale} makes x and/or y logarithmic (base 10), e.g.
     * {@link AxisScale#LOG_LOG} for error against step size, where a method of order p is a line of
     * slope p. Curves with at most {@value #MARKERS_UP_TO} points get markers. On a log axis every
     * value must be &gt; 0.
     */
    public static XYChart lines(String title, String xLabel, String yLabel, AxisScale scale, Curve... curves) {
        if (scale == null) throw new IllegalArgumentException("scale must not be null");
        requireNonEmpty("curves", curves);
        XYChart c = base(title, xLabel, yLabel);
        XYStyler s = c.getStyler();
        s.setXAxisLogarithmic(scale.logX);
        s.setYAxisLogarithmic(scale.logY);
        Set<String> names = new HashSet<>();
        for (int k = 0; k < curves.length; k++) {
            Curve cv = curves[k];
            if (cv == null) throw new IllegalArgumentException("curves[" + k + "] must not be null");
            unique("curves[" + k + "].name", cv.name(), names);
            if (scale.logX) requirePositive("curves[" + k + "].x", cv.xRaw());
            if (scale.logY) requirePositive("curves[" + k + "].y", cv.yRaw());
            XYSeries ser = c.addSeries(cv.name(), cv.xRaw(), cv.yRaw());
            ser.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            ser.setLineColor(CourseStyle.color(k));
            ser.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            if (cv.xRaw().length <= MARKERS_UP_TO) {
                ser.setMarker(SeriesMarkers.CIRCLE);
                ser.setMarkerColor(CourseStyle.color(k));
            } else {
                ser.setMarker(SeriesMarkers.NONE);
            }
        }
        s.setMarkerSize(7);
        s.setLegendVisible(curves.length > 1);
        return finish(c);
    }

    /** A training-loss curve against step (0, 1, …) with a logarithmic loss axis; loss values must be &gt; 0. */
    public static XYChart lossCurve(String title, double[] loss) {
        if (loss == null) throw new IllegalArgumentException("loss must not be null");
        if (loss.length == 0) throw new IllegalArgumentException("loss must contain at least one value");
        for (int i = 0; i < loss.length; i++) {
            if (!(loss[i] > 0) || loss[i] > MAX_VALUE) {
                throw new IllegalArgumentException("loss[" + i + "] = " + loss[i] + " must be in (0, " + MAX_VALUE + "] on a logarithmic axis");
            }
        }
        return lines(title, "step", "loss", AxisScale.LOG_Y, Curve.of("loss", loss));
    }

    // ------------------------------------------------------------------ histograms

    /**
     * Starts a histogram: {@code Plots.histogram("x_1", "x").sample("data", v).density("N(0,1)", pdf).build()}.
     * Bars are normalised to a probability density (area 1) so that densities overlay correctly.
     */
    public static HistogramBuilder histogram(String title, String xLabel) {
        return new HistogramBuilder(title, xLabel);
    }

    /** Density-normalised histogram of one sample with {@code bins} equal bins over its range. */
    public static XYChart histogram(String title, String xLabel, int bins, double[] values) {
        return histogram(title, xLabel).bins(bins).sample("sample", values).build();
    }

    // ------------------------------------------------------------------ heat map

    /**
     * Heat map of a scalar function f(x, y) (e.g. a density or log density) sampled at the cell
     * centres of {@code grid}, viridis colours scaled from the smallest to the largest value, with a
     * colour bar labelled {@code valueLabel}. Optional point sets are drawn on top (legend when
     * there are several). f must be finite at every cell centre.
     */
    public static HeatMapChart2D densityHeatMap(String title, String xLabel, String yLabel, Grid2D grid,
                                                DoubleBinaryOperator f, String valueLabel, Points... overlay) {
        if (grid == null) throw new IllegalArgumentException("grid must not be null");
        if (f == null) throw new IllegalArgumentException("f must not be null");
        double[][] v = new double[grid.ny()][grid.nx()];
        for (int j = 0; j < grid.ny(); j++) {
            for (int i = 0; i < grid.nx(); i++) {
                double x = grid.x(i), y = grid.y(j);
                double val = f.applyAsDouble(x, y);
                if (!Double.isFinite(val)) {
                    throw new IllegalArgumentException("f(" + x + ", " + y + ") = " + val + " must be a finite number");
                }
                v[j][i] = val;
            }
        }
        double fMin = Double.POSITIVE_INFINITY, fMax = Double.NEGATIVE_INFINITY;
        for (double[] row : v) for (double val : row) { fMin = Math.min(fMin, val); fMax = Math.max(fMax, val); }
        if (!Double.isFinite(fMax - fMin)) {
            throw new IllegalArgumentException("f takes values from " + fMin + " to " + fMax + " on the grid: the range of the colour scale"
                    + " must be finite");
        }
        HeatMapChart2D c = new HeatMapChart2D(CourseStyle.WIDTH, CourseStyle.HEIGHT, grid, v, valueLabel, ColorMap.viridis());
        label(c, title, xLabel, yLabel);
        XYStyler s = c.getStyler();
        CourseStyle.apply(s);
        s.setPlotBackgroundColor(new Color(0, 0, 0, 0));
        s.setPlotGridLinesVisible(false);
        s.setPlotContentSize(1.0);
        fixRange(c, grid);
        XYSeries extent = c.addSeries("extent", new double[] {grid.xMin(), grid.xMax()}, new double[] {grid.yMin(), grid.yMax()});
        hidden(extent);
        addOverlay(c, "overlay", overlay, new HashSet<>(Set.of("extent")), new Color[] {Color.WHITE, new Color(0xFF6E54), new Color(0x9EE8FF)});
        return finish(c);
    }

    /** {@link #densityHeatMap(String, String, String, Grid2D, DoubleBinaryOperator, String, Points...)} with colour-bar label "density". */
    public static HeatMapChart2D densityHeatMap(String title, String xLabel, String yLabel, Grid2D grid, DoubleBinaryOperator f) {
        return densityHeatMap(title, xLabel, yLabel, grid, f, "density");
    }

    // ------------------------------------------------------------------ vector field

    /**
     * Quiver plot of the 2-D field v(t, ·) at time {@code t}, sampled at the cell centres of
     * {@code grid}. Each arrow is centred on its cell centre and scaled so that the longest arrow
     * is 0.9 of a cell (lengths stay proportional to |v|); heads are 30% of the arrow (at most ¼
     * cell), drawn in screen proportions. Optional point sets are drawn underneath the arrows.
     * The field must return finite values of dimension 2.
     */
    public static XYChart vectorField(String title, String xLabel, String yLabel, Grid2D grid,
                                      VectorField v, double t, Points... underlay) {
        if (grid == null) throw new IllegalArgumentException("grid must not be null");
        if (v == null) throw new IllegalArgumentException("v must not be null");
        Require.finite("t", t);
        double[][] at = grid.centres();
        double[][] vel = v.apply(t, at);
        if (vel == null || vel.length != at.length) {
            throw new IllegalArgumentException("v(t, x) must return " + at.length + " rows, got "
                    + (vel == null ? "null" : vel.length));
        }
        Require.batch("v(t, x)", vel, 2);
        XYChart c = base(title, xLabel, yLabel);
        XYStyler s = c.getStyler();
        s.setPlotContentSize(1.0);
        fixRange(c, grid);
        Set<String> names = new HashSet<>();
        names.add("v(t, x)");
        addOverlay(c, "underlay", underlay, names, null);
        double maxLen = 0;
        for (double[] w : vel) maxLen = Math.max(maxLen, Math.hypot(w[0], w[1]));
        double cell = Math.min(grid.dx(), grid.dy());
        double scale = maxLen > 0 ? 0.9 * cell / maxLen : 0;
        // pixels per data unit, estimated from the default plot area (about 500 × 360 px,
        // 400 px wide when an outside legend is needed)
        double px = (underlay.length > 0 ? 400.0 : 500.0) / (grid.xMax() - grid.xMin());
        double py = 360.0 / (grid.yMax() - grid.yMin());
        int n = at.length;
        double[] xs = new double[n * 9], ys = new double[n * 9];
        int m = 0;
        for (int k = 0; k < n; k++) {
            double ux = vel[k][0] * scale, uy = vel[k][1] * scale;
            if (ux == 0 && uy == 0) continue;
            double tx = at[k][0] - ux / 2, ty = at[k][1] - uy / 2;
            double hx = at[k][0] + ux / 2, hy = at[k][1] + uy / 2;
            // head in screen units
            double sx = ux * px, sy = uy * py;
            double len = Math.hypot(sx, sy);
            double head = Math.min(0.3 * len, 0.25 * cell * Math.min(px, py));
            double ex = sx / len, ey = sy / len;
            double ca = Math.cos(Math.toRadians(28)), sa = Math.sin(Math.toRadians(28));
            double lx = -(ex * ca - ey * sa) * head, ly = -(ex * sa + ey * ca) * head;
            double rx = -(ex * ca + ey * sa) * head, ry = -(-ex * sa + ey * ca) * head;
            double[][] seg = {
                    {tx, ty}, {hx, hy}, {hx + lx / px, hy + ly / py}, {Double.NaN, Double.NaN},
                    {hx, hy}, {hx + rx / px, hy + ry / py}, {Double.NaN, Double.NaN}};
            for (double[] p : seg) {
                xs[m] = p[0];
                ys[m] = p[1];
                m++;
            }
        }
        if (m == 0) {   // an identically zero field: show dots at the sample points
            XYSeries z = c.addSeries("v(t, x)", column(at, 0), column(at, 1));
            z.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            z.setMarker(SeriesMarkers.CIRCLE);
            z.setMarkerColor(new Color(0x1F2D3D));
        } else {
            XYSeries arrows = c.addSeries("v(t, x)", java.util.Arrays.copyOf(xs, m), java.util.Arrays.copyOf(ys, m));
            arrows.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            arrows.setMarker(SeriesMarkers.NONE);
            arrows.setLineColor(new Color(0x1F2D3D));
            arrows.setLineStyle(new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        s.setLegendVisible(underlay.length > 0);
        if (underlay.length > 0) {
            s.setLegendPosition(Styler.LegendPosition.OutsideE);   // every inside corner holds arrows
        }
        return finish(c);
    }

    // ------------------------------------------------------------------ trajectories

    /**
     * Many 2-D paths as thin translucent lines, with a marker at each start (first palette colour)
     * and end (second palette colour). {@code paths[i]} is path i, {@code double[T_i][2]}, T_i ≥ 1.
     */
    public static XYChart trajectories(String title, String xLabel, String yLabel, double[][][] paths) {
        requireNonEmpty("paths", paths);
        int total = 0;
        for (int i = 0; i < paths.length; i++) {
            if (paths[i] == null || paths[i].length == 0) {
                throw new IllegalArgumentException("paths[" + i + "] must contain at least one point");
            }
            requirePlottable("paths[" + i + "]", Require.batch("paths[" + i + "]", paths[i], 2));
            total += paths[i].length + 1;
            if (total > Require.MAX_ARRAY_LENGTH) throw new IllegalArgumentException("paths hold more than " + Require.MAX_ARRAY_LENGTH + " points");
        }
        XYChart c = base(title, xLabel, yLabel);
        double[] xs = new double[total], ys = new double[total];
        double[][] starts = new double[paths.length][], ends = new double[paths.length][];
        int m = 0;
        for (int i = 0; i < paths.length; i++) {
            for (double[] p : paths[i]) {
                xs[m] = p[0];
                ys[m] = p[1];
                m++;
            }
            xs[m] = Double.NaN;
            ys[m] = Double.NaN;
            m++;
            starts[i] = paths[i][0];
            ends[i] = paths[i][paths[i].length - 1];
        }
        float width = paths.length > 200 ? 0.6f : 1.0f;
        double alpha = paths.length > 200 ? 0.3 : paths.length > 40 ? 0.5 : 0.75;
        XYSeries lines = c.addSeries("paths", xs, ys);
        lines.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        lines.setMarker(SeriesMarkers.NONE);
        lines.setLineColor(new Color(0x55, 0x55, 0x55, (int) Math.round(255 * alpha)));
        lines.setLineStyle(new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        addScatter(c, Points.of("start", starts), 0, 0.8);
        addScatter(c, Points.of("end", ends), 1, 0.8);
        c.getStyler().setLegendVisible(true);
        return finish(c);
    }

    /**
     * Trajectories recorded time-major, as ODE/SDE solvers do: {@code snapshots[k]} is the whole
     * batch {@code double[n][2]} at step k. Path i is (snapshots[0][i], snapshots[1][i], …).
     * At most {@code maxPaths} paths (the first ones) are drawn.
     */
    public static XYChart trajectoriesFromSnapshots(String title, String xLabel, String yLabel,
                                                    double[][][] snapshots, int maxPaths) {
        requireNonEmpty("snapshots", snapshots);
        Require.atLeast("maxPaths", maxPaths, 1);
        if (snapshots[0] == null) throw new IllegalArgumentException("snapshots[0] must not be null");
        int n = snapshots[0].length;
        if (n == 0) throw new IllegalArgumentException("snapshots[0] must contain at least one point");
        for (int k = 0; k < snapshots.length; k++) {
            if (snapshots[k] == null || snapshots[k].length != n) {
                throw new IllegalArgumentException("snapshots[" + k + "] has "
                        + (snapshots[k] == null ? "null" : snapshots[k].length) + " points, expected " + n);
            }
            requirePlottable("snapshots[" + k + "]", Require.batch("snapshots[" + k + "]", snapshots[k], 2));
        }
        int p = Math.min(n, maxPaths);
        double[][][] paths = new double[p][snapshots.length][];
        for (int i = 0; i < p; i++) {
            for (int k = 0; k < snapshots.length; k++) paths[i][k] = snapshots[k][i];
        }
        return trajectories(title, xLabel, yLabel, paths);
    }

    // ------------------------------------------------------------------ finishing touches

    /**
     * Final layout decisions made from the data: tick-label patterns (XChart would print 0.05 as
     * ".05"), scientific log labels when a log axis leaves [1e-3, 1e3], labelled minor ticks on a
     * log axis spanning less than a factor 30, no tick snapping to equally spaced x data (XChart
     * lets such labels overlap), and the legend in the inside corner holding the fewest points.
     */
    static <C extends XYChart> C finish(C c) {
        XYStyler s = c.getStyler();
        double[] xr = range(c, true), yr = range(c, false);
        if (s.getXAxisMin() != null) xr[0] = s.getXAxisMin();
        if (s.getXAxisMax() != null) xr[1] = s.getXAxisMax();
        if (s.getYAxisMin() != null) yr[0] = s.getYAxisMin();
        if (s.getYAxisMax() != null) yr[1] = s.getYAxisMax();
        if (s.isXAxisLogarithmic()) {
            if (xr[0] < 1e-3 || xr[1] > 1e3) s.setXAxisDecimalPattern("0E0");
            s.setXAxisLogarithmicDecadeOnly(xr[1] / xr[0] > 30);
        } else {
            s.setXAxisDecimalPattern(linearPattern(xr[0], xr[1], 7));
        }
        if (s.isYAxisLogarithmic()) {
            if (yr[0] < 1e-3 || yr[1] > 1e3) s.setYAxisDecimalPattern("0E0");
            s.setYAxisLogarithmicDecadeOnly(yr[1] / yr[0] > 30);
        } else {
            s.setYAxisDecimalPattern(linearPattern(yr[0], yr[1], 8));
        }
        if (!s.isXAxisLogarithmic()) breakEqualSpacing(c, yr);
        if (s.isLegendVisible() && s.getLegendPosition() == Styler.LegendPosition.InsideNE) {
            s.setLegendPosition(emptiestCorner(c, xr, yr));
        }
        return c;
    }

    /** A DecimalFormat pattern with enough decimals for ticks about (hi − lo)/ticks apart. */
    static String linearPattern(double lo, double hi, int ticks) {
        double span = hi - lo;
        double big = Math.max(Math.abs(lo), Math.abs(hi));
        if (!(span > 0) || !Double.isFinite(span)) return "0.###";
        if (big >= 1e6 || big < 1e-3) return "0.##E0";
        double step = span / ticks;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step)) + 1);
        if (decimals == 0) return "0";
        return "0." + "#".repeat(Math.min(decimals, 8));
    }

    private static double[] range(XYChart c, boolean x) {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries ser : c.getSeriesMap().values()) {
            double[] v = x ? ser.getXData() : ser.getYData();
            for (double d : v) {
                if (Double.isFinite(d)) {
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                }
            }
        }
        if (lo > hi) return new double[] {0, 1};
        return new double[] {lo, hi};
    }

    /**
     * XChart places x ticks only on data values when all x values are equally spaced, and then lets
     * the labels overlap; a hidden point half-way between the first two x values avoids that path.
     */
    private static void breakEqualSpacing(XYChart c, double[] yr) {
        java.util.TreeSet<Double> xs = new java.util.TreeSet<>();
        for (XYSeries ser : c.getSeriesMap().values()) {
            for (double d : ser.getXData()) if (Double.isFinite(d)) xs.add(d);
        }
        if (xs.size() < 3) return;
        Double[] v = xs.toArray(new Double[0]);
        double step = v[1] - v[0];
        for (int i = 2; i < v.length; i++) {
            if (Math.abs(v[i] - v[i - 1] - step) > 1e-9 * Math.max(1, Math.abs(step))) return;
        }
        if (c.getSeriesMap().containsKey("_ticks")) return;
        double y = c.getStyler().isYAxisLogarithmic() ? Math.sqrt(yr[0] * yr[1]) : 0.5 * (yr[0] + yr[1]);
        hidden(c.addSeries("_ticks", new double[] {v[0] + 0.37 * step}, new double[] {y}));
    }

    private static Styler.LegendPosition emptiestCorner(XYChart c, double[] xr, double[] yr) {
        XYStyler s = c.getStyler();
        int entries = 0;
        for (XYSeries ser : c.getSeriesMap().values()) if (ser.isShowInLegend()) entries++;
        double w = 0.42, h = Math.min(0.5, 0.07 * entries + 0.06);
        Styler.LegendPosition[] corners = {Styler.LegendPosition.InsideNE, Styler.LegendPosition.InsideNW,
                Styler.LegendPosition.InsideSE, Styler.LegendPosition.InsideSW};
        long[] count = new long[4];
        for (XYSeries ser : c.getSeriesMap().values()) {
            if (!ser.isShowInLegend()) continue;
            double[] xs = ser.getXData(), ys = ser.getYData();
            for (int i = 0; i < xs.length; i++) {
                double u = unit(xs[i], xr, s.isXAxisLogarithmic()), v = unit(ys[i], yr, s.isYAxisLogarithmic());
                if (Double.isNaN(u) || Double.isNaN(v)) continue;
                boolean east = u > 1 - w, west = u < w, north = v > 1 - h, south = v < h;
                if (north && east) count[0]++;
                if (north && west) count[1]++;
                if (south && east) count[2]++;
                if (south && west) count[3]++;
            }
        }
        int best = 0;
        for (int k = 1; k < 4; k++) if (count[k] < count[best]) best = k;
        return corners[best];
    }

    private static double unit(double v, double[] r, boolean log) {
        if (!Double.isFinite(v)) return Double.NaN;
        if (log) return (Math.log(v) - Math.log(r[0])) / (Math.log(r[1]) - Math.log(r[0]));
        return r[1] > r[0] ? (v - r[0]) / (r[1] - r[0]) : 0.5;
    }

    // ------------------------------------------------------------------ shared helpers

    static XYChart base(String title, String xLabel, String yLabel) {
        XYChart c = new XYChart(CourseStyle.WIDTH, CourseStyle.HEIGHT);
        label(c, title, xLabel, yLabel);
        CourseStyle.apply(c.getStyler());
        return c;
    }

    private static void label(XYChart c, String title, String xLabel, String yLabel) {
        if (title == null) throw new IllegalArgumentException("title must not be null");
        if (xLabel == null) throw new IllegalArgumentException("xLabel must not be null");
        if (yLabel == null) throw new IllegalArgumentException("yLabel must not be null");
        c.setTitle(title);
        c.setXAxisTitle(xLabel);
        c.setYAxisTitle(yLabel);
    }

    private static void fixRange(XYChart c, Grid2D grid) {
        XYStyler s = c.getStyler();
        s.setXAxisMin(grid.xMin());
        s.setXAxisMax(grid.xMax());
        s.setYAxisMin(grid.yMin());
        s.setYAxisMax(grid.yMax());
    }

    static void hidden(XYSeries s) {
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.NONE);
        s.setLineStyle(SeriesLines.NONE);
        s.setShowInLegend(false);
    }

    private static void addOverlay(XYChart c, String param, Points[] overlay, Set<String> names, Color[] colors) {
        if (overlay == null) throw new IllegalArgumentException(param + " must not be null");
        for (int k = 0; k < overlay.length; k++) {
            if (overlay[k] == null) throw new IllegalArgumentException(param + "[" + k + "] must not be null");
            unique(param + "[" + k + "].name", overlay[k].name(), names);
            XYSeries s = addScatter(c, overlay[k], k, 0.7);
            if (colors != null) {
                Color col = colors[k % colors.length];
                s.setMarkerColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 190));
            }
        }
        c.getStyler().setLegendVisible(overlay.length > 1);
    }

    private static XYSeries addScatter(XYChart c, Points p, int colorIndex, double alpha) {
        XYSeries s = c.addSeries(p.name(), p.xs(), p.ys());
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(CourseStyle.color(colorIndex, alpha));
        c.getStyler().setMarkerSize(SCATTER_MARKER + 1);
        return s;
    }

    static double[] column(double[][] a, int j) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][j];
        return c;
    }

    static void requireName(String param, String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException(param + " must be a non-blank series name");
    }

    static void unique(String param, String name, Set<String> seen) {
        if (!seen.add(name)) throw new IllegalArgumentException(param + " = \"" + name + "\" is used twice; series names must be unique");
    }

    static void requireNonEmpty(String param, Object[] a) {
        if (a == null || a.length == 0) throw new IllegalArgumentException(param + " must contain at least one entry");
    }

    static void requirePositive(String param, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (!(v[i] > 0)) throw new IllegalArgumentException(param + "[" + i + "] = " + v[i] + " must be > 0 on a logarithmic axis");
        }
    }

    /**
     * Largest magnitude of a plotted value: half the double range, so that the span between any two
     * values (which XChart computes for the axis ticks) is finite.
     */
    public static final double MAX_VALUE = Double.MAX_VALUE / 2;

    static double[] copyFinite(String param, double[] v) {
        if (v == null) throw new IllegalArgumentException(param + " must not be null");
        if (v.length == 0) throw new IllegalArgumentException(param + " must contain at least one value");
        requirePlottable(param, Require.finite(param, v));
        return v.clone();
    }

    static double[][] copyPoints(String param, double[][] p) {
        if (p == null) throw new IllegalArgumentException(param + " must not be null");
        if (p.length == 0) throw new IllegalArgumentException(param + " must contain at least one point");
        requirePlottable(param, Require.batch(param, p, 2));
        double[][] c = new double[p.length][];
        for (int i = 0; i < p.length; i++) c[i] = p[i].clone();
        return c;
    }

    /** Every value within ±{@link #MAX_VALUE}. */
    static void requirePlottable(String param, double[] v) {
        for (int i = 0; i < v.length; i++) {
            if (Math.abs(v[i]) > MAX_VALUE) {
                throw new IllegalArgumentException(param + "[" + i + "] = " + v[i] + " is outside ±" + MAX_VALUE
                        + " (half the double range, so that axis spans stay finite)");
            }
        }
    }

    static double[][] requirePlottable(String param, double[][] p) {
        for (int i = 0; i < p.length; i++) requirePlottable(param + "[" + i + "]", p[i]);
        return p;
    }
}
