package genflow.table;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds a Tablesaw {@link Table} from named columns of equal length (double[], int[] or String[]).
 * Doubles must be finite (a NaN in a results table is a bug upstream, not a missing value);
 * strings must not be null. Obtain from {@link Tables#builder(String)}.
 */
public final class TableBuilder {
    private final String name;
    private final List<Column<?>> columns = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int rows = -1;

    TableBuilder(String name) {
        if (name == null) throw new IllegalArgumentException("name must not be null");
        this.name = name;
    }

    /** Adds a double column (finite values). */
    public TableBuilder column(String name, double[] values) {
        check(name, values == null ? -1 : values.length);
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("column \"" + name + "\"[" + i + "] = " + values[i] + " must be a finite number (values[" + i + "])");
            }
        }
        columns.add(DoubleColumn.create(name, values.clone()));
        return this;
    }

    /** Adds an int column. */
    public TableBuilder column(String name, int[] values) {
        check(name, values == null ? -1 : values.length);
        columns.add(IntColumn.create(name, values.clone()));
        return this;
    }

    /** Adds a String column (no null entries). */
    public TableBuilder column(String name, String[] values) {
        check(name, values == null ? -1 : values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) throw new IllegalArgumentException("column \"" + name + "\"[" + i + "] must not be null (values[" + i + "])");
        }
        columns.add(StringColumn.create(name, values.clone()));
        return this;
    }

    /** The table (at least one column). */
    public Table build() {
        if (columns.isEmpty()) throw new IllegalArgumentException("columns must contain at least one column");
        return Table.create(name, columns);
    }

    private void check(String col, int length) {
        if (col == null || col.isBlank()) throw new IllegalArgumentException("column name must be non-blank");
        if (length < 0) throw new IllegalArgumentException("column \"" + col + "\" values must not be null");
        if (!names.add(col)) throw new IllegalArgumentException("column name \"" + col + "\" is used twice");
        if (rows >= 0 && length != rows) {
            throw new IllegalArgumentException("column \"" + col + "\" has " + length + " rows, expected " + rows
                    + " like the first column");
        }
        rows = length;
    }
}
