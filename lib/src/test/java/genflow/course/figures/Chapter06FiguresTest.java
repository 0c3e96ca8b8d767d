package genflow.course.figures;

import genflow.course.LectureFigure;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.*;

class Chapter06FiguresTest {
    @Test
    void idsDrawAndAnimationIsReproducible() {
        List<LectureFigure> figs = new Chapter06Figures().figures();
        assertEquals(List.of("06-kac-paths", "06-telegrapher-density", "06-velocity-norm", "06-kac-vs-diffusion"),
                figs.stream().map(LectureFigure::id).collect(Collectors.toList()));
        for (LectureFigure f : figs) {
            assertFalse(f.caption().isBlank());
            if (!f.isAnimation()) assertNotNull(f.draw());
        }
        LectureFigure anim = figs.get(3);
        List<?> a = anim.frames(), b = anim.frames();
        assertEquals(12, a.size());
        BufferedImage first = (BufferedImage) a.get(a.size() - 1), second = (BufferedImage) b.get(b.size() - 1);
        assertEquals(800, first.getWidth());
        int differing = 0;
        for (int y = 0; y < first.getHeight(); y += 3) for (int x = 0; x < first.getWidth(); x += 3)
            if (first.getRGB(x, y) != second.getRGB(x, y)) differing++;
        assertEquals(0, differing, "same seed must give the same frames");
    }
}
