package genflow.plot;

import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.*;

class ImageGridTest {

    private static int grey(BufferedImage img, int x, int y) {
        int rgb = img.getRGB(x, y) & 0xFFFFFF;
        int r = rgb >> 16, g = (rgb >> 8) & 0xFF, b = rgb & 0xFF;
        assertEquals(r, g);
        assertEquals(g, b);
        return r;
    }

    @Test
    void pixelsAreDrawnInRowMajorOrderWithInkOnPaperGreys() {
        // one 2×2 image: (0,0) = lo → white, (0,1) = hi → black, (1,0) = midpoint → 50 % grey, (1,1) above hi → clipped black
        double[][] im = {{-1, 1, 0, 3}};
        ImageGrid grid = ImageGrid.builder(im, 2).range(-1, 1).build();
        assertEquals(0.5, grid.greyLevel(0), 1e-15);
        assertEquals(1.0, grid.greyLevel(3), 0.0);
        assertEquals(0.0, grid.greyLevel(-7), 0.0);
        BufferedImage img = grid.toImage();
        assertEquals(grid.getWidth(), img.getWidth());
        assertEquals(grid.getHeight(), img.getHeight());
        int[] c = grid.corner(0);
        int h = grid.cellSize() / 2;   // screen pixels per image pixel
        assertTrue(h >= 1);
        assertEquals(255, grey(img, c[0] + h / 2, c[1] + h / 2));
        assertEquals(0, grey(img, c[0] + h + h / 2, c[1] + h / 2));
        assertEquals(128, grey(img, c[0] + h / 2, c[1] + h + h / 2), 1);
        assertEquals(0, grey(img, c[0] + h + h / 2, c[1] + h + h / 2));
        // the small bitmap of image 0 agrees
        BufferedImage small = grid.imageOf(0);
        assertEquals(255, grey(small, 0, 0));
        assertEquals(0, grey(small, 1, 0));
        assertEquals(0, grey(small, 1, 1));
        // inverted colours
        ImageGrid dark = ImageGrid.builder(im, 2).range(-1, 1).inkOnPaper(false).build();
        assertEquals(0, grey(dark.imageOf(0), 0, 0));
        assertEquals(255, grey(dark.imageOf(0), 1, 0));
    }

    @Test
    void layoutHasRowsOfColsImagesAndDefaultRangeFromData() {
        double[][] ims = new double[23][64];
        for (int k = 0; k < ims.length; k++) ims[k][k] = k;   // values 0..22
        ImageGrid grid = ImageGrid.of("23 images", ims, 8, 10);
        assertEquals(3, grid.rows());
        assertEquals(10, grid.cols());
        assertEquals(0.0, grid.lo(), 0.0);
        assertEquals(22.0, grid.hi(), 0.0);
        int[] a = grid.corner(0), b = grid.corner(1), c = grid.corner(10);
        assertTrue(b[0] > a[0] && b[1] == a[1], "image 1 is right of image 0");
        assertTrue(c[0] == a[0] && c[1] > a[1], "image 10 starts the second row");
        int[] last = grid.corner(22);
        assertTrue(last[1] + grid.cellSize() <= grid.getHeight());
        assertTrue(grid.corner(9)[0] + grid.cellSize() <= grid.getWidth());
        // image 22 has its single ink pixel (22 = hi) at row 2, column 6: black; its neighbour is white
        BufferedImage img = grid.toImage();
        int px = grid.cellSize() / 8;
        assertEquals(0, grey(img, last[0] + 6 * px + px / 2, last[1] + 2 * px + px / 2));
        assertEquals(255, grey(img, last[0] + 5 * px + px / 2, last[1] + 2 * px + px / 2));
        // fewer images than columns: the grid is one row as wide as needed
        assertEquals(3, ImageGrid.of("", new double[3][4], 2, 10).cols());
        assertTrue(Export.pngBytes(grid).length > 100);
    }

    @Test
    void rejectsBadArguments() {
        double[][] ok = {{0, 1, 2, 3}};
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("", ok, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("", new double[0][], 2, 2));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("", ok, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder(ok, 2).range(1, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder(ok, 2).labels("a", "b"));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.of("", new double[][]{{0, Double.NaN, 0, 0}}, 2, 1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder(ok, 2).build().imageOf(1));
        assertThrows(IllegalArgumentException.class, () -> ImageGrid.builder(ok, 2).build().greyLevel(Double.NaN));
    }
}
