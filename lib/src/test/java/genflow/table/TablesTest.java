package genflow.table;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class TablesTest {

    static IllegalArgumentException iae(org.junit.jupiter.api.function.Executable e) {
        return assertThrows(IllegalArgumentException.class, e);
    }

    @Test
    void builderMakesTypedColumnsAndChecksLengths() {
        Table t = Tables.builder("runs")
                .column("method", new String[] {"Euler", "RK4"})
                .column("steps", new int[] {100, 25})
                .column("W2", new double[] {0.31, 0.012})
                .build();
        assertEquals("runs", t.name());
        assertEquals(2, t.rowCount());
        assertEquals(java.util.List.of("method", "steps", "W2"), t.columnNames());
        assertEquals(25, t.intColumn("steps").getInt(1));
        assertEquals(0.012, t.doubleColumn("W2").getDouble(1), 0);
        assertTrue(iae(() -> Tables.builder("x").column("a", new int[] {1, 2}).column("b", new double[] {1}))
                .getMessage().contains("column \"b\" has 1 rows, expected 2"));
        assertTrue(iae(() -> Tables.builder("x").column("a", new double[] {1, Double.NaN}))
                .getMessage().contains("column \"a\"[1] = NaN"));
        assertTrue(iae(() -> Tables.builder("x").column("a", new int[] {1}).column("a", new int[] {2}))
                .getMessage().contains("\"a\" is used twice"));
        assertTrue(iae(() -> Tables.builder("x").column("s", new String[] {null})).getMessage().contains("column \"s\"[0]"));
        assertTrue(iae(() -> Tables.builder("x").build()).getMessage().contains("columns"));
    }

    @Test
    void resultsAndLossHistory() {
        Table r = Tables.results("Solvers", "method", "steps", "W2")
                .row("Euler", 100, 0.31).row("Heun", 50, 0.05).build();
        assertEquals(2, r.rowCount());
        assertEquals("Heun", r.stringColumn("method").get(1));
        assertEquals(0.05, r.doubleColumn("W2").getDouble(1), 0);
        assertTrue(iae(() -> Tables.results("S", "m", "a").row("x", 1, 2)).getMessage().contains("must have 1 entries"));
        assertTrue(iae(() -> Tables.results("S", "m", "a").row("x", 1).row("x", 2)).getMessage().contains("\"x\" is used twice"));
        assertTrue(iae(() -> Tables.results("S", "m", "a").row("x", Double.POSITIVE_INFINITY))
                .getMessage().contains("column \"a\" = Infinity"));
        assertTrue(iae(() -> Tables.results("S", "m", "m")).getMessage().contains("metricColumns[0]"));

        Table h = Tables.lossHistory(new double[] {2.0, 1.5, 1.2});
        assertEquals(java.util.List.of("step", "loss"), h.columnNames());
        assertEquals(2, h.intColumn("step").getInt(2));
        assertEquals(1.2, h.doubleColumn("loss").getDouble(2), 0);
        assertTrue(iae(() -> Tables.lossHistory(new int[] {0, 10}, new double[] {1})).getMessage().contains("steps.length = 2"));
        assertTrue(iae(() -> Tables.lossHistory(new int[] {0, 0}, new double[] {1, 1})).getMessage().contains("steps[1] = 0"));
        assertTrue(iae(() -> Tables.lossHistory(new double[] {1, Double.NaN})).getMessage().contains("\"loss\"[1] = NaN"));
    }

    @Test
    void htmlIsARealEscapedTableWithARowLimit() {
        Table t = Tables.builder("a <b> & \"c\"")
                .column("name", new String[] {"<script>alert('x')</script>", "plain", "c", "d"})
                .column("value", new double[] {0.000012345, 3.14159265, 2.0, 123456.789})
                .column("n", new int[] {1, 2, 3, 4})
                .build();
        String html = Tables.html(t, 3);
        assertTrue(html.contains("<table class=\"genflow-table\">"));
        assertTrue(html.contains("<caption>a &lt;b&gt; &amp; &quot;c&quot;</caption>"));
        assertTrue(html.contains("<th>name</th><th class=\"num\">value</th><th class=\"num\">n</th>"));
        assertTrue(html.contains("<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</td>"));
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("<td class=\"num\">1.234e-05</td>") || html.contains("<td class=\"num\">1.235e-05</td>"), html);
        assertTrue(html.contains("<td class=\"num\">3.142</td>"));
        assertTrue(html.contains("<td class=\"num\">2</td>"));
        assertFalse(html.contains("123456.789") || html.contains("1.235e+05"), "fourth row must be cut off");
        assertEquals(3, html.split("<tr>", -1).length - 2, "header row + 3 body rows");
        assertTrue(html.contains("Showing the first 3 of 4 rows (1 more not shown)."));
        assertFalse(Tables.html(t).contains("genflow-table-note"), "no note when everything is shown");
        assertTrue(iae(() -> Tables.html(t, 0)).getMessage().contains("maxRows = 0"));
    }

    @Test
    void numberFormatting() {
        assertEquals("3", Tables.formatNumber(3.0));
        assertEquals("0.3333", Tables.formatNumber(1.0 / 3));
        assertEquals("1235", Tables.formatNumber(1234.5));
        assertEquals("-0.001", Tables.formatNumber(-0.001));
        assertEquals("2.500e-07", Tables.formatNumber(2.5e-7));
        assertEquals("1.235e+06", Tables.formatNumber(1234567.8));
        assertEquals("", Tables.formatNumber(Double.NaN));
    }

    @Test
    void readsCsvAndReportsMalformedLines(@TempDir Path dir) throws Exception {
        Path ok = dir.resolve("points.csv");
        Files.writeString(ok, "x,y,label\n0.5,1.5,a\n-1,2,\"b, quoted\"\n3.25,-0.75,\"say \"\"hi\"\"\"\n");
        Table t = Tables.readCsv(ok);
        assertEquals(3, t.rowCount());
        assertEquals("points.csv", t.name());
        assertEquals(3.25, t.numberColumn("x").getDouble(2), 0);
        assertEquals("b, quoted", t.stringColumn("label").get(1));
        assertEquals("say \"hi\"", t.stringColumn("label").get(2));

        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, "x,y\n1,2\n3,4\n5,6,7\n");
        IllegalArgumentException e = iae(() -> Tables.readCsv(bad));
        assertTrue(e.getMessage().contains("bad.csv:4: expected 2 fields"), e.getMessage());
        assertTrue(e.getMessage().contains("found 3"));

        Path multi = dir.resolve("multi.csv");
        Files.writeString(multi, "a,b\n\"line\nbreak\",1\n2\n");
        assertTrue(iae(() -> Tables.readCsv(multi)).getMessage().contains("multi.csv:4: expected 2 fields (as in the header) but found 1"));

        Path open = dir.resolve("open.csv");
        Files.writeString(open, "a,b\n1,\"never closed\n");
        assertTrue(iae(() -> Tables.readCsv(open)).getMessage().contains("open.csv:2: quoted field is never closed"));

        Path empty = dir.resolve("empty.csv");
        Files.writeString(empty, "");
        assertTrue(iae(() -> Tables.readCsv(empty)).getMessage().contains("empty.csv:1"));

        assertTrue(iae(() -> Tables.readCsv(dir.resolve("missing.csv"))).getMessage().contains("missing.csv does not exist"));
        assertTrue(iae(() -> Tables.dataFile("no-such-file-xyz.csv")).getMessage().contains("no-such-file-xyz.csv not found"));
    }
}
