package genflow;

import genflow.BadInputSurvey.Case;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Reflection-driven bad-input cases: for every public method and constructor of the surveyed
 * packages, a valid baseline call is built from per-type (and per-parameter-name) defaults; then
 * each parameter in turn is replaced by bad values of its type (NaN, ±∞, negative, 0, the
 * smallest subnormal, ±1e300, ±1.7e308; −1, Integer.MIN_VALUE and, for sizes, Integer.MAX_VALUE;
 * null, empty, ragged, non-finite, huge or mismatched arrays; functions that return NaN or the
 * wrong shape). Methods whose baseline call fails, or that take a type without a default, are
 * listed as not covered.
 */
final class BadInputGenerator {
    /** Methods (as {@code Class.name}) left out on purpose, with the reason. */
    static final Map<String, String> SKIPPED = Map.ofEntries(
            Map.entry("Export.png", "writes files (covered by explicit cases)"),
            Map.entry("Export.svg", "writes files (covered by explicit cases)"),
            Map.entry("Gif.write", "writes files (covered by explicit cases)"),
            Map.entry("Digits.loadDefault", "no arguments"),
            Map.entry("Tables.readData", "reads data/ (covered by explicit cases)"),
            Map.entry("Tables.dataFile", "reads data/ (covered by explicit cases)"),
            Map.entry("HeatMapChart2D.paint", "XChart painting internals"),
            Map.entry("ImageGrid.paint", "painting internals (Export renders it)"),
            Map.entry("Figure.paint", "painting internals (Export renders it)"),
            Map.entry("CourseStyle.apply", "styler plumbing"),
            Map.entry("FigureMain.main", "command-line entry point of ./course figures: writes manifest.csv (covered by CourseBadInputTest)"),
            Map.entry("Figures.write", "creates missing folders, so the generator's missing path would be created (covered by explicit cases)"),
            Map.entry("Figures.writeManifest", "writes manifest.csv into the folder it is given (covered by explicit cases)"));

    /**
     * Classes left out: {@code Require} is the helper that builds the messages — its IAEs name the
     * {@code name} argument by design, and it has its own tests.
     */
    static final Set<String> SKIPPED_CLASSES = Set.of("genflow.math.Require");

    /** Integer parameters that are sizes (array lengths): these also get Integer.MAX_VALUE. */
    static final Set<String> SIZE_NAMES = Set.of("n", "d", "dim", "side", "bins", "cols", "maxPaths", "maxRows",
            "maxWidth", "width", "height", "delayMs", "maxSteps", "maxIterations", "k", "i", "j", "m", "digit",
            "rows", "batchSize", "frequencies", "progressEvery", "frameDelayMs", "threads", "coord", "off", "columns");

    final List<Case> cases = new ArrayList<>();
    final Set<String> notCovered = new TreeSet<>();
    final Map<String, List<String>> names;
    int methods;

    BadInputGenerator(Map<String, List<String>> names) {
        this.names = names;
    }

    // ------------------------------------------------------------------ receivers (instances for instance methods)

    private static final Map<Class<?>, Supplier<Object>> RECEIVERS = new LinkedHashMap<>();

