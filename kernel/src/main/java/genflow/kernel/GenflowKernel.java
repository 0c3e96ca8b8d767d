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
import genflow.jjava.CourseRenderers;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.BaseKernelBuilder;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.magic.MagicParser;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.publish.PublishError;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteInput;
import org.dflib.jjava.jupyter.messages.publish.PublishExecuteResult;
import org.dflib.jjava.jupyter.messages.reply.ErrorReply;
import org.dflib.jjava.jupyter.messages.reply.ExecuteReply;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;
import org.dflib.jjava.jupyter.messages.request.ExecuteRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The course's Jupyter kernel: plain JShell Java (no magics needed), evaluated in the kernel's own
 * JVM with the genflow library and its dependencies on the class path. Cell values that are XChart
 * charts render as {@code image/png}, Tablesaw tables as {@code text/html}, see {@link genflow.jjava.CourseRenderers}.
 * As in Python notebooks, a cell shows the value of its last expression only when that expression
 * is written without a trailing semicolon.
 * Built on the Jupyter protocol base library of JJava ({@code org.dflib.jjava:jjava-jupyter}).
 */
public final class GenflowKernel extends BaseKernel {
    /**
     * The imports every cell sees: exactly IJava's (java.util, java.io, java.math, java.net,
     * java.util.concurrent, java.util.prefs, java.util.regex, and the static display helpers such as
     * {@code display(x)}). JJava has the same plus {@code java.time}; neither has java.util.stream,
     * java.util.function or java.nio.file, so notebooks import those themselves and run unchanged
     * under IJava and JJava.
     */
    static final List<String> DEFAULT_IMPORTS = List.of(
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private final JShell shell;
    private final ValueExecutionControl control;
    private final GenflowIO gio;
    private final Javadocs javadocs = Javadocs.locate();
    private volatile CellOutput output;

    private GenflowKernel(Builder b, GenflowIO io, ValueExecutionControl control, JShell shell) {
        super(b.name(), b.version(), languageInfo(), helpLinks(), b.historyManager(), io, b.commManager(),
                b.renderer(), b.magicParser(), b.magicsRegistry(), false, b.errorStyler());
        this.gio = io;
        this.control = control;
        this.shell = shell;
        CourseRenderers.register(getRenderer());
        installNotebookKernel();
    }

    /** Routes the cells' System.out/err through {@code out} (batched, live progress lines); see {@link CellOutput}. */
    void useOutput(CellOutput out) {
        this.output = out;
    }

    /** Evaluates the default imports and warms JShell's compiler and code analysis (see {@link #warmUp(Runnable, Runnable)}). */
    void warmUp() {
        warmUp(() -> {}, () -> {});
    }

    /**
     * Evaluates the default imports and warms JShell's compiler and code analysis, so the first real
     * cell does not pay JShell's start-up. Holds the kernel's lock throughout, and calls
     * {@code onLocked} once it holds it: the launcher connects the sockets only then, so every request
     * that needs JShell (execute, complete, inspect, is_complete) waits for the imports instead of
     * racing them. kernel_info needs no lock and is answered at once. {@code beforeUnlock} runs last,
     * still under the lock (the launcher starts ND4J's load there, so it is under way before any cell).
     */
    synchronized void warmUp(Runnable onLocked, Runnable beforeUnlock) {
        onLocked.run();
        evalRaw(String.join("\n", DEFAULT_IMPORTS));
        shell.sourceCodeAnalysis().completionSuggestions("Math.ab", 7, new int[1]);
        shell.sourceCodeAnalysis().analyzeCompletion("int x = 1;");
        beforeUnlock.run();
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
        return new GenflowKernel(new Builder(), new GenflowIO(), control, shell);
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
        control.beginCell();
        boolean debug = System.getenv("GENFLOW_KERNEL_DEBUG") != null;
        if (debug) KernelLog.warn("cell start: " + code.lines().findFirst().orElse(""));
        try {
            return evalSnippets(code);
        } finally {
            if (debug) KernelLog.warn("cell end, stop state " + control.stopState());
            control.endCell();
        }
    }

    private Object evalSnippets(String code) {
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
            if (control.stopState() != ValueExecutionControl.Stop.NONE) throw Interrupted.of(control.stopState());
            for (SnippetEvent event : shell.eval(source)) {
                if (event.exception() != null) {
                    if (control.stopState() != ValueExecutionControl.Stop.NONE) throw Interrupted.of(control.stopState());
                    throw new CellException(event.exception(), shell);
                }
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
            if (control.stopState() != ValueExecutionControl.Stop.NONE) throw Interrupted.of(control.stopState());
        }
        return lastIsValue ? last : null;
    }

    /**
     * Renders the cell's value; a value too large to show is cut (with a note) rather than sent whole,
     * so the kernel never tries to serialize hundreds of megabytes (see {@link DisplayLimits}).
     */
    @Override
    public DisplayData eval(String expr) {
        Object result = evalRaw(expr);
        if (result == null) return null;
        DisplayData d;
        try {
            d = result instanceof DisplayData dd ? dd : getRenderer().render(result);
        } catch (OutOfMemoryError e) {
            throw new CellException("The cell's value (a " + result.getClass().getName() + ") is too large to show: "
                    + "rendering it ran out of memory. The value was computed; assign it to a variable and show a part of it.");
        }
        return DisplayLimits.truncate(d);
    }

    /**
     * One cell, as the protocol library's handler, but: output goes through {@link CellOutput} (flushed
     * before the result and the reply), any {@link Throwable} (also an {@link Error}) becomes an error
     * reply, and the reply's metadata says how many IOPub messages the request published
     * ({@code genflow.iopub_messages}, including its final "idle"), so a client can check that none was lost.
     */
    @Override
    protected synchronized void handleExecuteRequest(ShellReplyEnvironment env, Message<ExecuteRequest> message) {
        ExecuteRequest request = message.getContent();
        GenflowReplyEnvironment genv = env instanceof GenflowReplyEnvironment g ? g : null;
        commManager.setMessageContext(message);
        boolean silent = request.isSilent();
        int count = silent ? executionCount.get() : executionCount.getAndIncrement();
        env.setBusyDeferIdle();
        if (!silent) env.publish(new PublishExecuteInput(request.getCode(), count));
        CellOutput out = output;
        if (out != null) out.beginCell(genv);
        gio.attach(env, request.isStdinEnabled());
        try {
            DisplayData value = eval(request.getCode());
            if (out != null) out.endCell();
            if (value != null && !silent) env.publish(new PublishExecuteResult(count, value));
            env.reply(new Message<>(env.getContext(), ExecuteReply.MESSAGE_TYPE,
                    new ExecuteReply(count, Collections.emptyMap()), null, replyMetadata(genv)));
        } catch (Throwable t) {
            Exception e = t instanceof Exception ex ? ex : new CellException(describeError(t));
            if (out != null) out.endCell();
            env.publish(PublishError.of(e, this::formatError));
            ErrorReply error = ErrorReply.of(e);
            error.setExecutionCount(count);
            env.reply(new Message<>(env.getContext(), ExecuteReply.MESSAGE_TYPE.error(), error, null, replyMetadata(genv)));
        } finally {
            gio.detach(env);
        }
    }

    private static Map<String, Object> replyMetadata(GenflowReplyEnvironment env) {
        if (env == null) return null;
        return Map.of("genflow", Map.of("iopub_messages", env.publishedCount()));
    }

    private static String describeError(Throwable t) {
        if (t instanceof OutOfMemoryError) {
            return "OutOfMemoryError: " + t.getMessage() + " (the kernel keeps running; variables are kept, "
                    + "but large values may have to be set to null to free memory)";
        }
        if (t instanceof StackOverflowError) return "StackOverflowError (a recursion too deep?)";
        return t.toString();
    }

    /** kernel_info_reply with the "status" field the protocol requires (the protocol library's reply lacks it). */
    @Override
    protected void handleKernelInfoRequest(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new KernelInfo(Header.PROTOCOL_VERISON, name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private static final class KernelInfo extends KernelInfoReply {
        @SuppressWarnings("unused") private final String status = "ok";

        KernelInfo(String protocol, String name, String version, LanguageInfo info, String banner, List<HelpLink> links) {
            super(protocol, name, version, info, banner, links);
        }
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

    /**
     * Shift-Tab: the signature(s) of what is at (or just before) the cursor, or of the method whose
     * argument list the cursor is in, with the Javadoc: genflow's from the sources shipped with the
     * kernel ({@link Javadocs}), the JDK's from its {@code src.zip} when the JDK has one (otherwise the
     * signature only).
     */
    @Override
    public synchronized DisplayData inspect(String code, int at, boolean extraDetail) {
        List<SourceCodeAnalysis.Documentation> docs = documentation(code, Math.max(0, Math.min(at, code.length())));
        if (docs.isEmpty()) return null;
        StringBuilder text = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        int shown = 0;
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (!seen.add(d.signature())) continue;
            if (shown++ == 12) {
                text.append("\n\n(").append(docs.size() - 12).append(" more overloads)");
                break;
            }
            if (text.length() > 0) text.append("\n\n");
            text.append(d.signature());
            String doc = d.javadoc() != null ? Javadocs.format(d.javadoc()) : javadocs.lookup(d.signature());
            if (doc != null && !doc.isBlank()) text.append("\n\n").append(doc);
        }
        return new DisplayData(text.toString());
    }

    private List<SourceCodeAnalysis.Documentation> documentation(String code, int at) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        int start = at, end = at;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) start--;
        while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) end++;
        if (end > start) {
            // the identifier under the cursor: a type or a variable ...
            List<SourceCodeAnalysis.Documentation> d = analysis.documentation(code.substring(0, end), end, true);
            if (!d.isEmpty()) return d;
            // ... or a method: ask as if its argument list had just been opened
            String prefix = code.substring(0, end);
            d = analysis.documentation(prefix + "(", end + 1, true);
            if (!d.isEmpty()) return d;
        }
        // inside an argument list: the method being called
        return analysis.documentation(code, at, true);
    }

