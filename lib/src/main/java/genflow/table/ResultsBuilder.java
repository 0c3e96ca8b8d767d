package genflow.table;

import tech.tablesaw.api.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a results table row by row: a String key column (method, setting) followed by numeric
 * metric columns. Keys must be unique; values finite. Obtain from {@link Tables#results}.
 */
public final class ResultsBuilder {
    private final String name;
    private final String keyColumn;
    private final String[] metrics;
    private final List<String> keys = new ArrayList<>();
    private final List<double[]> rows = new ArrayList<>();
    private final Set<String> seen = new HashSet<>();

    ResultsBuilder(String name, String keyColumn, String[] metrics) {
        if (name == null) throw new IllegalArgumentException("name must not be null");
        if (keyColumn == null || keyColumn.isBlank()) throw new IllegalArgumentException("keyColumn must be non-blank");
        if (metrics == null || metrics.length == 0) throw new IllegalArgumentException("metricColumns must name at least one column");
        Set<String> cols = new HashSet<>();
        cols.add(keyColumn);
        for (int i = 0; i < metrics.length; i++) {
            if (metrics[i] == null || metrics[i].isBlank()) throw new IllegalArgumentException("metricColumns[" + i + "] must be non-blank");
            if (!cols.add(metrics[i])) throw new IllegalArgumentException("metricColumns[" + i + "] = \"" + metrics[i] + "\" is used twice");
        }
        this.name = name;
        this.keyColumn = keyColumn;
        this.metrics = metrics.clone();
    }

    /** Adds a row: its key and one finite value per metric column. */
    public ResultsBuilder row(String key, double... values) {
        if (key == null) throw new IllegalArgumentException("key must not be null");
        if (!seen.add(key)) throw new IllegalArgumentException("key \"" + key + "\" is used twice");
        if (values == null || values.length != metrics.length) {
            throw new IllegalArgumentException("values for \"" + key + "\" must have " + metrics.length + " entries (one per metric), got "
                    + (values == null ? "null" : values.length));
        }
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("values for \"" + key + "\", column \"" + metrics[i] + "\" = " + values[i] + " must be a finite number");
            }
        }
        keys.add(key);
        rows.add(values.clone());
        return this;
    }

    /** The table (at least one row). */
    public Table build() {
        if (rows.isEmpty()) throw new IllegalArgumentException("rows must contain at least one row (call row(key, values))");
        TableBuilder b = Tables.builder(name).column(keyColumn, keys.toArray(new String[0]));
        for (int j = 0; j < metrics.length; j++) {
            double[] col = new double[rows.size()];
            for (int i = 0; i < col.length; i++) col[i] = rows.get(i)[j];
            b.column(metrics[j], col);
        }
        return b.build();
    }
}