    static {
        RECEIVERS.put(genflow.dist.Gaussian.class, () -> genflow.dist.Gaussian.standard(2));
        RECEIVERS.put(genflow.dist.GaussianMixture.class, () -> genflow.dist.ToyData.eightGaussians());
        RECEIVERS.put(genflow.dist.StudentT.class, () -> genflow.dist.StudentT.standard(3, 2));
        RECEIVERS.put(genflow.dist.Uniform.class, () -> genflow.dist.Uniform.cube(-1, 1, 2));
        RECEIVERS.put(genflow.dist.Empirical.class, () -> new genflow.dist.Empirical(new double[][] {{0, 1}, {2, 3}, {4, 5}}));
        RECEIVERS.put(genflow.dist.NealsFunnel.class, () -> new genflow.dist.NealsFunnel(2));
        RECEIVERS.put(genflow.dist.Digits.class, () -> genflow.dist.Digits.loadDefault());
        RECEIVERS.put(genflow.schedule.LinearSchedule.class, genflow.schedule.LinearSchedule::new);
        RECEIVERS.put(genflow.schedule.CosineSchedule.class, genflow.schedule.CosineSchedule::new);
        RECEIVERS.put(genflow.schedule.VpSchedule.class, genflow.schedule.VpSchedule::new);
        RECEIVERS.put(genflow.schedule.VeSchedule.class, () -> new genflow.schedule.VeSchedule(0.01, 10));
        RECEIVERS.put(genflow.schedule.PolynomialSchedule.class, () -> new genflow.schedule.PolynomialSchedule(2));
        RECEIVERS.put(genflow.process.KacProcess.class, () -> genflow.process.KacProcess.of(1, 2));
        RECEIVERS.put(genflow.process.WienerProcess.class, genflow.process.WienerProcess::new);
        RECEIVERS.put(genflow.process.UniformProcess.class, () -> genflow.process.UniformProcess.of(1));
        RECEIVERS.put(genflow.process.EnergyDistanceFlow1D.class, () -> genflow.process.EnergyDistanceFlow1D.towards(new double[] {-1, 0, 1}));
        RECEIVERS.put(genflow.ode.Euler.class, genflow.ode.Euler::new);
        RECEIVERS.put(genflow.ode.Heun.class, genflow.ode.Heun::new);
        RECEIVERS.put(genflow.ode.Midpoint.class, genflow.ode.Midpoint::new);
        RECEIVERS.put(genflow.ode.RungeKutta4.class, genflow.ode.RungeKutta4::new);
        RECEIVERS.put(genflow.ode.DormandPrince45.class, () -> genflow.ode.DormandPrince45.of(1e-6, 1e-9));
        RECEIVERS.put(genflow.ode.DormandPrince45.Builder.class, genflow.ode.DormandPrince45::builder);
        RECEIVERS.put(genflow.ode.EulerMaruyama.class, genflow.ode.EulerMaruyama::new);
        RECEIVERS.put(genflow.ode.Langevin.class, () -> new genflow.ode.Langevin(0.01));
        RECEIVERS.put(genflow.ode.ReverseSde.class, () -> new genflow.ode.ReverseSde((t, x) -> BadInputSurvey.neg(x), t -> 1.0, (t, x) -> BadInputSurvey.neg(x)));
        RECEIVERS.put(genflow.ode.ProbabilityFlowOde.class, () -> new genflow.ode.ProbabilityFlowOde((t, x) -> BadInputSurvey.neg(x), t -> 1.0, (t, x) -> BadInputSurvey.neg(x)));
        RECEIVERS.put(genflow.ode.Trajectory.class, BadInputGenerator::trajectory);
        RECEIVERS.put(genflow.pde.LinearFlowGaussian.class, () -> new genflow.pde.LinearFlowGaussian(-0.5, 0.1, 0, 1));
        RECEIVERS.put(genflow.pde.OuGaussianCurve.class, () -> new genflow.pde.OuGaussianCurve(1, 1, 0.5, 0.3));
        RECEIVERS.put(genflow.ot.Sinkhorn.class, () -> genflow.ot.Sinkhorn.builder().build());
        RECEIVERS.put(genflow.ot.Sinkhorn.Builder.class, genflow.ot.Sinkhorn::builder);
        RECEIVERS.put(genflow.plot.HistogramBuilder.class, () -> genflow.plot.Plots.histogram("h", "x").sample("s", new double[] {0, 1, 2}));
        RECEIVERS.put(genflow.plot.Grid2D.class, () -> genflow.plot.Grid2D.square(-1, 1, 4));
        RECEIVERS.put(genflow.plot.Grid2D.Builder.class, genflow.plot.Grid2D::builder);
        RECEIVERS.put(genflow.plot.ImageGrid.Builder.class, () -> genflow.plot.ImageGrid.builder(new double[][] {{0, 1, 2, 3}, {3, 2, 1, 0}}, 2));
        RECEIVERS.put(genflow.plot.ImageGrid.class, () -> genflow.plot.ImageGrid.of("g", new double[][] {{0, 1, 2, 3}}, 2, 1));
        RECEIVERS.put(genflow.plot.ColorMap.class, genflow.plot.ColorMap::viridis);
        RECEIVERS.put(genflow.plot.HeatMapChart2D.class, () -> genflow.plot.Plots.densityHeatMap("h", "x", "y", genflow.plot.Grid2D.square(-1, 1, 4), (x, y) -> x + y));
        RECEIVERS.put(genflow.table.TableBuilder.class, () -> genflow.table.Tables.builder("t"));
        RECEIVERS.put(genflow.plot.CourseStyle.class, () -> null);
        RECEIVERS.put(genflow.table.ResultsBuilder.class, () -> genflow.table.Tables.results("r", "key", "a").row("first", 1));
        // genflow.path
        RECEIVERS.put(genflow.path.Tweedie.class, () -> new genflow.path.Tweedie(new genflow.schedule.LinearSchedule()));
        RECEIVERS.put(genflow.path.GaussianPath.class, () -> new genflow.path.GaussianPath(new genflow.schedule.LinearSchedule()));
        RECEIVERS.put(genflow.path.GmmMarginal.class, () -> new genflow.path.GmmMarginal(genflow.dist.ToyData.eightGaussians(), new genflow.schedule.LinearSchedule()));
        RECEIVERS.put(genflow.path.MeanRevertingPath.class, BadInputGenerator::meanReverting);
        RECEIVERS.put(genflow.path.ConditionalPath.class, () -> genflow.path.TimeReversal.of(meanReverting()));
        RECEIVERS.put(genflow.path.UniformAtomsMarginal.class, () -> new genflow.path.UniformAtomsMarginal(genflow.process.UniformProcess.of(1),
                genflow.schedule.TimeChange.flowMatching(), new double[] {0.5, 0.5}, new double[] {-1, 1}));
        RECEIVERS.put(genflow.path.PathSample.class, () -> new genflow.path.PathSample(new double[][] {{0.1, 0.2}}, new double[][] {{0.3, 0.4}}));
        // genflow.nn: a small fused net (dim 2, one hidden layer of 4: 26 parameters) and a small spline (dim 2, 4 bins: 22 parameters)
        RECEIVERS.put(genflow.nn.Mlp.class, BadInputGenerator::smallMlp);
        RECEIVERS.put(genflow.nn.Mlp.Builder.class, () -> genflow.nn.Mlp.builder(2).hidden(4));
        RECEIVERS.put(genflow.nn.Mlp.Workspace.class, () -> {
            genflow.nn.Mlp.Workspace ws = smallMlp().workspace();
            ws.forward(new double[] {0.5, 0.25}, new double[] {0.1, 0.2, -0.3, 0.4}, 2);
            return ws;
        });
        RECEIVERS.put(genflow.nn.FieldModel.Workspace.class, () -> RECEIVERS.get(genflow.nn.Mlp.Workspace.class).get());
        RECEIVERS.put(genflow.nn.RqSpline.class, BadInputGenerator::smallSpline);
        RECEIVERS.put(genflow.nn.TimeEmbedding.class, () -> genflow.nn.TimeEmbedding.sinusoidal(2));
        RECEIVERS.put(genflow.nn.Adam.class, () -> genflow.nn.Adam.builder().build(smallMlp()));
        RECEIVERS.put(genflow.nn.Adam.Builder.class, genflow.nn.Adam::builder);
        RECEIVERS.put(genflow.nn.Trainer.Builder.class, () -> genflow.nn.Trainer.builder(smallCfm()));
        RECEIVERS.put(genflow.nn.Trainer.History.class, () -> new genflow.nn.Trainer.History(new double[] {2, 1, 0.5}, 0.1));
        RECEIVERS.put(genflow.nn.Objective.class, BadInputGenerator::smallCfm);
        // genflow.nn.samediff: built once (a SameDiff graph and its gradient take a while), dense [x, t] → 2: 8 parameters
        RECEIVERS.put(genflow.nn.samediff.SameDiffModel.class, BadInputGenerator::sameDiffModel);
        RECEIVERS.put(genflow.nn.samediff.SameDiffModel.Builder.class, () -> genflow.nn.samediff.SameDiffModel.builder(2));
        RECEIVERS.put(genflow.nn.samediff.SameDiffModel.Workspace.class, BadInputGenerator::sameDiffWorkspace);
        RECEIVERS.put(genflow.nn.samediff.SameDiffObjective.class, BadInputGenerator::sameDiffObjective);
        RECEIVERS.put(genflow.nn.samediff.Batch.class, BadInputGenerator::batch);
        // genflow.loss
        RECEIVERS.put(genflow.loss.ConditionalFlowMatching.class, BadInputGenerator::smallCfm);
        RECEIVERS.put(genflow.loss.DenoisingScoreMatching.class, () -> new genflow.loss.DenoisingScoreMatching(smallMlp(), new genflow.schedule.LinearSchedule(), 0.9));
        RECEIVERS.put(genflow.loss.KacFlowMatching.class, () -> new genflow.loss.KacFlowMatching(smallMlp(), kacPath(), 0.9));
        RECEIVERS.put(genflow.loss.KacFlowMatching.TimeChange.class, () -> genflow.loss.KacFlowMatching.TimeChange.SQUARE);
        RECEIVERS.put(genflow.loss.QuantileNoise.class, () -> new genflow.loss.QuantileNoise(smallSpline()));
        RECEIVERS.put(genflow.loss.QuantileNoiseLoss.class, () -> new genflow.loss.QuantileNoiseLoss(smallMlp(), smallSpline(), 0.5, false));
        RECEIVERS.put(genflow.loss.QuantileW2Loss.class, () -> new genflow.loss.QuantileW2Loss(smallSpline()));
        // genflow.course
        RECEIVERS.put(genflow.course.LectureFigure.class, () -> genflow.course.LectureFigure.still("00-survey-figure", 1, "caption", s -> smallChart()));
    }

