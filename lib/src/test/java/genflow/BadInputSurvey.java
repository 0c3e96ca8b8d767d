package genflow;

import java.io.IOException;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The engine of {@link BadInputSurveyTest}: runs one call with a bad argument and classifies what
 * happens as
 * <ul>
 *   <li>CLEAR — an {@link IllegalArgumentException} whose message names the parameter (as a whole
 *       word), or an exception type the method documents for this situation (listed per case);</li>
 *   <li>OBSCURE — any other exception (NegativeArraySize, OutOfMemory, ArrayIndexOutOfBounds,
 *       NumberFormat, NullPointer, an exception from inside ND4J or XChart, an IAE that does not say
 *       which parameter is wrong) or no answer within the time limit;</li>
 *   <li>SILENT — the call returns a non-finite number (NaN, ±∞) anywhere in its result, or a result
 *       that a case-specific check recognises as meaningless;</li>
 *   <li>ACCEPTED — the call returns a finite result (the "bad" value was valid for this method,
 *       e.g. t = 0 or an empty title). Not counted as bad input.</li>
 * </ul>
 * Results are "finished" before they are scanned: builders are built, charts and figures are
 * rendered, distributions sample and evaluate their density, schedules are evaluated — so a
 * value accepted by a factory but poisoning everything downstream is caught at the factory.
 */
final class BadInputSurvey {
    private BadInputSurvey() {}

    enum Kind { CLEAR, OBSCURE, SILENT, ACCEPTED }

    /** What happened for one case. */
    record Outcome(Kind kind, String detail) {}

    /**
     * One call with bad input.
     *
     * @param id        unique, readable id, e.g. {@code Bessel.i0(x = NaN)}
     * @param pkg       the package the entry point lives in (e.g. {@code genflow.dist})
     * @param names     parameter names any of which a clear message must mention
     * @param call      the call
     * @param documented exception types that count as clear for this call (besides IAE), may be empty
     * @param check     optional check of a returned value: null when it is meaningful, else the reason
     * @param documentedNonFinite a non-finite result is what the method documents (e.g. Φ⁻¹(0) = −∞)
     */
    record Case(String id, String pkg, List<String> names, Callable<Object> call, Set<Class<? extends Throwable>> documented,
                Function<Object, String> check, boolean documentedNonFinite) {
        Case {
            names = List.copyOf(names);
            documented = Set.copyOf(documented);
        }
    }

    /** Time limit per call; a call that does not answer is OBSCURE ("hangs"). */
    static final long TIME_LIMIT_SECONDS = 20;

    private static ExecutorService executor = newExecutor();

