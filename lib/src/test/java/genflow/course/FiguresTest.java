package genflow.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FiguresTest {
    /** A seeded scatter plot, as the lectures show (00-eight-gaussians draws the same picture in 00_tour). */
    static LectureFigure eightGaussians() {
        return LectureFigure.still("00-eight-gaussians", 42, "2,000 samples of the 8-Gaussians mixture", seed ->
                genflow.plot.Plots.scatter("8 Gaussians (seed " + seed + ")", "x₁", "x₂",
                        genflow.plot.Points.of("samples", genflow.dist.ToyData.eightGaussians().sample(2000, genflow.random.Rngs.seeded(seed)))));
    }

    @Test
    void writingTwiceGivesIdenticalBytesAndAManifest(@TempDir Path a, @TempDir Path b) throws Exception {
        LectureFigure f = eightGaussians();
        Figures.Written wa = Figures.write(f, a);
        Figures.Written wb = Figures.write(f, b);
        assertEquals(List.of("00-eight-gaussians.png", "00-eight-gaussians.svg"),
                wa.files().stream().map(p -> p.getFileName().toString()).toList());
        assertEquals(wa.sha256(), wb.sha256());
        for (int i = 0; i < wa.files().size(); i++) {
            assertArrayEquals(Files.readAllBytes(wa.files().get(i)), Files.readAllBytes(wb.files().get(i)));
        }
        Manifest.write(List.of(wa), a.resolve("manifest.csv"));
        List<String> lines = Files.readAllLines(a.resolve("manifest.csv"));
        assertEquals("id,chapter,caption,seed,file,sha256", lines.get(0));
        assertTrue(lines.get(1).startsWith("00-eight-gaussians,00,") && lines.get(1).endsWith(wa.sha256().get(0)), lines.get(1));
    }

    @Test
    void badIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> LectureFigure.still("Kac paths", 1, "c", s -> null));
        assertThrows(IllegalArgumentException.class, () -> LectureFigure.still("06-kac", 1, " ", s -> null));
        LectureFigure wrong = LectureFigure.still("06-not-a-chart", 1, "returns a string", s -> "text");
        assertThrows(IllegalStateException.class, wrong::draw);
    }

    @Test
    void shownFiguresAreRecordedOnceAndListedInTheManifest(@TempDir Path dir) throws Exception {
        org.knowm.xchart.XYChart chart = genflow.plot.Plots.lines("a line", "x", "y",
                genflow.plot.Curve.of("y = x", new double[]{0, 1}, new double[]{0, 1}));
        LectureFigure f = LectureFigure.still("07-a-line", 3, "A line", s -> chart);
        assertSame(f, Figures.recordTo(f, null), "without a folder nothing is written");
        Figures.recordTo(f, dir);
        assertTrue(Files.exists(dir.resolve("07-a-line.png")) && Files.exists(dir.resolve("07-a-line.svg")));
        IllegalStateException twice = assertThrows(IllegalStateException.class, () -> Figures.recordTo(f, dir));
        assertTrue(twice.getMessage().contains("07-a-line"));
        LectureFigure anim = LectureFigure.animation("01-two-frames", 0, "Two frames", 100, s -> List.of(chart, chart));
        Figures.recordTo(anim, dir);
        assertEquals(2, Figures.writeManifest(dir));
        List<String> lines = Files.readAllLines(dir.resolve("manifest.csv"));
        assertEquals(4, lines.size(), "header + gif + png + svg: " + lines);
        assertTrue(lines.get(1).startsWith("01-two-frames,01,Two frames,0,01-two-frames.gif,"), lines.get(1));
        assertTrue(lines.get(2).startsWith("07-a-line,07,A line,3,07-a-line.png,"), lines.get(2));
        assertEquals(Figures.sha256(dir.resolve("07-a-line.svg")), lines.get(3).substring(lines.get(3).lastIndexOf(',') + 1));
    }

    @Test
    void showRejectsWhatIsNotAPicture() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.show("07-x", 1, "c", "text"));
        assertTrue(e.getMessage().contains("picture"));
        assertThrows(IllegalArgumentException.class, () -> Figures.animate("07-x", 1, "c", 100, List.of()));
    }
}
