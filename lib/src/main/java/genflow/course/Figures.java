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
import java.util.List;

/**
 * Lecture figures for slides. A lecture notebook computes what it plots in plain sight and ends
 * the figure cell with {@link #show(String, long, String, Object)}: the value displays as the
 * picture, and when the environment variable {@value #DIR_VARIABLE} names a folder (as it does
 * while {@code ./course figures} or {@code ./course test} execute the lectures) the figure is also
 * written there as {@code id.png} (fixed pixel size) and {@code id.svg}, or {@code id.gif} for an
 * animation, with a one-line record from which {@link #writeManifest(Path)} builds
 * {@code manifest.csv}. The lecture notebooks are therefore the only list of figures: ids, captions
 * and seeds stand in the cells that draw them.
 */
public final class Figures {
    private Figures() {}

    /** Environment variable naming the folder that shown figures are also written to. */
    public static final String DIR_VARIABLE = "GENFLOW_FIGURES_DIR";

    private static final String RECORD = ".figure";

    /**
     * Shows a lecture figure: returns it for display (the notebook shows the picture) and, when
     * {@value #DIR_VARIABLE} is set, writes it with its record into that folder.
     *
     * @param id      {@code NN-lower-case-words}, NN = the chapter
     * @param seed    the seed the cell used (0 for a figure without randomness)
     * @param caption one line, as it would stand under the slide
     * @param picture an XChart chart or a {@link genflow.plot.Figure}
     * @throws IllegalStateException if the same id was already written to the folder in this run
     */
    public static LectureFigure show(String id, long seed, String caption, Object picture) {
        if (!(picture instanceof Chart<?, ?>) && !(picture instanceof genflow.plot.Figure)) {
            throw new IllegalArgumentException("picture must be an XChart chart or a genflow.plot.Figure, got "
                    + (picture == null ? "null" : picture.getClass().getName()));
        }
        return recordTo(LectureFigure.still(id, seed, caption, s -> picture), folderFromEnvironment());
    }

    /**
     * Shows an animation (frames: charts, {@link genflow.plot.Figure}s or images of one size),
     * written as {@code id.gif} like {@link #show}.
     */
    public static LectureFigure animate(String id, long seed, String caption, int frameDelayMs, List<?> frames) {
        if (frames == null || frames.isEmpty()) throw new IllegalArgumentException("frames must not be empty");
        for (int i = 0; i < frames.size(); i++) {
            Object f = frames.get(i);
            if (!(f instanceof Chart<?, ?>) && !(f instanceof genflow.plot.Figure) && !(f instanceof java.awt.image.BufferedImage)) {
                throw new IllegalArgumentException("frames[" + i + "] is " + (f == null ? "null" : f.getClass().getName())
                        + "; expected an XChart chart, a genflow.plot.Figure or a BufferedImage");
            }
        }
        List<?> copy = List.copyOf(frames);
        return recordTo(LectureFigure.animation(id, seed, caption, frameDelayMs, s -> copy), folderFromEnvironment());
    }

    private static Path folderFromEnvironment() {
        String dir = System.getenv(DIR_VARIABLE);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    /** Writes {@code f} with its record into {@code folder} unless it is null; returns f. */
    static LectureFigure recordTo(LectureFigure f, Path folder) {
        if (folder != null) {
            Path rec = folder.resolve(f.id() + RECORD);
            if (Files.exists(rec)) {
                throw new IllegalStateException("figure " + f.id() + " was already written to " + folder
                        + ": every figure id must be shown once");
            }
            writeWithRecord(f, folder);
        }
        return f;
    }

    /** Writes the figure's files and its record (id, seed, caption, file names; one per line). */
    private static Written writeWithRecord(LectureFigure f, Path folder) {
        try {
            Files.createDirectories(folder);
            Written w = write(f, folder);
            List<String> lines = new ArrayList<>(List.of(f.id(), Long.toString(f.seed()), f.caption().replace('\n', ' ')));
            for (Path p : w.files()) lines.add(p.getFileName().toString());
            Files.write(folder.resolve(f.id() + RECORD), lines);
            return w;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write figure " + f.id() + " to " + folder, e);
        }
    }

    /**
     * Builds {@code manifest.csv} (id, chapter, caption, seed, file, sha256; ordered by id) from
     * the records of the figures written into {@code dir} and returns the number of figures.
     */
    public static int writeManifest(Path dir) {
        requireFolder(dir);
        List<Written> written = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path rec : files.filter(p -> p.getFileName().toString().endsWith(RECORD)).sorted().toList()) {
                List<String> lines = Files.readAllLines(rec);
                if (lines.size() < 4) throw new IllegalStateException(rec + " is not a figure record");
                LectureFigure f = LectureFigure.still(lines.get(0), Long.parseLong(lines.get(1)), lines.get(2), s -> null);
                List<Path> paths = new ArrayList<>();
                List<String> sums = new ArrayList<>();
                for (String name : lines.subList(3, lines.size())) {
                    paths.add(dir.resolve(name));
                    sums.add(sha256(dir.resolve(name)));
                }
                written.add(new Written(f, paths, sums));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the figure records in " + dir, e);
        }
        Manifest.write(written, dir.resolve("manifest.csv"));
        return written.size();
    }

    /** One written figure: its files and checksums. */
    public record Written(LectureFigure figure, List<Path> files, List<String> sha256) {}

    /**
     * Writes one figure into {@code dir}: {@code id.png} (fixed pixel size) and {@code id.svg} for a
     * still, {@code id.gif} for an animation.
     */
    public static Written write(LectureFigure f, Path dir) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        if (dir == null) throw new IllegalArgumentException("dir must not be null");
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw new IllegalArgumentException("dir = " + dir + " is a file, not a folder");
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

    private static void requireFolder(Path dir) {
        if (dir == null) throw new IllegalArgumentException("dir must not be null");
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("dir = " + dir + (Files.exists(dir) ? " is a file, not a folder" : " does not exist"));
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
