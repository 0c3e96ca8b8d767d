package genflow.kernel;

import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.junit.jupiter.api.Assertions.*;

/** The kernel's evaluation and display rules, without a Jupyter connection. */
class GenflowKernelTest {
    static GenflowKernel kernel;

    @BeforeAll
    static void start() {
        kernel = GenflowKernel.create();
        kernel.warmUp();
    }

    @AfterAll
    static void stop() {
        kernel.onShutdown(false);
    }

    @Test
    void lastExpressionWithoutSemicolonIsTheValue() {
        assertEquals(7, kernel.evalRaw("int a = 3;\na + 4"));
        assertNull(kernel.evalRaw("int b = 3;\nb + 4;"), "a trailing ';' hides the value");
        assertNull(kernel.evalRaw("int c = 5;"), "a declaration shows nothing");
        assertNull(kernel.evalRaw("System.out.print(\"\")"), "void calls show nothing");
    }

    @Test
    void definitionsPersistAcrossCells() {
        kernel.evalRaw("double sq(double v) { return v * v; }");
        assertEquals(9.0, kernel.evalRaw("sq(3)"));
    }

    @Test
    void defaultImportsAndLibraryAreAvailable() {
        assertEquals(3, kernel.evalRaw("List.of(1, 2, 3).size()"));
        assertEquals(2, kernel.evalRaw("new genflow.dist.GaussianMixture(new double[]{1}, new double[][]{{0, 0}}, new double[][]{{1, 1}}).dim()"));
    }

    @Test
    void exceptionsCarryTheUsersMessage() {
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> kernel.evalRaw("genflow.math.Require.inRange(\"t\", 2, 0, 1)"));
        assertTrue(e.getMessage().contains("IllegalArgumentException: t = 2.0 is outside [0, 1]"), e.getMessage());
        String formatted = String.join("\n", kernel.formatError(e));
        assertTrue(formatted.contains("genflow.math.Require.inRange"), formatted);
    }

    @Test
    void compileErrorsNameLineAndCause() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("int ok = 1;\nint bad = \"s\";"));
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
        assertTrue(e.getMessage().contains("int bad = \"s\";"), e.getMessage());
    }

    @Test
    void chartsRenderAsPngAndTablesAsHtml() {
        Object chart = kernel.evalRaw("var ch = new org.knowm.xchart.XYChart(200, 100);\n"
                + "ch.addSeries(\"s\", new double[]{0, 1}, new double[]{0, 1});\nch");
        DisplayData d = kernel.getRenderer().render(chart);
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        Object table = kernel.evalRaw("tech.tablesaw.api.Table.create(\"t\", tech.tablesaw.api.DoubleColumn.create(\"w2\", new double[]{0.5}))");
        String html = (String) kernel.getRenderer().render(table).getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("w2") && html.contains("0.5") && html.contains("<table"), html);
    }

    @Test
    void isCompleteTellsTheFrontEnd() {
        assertEquals(GenflowKernel.IS_COMPLETE_YES, kernel.isComplete("int z = 1;"));
        assertEquals("    ", kernel.isComplete("for (int i = 0; i < 3; i++) {"), "incomplete, indent one level after a brace");
        assertEquals("", kernel.isComplete("int y = (1 +"), "incomplete, same indent");
        assertEquals(GenflowKernel.IS_COMPLETE_BAD, kernel.isComplete("))))"));
    }
}
