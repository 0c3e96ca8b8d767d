package genflow.course;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FiguresTest {
    @Test
    void registryFindsChapterSourcesWithUniqueWellFormedIds() {
        List<LectureFigure> all = Figures.all();
        assertFalse(all.isEmpty());
        assertEquals("00-eight-gaussians", all.get(0).id());
        for (LectureFigure f : all) assertTrue(f.id().startsWith(f.chapter() + "-"), f.id());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Figures.get("99-nothing"));
        assertTrue(e.getMessage().contains("00-eight-gaussians"), "the message lists the known ids");
    }

    @Test
    void writingTwiceGivesIdenticalBytesAndAManifest(@TempDir Path a, @TempDir Path b) throws Exception {
        LectureFigure f = Figures.get("00-eight-gaussians");
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
}