    @Override
    public synchronized ReplacementOptions complete(String code, int at) {
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = shell.sourceCodeAnalysis().completionSuggestions(code, at, anchor);
        if (suggestions == null || suggestions.isEmpty()) return null;
        List<String> options = suggestions.stream().map(SourceCodeAnalysis.Suggestion::continuation)
                .distinct().collect(Collectors.toList());
        return new ReplacementOptions(options, anchor[0], at);
    }

    @Override
    public synchronized String isComplete(String code) {
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
                // incomplete: the indent of the last line, one level deeper after an opening brace
                String[] lines = code.split("\n", -1);
                String lastLine = lines[lines.length - 1];
                String indent = lastLine.substring(0, lastLine.length() - lastLine.stripLeading().length());
                return lastLine.strip().endsWith("{") ? indent + "    " : indent;
        }
    }

    /** No history is kept; the request gets an empty reply rather than none (a client would wait for ever). */
    @Override
    protected void handleHistoryRequest(ShellReplyEnvironment env, Message<org.dflib.jjava.jupyter.messages.request.HistoryRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new org.dflib.jjava.jupyter.messages.reply.HistoryReply(List.of()));
    }

    @Override
    public void interrupt() {
        control.interruptUserCode();
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        shell.close();
    }

    /** The cell was interrupted (ename "Interrupted"). */
    static final class Interrupted extends CellException {
        Interrupted(String message) {
            super(message);
        }

        static Interrupted of(ValueExecutionControl.Stop stop) {
            if (stop == ValueExecutionControl.Stop.ABANDONED) {
                return new Interrupted("The cell was interrupted, but its code did not stop within "
                        + ValueExecutionControl.GIVE_UP_MS / 1000 + " s: it does not check for interruption (native code, "
                        + "or a loop that never calls genflow.math.Interrupts.check()), and Java " + Runtime.version().feature()
                        + " cannot stop a thread from outside. It keeps running in the background and uses a CPU core: "
                        + "restart the kernel (Kernel \u2192 Restart) to stop it. Variables defined before are kept, "
                        + "but the running code may still change them.");
            }
            return new Interrupted("Interrupted: the cell was stopped (Kernel \u2192 Interrupt). Variables defined before are kept.");
        }
    }

    /** An error in a cell, with the message a student should see first. */
    static class CellException extends RuntimeException {
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