    private static ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "bad-input-survey");
            t.setDaemon(true);
            return t;
        });
    }

    static Outcome run(Case c) {
        Future<Object> f = executor.submit(() -> finish(c.call().call()));
        Object result;
        try {
            result = f.get(TIME_LIMIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            executor.shutdownNow();
            executor = newExecutor(); // the stuck thread is a daemon and is abandoned
            return new Outcome(Kind.OBSCURE, "no answer within " + TIME_LIMIT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            return classifyThrowable(c, unwrap(e.getCause()));
        }
        String bad = nonFinite(result, "result", 0);
        if (bad != null) {
            return c.documentedNonFinite() ? new Outcome(Kind.CLEAR, "documented non-finite result: " + bad)
                    : new Outcome(Kind.SILENT, bad);
        }
        if (c.check() != null) {
            String why = c.check().apply(result);
            if (why != null) return new Outcome(Kind.SILENT, why);
        }
        return new Outcome(Kind.ACCEPTED, "finite result");
    }

    static Throwable unwrap(Throwable t) {
        while ((t instanceof InvocationTargetException || t instanceof java.util.concurrent.ExecutionException
                || t instanceof java.lang.reflect.UndeclaredThrowableException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Outcome classifyThrowable(Case c, Throwable t) {
        String msg = t.getMessage() == null ? "" : t.getMessage();
        String where = firstFrame(t);
        if (t instanceof IllegalArgumentException) {
            if (mentionsAny(msg, c.names())) return new Outcome(Kind.CLEAR, "IAE: " + oneLine(msg));
            return new Outcome(Kind.OBSCURE, "IllegalArgumentException not naming " + c.names() + ": " + oneLine(msg) + where);
        }
        for (Class<? extends Throwable> ok : c.documented()) {
            if (ok.isInstance(t) && !msg.isBlank()) return new Outcome(Kind.CLEAR, "documented " + t.getClass().getSimpleName() + ": " + oneLine(msg));
        }
        return new Outcome(Kind.OBSCURE, t.getClass().getName() + ": " + oneLine(msg) + where);
    }

    private static String firstFrame(Throwable t) {
        StackTraceElement[] st = t.getStackTrace();
        return st.length == 0 ? "" : " (at " + st[0] + ")";
    }

    private static String oneLine(String s) {
        String r = s.replace('\n', ' ');
        return r.length() > 220 ? r.substring(0, 220) + "…" : r;
    }

    /** Whether {@code msg} contains one of the names as a whole word (letters, digits and _ delimit words). */
    static boolean mentionsAny(String msg, List<String> names) {
        for (String n : names) {
            Pattern p = Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(n) + "(?![A-Za-z0-9_])");
            if (p.matcher(msg).find()) return true;
        }
        return false;
    }

    // ------------------------------------------------------------------ finishing and scanning results

    /** Builds builders, renders charts, exercises returned distributions; returns what to scan. */
    static Object finish(Object r) throws Exception {
        if (r == null) return null;
        String cn = r.getClass().getName();
        if (r instanceof org.knowm.xchart.internal.chartpart.Chart<?, ?> chart) {
            return genflow.plot.Export.image(chart).getWidth(); // forces XChart to lay out axes and ticks
        }
        if (r instanceof genflow.plot.Figure fig) return genflow.plot.Export.image(fig).getWidth();
        if (r instanceof genflow.plot.HistogramBuilder hb) return finish(hb.sample("survey sample", new double[] {0.5}).build());
        if (r instanceof genflow.plot.ImageGrid.Builder b) return finish(b.build());
        if (r instanceof genflow.plot.Grid2D.Builder b) return finish(b.build());
        if (r instanceof genflow.plot.Grid2D g) return new Object[] {g.dx(), g.dy(), g.x(0), g.y(g.ny() - 1), g.x(g.nx() - 1)};
        if (r instanceof genflow.ode.DormandPrince45.Builder b) return b.build().toString();
        if (r instanceof genflow.ot.Sinkhorn.Builder b) return b.build().toString();
        if (r instanceof genflow.table.TableBuilder b) return buildIfComplete(b::build, "columns must contain");
        if (r instanceof genflow.table.ResultsBuilder b) return buildIfComplete(b::build, "rows must contain");
        List<Object> out = new ArrayList<>();
        out.add(r);
        java.util.random.RandomGenerator rng = genflow.random.Rngs.seeded(7);
        // exercise a returned object; a clear IllegalArgumentException from a later call is fine (the
        // object is not silently broken: that call names what is out of range)
        if (r instanceof genflow.dist.Sampleable s) exercise(out, () -> s.sample(4, rng));
        if (r instanceof genflow.dist.Density d) {
            double[] x = new double[d.dim()];
            if (r instanceof genflow.dist.Uniform u) for (int j = 0; j < x.length; j++) x[j] = 0.5 * u.lo()[j] + 0.5 * u.hi()[j];
            exercise(out, () -> d.logDensity(x));
            exercise(out, () -> d.score(x));
        }
        if (r instanceof genflow.schedule.Schedule s) {
            for (double t : new double[] {0.25, 0.5, 0.75}) exercise(out, () -> new double[] {s.alpha(t), s.beta(t), s.alphaDot(t), s.betaDot(t)});
        }
        if (r instanceof genflow.schedule.TimeChange s) {
            for (double t : new double[] {0.25, 0.5, 0.75}) exercise(out, () -> new double[] {s.f(t), s.g(t), s.fDot(t), s.gDot(t)});
        }
        if (r instanceof genflow.process.Process1D p) {
            exercise(out, () -> p.sample(0.5, rng));
            exercise(out, () -> p.velocity(0.5, 0.1));
        }
        if (r instanceof genflow.process.KacProcess k) exercise(out, () -> new double[] {k.density(0.5, 0.1), k.cdf(0.5, 0.1), k.secondMoment(0.5)});
        if (r instanceof genflow.pde.LinearFlowGaussian g) exercise(out, () -> new double[] {g.flow(0.5, 0.1), g.std(0.5), g.density(0.5, 0.1)});
        if (r instanceof genflow.pde.OuGaussianCurve g) exercise(out, () -> new double[] {g.mean(0.5), g.variance(0.5), g.density(0.5, 0.1), g.stationaryVariance()});
        if (r instanceof genflow.ode.Langevin l) exercise(out, () -> l.run((t, x) -> neg(x), 0, new double[][] {{0.1, 0.2}}, 2, rng));
        if (r instanceof genflow.ode.Sde s) exercise(out, () -> new genflow.ode.EulerMaruyama().integrate(s, new double[][] {{0.1, 0.2}}, 0, 1, 2, rng));
        if (r instanceof genflow.ode.VectorField v && !cn.contains("$$Lambda")) exercise(out, () -> v.apply(0.5, new double[][] {{0.1, 0.2}}));
        if (r instanceof genflow.process.EnergyDistanceFlow1D e) exercise(out, () -> e.velocity(new double[] {0.1, 0.3}));
        // genflow.nn, genflow.loss, genflow.path, genflow.course
        if (r instanceof genflow.nn.Mlp.Builder b) return finish(b.build());
        if (r instanceof genflow.nn.samediff.SameDiffModel.Builder || r instanceof genflow.nn.Trainer.Builder) return null; // building trains or compiles a graph
        if (r instanceof genflow.nn.FieldModel f) exercise(out, () -> f.asVectorField().apply(0.5, smallBatch(f.dim())));
        if (r instanceof genflow.nn.RqSpline q) {
            exercise(out, () -> q.quantile(0, 0.3));
            exercise(out, () -> q.spline(q.dim() - 1, 0.7));
        }
        if (r instanceof genflow.nn.TimeEmbedding e) exercise(out, () -> {
            double[] f = new double[e.size()];
            e.embed(0.5, f, 0);
            return f;
        });
        if (r instanceof genflow.nn.Adam.Builder b) exercise(out, () -> {
            double[] p = {0.5, -0.5};
            b.build((genflow.nn.Parametric) () -> p).step(new double[][] {{1, -1}});
            return p;
        });
        if (r instanceof genflow.path.ConditionalPath p) exercise(out, () -> p.sample(0.5, new double[][] {{0.1, 0.2}}, rng));
        if (r instanceof genflow.loss.QuantileNoise q) exercise(out, () -> q.sample(2, rng));
        if (r instanceof genflow.course.LectureFigure f) {
            return f.isAnimation() ? genflow.plot.Gif.bytes(f.frames(), f.frameDelayMs()).length : finish(f.draw());
        }
        return out.size() == 1 ? r : out;
    }

    private static void exercise(List<Object> out, Callable<Object> call) throws Exception {
        try {
            out.add(call.call());
        } catch (IllegalArgumentException e) {
            // rejected clearly by the later call
        }
    }

    /** Builds a builder that may legitimately still be empty (then there is nothing to check). */
    private static Object buildIfComplete(Callable<Object> build, String emptyMessage) throws Exception {
        try {
            return build.call();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith(emptyMessage)) return null;
            throw e;
        }
    }

    /** A batch of 2 small points in R^d. */
    static double[][] smallBatch(int d) {
        double[][] x = new double[2][d];
        for (int j = 0; j < d; j++) { x[0][j] = 0.1 * (j + 1); x[1][j] = -0.2 * (j + 1); }
        return x;
    }

    static double[][] neg(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i].clone();
            for (int j = 0; j < y[i].length; j++) y[i][j] = -y[i][j];
        }
        return y;
    }

    /** A description of the first non-finite number found in {@code v}, or null. */
    static String nonFinite(Object v, String path, int depth) {
        if (v == null || depth > 6) return null;
        if (v instanceof Double d) return Double.isFinite(d) ? null : path + " = " + d;
        if (v instanceof Float f) return Float.isFinite(f) ? null : path + " = " + f;
        if (v instanceof double[] a) {
            for (int i = 0; i < a.length; i++) if (!Double.isFinite(a[i])) return path + "[" + i + "] = " + a[i];
            return null;
        }
        if (v instanceof org.nd4j.linalg.api.ndarray.INDArray a) {
            if (a.length() == 0 || a.length() > 1_000_000 || !a.dataType().isFPType()) return null;
            return nonFinite(org.nd4j.linalg.factory.Nd4j.toFlattened('c', a).castTo(org.nd4j.linalg.api.buffer.DataType.DOUBLE).toDoubleVector(), path, depth + 1);
        }
        if (v instanceof float[] a) {
            for (int i = 0; i < a.length; i++) if (!Float.isFinite(a[i])) return path + "[" + i + "] = " + a[i];
            return null;
        }
        if (v instanceof Object[] a) {
            for (int i = 0; i < a.length; i++) {
                String s = nonFinite(a[i], path + "[" + i + "]", depth + 1);
                if (s != null) return s;
            }
            return null;
        }
        if (v instanceof List<?> l) {
            for (int i = 0; i < l.size(); i++) {
                String s = nonFinite(l.get(i), path + "." + i, depth + 1);
                if (s != null) return s;
            }
            return null;
        }
        if (v.getClass().isRecord()) {
            for (RecordComponent rc : v.getClass().getRecordComponents()) {
                try {
                    rc.getAccessor().setAccessible(true);
                    String s = nonFinite(rc.getAccessor().invoke(v), path + "." + rc.getName(), depth + 1);
                    if (s != null) return s;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
            return null;
        }
        if (v instanceof genflow.ode.Trajectory t) {
            String s = nonFinite(t.times(), path + ".times", depth + 1);
            return s != null ? s : nonFinite(t.states(), path + ".states", depth + 1);
        }
        if (v instanceof genflow.ot.Sinkhorn.Result r) {
            return nonFinite(List.of(r.plan(), r.f(), r.g(), r.cost(), r.marginalError()), path, depth + 1);
        }
        if (v instanceof tech.tablesaw.api.Table t) {
            for (var col : t.columns()) {
                if (col instanceof tech.tablesaw.api.NumericColumn<?> nc) {
                    for (int i = 0; i < nc.size(); i++) {
                        double d = nc.getDouble(i);
                        if (!Double.isFinite(d) && !nc.isMissing(i)) return path + "." + col.name() + "[" + i + "] = " + d;
                    }
                }
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ parameter names from the sources

    /**
     * Parameter names of public methods and constructors, read from the source files (the main
     * classes are compiled without {@code -parameters}). Key: {@code name(T1,T2,…)} with simple,
     * erased type names as {@link Class#getSimpleName()} prints them.
     */
    static Map<String, List<String>> parameterNames(Path sourceRoot) throws IOException {
        Map<String, List<String>> out = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(sourceRoot)) {
            files = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        Pattern decl = Pattern.compile("(?:public|protected)\\s+(?:static\\s+|final\\s+|abstract\\s+|synchronized\\s+)*"
                + "(?:<[^>]*>\\s*)?(?:(record)\\s+)?(?:[\\w.$\\[\\]]+(?:<[^()]*?>)?(?:\\[\\])*\\s+)?(\\w+)\\s*\\(");
        Pattern ifaceStatic = Pattern.compile("(?m)^\\s*(?:static|default)\\s+(?:<[^>]*>\\s*)?()(?:[\\w.$\\[\\]]+(?:<[^()]*?>)?(?:\\[\\])*\\s+)(\\w+)\\s*\\(");
        // abstract interface methods (implicitly public; a declaration ends with ";") and records nested in interfaces
        Pattern ifaceAbstract = Pattern.compile("(?m)^\\s+()(?:[\\w.$\\[\\]]+(?:<[^()]*?>)?(?:\\[\\])*\\s+)(\\w+)\\s*\\((?=[^;{}]*\\)\\s*;)");
        Pattern ifaceRecord = Pattern.compile("(?m)^\\s+(record)\\s+(\\w+)\\s*\\(");
        for (Path f : files) {
            String text = stripComments(Files.readString(f));
            String top = f.getFileName().toString().replace(".java", "");
            for (Matcher m : List.of(decl.matcher(text), ifaceStatic.matcher(text), ifaceAbstract.matcher(text), ifaceRecord.matcher(text)))
            while (m.find()) {
                String name = m.group(2);
                int open = m.end() - 1;
                int close = matchParen(text, open);
                if (close < 0) continue;
                String params = text.substring(open + 1, close).strip();
                List<String> types = new ArrayList<>(), names = new ArrayList<>();
                if (!params.isEmpty()) {
                    for (String p : splitTopLevel(params)) {
                        String q = p.replaceAll("@\\w+(\\([^)]*\\))?", "").replace("final ", "").strip();
                        int sp = q.lastIndexOf(' ');
                        if (sp < 0) { types = null; break; }
                        String type = q.substring(0, sp).strip(), pn = q.substring(sp + 1).strip();
                        types.add(simpleType(type));
                        names.add(pn);
                    }
                }
                if (types == null) continue;
                out.putIfAbsent(top + "#" + name + "(" + String.join(",", types) + ")", names);
            }
        }
        return out;
    }

    static String key(String name, Class<?>[] types) {
        List<String> t = new ArrayList<>();
        for (Class<?> c : types) t.add(c.getSimpleName());
        return name + "(" + String.join(",", t) + ")";
    }

    private static String simpleType(String type) {
        String t = type.replaceAll("\\s+", "");
        // drop generic arguments (possibly nested)
        StringBuilder sb = new StringBuilder();
        int depth = 0;
        for (char ch : t.toCharArray()) {
            if (ch == '<') depth++;
            else if (ch == '>') depth--;
            else if (depth == 0) sb.append(ch);
        }
        t = sb.toString().replace("...", "[]");
        int dims = 0;
        while (t.endsWith("[]")) { dims++; t = t.substring(0, t.length() - 2); }
        int dot = t.lastIndexOf('.');
        if (dot >= 0) t = t.substring(dot + 1);
        return t + "[]".repeat(dims);
    }

    private static List<String> splitTopLevel(String s) {
        List<String> parts = new ArrayList<>();
        int depth = 0, start = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '<' || ch == '(') depth++;
            else if (ch == '>' || ch == ')') depth--;
            else if (ch == ',' && depth == 0) {
                parts.add(s.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(s.substring(start));
        return parts;
    }

    private static int matchParen(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return i;
        }
        return -1;
    }

    private static String stripComments(String s) {
        return s.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ");
    }

    // ------------------------------------------------------------------ small helpers for cases

    /** Array of {@code n} copies of {@code v}. */
    static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }

    static Object newArrayLike(Object template, int length) {
        return Array.newInstance(template.getClass().getComponentType(), length);
    }

    static <K, V> Map<K, V> ordered() {
        return new LinkedHashMap<>();
    }
}
