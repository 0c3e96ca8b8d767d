package genflow.plot;

import com.madgag.gif.fmsware.GifDecoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.*;

class ExportTest {

    static BufferedImage decode(byte[] png) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    @Test
    void pngDecodesAtTheRequestedSizeAndCarriesNoTimestamp() throws Exception {
        XYChart c = PlotExamples.scatter();
        byte[] png = Export.pngBytes(c);
        BufferedImage img = decode(png);
        assertEquals(600, img.getWidth());
        assertEquals(450, img.getHeight());
        String chunks = new String(png, StandardCharsets.ISO_8859_1);
        assertFalse(chunks.contains("tIME"), "PNG must not carry a tIME chunk");
        assertFalse(chunks.contains("tEXt"), "PNG must not carry text metadata");
        BufferedImage big = decode(Export.pngBytes(Export.image(c, 900, 700)));
        assertEquals(900, big.getWidth());
        assertEquals(700, big.getHeight());
        assertArrayEquals(png, Base64.getDecoder().decode(Export.pngBase64(PlotExamples.scatter())));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Export.image(c, 0, 10)).getMessage().contains("width = 0"));
    }

    @Test
    void everyPlotTypeExportsByteIdenticallyFromFreshCharts() {
        List<Supplier<Chart<?, ?>>> makers = List.of(PlotExamples::scatter, PlotExamples::convergence, PlotExamples::histogram,
                PlotExamples::heatMap, PlotExamples::vectorField, PlotExamples::trajectories, PlotExamples::loss);
        for (Supplier<Chart<?, ?>> m : makers) {
            Chart<?, ?> a = m.get(), b = m.get();
            assertArrayEquals(Export.pngBytes(a), Export.pngBytes(b), "PNG differs for " + a.getTitle());
        }
        // SVG of the types with few elements (the SVG encoder is slow on thousands of markers;
        // scatter SVG is covered by the fresh-JVM test)
        List<Supplier<Chart<?, ?>>> svgMakers = List.of(PlotExamples::convergence, PlotExamples::histogram,
                PlotExamples::heatMap, PlotExamples::vectorField);
        for (Supplier<Chart<?, ?>> m : svgMakers) {
            Chart<?, ?> a = m.get(), b = m.get();
            byte[] first = Export.svgBytes(a);
            assertArrayEquals(first, Export.svgBytes(b), "SVG differs for " + a.getTitle());
            assertArrayEquals(first, Export.svgBytes(a), "repainting changed the SVG of " + a.getTitle());
        }
    }

    @Test
    void svgIsAPlainDeterministicDocument() {
        String svg = new String(Export.svgBytes(PlotExamples.heatMap()), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg"));
        assertTrue(svg.contains("width=\"600") || svg.contains("600"), "SVG should state its size");
        assertFalse(svg.matches("(?s).*20\\d\\d-\\d\\d-\\d\\d.*"), "SVG must not contain a date");
        assertTrue(svg.contains("<image"), "the heat map is embedded as an image");
        assertTrue(svg.contains("<path"), "XChart draws text and marks as paths");
    }

    @Test
    void panelsLayOutChartsOnAGrid(@TempDir Path dir) throws Exception {
        Figure f = PlotExamples.panels();
        assertEquals(2, f.rows());
        assertEquals(1200, f.width());
        assertEquals(900 + Figure.TITLE_HEIGHT, f.height());
        Path png = Export.png(f, dir.resolve("sub/panels.png"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1200, img.getWidth());
        assertEquals(940, img.getHeight());
        // the heat map occupies the top-right panel: its dark background shows there
        int rgb = img.getRGB(600 + 100, Figure.TITLE_HEIGHT + 100) & 0xFFFFFF;
        assertEquals(0x440154, rgb, 0x000F0F, "heat map background expected, found #" + Integer.toHexString(rgb));
        assertArrayEquals(Files.readAllBytes(png), Export.pngBytes(PlotExamples.panels()));
        Figure light = Panels.grid(2, PlotExamples.convergence(), PlotExamples.histogram());
        byte[] svg = Export.svgBytes(light);
        assertArrayEquals(svg, Export.svgBytes(Panels.grid(2, PlotExamples.convergence(), PlotExamples.histogram())));
        assertTrue(new String(svg, StandardCharsets.UTF_8).contains("width=\"1200"), "figure SVG is 1200 wide");
        XYChart c = PlotExamples.scatter();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Panels.grid(3, c, c)).getMessage().contains("cols = 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Panels.grid(1)).getMessage().contains("charts"));
    }

    @Test
    void gifHasEveryFrameAndIsReproducible() {
        byte[] a = Gif.bytes(PlotExamples.frames(), 250);
        byte[] b = Gif.bytes(PlotExamples.frames(), 250);
        assertArrayEquals(a, b);
        GifDecoder d = new GifDecoder();
        assertEquals(GifDecoder.STATUS_OK, d.read(new ByteArrayInputStream(a)));
        assertEquals(6, d.getFrameCount());
        assertEquals(250, d.getDelay(0));
        assertEquals(600, d.getFrameSize().width);
        assertEquals(0, d.getLoopCount());
        BufferedImage small = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB);
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> Gif.bytes(List.of(PlotExamples.scatter(), small), 100)).getMessage().contains("frames[1] is 10x10"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gif.bytes(List.of("x"), 100)).getMessage().contains("frames[0]"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Gif.bytes(List.of(small), 0)).getMessage().contains("delayMs = 0"));
    }

    /** Writes the examples in a separate JVM and compares with this JVM's bytes. */
    @Test
    void freshJvmWritesTheSameBytes(@TempDir Path dir) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-Djava.awt.headless=true", "-Xmx512m", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), PlotExamples.class.getName(), dir.toString(), "heatmap", "scatter")
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, p.exitValue(), () -> readLog(dir));
        Map<String, Chart<?, ?>> mine = Map.of("heatmap", PlotExamples.heatMap(), "scatter", PlotExamples.scatter());
        for (Map.Entry<String, Chart<?, ?>> e : mine.entrySet()) {
            assertArrayEquals(Export.pngBytes(e.getValue()), Files.readAllBytes(dir.resolve(e.getKey() + ".png")), e.getKey() + ".png");
            assertArrayEquals(Export.svgBytes(e.getValue()), Files.readAllBytes(dir.resolve(e.getKey() + ".svg")), e.getKey() + ".svg");
        }
    }

    private static String readLog(Path dir) {
        try {
            return Files.readString(dir.resolve("log.txt"));
        } catch (Exception e) {
            return "(no log)";
        }
    }

    @Test
    void writingCreatesFoldersAndReplacesFiles(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("a/b/c.svg");
        Export.svg(PlotExamples.loss(), f);
        byte[] first = Files.readAllBytes(f);
        Export.svg(PlotExamples.loss(), f);
        assertArrayEquals(first, Files.readAllBytes(f));
        File[] left = f.getParent().toFile().listFiles();
        assertEquals(1, left.length, "no temporary files may be left behind");
    }
}
