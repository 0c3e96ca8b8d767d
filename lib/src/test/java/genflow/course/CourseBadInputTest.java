package genflow.course;

import genflow.plot.Plots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.course. */
class CourseBadInputTest {
    static void rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }

    static Object chart() {
        return Plots.scatter("s", "x", "y", new double[][] {{0, 0}, {1, 1}});
    }

    @Test
    void checksTellTheStudentsValueFromTheTeachersArguments() {
        // a NaN tolerance or expected value made every check fail with "Check failed: …", blaming the student
        rejects("tol = NaN", () -> Check.close("x", 0.5, 0.5, Double.NaN));
        rejects("tol = -1.0", () -> Check.close("x", 0.5, 0.5, -1));
        rejects("expected = NaN", () -> Check.close("x", 0.5, Double.NaN, 0.1));
        rejects("what must not be blank", () -> Check.close(null, 0.5, 0.5, 0.1));
        // a null expected array was a NullPointerException
        rejects("expected must not be null", () -> Check.close("v", new double[] {1}, null, 0.1, null));
        rejects("expected must not be null", () -> Check.close("v", new double[][] {{1}}, null, 0.1, null));
        rejects("expected[0][0] = NaN", () -> Check.close("v", new double[][] {{1}}, new double[][] {{Double.NaN}}, 0.1, null));
        rejects("lo = 1.0, hi = 0.0", () -> Check.between("p", 0.5, 1, 0, null));
        rejects("description must not be blank", () -> Check.that(null, true, null));
        // the student's NaN is a failed check, as before
        CheckFailure f = assertThrows(CheckFailure.class, () -> Check.close("x", Double.NaN, 1, 0.1));
        assertTrue(f.getMessage().startsWith("Check failed: x = NaN"), f.getMessage());
    }

    @Test
    void figuresNameTheirArguments(@TempDir Path dir) throws IOException {
        // NullPointerExceptions before
        rejects("id = null must look like", () -> LectureFigure.still(null, 1, "c", s -> chart()));
        rejects("draw must not be null", () -> LectureFigure.still("00-x", 1, "c", null));
        rejects("frames must not be null", () -> LectureFigure.animation("00-x", 1, "c", 100, null));
        rejects("chart must not be null", () -> Display.describe(null));
        rejects("image must not be null", () -> Display.pngBase64((java.awt.image.RenderedImage) null));
        rejects("f must not be null", () -> Display.base64(null));
        rejects("frames[1] is null", () -> Figures.animate("00-x", 1, "c", 100, java.util.Arrays.asList(chart(), null)));
        // a frame of the wrong kind surfaced only when the GIF was written
        rejects("frames[1] is java.lang.String", () -> Figures.animate("00-x", 1, "c", 100, List.of(chart(), "frame")));
        // a GIF delay of MAX was accepted and failed when drawn
        rejects("frameDelayMs = 2147483647 must be <= 60000", () -> LectureFigure.animation("00-x", 1, "c", Integer.MAX_VALUE, s -> List.of(chart())));
        // folders: a missing one is not created for a manifest, a file is not a folder
        rejects("does not exist", () -> Figures.writeManifest(dir.resolve("missing")));
        Path file = Files.writeString(dir.resolve("a.txt"), "x");
        rejects("is a file, not a folder", () -> Figures.writeManifest(file));
        rejects("is a file, not a folder", () -> Figures.write(LectureFigure.still("00-x", 1, "c", s -> chart()), file));
        rejects("dir must not be null", () -> Figures.write(LectureFigure.still("00-x", 1, "c", sd -> chart()), null));
        rejects("args must be: <dir> --manifest", () -> FigureMain.main(new String[]{"build/figures"}));
        assertFalse(Files.exists(dir.resolve("missing")));
    }
}
