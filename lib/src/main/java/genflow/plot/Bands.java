package genflow.plot;

import genflow.math.Require;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;

/**
 * Reference bands drawn over a chart, e.g. ±2√t around Brownian paths or m_t ± 2 s_t around
 * OU paths: two dashed red lines (upper and lower) with one legend entry. Styling only; the
 * caller computes the band. Stateless; time plays no role here.
 */
public final class Bands {
    private Bands() {}

    private static final Color RED = new Color(0xD6, 0x27, 0x28);

    /**
     * Adds the band (x, upper) and (x, lower) to {@code chart} as two dashed lines named
     * {@code name} (the lower one without a legend entry) and returns the chart.
     *
     * @throws IllegalArgumentException for null or mismatched arrays, non-finite values, or a name
     *                                  already used by a series of the chart
     */
    public static XYChart dashed(XYChart chart, String name, double[] x, double[] upper, double[] lower) {
        if (chart == null) throw new IllegalArgumentException("chart must not be null");
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must not be blank");
        Require.finite("x", x);
        Require.finite("upper", upper);
        Require.finite("lower", lower);
        if (upper.length != x.length || lower.length != x.length) {
            throw new IllegalArgumentException("upper and lower must have the length of x = " + x.length
                    + ", got " + upper.length + " and " + lower.length);
        }
        if (chart.getSeriesMap().containsKey(name) || chart.getSeriesMap().containsKey(name + " ")) {
            throw new IllegalArgumentException("name = " + name + " is already a series of the chart");
        }
        XYSeries a = chart.addSeries(name, x, upper);
        XYSeries b = chart.addSeries(name + " ", x, lower);
        for (XYSeries s : new XYSeries[]{a, b}) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(RED);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f));
        }
        b.setShowInLegend(false);
        return chart;
    }
}
