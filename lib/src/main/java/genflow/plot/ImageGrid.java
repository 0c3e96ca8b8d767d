package genflow.plot;

import genflow.math.Require;
import org.knowm.xchart.XYChart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;

/**
 * A grid of small grey-scale images (e.g. 8×8 digits) drawn as one chart: a title on top, then
 * the images row by row, {@code cols} per row, each scaled up with nearest-neighbour pixels and
 * framed, with an optional caption under each image. Pixel value v is shown as grey level
 * {@code (v − lo)/(hi − lo)} clipped to [0, 1], where 0 is white and 1 is black ("ink on paper")
 * unless {@link Builder#inkOnPaper(boolean) inkOnPaper(false)}. Image k is the flat row-major
 * vector {@code images[k]} of length side²: pixel (r, c) is {@code images[k][side·r + c]}, r = 0
 * the top row.
 *
 * <p>It is an {@link XYChart} (without axes or series) so that the kernel, {@link Export},
 * {@link Panels} and {@code genflow.course.Figures#show} treat it like any other chart; {@link #toImage()}
 * gives the bitmap directly. Immutable after construction (the pixel data are copied).
 */
public final class ImageGrid extends XYChart {
    private static final int MARGIN = 10, GAP = 4, TITLE_HEIGHT = 34, LABEL_HEIGHT = 16;

    private final double[][] images;
    private final int side, cols, cell;
    private final double lo, hi;
    private final String title;
    private final String[] labels;
    private final boolean ink;

    private ImageGrid(Builder b, int width, int height, int cell) {
        super(width, height);
        this.images = b.images;
        this.side = b.side;
        this.cols = b.cols;
        this.cell = cell;
        this.lo = b.lo;
        this.hi = b.hi;
        this.title = b.title;
        this.labels = b.labels;
        this.ink = b.ink;
        setTitle(title);
    }

    /**
     * A grid with the grey range [lo, hi] taken from the smallest and largest pixel over all images.
     *
     * @param title  title above the grid ("" for none)
     * @param images n ≥ 1 flat images of length side² (finite values)
     * @param side   image side length ≥ 1
     * @param cols   images per row ≥ 1
     */
    public static ImageGrid of(String title, double[][] images, int side, int cols) {
        return builder(images, side).title(title).cols(cols).build();
    }

    /** Starts a builder for the given images (copied) of side × side pixels. */
    public static Builder builder(double[][] images, int side) {
        return new Builder(images, side);
    }

    /** Builder of {@link ImageGrid}. Defaults: 10 columns, 32 screen pixels per image pixel at most, range from the data, ink on paper. */
    public static final class Builder {
        private final double[][] images;
        private final int side;
        private int cols = 10, maxWidth = CourseStyle.WIDTH + 200;
        private double lo = Double.NaN, hi = Double.NaN;
        private String title = "";
        private String[] labels;
        private boolean ink = true;

        private Builder(double[][] images, int side) {
            Require.atLeast("side", side, 1);
            Require.cells("side", side, "side", side);
            if (images == null || images.length == 0) throw new IllegalArgumentException("images must hold at least one image");
            this.side = side;
            this.images = new double[images.length][];
            for (int k = 0; k < images.length; k++) {
                if (images[k] == null || images[k].length != side * side) {
                    throw new IllegalArgumentException("images[" + k + "] must have side² = " + side * side + " pixels, has "
                            + (images[k] == null ? "null" : images[k].length));
                }
                this.images[k] = Require.finite("images[" + k + "]", images[k]).clone();
            }
        }

        /** Images per row (≥ 1; more than the number of images is clipped). */
        public Builder cols(int cols) { this.cols = Require.atLeast("cols", cols, 1); return this; }

        /** Grey range: lo maps to paper (white by default), hi to ink; lo &lt; hi, both finite. */
        public Builder range(double lo, double hi) {
            Require.finite("lo", lo);
            Require.finite("hi", hi);
            if (!(lo < hi)) throw new IllegalArgumentException("range must have lo < hi, got lo = " + lo + ", hi = " + hi);
            if (!Double.isFinite(hi - lo)) throw new IllegalArgumentException("hi - lo must be finite (lo = " + lo + ", hi = " + hi + ")");
            this.lo = lo;
            this.hi = hi;
            return this;
        }

        /** Title above the grid (null or "" for none). */
        public Builder title(String title) { this.title = title == null ? "" : title; return this; }

        /** One caption per image, drawn under it (null for none). */
        public Builder labels(String... labels) {
            if (labels != null && labels.length != images.length) {
                throw new IllegalArgumentException("labels must have one entry per image (" + images.length + "), has " + labels.length);
            }
            this.labels = labels == null ? null : labels.clone();
            return this;
        }

        /** Largest total width in pixels (≥ 100); images shrink to fit, at least one screen pixel per image pixel. */
        public Builder maxWidth(int maxWidth) { this.maxWidth = Require.atLeast("maxWidth", maxWidth, 100); return this; }

        /** true (default): high values dark on white; false: high values light on black. */
        public Builder inkOnPaper(boolean ink) { this.ink = ink; return this; }

