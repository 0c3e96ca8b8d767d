package genflow.course;

import genflow.math.Require;
import genflow.nn.Classifier;
import genflow.nn.Mlp;
import genflow.nn.RqSpline;
import genflow.nn.samediff.SameDiffModel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The trained models the lectures show, stored as small files in {@code data/models/} and
 * reproducible byte for byte by {@code ./course train}. A lecture cell writes the whole training
 * recipe in plain sight and chooses with one visible switch what happens:
 * <pre>{@code
 * Run run = Run.CHECKPOINT;   // CHECKPOINT: load the converged model; SHORT: retrain here; FULL: the converged run
 * Mlp net = Checkpoints.mlp("04-icfm-eight-gaussians", run, 1_500, 20_000, steps -> {
 *     Mlp m = Mlp.builder(2).hidden(128, 128, 128).seed(1).build();
 *     Trainer.builder(ConditionalFlowMatching.independent(m)).data(eight).steps(steps).seed(11).build().run();
 *     return m;
 * });
 * }</pre>
 * {@link Run#CHECKPOINT} loads {@code data/models/<id>.<part>} (the folder is found walking up
 * from the working directory); {@link Run#SHORT} and {@link Run#FULL} run the recipe with the short
 * or the full number of steps and save nothing. Every mode returns the models as a checkpoint file
 * holds them (a freshly trained model is saved and loaded again; a FLOAT {@link Mlp} keeps float32
 * parameters), so a later recipe that starts from one gives the same bytes whichever mode produced it. While {@code ./course train} executes the lectures
 * (environment variable {@value #TRAIN_VARIABLE} names a folder) every checkpoint is trained with
 * the full number of steps and written there with a record (steps, seconds, quality). While
 * {@code ./course test} executes them, the ids listed in {@value #VERIFY_VARIABLE} are retrained
 * and must give the stored bytes exactly.
 *
 * <p>A checkpoint holds one or more named parts ({@link Mlp}, {@link RqSpline},
 * {@link SameDiffModel}, {@link Classifier}), each in its own file, written by the part's own {@code save}.
 */
public final class Checkpoints {
    private Checkpoints() {}

    /** Where a lecture's trained model comes from. */
    public enum Run {
        /** Load the stored converged model from {@code data/models/} (the default in the lectures). */
        CHECKPOINT,
        /** Retrain here with the short number of steps (seconds to a minute). */
        SHORT,
        /** Retrain here with the full number of steps, as {@code ./course train} does. */
        FULL
    }

    /** The training recipe: builds and trains the model(s) for the given number of steps. */
    @FunctionalInterface
    public interface Recipe<T> {
        T train(int steps);
    }

    /** Environment variable: the folder {@code ./course train} writes retrained checkpoints to. */
    public static final String TRAIN_VARIABLE = "GENFLOW_TRAIN_DIR";
    /** Environment variable: space-separated checkpoint ids that must retrain to the stored bytes. */
    public static final String VERIFY_VARIABLE = "GENFLOW_VERIFY_CHECKPOINTS";

    private static final String RECORD = ".record";

    /** A trained {@link Mlp} (one part, file {@code <id>.mlp}). */
    public static Mlp mlp(String id, Run run, int shortSteps, int fullSteps, Recipe<Mlp> recipe) {
        return get(id, run, shortSteps, fullSteps, steps -> Parts.of("mlp", recipe.train(steps))).mlp("mlp");
    }

    /** A trained {@link SameDiffModel} (one part, file {@code <id>.sdm}). */
    public static SameDiffModel sameDiff(String id, Run run, int shortSteps, int fullSteps, Recipe<SameDiffModel> recipe) {
        return get(id, run, shortSteps, fullSteps, steps -> Parts.of("sdm", recipe.train(steps))).sameDiff("sdm");
    }

    /** A trained {@link Classifier} (one part, file {@code <id>.cls}). */
    public static Classifier classifier(String id, Run run, int shortSteps, int fullSteps, Recipe<Classifier> recipe) {
        return get(id, run, shortSteps, fullSteps, steps -> Parts.of("cls", recipe.train(steps))).classifier("cls");
    }

    /** Several models trained together, e.g. a velocity net and a learned noise (files {@code <id>.<name>}). */
    public static Parts parts(String id, Run run, int shortSteps, int fullSteps, Recipe<Parts> recipe) {
        return get(id, run, shortSteps, fullSteps, recipe);
    }

    /**
     * Records a quality figure of checkpoint {@code id} (e.g. sliced W₂ to the target) in its
     * record while {@code ./course train} runs; does nothing otherwise.
     */
    public static void report(String id, String metric, double value) {
        checkId(id);
        if (metric == null || metric.isBlank() || metric.contains(",") || metric.contains("\n")) {
            throw new IllegalArgumentException("metric must be a non-empty name without commas or newlines");
        }
        Require.finite("value", value);
        Path dir = trainFolder();
        if (dir == null) return;
        Path rec = dir.resolve(id + RECORD);
        if (!Files.exists(rec)) throw new IllegalStateException("checkpoint " + id + " was not trained in this run");
        try {
            Files.writeString(rec, "quality " + metric + "=" + String.format(Locale.ROOT, "%.6g", value) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parts get(String id, Run run, int shortSteps, int fullSteps, Recipe<Parts> recipe) {
        return get(id, run, shortSteps, fullSteps, recipe, trainFolder(), null, verifyIds());
    }

    /**
     * {@link #get} with the environment spelled out: the train folder (or null), the folder of the
     * stored checkpoints (null: {@link #modelsFolder()}, looked up only when needed), ids to verify.
     */
    static Parts get(String id, Run run, int shortSteps, int fullSteps, Recipe<Parts> recipe, Path train, Path stored,
                     List<String> verify) {
        checkId(id);
        if (run == null) throw new IllegalArgumentException("run must be CHECKPOINT, SHORT or FULL");
        Require.atLeast("shortSteps", shortSteps, 1);
        Require.atLeast("fullSteps", fullSteps, shortSteps);
        if (recipe == null) throw new IllegalArgumentException("recipe must not be null");
        if (run == Run.SHORT) return asStored(id, checked(id, recipe.train(shortSteps)));
        if (run == Run.FULL) return asStored(id, checked(id, recipe.train(fullSteps)));
        if (train != null) return trainInto(train, id, fullSteps, recipe);
        Path folder = stored != null ? stored : modelsFolder();
        Parts loaded = Parts.load(folder, id);
        if (verify.contains(id)) verify(folder, id, fullSteps, recipe);
        return loaded;
    }

    private static Parts trainInto(Path dir, String id, int steps, Recipe<Parts> recipe) {
        long t0 = System.nanoTime();
        Parts p = checked(id, recipe.train(steps));
        double seconds = (System.nanoTime() - t0) * 1e-9;
        try {
            Files.createDirectories(dir);
            if (Files.exists(dir.resolve(id + RECORD))) throw new IllegalStateException("checkpoint " + id + " is trained twice in this run");
            List<String> files = p.save(dir, id);
            List<String> lines = new ArrayList<>();
            lines.add("id " + id);
            lines.add("steps " + steps);
            lines.add("seconds " + String.format(Locale.ROOT, "%.1f", seconds));
            for (String f : files) lines.add("file " + f);
            Files.write(dir.resolve(id + RECORD), lines);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + id + " to " + dir, e);
        }
        return Parts.load(dir, id);   // exactly what a checkpoint holds (FLOAT nets: float32 parameters)
    }

    /**
     * The parts as a checkpoint file holds them (saved and loaded again): a freshly trained model and a
     * loaded one are then the same model, so a later recipe that starts from it (e.g. reflow from the
     * I-CFM flow) gives the same bytes whichever way it was obtained.
     */
    private static Parts asStored(String id, Parts p) {
        try {
            Path tmp = Files.createTempDirectory("genflow-checkpoint-");
            try {
                p.save(tmp, id);
                return Parts.load(tmp, id);
            } finally {
                try (var s = Files.list(tmp)) {
                    for (Path q : s.toList()) Files.deleteIfExists(q);
                }
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void verify(Path stored, String id, int steps, Recipe<Parts> recipe) {
        // The retraining prints what the recipe prints (e.g. a trainer's progress): send it to the process's own stderr
        // (the terminal of ./course test), so that the notebook's outputs stay those of loading the checkpoint.
        java.io.PrintStream cellOut = System.out;
        Parts again;
        System.setOut(terminal());
        try {
            again = checked(id, recipe.train(steps));
        } finally {
            System.setOut(cellOut);
        }
        try {
            Path tmp = Files.createTempDirectory("genflow-verify-");
            try {
                for (String f : again.save(tmp, id)) {
                    byte[] a = Files.readAllBytes(tmp.resolve(f)), b = Files.readAllBytes(stored.resolve(f));
                    if (!Arrays.equals(a, b)) {
                        throw new IllegalStateException("checkpoint " + id + " is not reproducible: retraining " + steps
                                + " steps gives a different " + f + " (" + Figures.sha256(tmp.resolve(f)).substring(0, 12)
                                + " vs stored " + Figures.sha256(stored.resolve(f)).substring(0, 12) + ")");
                    }
                }
            } finally {
                try (var s = Files.list(tmp)) {
                    for (Path q : s.toList()) Files.deleteIfExists(q);
                }
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // to the kernel process's own stderr (the terminal of ./course test), not into the notebook
        terminal().println("checkpoint " + id + ": retrained (" + steps + " steps) to the stored bytes");
    }

    /** The process's own stderr, bypassing System.out/System.err (which a notebook kernel captures). */
    private static java.io.PrintStream terminal() {
        return new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Parts checked(String id, Parts p) {
        if (p == null) throw new IllegalStateException("the recipe of checkpoint " + id + " returned null");
        return p;
    }

    private static void checkId(String id) {
        if (id == null || !id.matches("[0-9]{2}-[a-z0-9-]+")) {
            throw new IllegalArgumentException("id = " + id + " must look like 'NN-lower-case-words' (chapter number first)");
        }
    }

    private static Path trainFolder() {
        String s = System.getenv(TRAIN_VARIABLE);
        return s == null || s.isBlank() ? null : Path.of(s);
    }

    private static List<String> verifyIds() {
        String s = System.getenv(VERIFY_VARIABLE);
        return s == null || s.isBlank() ? List.of() : List.of(s.trim().split("\\s+"));
    }

    /**
     * The first {@code data/models} folder found walking up from the working directory.
     *
     * @throws IllegalStateException if there is none
     */
    public static Path modelsFolder() {
        return modelsFolder(Path.of("").toAbsolutePath());
    }

    static Path modelsFolder(Path start) {
        for (Path dir = start.normalize(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data").resolve("models");
            if (Files.isDirectory(candidate)) return candidate;
        }
        throw new IllegalStateException("no data/models folder in " + start + " or any parent folder: "
                + "open the notebook from the course folder, or set run = Run.SHORT to train here");
    }

    /** The named models of one checkpoint, in order. */
    public static final class Parts {
        private final Map<String, Object> parts;

        private Parts(Map<String, Object> parts) {
            this.parts = parts;
        }

        /**
         * Parts from alternating names and models: {@code Parts.of("net", mlp, "noise", spline)}.
         * Names are lower-case words; models are {@link Mlp}, {@link RqSpline}, {@link SameDiffModel} or {@link Classifier}.
         */
        public static Parts of(Object... namesAndModels) {
            if (namesAndModels == null || namesAndModels.length == 0 || namesAndModels.length % 2 != 0) {
                throw new IllegalArgumentException("namesAndModels must alternate names and models, at least one pair");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (int i = 0; i < namesAndModels.length; i += 2) {
                if (!(namesAndModels[i] instanceof String name) || !name.matches("[a-z][a-z0-9]*") || name.equals("record")) {
                    throw new IllegalArgumentException("namesAndModels[" + i + "] = " + namesAndModels[i]
                            + " must be a lower-case name (not \"record\")");
                }
                Object model = namesAndModels[i + 1];
                if (!(model instanceof Mlp) && !(model instanceof RqSpline) && !(model instanceof SameDiffModel) && !(model instanceof Classifier)) {
                    throw new IllegalArgumentException("part " + name + " is a " + (model == null ? "null" : model.getClass().getSimpleName())
                            + "; a checkpoint holds Mlp, RqSpline, SameDiffModel or Classifier parts");
                }
                if (m.put(name, model) != null) throw new IllegalArgumentException("part name " + name + " is used twice");
            }
            return new Parts(m);
        }

        public Mlp mlp(String name) { return part(name, Mlp.class); }

        public RqSpline spline(String name) { return part(name, RqSpline.class); }

        public SameDiffModel sameDiff(String name) { return part(name, SameDiffModel.class); }

        public Classifier classifier(String name) { return part(name, Classifier.class); }

        /** The part names, in order. */
        public List<String> names() { return List.copyOf(parts.keySet()); }

        private <T> T part(String name, Class<T> type) {
            Object o = parts.get(name);
            if (o == null) throw new IllegalArgumentException("no part " + name + "; parts: " + parts.keySet());
            if (!type.isInstance(o)) throw new IllegalArgumentException("part " + name + " is a " + o.getClass().getSimpleName() + ", not a " + type.getSimpleName());
            return type.cast(o);
        }

        /** Writes every part as {@code <id>.<name>} into dir; returns the file names. */
        List<String> save(Path dir, String id) {
            List<String> files = new ArrayList<>();
            for (Map.Entry<String, Object> e : parts.entrySet()) {
                String file = id + "." + e.getKey();
                Path p = dir.resolve(file);
                Object o = e.getValue();
                if (o instanceof Mlp m) m.save(p);
                else if (o instanceof RqSpline s) s.save(p);
                else if (o instanceof Classifier c) c.save(p);
                else ((SameDiffModel) o).save(p);
                files.add(file);
            }
            return files;
        }

        /** Loads the parts {@code <id>.<name>} of checkpoint id from dir, recognising each file's kind. */
        static Parts load(Path dir, String id) {
            List<Path> files;
            try (var s = Files.list(dir)) {
                files = s.filter(p -> {
                    String n = p.getFileName().toString();
                    String part = n.startsWith(id + ".") ? n.substring(id.length() + 1) : "";
                    return part.matches("[a-z][a-z0-9]*") && !part.equals("record");
                }).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (files.isEmpty()) {
                throw new IllegalStateException("no checkpoint " + id + " in " + dir + ": run ./course train " + id.substring(0, 2)
                        + ", or set run = Run.SHORT to train here");
            }
            Map<String, Object> m = new LinkedHashMap<>();
            for (Path f : files) m.put(f.getFileName().toString().substring(id.length() + 1), loadPart(f));
            return new Parts(m);
        }

        private static Object loadPart(Path f) {
            int magic;
            try (var in = new java.io.DataInputStream(Files.newInputStream(f))) {
                magic = in.readInt();
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read checkpoint file " + f + ": " + e.getMessage());
            }
            // the first four bytes of the models' own file formats ("GMLP", "GRQS", "GSDM", "GCLS")
            return switch (magic) {
                case 0x474D4C50 -> Mlp.load(f);
                case 0x47525153 -> RqSpline.load(f);
                case 0x4753444D -> SameDiffModel.load(f);
                case 0x47434C53 -> Classifier.load(f);
                default -> throw new IllegalArgumentException(f + " is not a saved Mlp, RqSpline, SameDiffModel or Classifier");
            };
        }
    }
}
