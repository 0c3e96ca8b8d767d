package genflow.plot;

import genflow.math.Require;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleUnaryOperator;

/**
 * Builds a histogram chart: one or more samples binned on common equal-width bins, drawn as
 * translucent bars (an XY area outline, so densities share the same numeric x axis), optionally
 * with density curves overlaid. By default bar heights are a probability density,
 * h_b = count_b / (n · Δ), so that Σ_b h_b Δ = 1 and a pdf overlays directly; {@link #counts()}
 * switches to raw counts (no density overlays then). Obtain from {@link Plots#histogram(String, String)}.
 */
public final class HistogramBuilder {
    private final String title;
    private final String xLabel;
    private int bins = 40;
    private Double lo, hi;
    private boolean counts;
    private final List<Sample> samples = new ArrayList<>();
    private final List<String> densityNames = new ArrayList<>();
    private final List<DoubleUnaryOperator> densities = new ArrayList<>();

    HistogramBuilder(String title, String xLabel) {
        if (title == null) throw new IllegalArgumentException("title must not be null");
        if (xLabel == null) throw new IllegalArgumentException("xLabel must not be null");
        this.title = title;
        this.xLabel = xLabel;
    }

    /** Number of equal-width bins, 1 … 10 000 (default 40). */
    public HistogramBuilder bins(int bins) {
        Require.atLeast("bins", bins, 1);
        if (bins > 10_000) throw new IllegalArgumentException("bins = " + bins + " must be <= 10000");
        this.bins = bins;
        return this;
    }

    /** Bin range [lo, hi] (default: from the smallest to the largest sample value); values outside are not counted. */
    public HistogramBuilder range(double lo, double hi) {
        Require.inRange("lo", lo, -Plots.MAX_VALUE, Plots.MAX_VALUE);
        Require.inRange("hi", hi, -Plots.MAX_VALUE, Plots.MAX_VALUE);
        if (!(hi > lo)) throw new IllegalArgumentException("hi = " + hi + " must be > lo = " + lo);
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /** Adds a named sample (finite values, at least one). */
    public HistogramBuilder sample(String name, double[] values) {
        samples.add(Sample.of(name, values));
        return this;
    }

    /** Adds a named density p(x) ≥ 0, drawn as a curve over the bin range. */
    public HistogramBuilder density(String name, DoubleUnaryOperator pdf) {
        Plots.requireName("density name", name);
        if (pdf == null) throw new IllegalArgumentException("pdf must not be null");
        densityNames.add(name);
        densities.add(pdf);
        return this;
    }

    /** Bars show counts per bin instead of a density. */
    public HistogramBuilder counts() {
        this.counts = true;
        return this;
    }

    /** Builds the chart; x axis spans the bin range, y axis starts at 0. */
    public XYChart build() {
        if (samples.isEmpty()) throw new IllegalArgumentException("samples must contain at least one sample (call sample(name, values))");
        if (counts && !densities.isEmpty()) {
            throw new IllegalArgumentException("densities cannot be overlaid on a histogram of counts; drop counts()");
        }
        Set<String> names = new HashSet<>();
        for (int k = 0; k < samples.size(); k++) Plots.unique("samples[" + k + "].name", samples.get(k).name(), names);
        for (int k = 0; k < densityNames.size(); k++) Plots.unique("densities[" + k + "].name", densityNames.get(k), names);
        double a, b;
        if (lo != null) {
            a = lo;
            b = hi;
        } else {
            a = Double.POSITIVE_INFINITY;
            b = Double.NEGATIVE_INFINITY;
            for (Sample s : samples) {
                for (double v : s.raw()) {
                    a = Math.min(a, v);
                    b = Math.max(b, v);
                }
            }
            if (a == b) {
                a -= 0.5;
                b += 0.5;
            }
        }
        XYChart c = Plots.base(title, xLabel, counts ? "count" : "density");
        c.getStyler().setXAxisMin(a);
        c.getStyler().setXAxisMax(b);
        c.getStyler().setYAxisMin(0.0);
        double width = (b - a) / bins;
        double yMax = 0;
        for (int k = 0; k < samples.size(); k++) {
            double[] h = binHeights(samples.get(k).raw(), a, b, bins, counts);
            for (double v : h) {
                if (!(v <= Plots.MAX_VALUE)) {
                    throw new IllegalArgumentException("values of sample \"" + samples.get(k).name() + "\": the bins of width " + width
                            + " are so narrow that the density heights exceed the double range; widen range(lo, hi) or use counts()");
                }
            }
            double[] xs = new double[2 * bins + 2], ys = new double[2 * bins + 2];
            int m = 0;
            xs[m] = a;
            ys[m++] = 0;
            for (int i = 0; i < bins; i++) {
                double left = a + i * width, right = i == bins - 1 ? b : a + (i + 1) * width;
                xs[m] = left;
                ys[m++] = h[i];
                xs[m] = right;
                ys[m++] = h[i];
                yMax = Math.max(yMax, h[i]);
            }
            xs[m] = b;
            ys[m] = 0;
            XYSeries s = c.addSeries(samples.get(k).name(), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Area);
            s.setMarker(SeriesMarkers.NONE);
            s.setFillColor(CourseStyle.color(k, samples.size() > 1 ? 0.35 : 0.45));
            s.setLineColor(CourseStyle.color(k, 0.9));
            s.setLineStyle(new BasicStroke(1f));
        }
        int grid = 400;
        for (int k = 0; k < densities.size(); k++) {
            double[] xs = new double[grid + 1], ys = new double[grid + 1];
            for (int i = 0; i <= grid; i++) {
                xs[i] = a + (b - a) * i / grid;
                ys[i] = densities.get(k).applyAsDouble(xs[i]);
                if (!(ys[i] >= 0) || !(ys[i] <= Plots.MAX_VALUE)) {
                    throw new IllegalArgumentException("pdf of density \"" + densityNames.get(k) + "\" (densities[" + k + "]) at x = " + xs[i]
                            + " is " + ys[i] + "; it must be finite, >= 0 and <= " + Plots.MAX_VALUE);
                }
                yMax = Math.max(yMax, ys[i]);
            }
            XYSeries s = c.addSeries(densityNames.get(k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            int colour = samples.size() + k;
            s.setLineColor(densities.size() == 1 && samples.size() == 1 ? new Color(0x222222) : CourseStyle.color(colour));
            s.setLineStyle(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        }
        c.getStyler().setYAxisMax(yMax > 0 ? 1.08 * yMax : 1.0);
        c.getStyler().setLegendVisible(samples.size() + densities.size() > 1);
        return Plots.finish(c);
    }

    /**
     * Bar heights on [a, b] with {@code bins} equal bins (last bin closed on the right): counts, or
     * count/(n·Δ) with n the full sample size (values outside [a, b] count in n, not in any bar).
     */
    static double[] binHeights(double[] v, double a, double b, int bins, boolean counts) {
        double[] h = new double[bins];
        double width = (b - a) / bins;
        for (double x : v) {
            if (x < a || x > b) continue;
            int i = (int) Math.floor((x - a) / width);
            if (i >= bins) i = bins - 1;
            h[i] += 1;
        }
        if (!counts) {
            for (int i = 0; i < bins; i++) h[i] /= v.length * width;
        }
        return h;
    }
}