    static genflow.path.MeanRevertingPath meanReverting() {
        return new genflow.path.MeanRevertingPath(genflow.process.KacProcess.of(1, 2), genflow.schedule.TimeChange.flowMatching());
    }

    static genflow.path.MeanRevertingPath kacPath() {
        return new genflow.path.MeanRevertingPath(genflow.process.KacProcess.of(1, 2), genflow.loss.KacFlowMatching.TimeChange.SQUARE.clock(1));
    }

    /** dim 2, one hidden layer of 4, raw time: 3·4 + 4 + 4·2 + 2 = 26 parameters. */
    static genflow.nn.Mlp smallMlp() {
        return genflow.nn.Mlp.builder(2).hidden(4).seed(1).build();
    }

    /** dim 2, 4 bins, bound 3: 2·(3·4 − 1) = 22 parameters. */
    static genflow.nn.RqSpline smallSpline() {
        return genflow.nn.RqSpline.identity(2, 4, 3);
    }

    static genflow.loss.ConditionalFlowMatching smallCfm() {
        return genflow.loss.ConditionalFlowMatching.independent(smallMlp());
    }

    private static genflow.nn.samediff.SameDiffModel sameDiff;
    private static genflow.nn.samediff.SameDiffModel.Workspace sameDiffWs;
    private static genflow.nn.samediff.SameDiffObjective sameDiffObjective;

    /** One small SameDiff model for the whole survey: v = [x, t] W + b, W [3 × 2], b [1 × 2] (8 parameters). */
    static genflow.nn.samediff.SameDiffModel sameDiffModel() {
        if (sameDiff == null) {
            sameDiff = genflow.nn.samediff.SameDiffModel.builder(2).seed(1).network(g -> g.dense(g.concat(g.x(), g.t()), 2)).build();
        }
        return sameDiff;
    }

    static genflow.nn.samediff.SameDiffModel.Workspace sameDiffWorkspace() {
        if (sameDiffWs == null) {
            sameDiffWs = sameDiffModel().workspace();
            sameDiffWs.forward(new double[] {0.5, 0.25}, new double[] {0.1, 0.2, -0.3, 0.4}, 2);
        }
        return sameDiffWs;
    }

    static genflow.nn.samediff.SameDiffObjective.BatchMaker cfmBatches() {
        genflow.path.GaussianPath path = new genflow.path.GaussianPath(new genflow.schedule.LinearSchedule());
        return (data, noise, rng) -> {
            double[] t = new double[data.length];
            for (int i = 0; i < t.length; i++) t[i] = rng.nextDouble();
            return genflow.nn.samediff.Batch.of(t, path.sample(t, data, noise));
        };
    }

    static genflow.nn.samediff.SameDiffObjective.LossExpression cfmLoss() {
        return (g, v) -> v.squaredDifference(g.target()).sum(1).mean();
    }

    static genflow.nn.samediff.SameDiffObjective sameDiffObjective() {
        if (sameDiffObjective == null) sameDiffObjective = genflow.nn.samediff.SameDiffObjective.of(sameDiffModel(), cfmBatches(), cfmLoss());
        return sameDiffObjective;
    }

    static genflow.nn.samediff.Batch batch() {
        return genflow.nn.samediff.Batch.of(new double[] {0.5, 0.25}, new double[][] {{0.1, 0.2}, {-0.3, 0.4}}, new double[][] {{1, 0}, {0, 1}});
    }

    /** A saved model of each kind, for the baseline of {@code load(Path)}; a fresh path in a temporary folder for {@code save(Path)}. */
    private static Path modelDir;

