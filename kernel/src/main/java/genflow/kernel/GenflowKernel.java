package genflow.kernel;

import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.UnresolvedReferenceException;
import jdk.jshell.VarSnippet;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The course's Jupyter kernel: plain JShell Java (no magics needed), evaluated in the kernel's own
 * JVM with the genflow library and its dependencies on the class path. Cell values that are XChart
 * charts render as {@code image/png}, Tablesaw tables as {@code text/html}, see {@link Displays}.
 * As in Python notebooks, a cell shows the value of its last expression only when that expression
 * is written without a trailing semicolon.
 * Built on the Jupyter protocol base library of JJava ({@code org.dflib.jjava:jjava-jupyter}).
 */
public final class GenflowKernel extends BaseKernel {
    /** The imports every cell sees, as in the {@code jshell} tool's DEFAULT start-up and IJava. */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.io.*;", "import java.math.*;", "import java.net.*;", "import java.nio.file.*;",
            "import java.util.*;", "import java.util.concurrent.*;", "import java.util.function.*;",
            "import java.util.regex.*;", "import java.util.stream.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private final JShell shell;
    private final ValueExecutionControl control;

    private GenflowKernel(Builder b, ValueExecutionControl control, JShell shell) {
        super(b.name(), b.version(), languageInfo(), helpLinks(), b.historyManager(), b.io(), b.commManager(),
                b.renderer(), b.magicParser(), b.magicsRegistry(), false, b.errorStyler());
        this.control = control;
        this.shell = shell;
        Displays.register(getRenderer());
        installNotebookKernel();
    }

    /**
     * Evaluates the default imports and compiles a first snippet, so the first real cell does not
     * pay JShell's start-up. Runs under the kernel's lock: a cell sent meanwhile waits for it.
     */
    synchronized void warmUp() {
        evalRaw(String.join("\n", DEFAULT_IMPORTS));
    }

