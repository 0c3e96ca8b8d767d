package genflow.plot;

import org.knowm.xchart.XYChart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Locale;

/**
 * An {@link XYChart} whose plot area is filled by an image of a scalar field f(x, y) sampled on a
 * {@link Grid2D} (one pixel per cell, viridis colours, bilinear smoothing when scaled), with a
 * vertical colour bar on the right. Ordinary XY series (e.g. samples) can be added on top and are
 * drawn over the image. Built by {@link Plots#densityHeatMap}; rendering is deterministic.
 *
 * <p>How it works: XChart paints the chart background, then axes, then the plot (surface + series).
 * The image must go under the series, so this class paints it from {@link #paintBackground}; the
 * plot rectangle is known only after a layout pass, so {@link #paint} first lays the chart out on
 * a scratch image with the same rendering hints, then paints for real. The plot surface is
 * transparent so the image shows through. {@link #getWidth()} reports the full width including
 * the colour bar strip.
 */
public final class HeatMapChart2D extends XYChart {
    /** Width in pixels reserved on the right for the colour bar and its labels. */
    static final int BAR_STRIP = 86;
    private static final int BAR_WIDTH = 16;

    private final BufferedImage field;
    private final Grid2D grid;
    private final double vMin, vMax;
    private final String barLabel;
    private final ColorMap colors;
    private boolean painting;     // true while XChart lays out the reduced-width chart

    HeatMapChart2D(int width, int height, Grid2D grid, double[][] values, String barLabel, ColorMap colors) {
        super(width - BAR_STRIP, height);
        this.grid = grid;
        this.barLabel = barLabel;
        this.colors = colors;
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (double[] row : values) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (hi == lo) {
            hi = lo + 1;
        }
        this.vMin = lo;
        this.vMax = hi;
        int nx = grid.nx(), ny = grid.ny();
        this.field = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        for (int j = 0; j < ny; j++) {
            for (int i = 0; i < nx; i++) {
                double u = (values[j][i] - lo) / (hi - lo);
                // image row 0 is the top = largest y
                field.setRGB(i, ny - 1 - j, colors.rgb(Math.max(0, Math.min(1, u))));
            }
        }
    }

    /** Smallest value of the field on the grid (bottom of the colour bar). */
    public double minValue() {
        return vMin;
    }

    /** Largest value of the field on the grid (top of the colour bar). */
    public double maxValue() {
        return vMax;
    }

    /** The grid the field was sampled on. */
    public Grid2D grid() {
        return grid;
    }

    @Override
    public int getWidth() {
        return painting ? super.getWidth() : super.getWidth() + BAR_STRIP;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        if (width <= BAR_STRIP + 100) {
            throw new IllegalArgumentException("width = " + width + " must be > " + (BAR_STRIP + 100) + " for a heat map");
        }
        int plotWidth = width - BAR_STRIP;
        BufferedImage scratch = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        Graphics2D sg = scratch.createGraphics();
        sg.setRenderingHints(g.getRenderingHints());
        sg.setClip(0, 0, 0, 0);
        painting = true;
        try {
            layoutOnly = true;
            super.paint(sg, plotWidth, height);
            layoutOnly = false;
            super.paint(g, plotWidth, height);
        } finally {
            layoutOnly = false;
            painting = false;
            sg.dispose();
        }
        paintColorBar(g, plotWidth, height);
    }

    private boolean layoutOnly;

    @Override
    protected void paintBackground(Graphics2D g) {
        super.paintBackground(g);
        if (layoutOnly) return;
        Rectangle2D r = plotRectangle();
        Object old = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(field, (int) Math.round(r.getX()), (int) Math.round(r.getY()),
                (int) Math.round(r.getWidth()), (int) Math.round(r.getHeight()), null);
        if (old != null) g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, old);
    }

    private Rectangle2D plotRectangle() {
        double x0 = getScreenXFromChart(grid.xMin());
        double x1 = getScreenXFromChart(grid.xMax());
        double y0 = getScreenYFromChart(grid.yMax());
        double y1 = getScreenYFromChart(grid.yMin());
        return new Rectangle2D.Double(x0, y0, x1 - x0, y1 - y0);
    }

    private void paintColorBar(Graphics2D g, int plotWidth, int height) {
        int fullWidth = plotWidth + BAR_STRIP;
        g.setColor(getStyler().getChartBackgroundColor());
        g.fillRect(plotWidth, 0, BAR_STRIP, height);
        Rectangle2D r = plotRectangle();
        int top = (int) Math.round(r.getY());
        int h = (int) Math.round(r.getHeight());
        int left = plotWidth + 4;
        for (int k = 0; k < h; k++) {
            double u = 1.0 - (k + 0.5) / h;
            g.setColor(colors.at(u));
            g.fillRect(left, top + k, BAR_WIDTH, 1);
        }
        g.setColor(CourseStyle.BORDER);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, BAR_WIDTH, h);
        Font tickFont = getStyler().getAxisTickLabelsFont();
        g.setFont(tickFont);
        FontMetrics fm = g.getFontMetrics();
        double[] ticks = niceTicks(vMin, vMax, 5);
        double step = ticks.length > 1 ? ticks[1] - ticks[0] : 1;
        for (double t : ticks) {
            int y = (int) Math.round(top + h * (1 - (t - vMin) / (vMax - vMin)));
            g.setColor(CourseStyle.BORDER);
            g.drawLine(left + BAR_WIDTH, y, left + BAR_WIDTH + 4, y);
            g.setColor(CourseStyle.TEXT);
            g.drawString(formatTick(t, step), left + BAR_WIDTH + 7, y + fm.getAscent() / 2 - 1);
        }
        if (barLabel != null && !barLabel.isBlank()) {
            g.setColor(CourseStyle.TEXT);
            String label = barLabel;
            int lw = fm.stringWidth(label);
            int x = Math.max(plotWidth, Math.min(left, fullWidth - 4 - lw));
            g.drawString(label, x, top - 6);
        }
    }

    /** "Nice" tick values (1, 2, 5 × 10^k steps) inside [lo, hi], about {@code target} of them. */
    static double[] niceTicks(double lo, double hi, int target) {
        double raw = (hi - lo) / Math.max(1, target);
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / mag;
        double step = (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
        double first = Math.ceil(lo / step - 1e-9) * step;
        int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
        double[] t = new double[Math.max(n, 0)];
        for (int i = 0; i < t.length; i++) t[i] = first + i * step;
        return t;
    }

    static String formatTick(double v, double step) {
        if (Math.abs(v) < step * 1e-9) v = 0;
        int decimals = Math.max(0, (int) Math.ceil(-Math.log10(step) - 1e-9));
        if (Math.abs(v) >= 1e5 || (v != 0 && Math.abs(v) < 1e-3)) {
            return String.format(Locale.ROOT, "%.1e", v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}