    static Path modelFile(String cls, boolean existing) {
        try {
            if (modelDir == null) {
                modelDir = Files.createTempDirectory("bad-input-survey-models");
                modelDir.toFile().deleteOnExit();
            }
            Path f = modelDir.resolve(cls + (existing ? ".bin" : "-" + System.nanoTime() + ".bin"));
            f.toFile().deleteOnExit();
            if (existing && !Files.exists(f)) {
                switch (cls) {
                    case "Mlp" -> smallMlp().save(f);
                    case "RqSpline" -> smallSpline().save(f);
                    case "SameDiffModel" -> sameDiffModel().save(f);
                    case "Classifier", "DigitClassifier" -> genflow.nn.Classifier.builder(64, 10).hidden(4).seed(1).build().save(f);
                    default -> throw new IllegalStateException("no model file for " + cls);
                }
            }
            return f;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static genflow.ode.Trajectory trajectory() {
        return new genflow.ode.Euler().trajectory((t, x) -> BadInputSurvey.neg(x), new double[][] {{0.1, 0.2}, {0.3, 0.4}}, 0, 1, 3);
    }

    // ------------------------------------------------------------------ baseline values

    /** A valid value for a parameter of this type and name, or null if there is none (method not covered). */
    Object baseline(Executable m, Class<?> type, String name) {
        String cls = m.getDeclaringClass().getSimpleName();
        String pkg = m.getDeclaringClass().getPackageName();
        boolean pde = pkg.equals("genflow.pde");
        if (type == double.class) return baselineDouble(cls, m.getName(), name);
        if (type == int.class) return baselineInt(cls, m.getName(), name);
        if (type == long.class) return 1L;
        if (type == boolean.class) return true;
        if (type == double[].class) {
            double[] v = modellingVector(m, name);
            if (v != null) return v;
            return baselineVector(cls, m.getName(), name, pde, m instanceof Method mm && !Modifier.isStatic(mm.getModifiers()));
        }
        if (type == double[][].class) {
            if (name.equals("grads")) return grads(m.getDeclaringClass());
            if (name.equals("u")) return new double[][] {{0.3, 0.6}, {0.2, 0.9}};
            return baselineBatch(cls, m.getName(), name, pde);
        }
        if (type == double[][][].class) {
            double[][] b = baselineBatch(cls, m.getName(), "x", false);
            double[][][] s = new double[3][][];
            for (int k = 0; k < 3; k++) {
                s[k] = deep(b);
                for (double[] row : s[k]) for (int j = 0; j < row.length; j++) row[j] += 0.3 * k * (j + 1);
            }
            return s;
        }
        if (type == int[].class) {
            if (name.equals("hidden")) return new int[] {4};
            if (name.equals("sigma")) return new int[] {1, 0, 3, 2};
            if (name.equals("particles")) return cls.equals("Trajectory") ? new int[] {0, 1, 2, 3} : new int[] {0};
            if (name.equals("steps") && cls.equals("Tables")) return new int[] {0, 1, 2};
            if (name.equals("steps")) return new int[] {4, 8};
            return new int[] {0, 1};
        }
        if (type == String.class) {
            if (name.equals("id") && pkg.equals("genflow.course")) return "00-survey-figure";
            if (name.equals("name") && cls.equals("Nd4jBridge")) return "x"; // the label of the batch x in flatten's messages
            return name.equals("name") ? "name" : name.equals("keyColumn") ? "key" : "label";
        }
        if (type == String[].class) return name.equals("metricColumns") ? new String[] {"a"} : name.equals("labels") ? new String[] {"a", "b"} : new String[] {"a", "b", "c"};
        if (type == RandomGenerator.class) return genflow.random.Rngs.seeded(3);
        if (type == DoubleUnaryOperator.class) {
            if (cls.equals("RootFinding")) return (DoubleUnaryOperator) x -> x - 0.3;
            if (name.equals("cdf")) return (DoubleUnaryOperator) genflow.math.SpecialFunctions::normalCdf;
            if (name.equals("g")) return (DoubleUnaryOperator) t -> 1.0;
            return (DoubleUnaryOperator) x -> Math.exp(-x * x);
        }
        if (type == DoubleBinaryOperator.class) return (DoubleBinaryOperator) (a, b) -> a + b;
        if (type == genflow.pde.Grid.Field2D.class) return (genflow.pde.Grid.Field2D) (t, x, y) -> x * y;
        if (type == genflow.ode.VectorField.class) return (genflow.ode.VectorField) (t, x) -> BadInputSurvey.neg(x);
        if (type == genflow.ode.FixedStepSolver.class) return new genflow.ode.Heun();
        if (type == genflow.ode.Sde.class) return genflow.ode.Sde.of((t, x) -> BadInputSurvey.neg(x), t -> 1.0);
        if (type == genflow.schedule.Schedule.class) return new genflow.schedule.LinearSchedule();
        if (type == genflow.schedule.TimeChange.class) return genflow.schedule.TimeChange.flowMatching();
        if (type == genflow.process.Process1D.class) return genflow.process.KacProcess.of(1, 2);
        if (type == genflow.process.UniformProcess.class) return genflow.process.UniformProcess.of(1);
        if (type == genflow.process.KacProcess.class) return genflow.process.KacProcess.of(1, 2);
        if (type == genflow.dist.GaussianMixture.class) return genflow.dist.ToyData.eightGaussians();
        if (type == genflow.dist.Density.class) return genflow.dist.Gaussian.standard(2);
        if (type == genflow.metrics.Discrepancy.Estimator.class) return genflow.metrics.Discrepancy.Estimator.BIASED;
        if (type == genflow.plot.AxisScale.class) return genflow.plot.AxisScale.LINEAR;
        if (type == genflow.plot.Grid2D.class) return genflow.plot.Grid2D.square(-1, 1, 4);
        if (type == genflow.plot.Points.class) return genflow.plot.Points.of("p", new double[][] {{0, 0}, {1, 1}});
        if (type == genflow.plot.Points[].class) return new genflow.plot.Points[] {genflow.plot.Points.of("p", new double[][] {{0, 0}, {1, 1}})};
        if (type == genflow.plot.Curve[].class) return new genflow.plot.Curve[] {genflow.plot.Curve.of("c", new double[] {1, 2, 3}, new double[] {1, 4, 9})};
        if (type == org.knowm.xchart.internal.chartpart.Chart[].class) return new org.knowm.xchart.internal.chartpart.Chart<?, ?>[] {smallChart()};
        if (type == org.knowm.xchart.internal.chartpart.Chart.class) return smallChart();
        if (type == genflow.plot.Figure.class) return genflow.plot.Panels.grid(1, smallChart());
        if (type == BufferedImage.class) return new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        if (type == List.class) {
            if (cls.equals("Gif")) return List.of(new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
            if (cls.equals("Builder") && m.getDeclaringClass() == genflow.nn.Adam.Builder.class) return List.of(smallMlp());
            if (m.getDeclaringClass() == genflow.nn.Objective.Value.class) return List.of(org.nd4j.linalg.factory.Nd4j.zeros(3));
            return List.of(smallChart());
        }
        if (type == tech.tablesaw.api.Table.class) return genflow.table.Tables.lossHistory(new double[] {1, 0.5});
        if (type == Path.class) {
            if (cls.equals("Digits") && m.getName().equals("load")) return genflow.dist.Digits.locateDefault(Path.of("").toAbsolutePath());
            if (cls.equals("Tables")) return csvFile();
            if (m.getName().equals("save")) return modelFile(top(m), false);
            if (m.getName().equals("load")) return modelFile(top(m), true);
            if (cls.equals("Figures")) return tempDir();
            return Path.of("").toAbsolutePath();
        }
        return baselineModelling(m, cls, type, name);
    }

    private static String top(Executable m) {
        Class<?> c = m.getDeclaringClass();
        while (c.getEnclosingClass() != null) c = c.getEnclosingClass();
        return c.getSimpleName();
    }

    private static Path tempDir;

    static Path tempDir() {
        try {
            if (tempDir == null) {
                tempDir = Files.createTempDirectory("bad-input-survey");
                tempDir.toFile().deleteOnExit();
            }
            return tempDir;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Baselines of the types of genflow.nn, genflow.loss and genflow.course. */
    private static Object baselineModelling(Executable m, String cls, Class<?> type, String name) {
        if (type.isEnum()) {
            return type == genflow.loss.KacFlowMatching.TimeChange.class ? genflow.loss.KacFlowMatching.TimeChange.SQUARE : type.getEnumConstants()[0];
        }
        if (type == genflow.nn.Mlp.class || type == genflow.nn.FieldModel.class) return smallMlp();
        if (type == genflow.nn.RqSpline.class) return smallSpline();
        if (type == genflow.nn.TimeEmbedding.class) return genflow.nn.TimeEmbedding.raw();
        if (type == genflow.nn.Parametric[].class) return new genflow.nn.Parametric[] {smallMlp()};
        if (type == genflow.nn.Objective.class) return smallCfm();
        if (type == genflow.nn.Adam.Builder.class) return genflow.nn.Adam.builder();
        if (type == genflow.dist.Sampleable.class) return genflow.dist.ToyData.eightGaussians();
        if (type == java.io.PrintStream.class) return new java.io.PrintStream(java.io.OutputStream.nullOutputStream());
        if (type == genflow.path.GaussianPath.class) return new genflow.path.GaussianPath(new genflow.schedule.LinearSchedule());
        if (type == genflow.path.MeanRevertingPath.class) return cls.equals("KacFlowMatching") ? kacPath() : meanReverting();
        if (type == genflow.path.PathSample.class) {
            return new genflow.path.PathSample(baselineBatch(cls, m.getName(), "x", false), baselineBatch(cls, m.getName(), "target", false));
        }
        if (type == org.nd4j.linalg.api.ndarray.INDArray.class) {
            if (name.equals("t")) return org.nd4j.linalg.factory.Nd4j.create(new double[] {0.5, 0.25}, new long[] {2}, org.nd4j.linalg.api.buffer.DataType.DOUBLE);
            if (name.equals("u")) return org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.3, 0.6}, {0.2, 0.9}});
            return org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0.1, 0.2}, {-0.3, 0.4}});
        }
        if (type == genflow.nn.samediff.SameDiffModel.class) return sameDiffModel();
        if (type == genflow.nn.samediff.SameDiffModel.Network.class) return (genflow.nn.samediff.SameDiffModel.Network) g -> g.dense(g.x(), 2);
        if (type == genflow.nn.samediff.SameDiffObjective.BatchMaker.class) return cfmBatches();
        if (type == genflow.nn.samediff.SameDiffObjective.LossExpression.class) return cfmLoss();
        if (type == genflow.nn.samediff.Batch.class) return batch();
        if (type == genflow.course.LectureFigure.class) return genflow.course.LectureFigure.still("00-survey-figure", 1, "caption", s -> smallChart());
        if (type == java.util.function.LongFunction.class) {
            if (name.equals("frames")) return (java.util.function.LongFunction<List<?>>) s -> List.of(smallChart());
            return (java.util.function.LongFunction<Object>) s -> smallChart();
        }
        if (type == Object.class && name.equals("picture")) return smallChart();
        if (type == java.awt.image.RenderedImage.class) return new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB);
        return null;
    }

    static org.knowm.xchart.XYChart smallChart() {
        return genflow.plot.Plots.scatter("s", "x", "y", new double[][] {{0, 0}, {1, 1}});
    }

    private static Path csv;

    static Path csvFile() {
        try {
            if (csv == null) {
                csv = Files.createTempFile("bad-input-survey", ".csv");
                Files.writeString(csv, "a,b\n1,2\n3,4\n");
                csv.toFile().deleteOnExit();
            }
            return csv;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * Flat row-major batches of the nn/loss training API: n = 2 rows of d = 2 values; parameter
     * gradients as long as the receiver's parameter vector (null: not one of these).
     */
    private static double[] modellingVector(Executable m, String name) {
        String pkg = m.getDeclaringClass().getPackageName();
        if (m.getDeclaringClass() == genflow.path.GaussianPath.class && m.getName().equals("sample")) {
            // the flat training form: 4 rows (one per time t) of d = 2
            if (name.equals("data") || name.equals("noise")) return new double[] {0.1, 0.2, -0.3, 0.4, 0.5, -0.6, 0.7, 0.8};
            if (name.equals("xt") || name.equals("target")) return new double[8];
        }
        if (!pkg.startsWith("genflow.nn") && !pkg.equals("genflow.loss")) return null;
        String cls = m.getDeclaringClass().getSimpleName(), top = top(m);
        switch (name) {
            case "t": return m.getDeclaringClass() == genflow.nn.samediff.Batch.class ? null : new double[] {0.5, 0.25};
            case "x": case "dOut": case "dX": case "data": case "noise": case "dq": return new double[] {0.1, 0.2, -0.3, 0.4};
            case "u": return new double[] {0.3, 0.6, 0.2, 0.9};
            case "out": return cls.equals("TimeEmbedding") ? new double[5] : new double[4];
            case "grad": return new double[top.equals("RqSpline") ? 22 : top.equals("SameDiffModel") ? 8 : 26];
            case "losses": return new double[] {2, 1, 0.5};
            default: return null;
        }
    }

    /** One gradient block per parameter block of the receiver's objective or optimizer. */
    private static double[][] grads(Class<?> c) {
        if (c == genflow.loss.QuantileNoiseLoss.class) return new double[][] {new double[26], new double[22]};
        if (c == genflow.loss.QuantileW2Loss.class) return new double[][] {new double[22]};
        if (c == genflow.nn.samediff.SameDiffObjective.class) return new double[][] {new double[8]};
        double[][] g = {new double[26]};
        java.util.Arrays.fill(g[0], 0.1);
        return g;
    }

    private static double baselineDouble(String cls, String method, String name) {
        switch (name) {
            case "bound": return 3;
            case "learningRate": return 1e-3;
            case "tMax": return 0.9;
            case "tMin": return 0.1;
            case "horizon": return 1;
            case "seconds": return 0.1;
            case "a": case "b": return Set.of("Quadrature", "Draws", "RootFinding").contains(cls) ? (name.equals("a") ? -1 : 1.5) : 0.5;
            case "lo": case "min": case "xMin": case "yMin": case "t0": case "tEnd": return -1;
            case "hi": case "max": case "xMax": case "yMax": case "t1": case "tStart": return 1.5;
            case "p": case "u": case "alpha": return 0.3;
            case "nu": return 3;
            case "factor": return 0.5;
            case "k": return cls.equals("PolynomialSchedule") ? 2 : 0.5;
            case "maxFactor": return 5;
            case "minFactor": return 0.2;
            case "betaMin": return 0.1;
            case "betaMax": return 20;
            case "sigmaMin": return 0.01;
            case "sigmaMax": return 10;
            case "absTol": case "relTol": case "tol": case "rtol": case "atol": case "tolerance": return 1e-8;
            case "w2Squared": case "pathEnergy": return 1.5;
            case "mean": return cls.equals("Draws") ? 3 : 0.5;
            default: return 0.5;
        }
    }

    private static int baselineInt(String cls, String method, String name) {
        if (cls.equals("History") && name.equals("k")) return 1;
        if (Set.of("Mlp", "Workspace", "RqSpline", "ConditionalFlowMatching", "DenoisingScoreMatching", "KacFlowMatching", "QuantileNoiseLoss",
                "QuantileW2Loss", "SameDiffObjective", "Objective").contains(cls) && (name.equals("n") || name.equals("d"))) return 2;
        switch (name) {
            case "coord": case "off": return 0;
            case "frameDelayMs": return 100;
            case "batchSize": return 8;
            case "steps": if (cls.equals("Builder")) return 2; break;
            default: break;
        }
        switch (name) {
            case "n": return cls.equals("Sinkhorn") ? 3 : cls.equals("Quadrature") ? 4 : cls.equals("Grid") ? 5 : 5;
            case "d": case "dim": return cls.equals("NealsFunnel") ? 3 : 2;
            case "steps": case "initialSteps": return 4;
            case "bins": return 10;
            case "side": return 2;
            case "cols": return 1;
            case "width": case "height": return 300;
            case "maxWidth": return 300;
            case "delayMs": return 100;
            case "maxRows": return 5;
            case "maxPaths": return 2;
            case "maxSteps": case "maxIterations": return 1000;
            case "projections": return 3;
            case "digit": return 3;
            case "i": case "j": case "k": case "m": return 0;
            default: return 2;
        }
    }

    private static double[] baselineVector(String cls, String method, String name, boolean pde, boolean instance) {
        if (pde || (cls.equals("Quadrature") && name.equals("y"))) return new double[] {0.1, 0.3, 0.2, 0.4, 0.5};
        if (cls.equals("Grid")) return new double[] {0, 0.5, 1};
        if (cls.equals("Sinkhorn") && (name.equals("a") || name.equals("b"))) return new double[] {0.25, 0.25, 0.25, 0.25};
        if (cls.equals("ResultsBuilder")) return new double[] {1};
        if (name.equals("t") && !cls.equals("Trajectory")) return new double[] {0.2, 0.4, 0.6, 0.8}; // one time per row of a 4-row batch
        if (instance && !name.equals("times") && !name.equals("particles") && !name.equals("weights") && !name.equals("atoms")) {
            return new double[] {0.25, -0.5};
        }
        switch (name) {
            case "weights": return cls.equals("UniformAtomsMarginal") ? new double[] {0.5, 0.5} : new double[] {1, 2};
            case "atoms": return new double[] {-1, 1};
            case "std": case "scale": case "hi": case "stds": return new double[] {1, 1.5};
            case "lo": case "mean": case "location": return new double[] {-1, 0};
            case "times": return new double[] {0, 0.5, 1};
            case "a": case "b": return new double[] {0.5, 0.5};
            case "h": return new double[] {0.1, 0.05};
            case "err": return new double[] {0.01, 0.0025};
            case "values": case "loss": case "targetSamples": case "particles": return new double[] {0.25, 0.5, 1.5};
            default: return new double[] {0.25, -0.5};
        }
    }

    private static double[][] baselineBatch(String cls, String method, String name, boolean pde) {
        if (pde) {
            double[][] g = new double[5][5];
            for (int i = 0; i < 5; i++) for (int j = 0; j < 5; j++) g[i][j] = 0.1 * i + 0.01 * j;
            return g;
        }
        switch (name) {
            case "cost": return new double[][] {{1, 2, 3, 4}, {2, 1, 3, 2}, {3, 3, 1, 2}, {4, 1, 2, 1}};
            case "means": return new double[][] {{0, 0}, {2, 1}};
            case "variances": return new double[][] {{1, 1}, {0.5, 2}};
            case "images": return new double[][] {{0, 1, 2, 3}, {3, 2, 1, 0}};
            case "data":
                // the paths pair data row by row with x, noise and t (4 rows each)
                if (!Set.of("GaussianPath", "MeanRevertingPath", "ConditionalPath").contains(cls)) return new double[][] {{0, 1}, {2, 3}, {4, 5}};
                break;
            case "target": return new double[][] {{1.1, 0.2}, {0.5, 1.3}, {2.0, 0.7}, {-0.4, 1.9}};
            default: break;
        }
        return new double[][] {{0.1, 0.2}, {0.5, -0.3}, {1.0, 0.7}, {-0.4, 0.9}};
    }

    // ------------------------------------------------------------------ bad values per type

    record Bad(String label, Object value, boolean mismatch) {}

    List<Bad> badValues(Class<?> type, String name, Object base) {
        List<Bad> out = new ArrayList<>();
        if (type == double.class) {
            for (double v : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, 0.0, Double.MIN_VALUE,
                    1e300, -1e300, 1.7e308}) out.add(new Bad(Double.toString(v), v, false));
        } else if (type == int.class) {
            out.add(new Bad("-1", -1, false));
            out.add(new Bad("0", 0, false));
            out.add(new Bad("Integer.MIN_VALUE", Integer.MIN_VALUE, false));
            if (SIZE_NAMES.contains(name)) out.add(new Bad("Integer.MAX_VALUE", Integer.MAX_VALUE, false));
        } else if (type == double[].class) {
            double[] b = (double[]) base;
            out.add(new Bad("null", null, false));
            out.add(new Bad("{}", new double[0], false));
            out.add(new Bad("{NaN,…}", with(b, Double.NaN), false));
            out.add(new Bad("{∞,…}", with(b, Double.POSITIVE_INFINITY), false));
            out.add(new Bad("{±1e300,…}", huge(b, 1e300), false));
            out.add(new Bad("{±1.7e308,…}", huge(b, 1.7e308), false));
            out.add(new Bad("length + 1", Arrays.copyOf(b, b.length + 1), true));
            if (b.length > 1) out.add(new Bad("length − 1", Arrays.copyOf(b, b.length - 1), true));
        } else if (type == double[][].class) {
            double[][] b = (double[][]) base;
            int d = b[0].length;
            out.add(new Bad("null", null, false));
            out.add(new Bad("no rows", new double[0][], false));
            out.add(new Bad("{null}", new double[][] {null}, false));
            double[][] ragged = deep(b);
            ragged[ragged.length - 1] = Arrays.copyOf(ragged[ragged.length - 1], d + 1);
            out.add(new Bad("ragged", ragged, false));
            double[][] nan = deep(b);
            nan[0][0] = Double.NaN;
            out.add(new Bad("NaN entry", nan, false));
            double[][] inf = deep(b);
            inf[0][d - 1] = Double.NEGATIVE_INFINITY;
            out.add(new Bad("−∞ entry", inf, false));
            double[][] h200 = deep(b), h308 = deep(b);
            for (int i = 0; i < b.length; i++) for (int j = 0; j < b[i].length; j++) {
                h200[i][j] = (i % 2 == 0 ? 1e200 : -1e200);
                h308[i][j] = (i % 2 == 0 ? 1.7e308 : -1.7e308);
            }
            out.add(new Bad("±1e200 entries", h200, false));
            out.add(new Bad("±1.7e308 entries", h308, false));
            double[][] wide = new double[b.length][];
            for (int i = 0; i < b.length; i++) wide[i] = Arrays.copyOf(b[i], b[i].length + 1);
            out.add(new Bad("one more column", wide, true));
            double[][] tall = Arrays.copyOf(deep(b), b.length + 1);
            tall[b.length] = b[0].clone();
            out.add(new Bad("one more row", tall, true));
        } else if (type == double[][][].class) {
            double[][][] b = (double[][][]) base;
            out.add(new Bad("null", null, false));
            out.add(new Bad("{}", new double[0][][], false));
            double[][][] nan = new double[b.length][][];
            for (int k = 0; k < b.length; k++) nan[k] = deep(b[k]);
            nan[1][0][0] = Double.NaN;
            out.add(new Bad("NaN entry", nan, false));
            double[][][] holes = nan.clone();
            holes[1] = null;
            out.add(new Bad("null slice", holes, false));
            double[][][] rows = new double[b.length][][];
            for (int k = 0; k < b.length; k++) rows[k] = deep(b[k]);
            rows[2] = new double[][] {rows[2][0]};
            out.add(new Bad("slice with fewer rows", rows, true));
        } else if (type == int[].class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("{-1}", new int[] {-1}, false));
            // a huge step count is valid (it only takes long); a huge index or size is not
            if (!name.equals("steps")) out.add(new Bad("{Integer.MAX_VALUE}", new int[] {Integer.MAX_VALUE}, false));
        } else if (type == String.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("\"\"", "", false));
        } else if (type == DoubleUnaryOperator.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("returns NaN", (DoubleUnaryOperator) x -> Double.NaN, false));
        } else if (type == DoubleBinaryOperator.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("returns NaN", (DoubleBinaryOperator) (a, b) -> Double.NaN, false));
            out.add(new Bad("returns ±1.7e308", (DoubleBinaryOperator) (a, b) -> a > 0 ? 1.7e308 : -1.7e308, false));
        } else if (type == genflow.ode.VectorField.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("returns NaN", (genflow.ode.VectorField) (t, x) -> {
                double[][] y = BadInputSurvey.neg(x);
                y[0][0] = Double.NaN;
                return y;
            }, false));
            out.add(new Bad("returns one row less", (genflow.ode.VectorField) (t, x) -> Arrays.copyOf(BadInputSurvey.neg(x), x.length - 1), false));
            out.add(new Bad("returns ±1e300", (genflow.ode.VectorField) (t, x) -> {
                double[][] y = BadInputSurvey.neg(x);
                for (double[] r : y) Arrays.fill(r, 1e300);
                return y;
            }, false));
        } else if (type == genflow.pde.Grid.Field2D.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("returns NaN", (genflow.pde.Grid.Field2D) (t, x, y) -> Double.NaN, false));
        } else if (type == org.nd4j.linalg.api.ndarray.INDArray.class) {
            org.nd4j.linalg.api.ndarray.INDArray b = (org.nd4j.linalg.api.ndarray.INDArray) base;
            out.add(new Bad("null", null, false));
            org.nd4j.linalg.api.ndarray.INDArray nan = b.dup();
            nan.putScalar(0, Double.NaN);
            out.add(new Bad("NaN entry", nan, false));
            out.add(new Bad("1e300 entries", b.dup().assign(1e300), false));
            long[] wide = b.shape().clone();
            wide[wide.length - 1]++;
            out.add(new Bad("one more column", org.nd4j.linalg.factory.Nd4j.ones(b.dataType(), wide).muli(0.5), true));
            if (b.rank() == 2) out.add(new Bad("no rows", org.nd4j.linalg.factory.Nd4j.create(b.dataType(), 0, b.columns()), false));
        } else if (type == Path.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("missing file", Path.of("/nonexistent/bad-input-survey.csv"), false));
            out.add(new Bad("a directory", Path.of("").toAbsolutePath(), false));
        } else if (type.isArray() && !type.getComponentType().isPrimitive()) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("{}", java.lang.reflect.Array.newInstance(type.getComponentType(), 0), false));
            out.add(new Bad("{null}", java.lang.reflect.Array.newInstance(type.getComponentType(), 1), false));
        } else if (type == List.class) {
            out.add(new Bad("null", null, false));
            out.add(new Bad("empty", List.of(), false));
            out.add(new Bad("[null]", Arrays.asList((Object) null), false));
        } else if (!type.isPrimitive()) {
            out.add(new Bad("null", null, false));
        }
        return out;
    }

    private static double[] with(double[] b, double v) {
        double[] c = b.clone();
        c[0] = v;
        return c;
    }

    private static double[] huge(double[] b, double v) {
        double[] c = b.clone();
        for (int i = 0; i < c.length; i++) c[i] = i % 2 == 0 ? v : -v;
        return c;
    }

    static double[][] deep(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = a[i] == null ? null : a[i].clone();
        return c;
    }

    // ------------------------------------------------------------------ generation

    void addPackage(String pkg) throws IOException, URISyntaxException, ClassNotFoundException {
        // the main classes' folder (target/classes), not the test classes' folder of the same package
        URL root = genflow.math.Require.class.getProtectionDomain().getCodeSource().getLocation();
        File dir = new File(new File(root.toURI()), pkg.replace('.', '/'));
        File[] files = dir.listFiles((d, n) -> n.endsWith(".class"));
        if (files == null) throw new IllegalStateException("package " + pkg + " not found in " + root);
        Arrays.sort(files);
        for (File f : files) {
            String cn = pkg + "." + f.getName().substring(0, f.getName().length() - 6);
            Class<?> c = Class.forName(cn, false, getClass().getClassLoader());
            if (c.isAnonymousClass() || c.isSynthetic() || !Modifier.isPublic(c.getModifiers())) continue;
            if (c.getEnclosingClass() != null && !Modifier.isPublic(c.getEnclosingClass().getModifiers())) continue;
            if (SKIPPED_CLASSES.contains(c.getName())) continue;
            addClass(c);
        }
    }

    private void addClass(Class<?> c) {
        if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
            for (Constructor<?> k : c.getConstructors()) if (k.getParameterCount() > 0) addExecutable(c, k);
        }
        Method[] ms = c.getDeclaredMethods();
        Arrays.sort(ms, (a, b) -> a.toString().compareTo(b.toString()));
        for (Method m : ms) {
            if (!Modifier.isPublic(m.getModifiers()) || m.isSynthetic() || m.isBridge() || m.getParameterCount() == 0) continue;
            if (m.getName().equals("equals") || m.getName().equals("valueOf")) continue;
            if (SKIPPED.containsKey(c.getSimpleName() + "." + m.getName())) continue;
            if (c == genflow.course.Figures.class && System.getenv(genflow.course.Figures.DIR_VARIABLE) != null
                    && (m.getName().equals("show") || m.getName().equals("animate"))) continue; // they would write into that folder
            if (Modifier.isStatic(m.getModifiers()) || RECEIVERS.containsKey(c)) {
                addExecutable(c, m);
            } else if (!c.isInterface() && !Modifier.isAbstract(c.getModifiers())) {
                notCovered.add(c.getSimpleName() + "." + m.getName() + ": no receiver");
            }
        }
    }

    private void addExecutable(Class<?> c, Executable m) {
        String simple = c.getSimpleName() + "." + (m instanceof Constructor ? "<init>" : m.getName());
        Class<?> top = c;
        while (top.getEnclosingClass() != null) top = top.getEnclosingClass();
        String key = top.getSimpleName() + "#" + BadInputSurvey.key(m instanceof Constructor ? c.getSimpleName() : m.getName(), m.getParameterTypes());
        List<String> pn = names.get(key);
        if (pn == null) {
            notCovered.add(simple + ": parameter names not found in the sources (" + key + ")");
            return;
        }
        Class<?>[] types = m.getParameterTypes();
        Object[] base = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            base[i] = baseline(m, types[i], pn.get(i));
            if (base[i] == null && !types[i].isPrimitive()) {
                notCovered.add(simple + ": no default for " + types[i].getSimpleName() + " " + pn.get(i));
                return;
            }
        }
        Supplier<Object> receiver = (m instanceof Method mm && !Modifier.isStatic(mm.getModifiers())) ? RECEIVERS.get(c) : () -> null;
        // the baseline call must succeed, so that a rejection can be attributed to the mutated parameter
        try {
            Object r = BadInputSurvey.finish(invoke(m, receiver.get(), base));
            String nf = BadInputSurvey.nonFinite(r, "result", 0);
            if (nf != null) {
                notCovered.add(simple + ": baseline call returned " + nf);
                return;
            }
        } catch (Throwable t) {
            Throwable u = BadInputSurvey.unwrap(t);
            notCovered.add(simple + ": baseline call failed: " + u);
            return;
        }
        methods++;
        for (int i = 0; i < types.length; i++) {
            for (Bad bad : badValues(types[i], pn.get(i), base[i])) {
                Object[] args = base.clone();
                args[i] = bad.value();
                List<String> accepted = new ArrayList<>();
                accepted.add(pn.get(i));
                if (bad.mismatch()) accepted.addAll(pn); // a mismatch may be reported at either side
                String id = c.getSimpleName() + "." + (m instanceof Constructor ? "new" : m.getName())
                        + "(" + describe(pn, i, bad.label()) + ")";
                Executable mm = m;
                cases.add(new Case(id, c.getPackageName(), accepted, () -> invoke(mm, receiver.get(), args),
                        documentedExceptions(c, m), null, documentedNonFinite(c, m, pn.get(i), bad)));
            }
        }
    }

    private static String describe(List<String> pn, int i, String label) {
        return pn.get(i) + " = " + label;
    }

    /** Calls m, rethrowing what the method itself threw (not wrapped). */
    static Object invoke(Executable m, Object receiver, Object[] args) throws Exception {
        try {
            if (m instanceof Constructor<?> k) return k.newInstance(args);
            return ((Method) m).invoke(receiver, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw BadInputGenerator.<RuntimeException>sneaky(e.getCause());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T sneaky(Throwable t) throws T {
        throw (T) t;
    }

    /** Exception types a method documents (besides IAE) and that count as clear for it. */
    static Set<Class<? extends Throwable>> documentedExceptions(Class<?> c, Executable m) {
        Set<Class<? extends Throwable>> s = new HashSet<>();
        String n = c.getSimpleName() + "." + m.getName();
        switch (n) {
            // "@throws ArithmeticException if f returns a non-finite value or the tolerance is not reached"
            case "Quadrature.gaussKronrod", "Quadrature.integrate", "Quadrature.simpson", "Quadrature.trapezoid",
                 "RootFinding.bisection", "RootFinding.brent" -> s.add(ArithmeticException.class);
            // "@throws IllegalStateException when more than maxSteps steps are needed or the step underflows"
            case "DormandPrince45.solve", "DormandPrince45.integrate", "DormandPrince45.trajectory" -> s.add(IllegalStateException.class);
            // "@throws UncheckedIOException if reading fails"
            case "Digits.load", "Tables.readCsv" -> s.add(java.io.UncheckedIOException.class);
            // "@throws IllegalStateException if there is none"
            case "Digits.locateDefault", "DigitClassifier.locateDefault" -> s.add(IllegalStateException.class);
            // a failing exercise check throws CheckFailure ("Check failed: …"): that is what a check is for
            case "Check.close", "Check.that", "Check.between" -> s.add(genflow.course.CheckFailure.class);
            default -> { }
        }
        return s;
    }

    /**
     * Non-finite results the Javadoc promises and existing tests assert: exact infinite values
     * (Φ⁻¹(0) = −∞, log 0 = −∞ outside a uniform's box, β̇₁ = −∞ of the VP and cosine schedules) and
     * the documented overflow of the unscaled Bessel functions (use i0e/i1e).
     */
    static boolean documentedNonFinite(Class<?> c, Executable m, String param, Bad bad) {
        String n = c.getSimpleName() + "." + m.getName();
        // Draws.studentT: "only values whose magnitude exceeds the double range (possible for ν ≲ 0.1)
        // come out as ±∞" (DrawsTest draws at ν = 0.02 and only asks for no NaN); StudentT.sample rejects them
        return n.equals("Bessel.i0") || n.equals("Bessel.i1") || n.equals("SpecialFunctions.normalQuantile")
                || n.equals("Uniform.logDensity") || n.equals("Draws.studentT");
    }
}
