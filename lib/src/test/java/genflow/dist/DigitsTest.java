package genflow.dist;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class DigitsTest {

    @Test
    void shippedFileHasTheDocumentedShapeAndContent() {
        Digits d = Digits.loadDefault(); // tests run with cwd = lib/, the file is in ../data
        assertEquals(1797, d.size());
        int[] counts = new int[10];
        for (int l : d.labels()) counts[l]++;
        assertArrayEquals(new int[]{178, 182, 177, 183, 181, 182, 181, 179, 174, 180}, counts); // data/README.md
        int[] first = new int[10];
        System.arraycopy(d.labels(), 0, first, 0, 10);
        assertArrayEquals(new int[]{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, first); // scikit-learn's row order
        int[][] raw = d.rawPixels();
        assertEquals(64, raw[0].length);
        // first image, top row: 0,0,5,13,9,1,0,0 and its intensity sum 294
        assertArrayEquals(new int[]{0, 0, 5, 13, 9, 1, 0, 0}, java.util.Arrays.copyOf(raw[0], 8));
        int sum0 = 0;
        for (int v : raw[0]) sum0 += v;
        assertEquals(294, sum0);
        double[][] x01 = d.images01(), xs = d.imagesSigned();
        double mean = 0;
        for (int i = 0; i < d.size(); i++) {
            for (int j = 0; j < 64; j++) {
                assertTrue(x01[i][j] >= 0 && x01[i][j] <= 1);
                assertEquals(2 * x01[i][j] - 1, xs[i][j], 1e-15);
                assertEquals(raw[i][j] / 16.0, x01[i][j], 0.0);
                mean += raw[i][j];
            }
        }
        assertEquals(4.884164579855314, mean / (1797 * 64), 1e-12); // computed from the source file with numpy
        Digits threes = d.withLabel(3);
        assertEquals(183, threes.size());
        for (int l : threes.labels()) assertEquals(3, l);
        d.labels()[0] = 7; // accessors copy
        assertEquals(0, d.labels()[0]);
        assertThrows(IllegalArgumentException.class, () -> d.withLabel(10));
    }

    @Test
    void locateDefaultWalksUpAndFailsClearly(@TempDir Path tmp) throws IOException {
        Path deep = Files.createDirectories(tmp.resolve("a/b/c"));
        assertThrows(IllegalStateException.class, () -> Digits.locateDefault(deep));
        Files.createDirectories(tmp.resolve("a/data"));
        Path file = tmp.resolve("a/data/digits.csv");
        Files.writeString(file, header() + "\n" + row(0, 1, "") + "\n");
        assertEquals(file.toAbsolutePath().normalize(), Digits.locateDefault(deep));
        assertEquals(1, Digits.load(Digits.locateDefault(deep)).size());
    }

    @Test
    void loadsAValidSmallFileWithCrlfAndTrailingBlankLines(@TempDir Path tmp) throws IOException {
        Path f = tmp.resolve("ok.csv");
        Files.writeString(f, header() + "\r\n" + row(16, 9, "") + "\r\n" + row(0, 0, "") + "\r\n\r\n\n");
        Digits d = Digits.load(f);
        assertEquals(2, d.size());
        assertArrayEquals(new int[]{9, 0}, d.labels());
        assertEquals(1.0, d.images01()[0][5]);
        assertEquals(-1.0, d.imagesSigned()[1][5]);
    }

    private static String header() {
        List<String> h = new ArrayList<>();
        for (int i = 0; i < 64; i++) h.add("p" + i);
        h.add("label");
        return String.join(",", h);
    }

    /** A row with every pixel = v and the given label; {@code extra} is appended verbatim. */
    private static String row(int v, int label, String extra) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < 64; i++) r.add(Integer.toString(v));
        r.add(Integer.toString(label));
        return String.join(",", r) + extra;
    }

    private static String rowWith(int col, String cell) {
        String[] r = row(1, 2, "").split(",");
        r[col] = cell;
        return String.join(",", r);
    }

    private static IllegalArgumentException loadFails(Path tmp, String name, String content) throws IOException {
        Path f = tmp.resolve(name);
        Files.writeString(f, content);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Digits.load(f));
        assertTrue(e.getMessage().contains(f.toString()), "message names the file: " + e.getMessage());
        return e;
    }

    @Test
    void malformedFilesAreRejectedNamingFileLineAndColumn(@TempDir Path tmp) throws IOException {
        String h = header() + "\n";
        String good = row(3, 4, "") + "\n";
        IllegalArgumentException e;

        e = loadFails(tmp, "short.csv", h + good + row(1, 1, "").replaceFirst("1,", "") + "\n");
        assertTrue(e.getMessage().contains("line 3") && e.getMessage().contains("64 columns, expected 65"), e.getMessage());

        e = loadFails(tmp, "long.csv", h + row(1, 1, ",7") + "\n");
        assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("66 columns"), e.getMessage());

        e = loadFails(tmp, "nan.csv", h + good + good + rowWith(4, "abc") + "\n");
        assertTrue(e.getMessage().contains("line 4, column 5 (p4)") && e.getMessage().contains("not a number"), e.getMessage());

        e = loadFails(tmp, "frac.csv", h + rowWith(10, "3.5") + "\n");
        assertTrue(e.getMessage().contains("line 2, column 11 (p10)") && e.getMessage().contains("not an integer"), e.getMessage());

        e = loadFails(tmp, "big.csv", h + rowWith(63, "17") + "\n");
        assertTrue(e.getMessage().contains("line 2, column 64 (p63)") && e.getMessage().contains("outside 0..16"), e.getMessage());

        e = loadFails(tmp, "neg.csv", h + rowWith(0, "-1") + "\n");
        assertTrue(e.getMessage().contains("column 1 (p0)") && e.getMessage().contains("outside 0..16"), e.getMessage());

        e = loadFails(tmp, "label.csv", h + good + rowWith(64, "10") + "\n");
        assertTrue(e.getMessage().contains("line 3, column 65 (label)") && e.getMessage().contains("outside 0..9"), e.getMessage());

        e = loadFails(tmp, "empty-cell.csv", h + rowWith(7, "") + "\n");
        assertTrue(e.getMessage().contains("line 2, column 8 (p7)"), e.getMessage());

        e = loadFails(tmp, "header.csv", header().replace("p5,", "q5,") + "\n" + good);
        assertTrue(e.getMessage().contains("line 1, column 6"), e.getMessage());

        e = loadFails(tmp, "noheader.csv", good + good);
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());

        e = loadFails(tmp, "blank-middle.csv", h + good + "\n" + good);
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());

        loadFails(tmp, "empty.csv", "");
        loadFails(tmp, "headeronly.csv", h);

        assertThrows(IllegalArgumentException.class, () -> Digits.load(tmp.resolve("missing.csv")));
        assertThrows(IllegalArgumentException.class, () -> Digits.load(null));
    }
}
