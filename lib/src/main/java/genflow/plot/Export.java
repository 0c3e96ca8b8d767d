package genflow.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import genflow.math.Require;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.function.Consumer;

/**
 * Writes charts and {@link Figure}s as PNG (fixed pixel size, 24-bit RGB) or SVG, reproducibly:
 * the same chart gives the same bytes in every run and every JVM on the same machine (the PNG
 * writer adds no time stamp or other metadata chunks; the SVG has sequential clip ids and no
 * dates). Fonts come from the machine's font configuration, so bytes may differ between machines
 * with different fonts. Files are written to a temporary sibling and moved into place; missing
 * parent directories are created. Stateless.
 *
 * <p>Note: XChart charts remember the size they were last painted at; {@link #png(Chart, Path, int, int)}
 * therefore also resizes the chart.
 */
public final class Export {
    private Export() {}

    /** Largest accepted side length in pixels. */
    public static final int MAX_SIDE = 8000;

    // ------------------------------------------------------------------ bitmaps

    /** Renders {@code chart} at its own size. */
    public static BufferedImage image(Chart<?, ?> chart) {
        requireChart(chart);
        return image(chart, chart.getWidth(), chart.getHeight());
    }

    /** Renders {@code chart} at {@code width} × {@code height} pixels. */
    public static BufferedImage image(Chart<?, ?> chart, int width, int height) {
        requireChart(chart);
        requireSize(width, height);
        return render(width, height, g -> chart.paint(g, width, height));
    }

    /** Renders a figure at its own size. */
    public static BufferedImage image(Figure figure) {
        requireFigure(figure);
        requireSize(figure.width(), figure.height());
        return render(figure.width(), figure.height(), figure::paint);
    }

    /** PNG bytes of {@code chart} at its own size. */
    public static byte[] pngBytes(Chart<?, ?> chart) {
        return pngBytes(image(chart));
    }

    /** PNG bytes of a figure. */
    public static byte[] pngBytes(Figure figure) {
        return pngBytes(image(figure));
    }

    /** PNG bytes of an image (no metadata chunks besides the image header). */
    public static byte[] pngBytes(BufferedImage image) {
        if (image == null) throw new IllegalArgumentException("image must not be null");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) throw new IllegalStateException("no PNG writer available");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Base-64 PNG of {@code chart} (for {@code image/png} display data in Jupyter). */
    public static String pngBase64(Chart<?, ?> chart) {
        return Base64.getEncoder().encodeToString(pngBytes(chart));
    }

    /** Base-64 PNG of a figure. */
    public static String pngBase64(Figure figure) {
        return Base64.getEncoder().encodeToString(pngBytes(figure));
    }

    /** Writes {@code chart} as PNG at its own size. */
    public static Path png(Chart<?, ?> chart, Path file) {
        return write(file, pngBytes(chart));
    }

    /** Writes {@code chart} as PNG at {@code width} × {@code height} pixels. */
    public static Path png(Chart<?, ?> chart, Path file, int width, int height) {
        return write(file, pngBytes(image(chart, width, height)));
    }

    /** Writes a figure as PNG. */
    public static Path png(Figure figure, Path file) {
        return write(file, pngBytes(figure));
    }

    // ------------------------------------------------------------------ SVG

    /** SVG document (UTF-8 bytes) of {@code chart} at its own size. */
    public static byte[] svgBytes(Chart<?, ?> chart) {
        requireChart(chart);
        int w = chart.getWidth(), h = chart.getHeight();
        requireSize(w, h);
        return svg(w, h, g -> chart.paint(g, w, h));
    }

    /** SVG document (UTF-8 bytes) of a figure. */
    public static byte[] svgBytes(Figure figure) {
        requireFigure(figure);
        requireSize(figure.width(), figure.height());
        return svg(figure.width(), figure.height(), figure::paint);
    }

    /** Writes {@code chart} as SVG. */
    public static Path svg(Chart<?, ?> chart, Path file) {
        return write(file, svgBytes(chart));
    }

    /** Writes a figure as SVG. */
    public static Path svg(Figure figure, Path file) {
        return write(file, svgBytes(figure));
    }

    // ------------------------------------------------------------------ internals

    private static BufferedImage render(int w, int h, Consumer<Graphics2D> painter) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            painter.accept(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    private static byte[] svg(int w, int h, Consumer<Graphics2D> painter) {
        VectorGraphics2D g = new VectorGraphics2D();
        painter.accept(g);
        Document doc = new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, w, h));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            doc.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Path write(Path file, byte[] bytes) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        try {
            Path abs = file.toAbsolutePath();
            Path dir = abs.getParent();
            if (dir != null) Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
            try {
                Files.write(tmp, bytes);
                try {
                    Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: keep the default permissions
                }
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return abs;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void requireChart(Chart<?, ?> chart) {
        if (chart == null) throw new IllegalArgumentException("chart must not be null");
    }

    private static void requireFigure(Figure figure) {
        if (figure == null) throw new IllegalArgumentException("figure must not be null");
    }

    static void requireSize(int width, int height) {
        Require.atLeast("width", width, 1);
        Require.atLeast("height", height, 1);
        if (width > MAX_SIDE) throw new IllegalArgumentException("width = " + width + " must be <= " + MAX_SIDE);
        if (height > MAX_SIDE) throw new IllegalArgumentException("height = " + height + " must be <= " + MAX_SIDE);
    }
}
