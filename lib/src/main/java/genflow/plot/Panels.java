package genflow.plot;

import org.knowm.xchart.internal.chartpart.Chart;

import java.util.Arrays;
import java.util.List;

/** Lays several charts out as one {@link Figure} (row by row). Stateless. */
public final class Panels {
    private Panels() {}

    /** A grid with {@code cols} columns (1 ≤ cols ≤ number of charts) and no title. */
    public static Figure grid(int cols, Chart<?, ?>... charts) {
        return grid("", cols, charts);
    }

    /** A grid with {@code cols} columns and a title above it ("" for none). */
    public static Figure grid(String title, int cols, Chart<?, ?>... charts) {
        if (charts == null) throw new IllegalArgumentException("charts must not be null");
        return grid(title, cols, Arrays.asList(charts));
    }

    /** A grid of a list of charts with {@code cols} columns and a title above it ("" for none). */
    public static Figure grid(String title, int cols, List<? extends Chart<?, ?>> charts) {
        if (title == null) throw new IllegalArgumentException("title must not be null (use \"\" for none)");
        if (charts == null || charts.isEmpty()) throw new IllegalArgumentException("charts must contain at least one chart");
        for (int i = 0; i < charts.size(); i++) {
            if (charts.get(i) == null) throw new IllegalArgumentException("charts[" + i + "] must not be null");
        }
        if (cols < 1 || cols > charts.size()) {
            throw new IllegalArgumentException("cols = " + cols + " is outside [1, " + charts.size() + "] (number of charts)");
        }
        return new Figure(title, cols, List.copyOf(charts));
    }
}
