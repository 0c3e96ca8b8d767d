package genflow.plot;

import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

import static org.junit.jupiter.api.Assertions.*;

class BandsTest {
    @Test
    void addsTwoDashedLinesWithOneLegendEntry() {
        XYChart c = Plots.lines("t", "x", "y", Curve.of("a", new double[]{0, 1, 2}, new double[]{0, 1, 0}));
        Bands.dashed(c, "±2", new double[]{0, 1, 2}, new double[]{2, 2, 2}, new double[]{-2, -2, -2});
        XYSeries up = c.getSeriesMap().get("±2"), lo = c.getSeriesMap().get("±2 ");
        assertNotNull(up);
        assertNotNull(lo);
        assertTrue(up.isShowInLegend());
        assertFalse(lo.isShowInLegend());
        assertArrayEquals(new double[]{-2, -2, -2}, lo.getYData(), 0);
        assertEquals(up.getLineColor(), lo.getLineColor());
    }

    @Test
    void badInputIsRejectedWithTheParameterName() {
        XYChart c = Plots.lines("t", "x", "y", Curve.of("a", new double[]{0, 1}, new double[]{0, 1}));
        double[] x = {0, 1};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bands.dashed(null, "b", x, x, x)).getMessage().contains("chart"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bands.dashed(c, "b", x, new double[]{1}, x)).getMessage().contains("upper"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bands.dashed(c, "b", x, x, new double[]{0, Double.NaN})).getMessage().contains("lower"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Bands.dashed(c, "a", x, x, x)).getMessage().contains("name"));
    }
}