    /** Builds a kernel whose JShell sees every entry of this JVM's class path. */
    public static GenflowKernel create() {
        ValueExecutionControl control = new ValueExecutionControl();
        JShell shell = JShell.builder()
                .executionEngine(new ExecutionControlProvider() {
                    @Override public String name() { return "genflow"; }
                    @Override public ExecutionControl generate(ExecutionEnv env, Map<String, String> params) { return control; }
                }, Map.of())
                .compilerOptions("-Xlint:none")
                .build();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!entry.isBlank()) shell.addToClasspath(entry);
        }
        return new GenflowKernel(new Builder(), control, shell);
    }

    private static LanguageInfo languageInfo() {
        return new LanguageInfo.Builder("Java")
                .version(Runtime.version().toString())
                .mimetype("text/x-java-source")
                .fileExtension(".jshell")
                .pygments("java")
                .codemirror("java")
                .build();
    }

    private static List<HelpLink> helpLinks() {
        return List.of(new HelpLink("Java API", "https://docs.oracle.com/en/java/javase/17/docs/api/"));
    }

    @Override
    public String getBanner() {
        return "Java " + Runtime.version() + " (genflow course kernel, JShell)";
    }

    /**
     * Evaluates a cell: each complete snippet in turn; the value of the last snippet, if it is an
     * expression with a non-void value, is returned for display. Stops at the first compile error
     * or exception, which is thrown with the cell's own message.
     */
    @Override
    public Object evalRaw(String code) {
        control.clearValues();
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String remaining = code;
        Object last = null;
        boolean lastIsValue = false;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            String source;
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) break;
            if (info.completeness().isComplete()) {
                source = info.source();
                remaining = info.remaining();
            } else if (info.completeness() == SourceCodeAnalysis.Completeness.DEFINITELY_INCOMPLETE
                    || info.completeness() == SourceCodeAnalysis.Completeness.CONSIDERED_INCOMPLETE) {
                // Let the compiler report what is missing (e.g. a forgotten ';' at the end).
                source = remaining;
                remaining = "";
            } else {
                throw new CellException("Unknown input: " + remaining.strip());
            }
            last = null;
            lastIsValue = false;
            for (SnippetEvent event : shell.eval(source)) {
                if (event.exception() != null) throw new CellException(event.exception(), shell);
                if (event.status() == Snippet.Status.REJECTED) {
                    throw new CellException(compileMessage(event.snippet()));
                }
                if (event.causeSnippet() == null) {
                    Object v = control.takeValue(event.value());
                    Snippet s = event.snippet();
                    // As in Python notebooks: a final expression WITHOUT a trailing ';' shows its value.
                    boolean isValue = !s.source().strip().endsWith(";")
                            && ((s instanceof ExpressionSnippet es && !"void".equals(es.typeName()))
                                || (s instanceof VarSnippet vs && s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND
                                    && !"void".equals(vs.typeName())));
                    last = v;
                    lastIsValue = isValue;
                }
            }
        }
        System.out.flush();
        System.err.flush();
        return lastIsValue ? last : null;
    }

    private String compileMessage(Snippet snippet) {
        List<Diag> diags = shell.diagnostics(snippet).collect(Collectors.toList());
        StringBuilder sb = new StringBuilder();
        String src = snippet.source();
        for (Diag d : diags) {
            if (!d.isError()) continue;
            int line = 1 + (int) src.substring(0, (int) Math.max(0, Math.min(src.length(), d.getStartPosition())))
                    .chars().filter(ch -> ch == '\n').count();
            sb.append("Compile error at line ").append(line).append(": ")
                    .append(d.getMessage(null).lines().filter(l -> !l.strip().startsWith("location:"))
                            .collect(Collectors.joining(" ")))
                    .append('\n');
            String[] lines = src.split("\n", -1);
            if (line - 1 < lines.length) sb.append("    ").append(lines[line - 1].strip()).append('\n');
        }
        if (sb.length() == 0) sb.append("Compile error in: ").append(src.strip());
        return sb.toString().strip();
    }

    /**
     * The base library points System.out/err at the notebook for each request; wrap them so that a
     * line is sent as one stream output (printf pieces are not stored one by one in the notebook).
     */
    @Override
    protected void replaceOutputStreams(org.dflib.jjava.jupyter.channels.ShellReplyEnvironment env) {
        super.replaceOutputStreams(env);
        if (!(System.out instanceof LineBufferedPrintStream)) System.setOut(new LineBufferedPrintStream(System.out));
        if (!(System.err instanceof LineBufferedPrintStream)) System.setErr(new LineBufferedPrintStream(System.err));
    }

    /** A PrintStream that passes whole lines on (see {@link LineBufferedStream}). */
    static final class LineBufferedPrintStream extends java.io.PrintStream {
        LineBufferedPrintStream(java.io.PrintStream target) {
            super(new LineBufferedStream(target), false, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Override
    public List<String> formatError(Throwable e) {
        List<String> out = new ArrayList<>();
        if (e instanceof CellException ce) {
            out.add(errorStyler.primary(ce.getMessage()));
            for (String line : ce.userStack()) out.add(errorStyler.secondary(line));
            return out;
        }
        return super.formatError(e);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = shell.sourceCodeAnalysis().documentation(code, at, true);
        if (docs == null || docs.isEmpty()) return null;
        String text = docs.stream()
                .map(d -> d.signature() + (d.javadoc() == null ? "" : "\n" + d.javadoc()))
                .collect(Collectors.joining("\n\n"));
        return new DisplayData(text);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) return null;
        List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct().collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public String isComplete(String code) {
        SourceCodeAnalysis.CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(code);
        while (info.completeness().isComplete() && !info.remaining().isBlank()) {
            info = shell.sourceCodeAnalysis().analyzeCompletion(info.remaining());
        }
        switch (info.completeness()) {
            case COMPLETE:
            case COMPLETE_WITH_SEMI:
            case EMPTY:
                return IS_COMPLETE_YES;
            case UNKNOWN:
                return IS_COMPLETE_BAD;
            default:
                return "";
        }
    }

    @Override
    public void interrupt() {
        control.interruptUserCode();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        shell.close();
    }

    /** An error in a cell, with the message a student should see first. */
    static final class CellException extends RuntimeException {
        private final List<String> userStack;

        CellException(String message) {
            super(message);
            this.userStack = List.of();
        }

        CellException(Throwable thrown, JShell shell) {
            super(describe(thrown, shell));
            List<String> stack = new ArrayList<>();
            Throwable t = thrown;
            for (StackTraceElement el : t.getStackTrace()) {
                String cls = el.getClassName();
                if (cls.startsWith("jdk.internal.") || cls.startsWith("java.lang.reflect.")
                        || cls.startsWith("genflow.kernel.") || cls.startsWith("java.util.concurrent.")) continue;
                boolean cell = el.getFileName() != null && el.getFileName().startsWith("#");
                stack.add("    at " + (cell ? "cell code, line " + el.getLineNumber() : el.toString()));
                if (stack.size() >= 12) break;
            }
            this.userStack = stack;
        }

        List<String> userStack() { return userStack; }

        private static String describe(Throwable t, JShell shell) {
            if (t instanceof EvalException ee) {
                String msg = ee.getMessage();
                return ee.getExceptionClassName() + (msg == null ? "" : ": " + msg)
                        + (ee.getCause() != null ? "\nCaused by: " + describe(ee.getCause(), shell) : "");
            }
            if (t instanceof UnresolvedReferenceException ure) {
                return "Unresolved reference in: " + ure.getSnippet().source().strip()
                        + "\n  missing: " + shell.unresolvedDependencies(ure.getSnippet()).collect(Collectors.joining(", "));
            }
            return t.toString();
        }
    }

    /** Supplies the base library's standard parts; this kernel uses no magics. */
    private static final class Builder extends BaseKernelBuilder<Builder, GenflowKernel> {
        @Override public GenflowKernel build() { throw new UnsupportedOperationException("use GenflowKernel.create()"); }
        String name() { return "genflow"; }
        String version() { return "0.1.0"; }
        org.dflib.jjava.jupyter.kernel.history.HistoryManager historyManager() { return buildHistoryManager(); }
        org.dflib.jjava.jupyter.kernel.JupyterIO io() { return buildJupyterIO(buildJupyterIOEncoding()); }
        org.dflib.jjava.jupyter.kernel.comm.CommManager commManager() { return buildCommManager(); }
        org.dflib.jjava.jupyter.kernel.display.Renderer renderer() { return buildRenderer(); }
        MagicParser magicParser() { return new MagicParser("(?<=(?:^|=))\\s*%", "%%", buildMagicTranspiler()); }
        org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry magicsRegistry() { return buildMagicsRegistry(); }
        org.dflib.jjava.jupyter.kernel.util.StringStyler errorStyler() { return buildErrorStyler(); }
    }
}
