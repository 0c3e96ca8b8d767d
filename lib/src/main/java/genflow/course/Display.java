package genflow.course;

import genflow.plot.Export;
import genflow.plot.Figure;
import genflow.plot.Gif;
import genflow.table.Tables;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.awt.image.RenderedImage;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the course kernel shows for a cell value: charts, panel figures and images as PNG,
 * animations as GIF, tables as HTML. The encoders are those of {@link Export}, {@link Gif} and
 * {@link Tables}, so a notebook shows exactly the bytes that {@code ./course figures} writes.
 */
public final class Display {
    private Display() {}

    public static String pngBase64(Chart<?, ?> chart) {
        return Export.pngBase64(chart);
    }

    public static String pngBase64(Figure figure) {
        return Export.pngBase64(figure);
    }

    public static String pngBase64(RenderedImage image) {
        if (image == null) throw new IllegalArgumentException("image must not be null");
        BufferedImage b;
        if (image instanceof BufferedImage bi) {
            b = bi;
        } else {
            b = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_ARGB);
            b.createGraphics().drawRenderedImage(image, new java.awt.geom.AffineTransform());
        }
        return Base64.getEncoder().encodeToString(Export.pngBytes(b));
    }

    /** A lecture figure: PNG for a still, GIF for an animation (base64). */
    public static String base64(LectureFigure f) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        if (f.isAnimation()) return Base64.getEncoder().encodeToString(Gif.bytes(f.frames(), f.frameDelayMs()));
        Object o = f.draw();
        return o instanceof Figure fig ? pngBase64(fig) : pngBase64((Chart<?, ?>) o);
    }

    /** One line naming the chart, for plain-text front ends. */
    public static String describe(Chart<?, ?> chart) {
        if (chart == null) throw new IllegalArgumentException("chart must not be null");
        return chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\" (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }

    /** Readable text for arrays, nested ones included. */
    public static String text(Object[] array) {
        return Arrays.deepToString(array);
    }

    /** An HTML table of at most 50 rows, cells escaped. */
    public static String html(Table table) {
        return Tables.html(table);
    }
}
