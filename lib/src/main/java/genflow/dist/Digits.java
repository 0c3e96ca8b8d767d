package genflow.dist;

import genflow.math.Require;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The 8×8 handwritten digits (UCI "Optical Recognition of Handwritten Digits" test set, 1797
 * images, as shipped in scikit-learn; see {@code data/README.md}). Pixel intensities are integers
 * 0..16; pixel (r, c) is column {@code p{8r+c}}. Immutable: every accessor returns a copy.
 */
public final class Digits {
    /** Pixels per image. */
    public static final int PIXELS = 64;
    /** Image side length. */
    public static final int SIDE = 8;
    /** Largest pixel intensity. */
    public static final int MAX_INTENSITY = 16;
    /** The file name looked for by {@link #loadDefault()}, relative to a {@code data/} folder. */
    public static final String DEFAULT_FILE = "digits.csv";

    private final byte[][] pixels; // [n][64], 0..16
    private final int[] labels;

    private Digits(byte[][] pixels, int[] labels) {
        this.pixels = pixels;
        this.labels = labels;
    }

    /** Number of images n. */
    public int size() { return labels.length; }

    /** The labels 0..9, length n. */
    public int[] labels() { return labels.clone(); }

    /** Raw intensities 0..16 as {@code [n][64]}. */
    public int[][] rawPixels() {
        int[][] out = new int[pixels.length][PIXELS];
        for (int i = 0; i < pixels.length; i++) for (int j = 0; j < PIXELS; j++) out[i][j] = pixels[i][j];
        return out;
    }

    /** Images scaled to [0, 1]: x = p/16, as {@code [n][64]}. */
    public double[][] images01() {
        double[][] out = new double[pixels.length][PIXELS];
        for (int i = 0; i < pixels.length; i++) for (int j = 0; j < PIXELS; j++) out[i][j] = pixels[i][j] / (double) MAX_INTENSITY;
        return out;
    }

    /** Images scaled to [−1, 1]: x = p/8 − 1, as {@code [n][64]} (the usual range for flow/diffusion data). */
    public double[][] imagesSigned() {
        double[][] out = new double[pixels.length][PIXELS];
        for (int i = 0; i < pixels.length; i++) for (int j = 0; j < PIXELS; j++) out[i][j] = pixels[i][j] / (MAX_INTENSITY / 2.0) - 1.0;
        return out;
    }

    /** The images with the given label, in file order. */
    public Digits withLabel(int digit) {
        Require.inRange("digit", digit, 0, 9);
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) if (labels[i] == digit) idx.add(i);
        byte[][] p = new byte[idx.size()][];
        int[] l = new int[idx.size()];
        for (int k = 0; k < p.length; k++) {
            p[k] = pixels[idx.get(k)];
            l[k] = digit;
        }
        return new Digits(p, l);
    }

    /**
     * Reads a digits CSV: a header {@code p0,...,p63,label}, then one row per image with 64
     * integers 0..16 and a label 0..9. Trailing blank lines are allowed.
     *
     * @throws IllegalArgumentException for a missing file, a wrong header or column count, a
     *         non-integer cell, a pixel outside 0..16 or a label outside 0..9 — the message names
     *         the file, the 1-based line and column
     * @throws UncheckedIOException     if reading fails
     */
    public static Digits load(Path csv) {
        if (csv == null) throw new IllegalArgumentException("csv must not be null");
        if (!Files.isRegularFile(csv)) throw new IllegalArgumentException("csv = " + csv + " is not a readable file");
        List<String> lines;
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            lines = r.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + csv, e);
        } catch (UncheckedIOException e) {
            throw new UncheckedIOException("could not read " + csv + " (is it UTF-8 text?)", e.getCause());
        }
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) end--;
        if (end == 0) throw new IllegalArgumentException(csv + ": file is empty (expected a header p0,...,p63,label)");
        String[] header = lines.get(0).strip().split(",", -1);
        if (header.length != PIXELS + 1) {
            throw new IllegalArgumentException(csv + " line 1: header has " + header.length + " columns, expected " + (PIXELS + 1) + " (p0,...,p63,label)");
        }
        for (int c = 0; c < header.length; c++) {
            String want = c < PIXELS ? "p" + c : "label";
            if (!header[c].strip().equals(want)) {
                throw new IllegalArgumentException(csv + " line 1, column " + (c + 1) + ": header '" + header[c] + "', expected '" + want + "'");
            }
        }
        if (end == 1) throw new IllegalArgumentException(csv + ": no data rows after the header");
        byte[][] px = new byte[end - 1][PIXELS];
        int[] lab = new int[end - 1];
        for (int li = 1; li < end; li++) {
            String[] cells = lines.get(li).strip().split(",", -1);
            int lineNo = li + 1;
            if (cells.length != PIXELS + 1) {
                throw new IllegalArgumentException(csv + " line " + lineNo + ": " + cells.length + " columns, expected " + (PIXELS + 1));
            }
            for (int c = 0; c <= PIXELS; c++) {
                int v = parseInt(csv, lineNo, c, cells[c]);
                if (c < PIXELS) {
                    if (v < 0 || v > MAX_INTENSITY) {
                        throw new IllegalArgumentException(where(csv, lineNo, c) + ": pixel value " + v + " is outside 0..16");
                    }
                    px[li - 1][c] = (byte) v;
                } else {
                    if (v < 0 || v > 9) throw new IllegalArgumentException(where(csv, lineNo, c) + ": label " + v + " is outside 0..9");
                    lab[li - 1] = v;
                }
            }
        }
        return new Digits(px, lab);
    }

    /**
     * Loads {@code data/digits.csv} found by {@link #locateDefault(Path)} from the current working
     * directory (notebooks run in their own folder, tests in {@code lib/}).
     *
     * @throws IllegalStateException if no {@code data/digits.csv} exists in the working directory or above
     */
    public static Digits loadDefault() {
        return load(locateDefault(Path.of("").toAbsolutePath()));
    }

    /**
     * The first {@code dir/data/digits.csv} found walking up from {@code start} through its parents.
     *
     * @throws IllegalStateException if there is none
     */
    public static Path locateDefault(Path start) {
        if (start == null) throw new IllegalArgumentException("start must not be null");
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve(DEFAULT_FILE);
            if (Files.isRegularFile(candidate)) return candidate;
        }
        throw new IllegalStateException("no data/" + DEFAULT_FILE + " in " + start.toAbsolutePath() + " or any parent folder");
    }

    private static int parseInt(Path csv, int line, int col, String cell) {
        String s = cell.strip();
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(csv, line, col) + ": '" + cell + "' is not a number");
        }
        if (!Double.isFinite(v) || v != Math.rint(v) || Math.abs(v) > 1e9) {
            throw new IllegalArgumentException(where(csv, line, col) + ": '" + cell + "' is not an integer");
        }
        return (int) v;
    }

    private static String where(Path csv, int line, int col) {
        return csv + " line " + line + ", column " + (col + 1) + " (" + (col < PIXELS ? "p" + col : "label") + ")";
    }
}
