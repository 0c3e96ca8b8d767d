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

    @Test
    void defaultImportsAreExactlyIJavas() {
        assertEquals(1, kernel.evalRaw("new ArrayList<>(List.of(1)).size()"));
        assertNotNull(kernel.evalRaw("new java.math.BigInteger(\"7\").add(BigInteger.ONE)"));
        assertNotNull(kernel.evalRaw("Pattern.compile(\"a+\")"), "java.util.regex");
        for (String notImported : new String[]{"Stream.of(1)", "Function.identity()", "Paths.get(\"x\")"}) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw(notImported), notImported);
            assertTrue(e.getMessage().contains("cannot find symbol"), e.getMessage());
        }
    }

    @Test
    void systemExitInACellIsAnErrorAndTheKernelLivesOn() {
        kernel.evalRaw("int before = 11;");
        RuntimeException e = assertThrows(RuntimeException.class, () -> kernel.evalRaw("System.exit(3);"));
        assertTrue(e.getMessage().contains("System.exit(3) was called in a cell"), e.getMessage());
        assertEquals(11, kernel.evalRaw("before"));
    }

    @Test
    void anInterruptStopsACellsOwnLoopAndKeepsTheVariables() throws Exception {
        kernel.evalRaw("int kept = 5;");
        java.util.concurrent.CompletableFuture<Throwable> cell = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                kernel.evalRaw("long n = 0; while (true) { n++; }");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(500);
        long t0 = System.nanoTime();
        kernel.interrupt();
        Throwable t = cell.get(5, java.util.concurrent.TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertInstanceOf(GenflowKernel.Interrupted.class, t);
        assertTrue(t.getMessage().startsWith("Interrupted"), t.getMessage());
        assertTrue(seconds < 1.5, "stopped after " + seconds + " s");
        assertEquals(6, kernel.evalRaw("kept + 1"));
    }

    @Test
    void anInterruptStopsALibraryLoopThatChecks() throws Exception {
        java.util.concurrent.CompletableFuture<Throwable> cell = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                kernel.evalRaw("var gm = new genflow.dist.GaussianMixture(new double[]{1}, new double[][]{{0}}, new double[][]{{1}});\n"
                        + "new genflow.ode.Langevin(0.01).run(gm, new double[][]{{0}}, 2_000_000_000, genflow.random.Rngs.seeded(1));");
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Thread.sleep(800);
        long t0 = System.nanoTime();
        kernel.interrupt();
        Throwable t = cell.get(5, java.util.concurrent.TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - t0) * 1e-9;
        assertInstanceOf(GenflowKernel.Interrupted.class, t);
        assertTrue(seconds < 0.5, "a library loop stops at its next Interrupts.check(), not after Thread.stop: " + seconds + " s");
    }

    @Test
    void aHugeValueIsCutWithANote() {
        DisplayData d = kernel.eval("\"y\".repeat(3_000_000)");
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.length() < DisplayLimits.MAX_TEXT_CHARS + 200, "length " + text.length());
        assertTrue(text.endsWith("[value truncated: it has 3,000,000 characters, the first 1,000,000 are shown]"),
                text.substring(text.length() - 120));
    }

    @Test
    void shiftTabShowsTheLibrarysJavadocAndJdkSignatures() {
        DisplayData d = kernel.inspect("genflow.process.KacProcess.of", 29, false);
        String text = (String) d.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("genflow.process.KacProcess genflow.process.KacProcess.of(double a, double c)"), text);
        assertTrue(text.contains("reversal rate a > 0"), text);
        String inArgs = (String) kernel.inspect("genflow.process.KacProcess.of(1, 2)", 33, false).getData(MIMEType.TEXT_PLAIN);
        assertEquals(text, inArgs, "inside the argument list: the method being called");
        String type = (String) kernel.inspect("genflow.process.KacProcess", 26, false).getData(MIMEType.TEXT_PLAIN);
        assertTrue(type.contains("telegraph process"), type);
        String jdk = (String) kernel.inspect("Math.abs", 8, false).getData(MIMEType.TEXT_PLAIN);
        assertTrue(jdk.contains("int Math.abs(int a)") && jdk.contains("double Math.abs(double a)"), jdk);
    }

    @Test
    void javadocIsFormattedAsPlainText() {
        String f = Javadocs.format(" Samples {@code n} points, see {@link genflow.dist.Gaussian#sample}.\n <p>Second &lt;p&gt;.\n @param n how many\n @return the points");
        assertEquals("Samples n points, see genflow.dist.Gaussian.sample.\n\nSecond <p>.\n\nParameters:\n  n \u2013 how many\nReturns: the points", f);
    }
}
