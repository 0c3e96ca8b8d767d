package genflow.plot;

import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

/**
 * The course's figure style: white background, light grid, DejaVu/SansSerif fonts sized for
 * slides, the Okabe–Ito colour-blind-safe palette, circle markers, anti-aliasing on, no
 * interactive decorations (tool tips, cursor, zoom). Applied by every {@link Plots} factory; call
 * {@link #apply(AxesChartStyler)} on a hand-built XChart chart to make it match.
 * Stateless; time plays no role here.
 */
public final class CourseStyle {
    private CourseStyle() {}

    /** Default figure width in pixels. */
    public static final int WIDTH = 600;
    /** Default figure height in pixels. */
    public static final int HEIGHT = 450;

    /** Okabe–Ito palette (blue, vermillion, bluish green, reddish purple, orange, sky blue, yellow, black). */
    private static final int[] PALETTE_RGB = {
            0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0xB8A800, 0x000000
    };

    static final Color TEXT = new Color(0x222222);
    static final Color GRID = new Color(0xE6E6E6);
    static final Color BORDER = new Color(0xA0A0A0);
    static final String FONT = Font.SANS_SERIF;

    /** Number of distinct palette colours before the cycle repeats. */
    public static int paletteSize() {
        return PALETTE_RGB.length;
    }

    /** Palette colour {@code i} (cycling), fully opaque. */
    public static Color color(int i) {
        if (i < 0) throw new IllegalArgumentException("i = " + i + " must be >= 0");
        return new Color(PALETTE_RGB[i % PALETTE_RGB.length]);
    }

    /** Palette colour {@code i} (cycling) with opacity {@code alpha} in [0, 1]. */
    public static Color color(int i, double alpha) {
        genflow.math.Require.inRange("alpha", alpha, 0, 1);
        Color c = color(i);
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * alpha));
    }

    /** Applies the course style to an XChart axes styler (XY, category or heat-map charts). */
    public static void apply(AxesChartStyler s) {
        if (s == null) throw new IllegalArgumentException("styler must not be null");
        s.setAntiAlias(true);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(TEXT);
        s.setChartPadding(12);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setChartTitlePadding(10);
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 14));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setAxisTickLabelsColor(TEXT);
        s.setAxisTickMarksColor(BORDER);
        s.setAxisTitlePadding(8);
        s.setAxisTickPadding(4);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(BORDER);
        s.setPlotGridLinesVisible(true);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotTicksMarksVisible(false);
        s.setPlotMargin(0);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendBackgroundColor(new Color(255, 255, 255, 220));
        s.setLegendBorderColor(new Color(0xCCCCCC));
        s.setLegendPadding(6);
        s.setLegendPosition(Styler.LegendPosition.InsideNE);
        s.setLegendVisible(false);
        Color[] colors = new Color[PALETTE_RGB.length];
        Marker[] markers = new Marker[PALETTE_RGB.length];
        for (int i = 0; i < colors.length; i++) {
            colors[i] = color(i);
            markers[i] = SeriesMarkers.CIRCLE;
        }
        s.setSeriesColors(colors);
        s.setSeriesMarkers(markers);
        s.setMarkerSize(6);
        s.setToolTipsEnabled(false);
        s.setLocale(java.util.Locale.ROOT);
    }
}
