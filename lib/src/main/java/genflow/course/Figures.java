package genflow.course;

import genflow.plot.Export;
import genflow.plot.Gif;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of lecture figures: every chapter's {@code genflow.course.figures.ChapterNNFigures}
 * in chapter order. Notebooks show a figure with {@code Figures.draw("06-kac-paths")};
 * {@code ./course figures} writes all of them with {@link #writeAll(Path)}.
 */
public final class Figures {
    private Figures() {}

    /** All lecture figures, in chapter order, ids unique. */
    public static List<LectureFigure> all() {
        Map<String, LectureFigure> byId = new LinkedHashMap<>();
        for (int chapter = 0; chapter < 100; chapter++) {
            String name = String.format("genflow.course.figures.Chapter%02dFigures", chapter);
            Class<?> cls;
            try {
                cls = Class.forName(name);
            } catch (ClassNotFoundException e) {
                continue;
            }
            FigureSource source;
            try {
                source = (FigureSource) cls.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IllegalStateException(name + " must implement FigureSource with a public no-argument constructor", e);
            }
            for (LectureFigure f : source.figures()) {
                if (byId.put(f.id(), f) != null) throw new IllegalStateException("duplicate figure id " + f.id());
            }
        }
        return List.copyOf(byId.values());
    }

    /** The figure with this id; the message lists the known ids otherwise. */
    public static LectureFigure get(String id) {
        List<LectureFigure> all = all();
        for (LectureFigure f : all) if (f.id().equals(id)) return f;
        List<String> ids = new ArrayList<>();
        for (LectureFigure f : all) ids.add(f.id());
        throw new IllegalArgumentException("id = " + id + " is not a lecture figure; known: " + ids);
    }

    /** Draws a still figure (for a notebook cell: the value shows as a picture). */
    public static Object draw(String id) {
        return get(id).draw();
    }

    /** One written figure: its files and checksums. */
    public record Written(LectureFigure figure, List<Path> files, List<String> sha256) {}

    /**
     * Writes one figure into {@code dir}: {@code id.png} (fixed pixel size) and {@code id.svg} for a
     * still, {@code id.gif} for an animation.
     */
    public static Written write(LectureFigure f, Path dir) {
        List<Path> files = new ArrayList<>();
        if (f.isAnimation()) {
            files.add(Gif.write(f.frames(), dir.resolve(f.id() + ".gif"), f.frameDelayMs()));
        } else {
            Object o = f.draw();
            if (o instanceof Chart<?, ?> c) {
                files.add(Export.png(c, dir.resolve(f.id() + ".png")));
                files.add(Export.svg(c, dir.resolve(f.id() + ".svg")));
            } else {
                genflow.plot.Figure fig = (genflow.plot.Figure) o;
                files.add(Export.png(fig, dir.resolve(f.id() + ".png")));
                files.add(Export.svg(fig, dir.resolve(f.id() + ".svg")));
            }
        }
        List<String> sums = new ArrayList<>();
        for (Path p : files) sums.add(sha256(p));
        return new Written(f, files, sums);
    }

    /** Writes every figure and {@code manifest.csv} (id, chapter, caption, seed, file, sha256) into {@code dir}. */
    public static List<Written> writeAll(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Written> out = new ArrayList<>();
        for (LectureFigure f : all()) out.add(write(f, dir));
        Manifest.write(out, dir.resolve("manifest.csv"));
        return out;
    }

    static String sha256(Path p) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(Files.readAllBytes(p)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
