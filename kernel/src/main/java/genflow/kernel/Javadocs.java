package genflow.kernel;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Javadoc of the library for Shift-Tab. JShell's own documentation lookup reads sources only from
 * the JDK's {@code src.zip}; for genflow's classes this helper reads the library's sources shipped
 * with the kernel ({@code kernel/target/classpath/sources/}, copied there by the build), finds the
 * class, method, constructor or field that JShell's signature names, and returns its doc comment as
 * plain text. Parsed files are cached.
 */
final class Javadocs {
    private static final Pattern INLINE = Pattern.compile("\\{@(code|literal|link|linkplain|value)\\s*([^}]*)}");

    private final Path root;
    private final Map<String, Parsed> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override protected boolean removeEldestEntry(Map.Entry<String, Parsed> e) { return size() > 64; }
    };

    private record Parsed(CompilationUnitTree unit, Trees trees) {}

    Javadocs(Path root) {
        this.root = root;
    }

    /** Where the library's sources are: {@code -Dgenflow.sources=...}, else {@code sources/} next to the kernel's jar. */
    static Javadocs locate() {
        String prop = System.getProperty("genflow.sources");
        if (prop != null) return new Javadocs(Path.of(prop));
        try {
            Path jar = Path.of(Javadocs.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return new Javadocs(jar.getParent().resolve("sources"));
        } catch (Exception e) {
            return new Javadocs(null);
        }
    }

    boolean available() {
        return root != null && Files.isDirectory(root);
    }

    /**
     * The doc comment for a JShell documentation signature such as
     * {@code "genflow.process.KacProcess genflow.process.KacProcess.of(double a, double c)"},
     * {@code "genflow.process.KacProcess"} or {@code "kp:genflow.process.KacProcess"}; null if not a
     * library element or not documented.
     */
    synchronized String lookup(String signature) {
        if (!available() || signature == null) return null;
        try {
            return find(signature);
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private String find(String signature) throws IOException {
        String sig = signature.strip();
        int paren = sig.indexOf('(');
        String head = paren >= 0 ? sig.substring(0, paren) : sig;
        int colon = head.indexOf(':');
        if (paren < 0 && colon >= 0) head = head.substring(colon + 1);   // a variable: "name:Type" shows its type's doc
        head = stripTypeArguments(head).strip();
        String[] tokens = head.split("\\s+");
        String qualified = tokens[tokens.length - 1];
        List<String> paramNames = paren >= 0 ? paramNames(sig.substring(paren + 1, closing(sig, paren))) : null;

        String[] parts = qualified.split("\\.");
        for (int k = parts.length; k >= 1; k--) {
            Path file = root.resolve(String.join("/", java.util.Arrays.copyOfRange(parts, 0, k)) + ".java");
            if (!Files.isRegularFile(file)) continue;
            List<String> rest = List.of(parts).subList(k, parts.length);
            Parsed p = parse(file);
            return findIn(p, parts[k - 1], rest, paramNames);
        }
        return null;
    }

    private String findIn(Parsed p, String topClass, List<String> rest, List<String> params) {
        List<String> all = new ArrayList<>();
        all.add(topClass);
        all.addAll(rest);
        List<String> enclosing = all.subList(0, all.size() - 1);
        String last = all.get(all.size() - 1);
        String doc;
        if (params != null) {
            // a method of the enclosing class, or a constructor (JShell names it by the class)
            doc = enclosing.isEmpty() ? null : docOf(p, enclosing, m -> m instanceof MethodTree mt
                    && mt.getName().contentEquals(last) && paramsMatch(mt, params));
            if (doc == null) doc = docOf(p, all, m -> m instanceof MethodTree mt
                    && mt.getName().contentEquals("<init>") && paramsMatch(mt, params));
            if (doc == null && !enclosing.isEmpty() && enclosing.get(enclosing.size() - 1).equals(last)) {
                doc = docOf(p, enclosing, m -> m instanceof MethodTree mt
                        && mt.getName().contentEquals("<init>") && paramsMatch(mt, params));
            }
        } else {
            doc = docOf(p, all, null);
            if (doc == null && !enclosing.isEmpty()) {
                doc = docOf(p, enclosing, m -> m instanceof VariableTree vt && vt.getName().contentEquals(last));
            }
        }
        return doc == null ? null : format(doc);
    }

    private static boolean paramsMatch(MethodTree mt, List<String> params) {
        if (mt.getParameters().size() != params.size()) return false;
        for (int i = 0; i < params.size(); i++) {
            String want = params.get(i);
            if (want != null && !mt.getParameters().get(i).getName().contentEquals(want)) return false;
        }
        return true;
    }

    /** The doc comment of the class named by {@code chain} (outermost first), or of its first member matching {@code member}. */
    private static String docOf(Parsed p, List<String> chain, java.util.function.Predicate<Tree> member) {
        String[] found = new String[1];
        new TreePathScanner<Void, Integer>() {
            @Override
            public Void visitClass(ClassTree node, Integer depth) {
                if (found[0] != null || depth >= chain.size() || !node.getSimpleName().contentEquals(chain.get(depth))) return null;
                if (depth == chain.size() - 1) {
                    if (member == null) {
                        found[0] = p.trees().getDocComment(getCurrentPath());
                        return null;
                    }
                    for (Tree m : node.getMembers()) {
                        if (member.test(m)) {
                            found[0] = p.trees().getDocComment(new TreePath(getCurrentPath(), m));
                            if (found[0] != null) return null;
                        }
                    }
                    return null;
                }
                for (Tree m : node.getMembers()) {
                    if (m instanceof ClassTree) scan(new TreePath(getCurrentPath(), m), depth + 1);
                }
                return null;
            }
        }.scan(new TreePath(p.unit()), 0);
        return found[0];
    }

    private Parsed parse(Path file) throws IOException {
        String key = file.toString();
        Parsed p = cache.get(key);
        if (p != null) return p;
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        String source = Files.readString(file, StandardCharsets.UTF_8);
        JavaFileObject jfo = new SimpleJavaFileObject(URI.create("string:///" + file.getFileName()), JavaFileObject.Kind.SOURCE) {
            @Override public CharSequence getCharContent(boolean ignoreEncodingErrors) { return source; }
        };
        JavacTask task = (JavacTask) compiler.getTask(null, null, d -> {}, List.of("-proc:none"), null, List.of(jfo));
        CompilationUnitTree unit = task.parse().iterator().next();
        p = new Parsed(unit, Trees.instance(task));
        cache.put(key, p);
        return p;
    }

    private static int closing(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0) return i;
        }
        return s.length();
    }

    /** The parameter names of "double a, List<String> names" (null where a parameter has no name). */
    private static List<String> paramNames(String params) {
        List<String> names = new ArrayList<>();
        String p = stripTypeArguments(params).strip();
        if (p.isEmpty()) return names;
        for (String part : p.split(",")) {
            String[] words = part.strip().split("\\s+");
            names.add(words.length >= 2 ? words[words.length - 1] : null);
        }
        return names;
    }

    private static String stripTypeArguments(String s) {
        StringBuilder b = new StringBuilder();
        int depth = 0;
        for (char ch : s.toCharArray()) {
            if (ch == '<') depth++;
            else if (ch == '>') depth = Math.max(0, depth - 1);
            else if (depth == 0) b.append(ch);
        }
        return b.toString();
    }

    /** Doc comment → plain text: inline tags unwrapped, HTML removed, block tags as labelled sections. */
    static String format(String doc) {
        String text = doc.replace("\r", "");
        Matcher m = INLINE.matcher(text);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String body = m.group(2).strip();
            if (m.group(1).startsWith("link")) {
                int space = body.indexOf(' ');
                body = space > 0 ? body.substring(space + 1) : body.replace('#', '.');
            }
            m.appendReplacement(b, Matcher.quoteReplacement(body));
        }
        m.appendTail(b);
        text = b.toString()
                .replaceAll("(?i)<p>\\s*", "\n\n").replaceAll("(?i)</p>", "")
                .replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("(?i)<li>\\s*", "\n  - ")
                .replaceAll("<[^>]+>", "")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&nbsp;", " ").replace("&amp;", "&");
        StringBuilder main = new StringBuilder();
        StringBuilder tags = new StringBuilder();
        String current = null;
        for (String line : text.split("\n", -1)) {
            String s = line.strip();
            if (s.startsWith("@")) {
                String[] w = s.split("\\s+", 3);
                switch (w[0]) {
                    case "@param" -> tags.append("\n  ").append(w.length > 1 ? w[1] : "").append(" \u2013 ").append(w.length > 2 ? w[2] : "");
                    case "@return" -> tags.append("\nReturns: ").append(s.substring(7).strip());
                    case "@throws", "@exception" -> tags.append("\nThrows ").append(w.length > 1 ? w[1] : "").append(w.length > 2 ? " \u2013 " + w[2] : "");
                    case "@see" -> tags.append("\nSee also: ").append(s.substring(4).strip());
                    default -> { }
                }
                current = w[0];
            } else if (current != null) {
                if (!s.isEmpty()) tags.append(' ').append(s);
            } else {
                main.append(line.startsWith(" ") ? line.substring(1) : line).append('\n');
            }
        }
        String params = tags.toString().replaceFirst("^\n  ", "\nParameters:\n  ");
        if (tags.indexOf("\n  ") > 0 && !params.contains("Parameters:")) {
            params = params.replaceFirst("\n  ", "\nParameters:\n  ");
        }
        return (main.toString().strip().replaceAll("\n{3,}", "\n\n") + (params.isBlank() ? "" : "\n" + params)).strip();
    }
}