        public ImageGrid build() {
            if (Double.isNaN(lo)) {
                double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
                for (double[] im : images) for (double v : im) { a = Math.min(a, v); b = Math.max(b, v); }
                lo = a;
                hi = b > a ? b : a + 1;
                if (!Double.isFinite(hi - lo)) {
                    throw new IllegalArgumentException("images: the pixel values span [" + a + ", " + b + "], wider than the double range;"
                            + " give a grey range with range(lo, hi)");
                }
            }

            int c = Math.min(cols, images.length);
            cols = c;
            int rows = (images.length + c - 1) / c;
            int scale = Math.max(1, Math.min(32, (maxWidth - 2 * MARGIN - (c - 1) * GAP) / (c * side)));
            int cell = scale * side;
            int labelH = labels == null ? 0 : LABEL_HEIGHT;
            int width = Math.max(200, 2 * MARGIN + c * cell + (c - 1) * GAP);
            long w = Math.max(200, 2L * MARGIN + (long) c * cell + (long) (c - 1) * GAP);
            long h = 2L * MARGIN + (title.isEmpty() ? 0 : TITLE_HEIGHT) + (long) rows * (cell + labelH) + (long) (rows - 1) * GAP;
            if (w > Export.MAX_SIDE || h > Export.MAX_SIDE) {
                throw new IllegalArgumentException("images: " + images.length + " images of side = " + side + " in cols = " + c
                        + " columns make a grid of " + w + " × " + h + " pixels, more than " + Export.MAX_SIDE + " on a side");
            }
            int height = (int) h;
            return new ImageGrid(this, width, height, cell);
        }
    }

    /** Number of images. */
    public int size() { return images.length; }

    /** Image side length in pixels. */
    public int side() { return side; }

    /** Images per row. */
    public int cols() { return cols; }

    /** Rows of images, ⌈n / cols⌉. */
    public int rows() { return (images.length + cols - 1) / cols; }

    /** Lower end of the grey range (paper). */
    public double lo() { return lo; }

    /** Upper end of the grey range (ink). */
    public double hi() { return hi; }

    /** Screen pixels per image side. */
    public int cellSize() { return cell; }

    /**
     * Grey level of a pixel value, g = clip((v − lo)/(hi − lo), 0, 1) ∈ [0, 1]
     * (0 = paper, 1 = ink).
     */
    public double greyLevel(double v) {
        Require.finite("v", v);
        return Math.max(0, Math.min(1, (v - lo) / (hi - lo)));
    }

    /** The 8-bit RGB colour of a pixel value (grey, see {@link #greyLevel}). */
    public int rgb(double v) {
        double g = greyLevel(v);
        int level = (int) Math.round(255 * (ink ? 1 - g : g));
        return (level << 16) | (level << 8) | level;
    }

    /** Image k (0-based) as a side × side bitmap, one bitmap pixel per image pixel. */
    public BufferedImage imageOf(int k) {
        if (k < 0 || k >= images.length) throw new IllegalArgumentException("k = " + k + " must be in [0, " + (images.length - 1) + "]");
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        for (int r = 0; r < side; r++) for (int c = 0; c < side; c++) img.setRGB(c, r, rgb(images[k][side * r + c]));
        return img;
    }

    /** The whole grid rendered at its own size. */
    public BufferedImage toImage() {
        return Export.image(this);
    }

    /** Top-left corner (x, y) of image k in the rendered grid. */
    int[] corner(int k) {
        int labelH = labels == null ? 0 : LABEL_HEIGHT;
        int top = MARGIN + (title.isEmpty() ? 0 : TITLE_HEIGHT);
        int r = k / cols, c = k % cols;
        return new int[]{MARGIN + c * (cell + GAP), top + r * (cell + labelH + GAP)};
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        if (!title.isEmpty()) {
            g.setColor(CourseStyle.TEXT);
            g.setFont(new Font(CourseStyle.FONT, Font.BOLD, 16));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, Math.max(MARGIN, (width - fm.stringWidth(title)) / 2), MARGIN + fm.getAscent());
        }
        int px = cell / side;
        Font small = new Font(CourseStyle.FONT, Font.PLAIN, 12);
        for (int k = 0; k < images.length; k++) {
            int[] xy = corner(k);
            for (int r = 0; r < side; r++) {
                for (int c = 0; c < side; c++) {
                    g.setColor(new Color(rgb(images[k][side * r + c])));
                    g.fillRect(xy[0] + c * px, xy[1] + r * px, px, px);
                }
            }
            g.setColor(CourseStyle.BORDER);
            g.drawRect(xy[0], xy[1], cell - 1, cell - 1);
            if (labels != null && labels[k] != null) {
                g.setColor(CourseStyle.TEXT);
                g.setFont(small);
                FontMetrics fm = g.getFontMetrics();
                String s = labels[k];
                g.drawString(s, xy[0] + (cell - fm.stringWidth(s)) / 2, xy[1] + cell + fm.getAscent());
            }
        }
    }
}
