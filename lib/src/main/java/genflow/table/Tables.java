package genflow.table;

import genflow.math.Require;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.csv.CsvReadOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Tablesaw glue for the course: tables from named columns ({@link #builder}), results tables
 * ({@link #results}), loss histories ({@link #lossHistory}), CSV loading with clear errors
 * ({@link #readCsv}, {@link #dataFile}), and an HTML rendering for notebooks ({@link #html}).
 * Stateless. Every check throws {@link IllegalArgumentException} naming the parameter (or file
 * and line for CSVs).
 */
public final class Tables {
    private Tables() {}

    /** Default number of rows {@link #html(Table)} shows before it cuts the table off. */
    public static final int DEFAULT_HTML_ROWS = 50;

    // ------------------------------------------------------------------ building

    /** Starts a table with the given name: {@code Tables.builder("runs").column("seed", seeds).column("W2", w2).build()}. */
    public static TableBuilder builder(String name) {
        return new TableBuilder(name);
    }

    /**
     * Starts a results table: one String key column and numeric metric columns, one row per
     * method/setting, e.g. {@code Tables.results("Solvers", "method", "steps", "W2").row("Euler", 100, 0.31).build()}.
     */
    public static ResultsBuilder results(String name, String keyColumn, String... metricColumns) {
        return new ResultsBuilder(name, keyColumn, metricColumns);
    }

    /** Loss history table "loss history" with columns step (0, 1, …) and loss; losses must be finite. */
    public static Table lossHistory(double[] loss) {
        if (loss == null) throw new IllegalArgumentException("loss must not be null");
        int[] steps = new int[loss.length];
        for (int i = 0; i < steps.length; i++) steps[i] = i;
        return lossHistory(steps, loss);
    }

    /** Loss history table with the given (strictly increasing) steps and finite losses of the same length. */
    public static Table lossHistory(int[] steps, double[] loss) {
        if (steps == null) throw new IllegalArgumentException("steps must not be null");
        if (loss == null) throw new IllegalArgumentException("loss must not be null");
        if (steps.length != loss.length) {
            throw new IllegalArgumentException("steps and loss must have the same length, got steps.length = "
                    + steps.length + ", loss.length = " + loss.length);
        }
        if (loss.length == 0) throw new IllegalArgumentException("loss must contain at least one value");
        for (int i = 1; i < steps.length; i++) {
            if (steps[i] <= steps[i - 1]) {
                throw new IllegalArgumentException("steps[" + i + "] = " + steps[i] + " must be > steps[" + (i - 1) + "] = " + steps[i - 1]);
            }
        }
        return builder("loss history").column("step", steps).column("loss", loss).build();
    }

    // ------------------------------------------------------------------ CSV

    /**
     * Reads a CSV file with a header row (comma separated, double quotes for quoting) into a Table
     * named after the file. Before Tablesaw parses it, every record is checked to have as many
     * fields as the header; a malformed file raises an {@link IllegalArgumentException} naming the
     * file and the line (e.g. {@code "data/x.csv:7: expected 3 fields but found 4"}).
     */
    public static Table readCsv(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("file " + file + " does not exist or is not a regular file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new IllegalArgumentException(file + ": not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        CsvCheck.check(file.toString(), text);
        try {
            return Table.read().csv(CsvReadOptions.builder(file.toFile())
                    .tableName(file.getFileName().toString())
                    .header(true)
                    .separator(',')
                    .quoteChar('"')
                    .locale(Locale.ROOT)
                    .build());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file + ": cannot be parsed as CSV: " + e.getMessage(), e);
        }
    }

    /**
     * Finds {@code data/<name>} in the working directory or one of its first three ancestors (so
     * that notebooks in {@code notebooks/} find the project's {@code data/} folder).
     */
    public static Path dataFile(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("name must be a non-blank file name");
        Path dir = Path.of("").toAbsolutePath();
        List<Path> tried = new ArrayList<>();
        for (int up = 0; up <= 3 && dir != null; up++, dir = dir.getParent()) {
            Path p = dir.resolve("data").resolve(name);
            tried.add(p);
            if (Files.isRegularFile(p)) return p;
        }
        throw new IllegalArgumentException("data file " + name + " not found; looked at " + tried);
    }

    /** {@code readCsv(dataFile(name))}. */
    public static Table readData(String name) {
        return readCsv(dataFile(name));
    }

    // ------------------------------------------------------------------ HTML

    /** HTML for a notebook: at most {@value #DEFAULT_HTML_ROWS} rows. */
    public static String html(Table table) {
        return html(table, DEFAULT_HTML_ROWS);
    }

    /**
     * A self-contained HTML fragment: {@code <table class="genflow-table">} with the table name as
     * caption, a header row, numeric cells (class {@code num}, right-aligned by the notebook CSS)
     * formatted to 4 significant digits, all text escaped, missing values empty. With more than
     * {@code maxRows} rows only the first {@code maxRows} are shown and a note
     * ({@code <p class="genflow-table-note">}) says how many were left out.
     */
    public static String html(Table table, int maxRows) {
        if (table == null) throw new IllegalArgumentException("table must not be null");
        Require.atLeast("maxRows", maxRows, 1);
        int rows = table.rowCount();
        int shown = Math.min(rows, maxRows);
        StringBuilder sb = new StringBuilder(256 + 64 * shown * Math.max(1, table.columnCount()));
        sb.append("<div class=\"genflow-table-wrap\">\n<table class=\"genflow-table\">\n");
        String name = table.name();
        if (name != null && !name.isBlank()) sb.append("<caption>").append(escape(name)).append("</caption>\n");
        sb.append("<thead><tr>");
        for (Column<?> c : table.columns()) {
            sb.append("<th").append(isNumeric(c) ? " class=\"num\"" : "").append(">").append(escape(c.name())).append("</th>");
        }
        sb.append("</tr></thead>\n<tbody>\n");
        for (int r = 0; r < shown; r++) {
            sb.append("<tr>");
            for (Column<?> c : table.columns()) {
                boolean num = isNumeric(c);
                sb.append(num ? "<td class=\"num\">" : "<td>").append(escape(cell(c, r))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</tbody>\n</table>\n");
        if (shown < rows) {
            sb.append("<p class=\"genflow-table-note\">Showing the first ").append(shown).append(" of ")
                    .append(rows).append(" rows (").append(rows - shown).append(" more not shown).</p>\n");
        }
        sb.append("</div>");
        return sb.toString();
    }

    /** Escapes {@code & < > " '} for HTML text and attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(ch);
            }
        }
        return sb.toString();
    }

    /**
     * A number as shown in tables: integers exactly; other values rounded to 4 significant digits,
     * plain for 1e-3 ≤ |v| &lt; 1e6, otherwise scientific ({@code 1.235e-05}); NaN as "".
     */
    public static String formatNumber(double v) {
        if (Double.isNaN(v)) return "";
        if (Double.isInfinite(v)) return v > 0 ? "∞" : "-∞";
        if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
        double a = Math.abs(v);
        if (a >= 1e-3 && a < 1e6) {
            return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        }
        return String.format(Locale.ROOT, "%.3e", v);
    }

    private static boolean isNumeric(Column<?> c) {
        return c instanceof NumericColumn<?>;
    }

    private static String cell(Column<?> c, int r) {
        if (c.isMissing(r)) return "";
        if (c instanceof IntColumn ic) return Integer.toString(ic.getInt(r));
        if (c instanceof NumericColumn<?> nc && !(c.type() == ColumnType.LONG || c.type() == ColumnType.SHORT)) {
            return formatNumber(nc.getDouble(r));
        }
        return c.getString(r);
    }

}
