package genflow.plot;

import org.knowm.xchart.internal.chartpart.Chart;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.List;

/**
 * Several charts laid out on a grid, row by row, each in a cell of the size of the largest chart,
 * with an optional centred title above. Renders to a bitmap or vector graphics through
 * {@link Export}; build with {@link Panels#grid}. Holds references to the (mutable) charts;
 * the layout itself is immutable.
 */
public final class Figure {
    static final int TITLE_HEIGHT = 40;

    private final List<Chart<?, ?>> charts;
    private final int cols;
    private final String title;
    private final int cellWidth, cellHeight;

    Figure(String title, int cols, List<Chart<?, ?>> charts) {
        this.title = title;
        this.cols = cols;
        this.charts = List.copyOf(charts);
        int w = 0, h = 0;
        for (Chart<?, ?> c : charts) {
            w = Math.max(w, c.getWidth());
            h = Math.max(h, c.getHeight());
        }
        this.cellWidth = w;
        this.cellHeight = h;
    }

    /** The panels in reading order. */
    public List<Chart<?, ?>> charts() {
        return charts;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** Number of rows, ⌈panels / cols⌉. */
    public int rows() {
        return (charts.size() + cols - 1) / cols;
    }

    /** The title above the grid, or "" for none. */
    public String title() {
        return title;
    }

    /** Total width in pixels: cols × cell width. */
    public int width() {
        return cols * cellWidth;
    }

    /** Total height in pixels: rows × cell height (+ {@value #TITLE_HEIGHT} with a title). */
    public int height() {
        return rows() * cellHeight + titleHeight();
    }

    private int titleHeight() {
        return title.isEmpty() ? 0 : TITLE_HEIGHT;
    }

    /** Paints the whole figure with its top-left corner at (0, 0). */
    public void paint(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        if (!title.isEmpty()) {
            g.setColor(CourseStyle.TEXT);
            g.setFont(new Font(CourseStyle.FONT, Font.BOLD, 18));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (width() - fm.stringWidth(title)) / 2, (TITLE_HEIGHT + fm.getAscent()) / 2);
        }
        for (int k = 0; k < charts.size(); k++) {
            Chart<?, ?> c = charts.get(k);
            int x = (k % cols) * cellWidth + (cellWidth - c.getWidth()) / 2;
            int y = (k / cols) * cellHeight + titleHeight() + (cellHeight - c.getHeight()) / 2;
            Graphics2D gi = (Graphics2D) g.create();
            try {
                gi.translate(x, y);
                gi.clipRect(0, 0, c.getWidth(), c.getHeight());
                c.paint(gi, c.getWidth(), c.getHeight());
            } finally {
                gi.dispose();
            }
        }
    }
}
