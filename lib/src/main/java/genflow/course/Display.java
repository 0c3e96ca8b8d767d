package genflow.course;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

import javax.imageio.ImageIO;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Base64;

/**
 * What the course kernel shows for a cell value: charts and images as PNG, tables as HTML.
 * Kept in the library (not the kernel) so that it is unit-tested and the same code renders
 * figures for notebooks and for files.
 */
public final class Display {
    private Display() {}

    /** PNG bytes of an XChart chart at its own width and height. */
    public static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** PNG bytes of an image. */
    public static byte[] png(RenderedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(png(chart));
    }

    public static String pngBase64(RenderedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    /** One line naming the chart, for plain-text front ends. */
    public static String describe(Chart<?, ?> chart) {
        return chart.getClass().getSimpleName() + " \"" + chart.getTitle() + "\" (" + chart.getWidth() + "x" + chart.getHeight() + ")";
    }

    /** Readable text for arrays, nested ones included. */
    public static String text(Object[] array) {
        return Arrays.deepToString(array);
    }

    /** An HTML table of at most 50 rows, cells escaped. */
    public static String html(Table table) {
        int maxRows = 50;
        StringBuilder sb = new StringBuilder();
        sb.append("<table class=\"genflow-table\">");
        if (table.name() != null && !table.name().isBlank()) {
            sb.append("<caption>").append(escape(table.name())).append("</caption>");
        }
        sb.append("<thead><tr>");
        for (String name : table.columnNames()) sb.append("<th>").append(escape(name)).append("</th>");
        sb.append("</tr></thead><tbody>");
        int rows = Math.min(maxRows, table.rowCount());
        for (int r = 0; r < rows; r++) {
            sb.append("<tr>");
            for (int c = 0; c < table.columnCount(); c++) {
                sb.append("<td>").append(escape(table.column(c).getString(r))).append("</td>");
            }
            sb.append("</tr>");
        }
        sb.append("</tbody></table>");
        if (table.rowCount() > maxRows) {
            sb.append("<p>").append(table.rowCount() - maxRows).append(" more rows not shown</p>");
        }
        return sb.toString();
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length());
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }
}
