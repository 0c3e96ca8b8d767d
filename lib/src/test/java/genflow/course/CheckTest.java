package genflow.course;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import org.knowm.xchart.XYChart;

import javax.imageio.ImageIO;
import java.io.ByteArrayInputStream;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class CheckTest {
    @Test
    void closePassesWithinToleranceAndFailsOutside() {
        Check.close("x", 1.0005, 1.0, 1e-3);
        CheckFailure f = assertThrows(CheckFailure.class, () -> Check.close("x", 1.1, 1.0, 1e-3, "look at the sign"));
        assertTrue(f.getMessage().startsWith("Check failed: x = 1.10000, expected 1.00000"), f.getMessage());
        assertTrue(f.getMessage().contains("Hint: look at the sign"));
    }

    @Test
    void nanNeverPasses() {
        assertThrows(CheckFailure.class, () -> Check.close("x", Double.NaN, 1.0, 10));
        assertThrows(CheckFailure.class, () -> Check.between("x", Double.NaN, 0, 1, null));
    }

    @Test
    void arraysNameTheFirstMismatch() {
        Check.close("v", new double[]{1, 2}, new double[]{1, 2}, 1e-12, null);
        CheckFailure f = assertThrows(CheckFailure.class,
                () -> Check.close("v", new double[][]{{1, 2}, {3, 5}}, new double[][]{{1, 2}, {3, 4}}, 1e-6, null));
        assertTrue(f.getMessage().contains("v[1][1] = 5.00000"), f.getMessage());
        assertThrows(CheckFailure.class, () -> Check.close("v", new double[]{1}, new double[]{1, 2}, 1, null));
    }

    @Test
    void thatAndBetween() {
        Check.that("monotone", true, null);
        assertThrows(CheckFailure.class, () -> Check.that("monotone", false, "sort first"));
        Check.between("p", 0.5, 0, 1, null);
        assertThrows(CheckFailure.class, () -> Check.between("p", 1.5, 0, 1, null));
    }

    @Test
    void chartPngHasTheChartSize() throws Exception {
        XYChart c = new XYChart(320, 240);
        c.addSeries("s", new double[]{0, 1}, new double[]{0, 1});
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(java.util.Base64.getDecoder().decode(Display.pngBase64(c))));
        assertEquals(320, img.getWidth());
        assertEquals(240, img.getHeight());
    }
}
