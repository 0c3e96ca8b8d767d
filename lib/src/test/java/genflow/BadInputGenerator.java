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
            Map.entry("CourseStyle.apply", "styler plumbing"));

    /**
     * Classes left out: {@code Require} is the helper that builds the messages — its IAEs name the
     * {@code name} argument by design, and it has its own tests.
     */
    static final Set<String> SKIPPED_CLASSES = Set.of("genflow.math.Require");

    /** Integer parameters that are sizes (array lengths): these also get Integer.MAX_VALUE. */
    static final Set<String> SIZE_NAMES = Set.of("n", "d", "dim", "side", "bins", "cols", "maxPaths", "maxRows",
            "maxWidth", "width", "height", "delayMs", "maxSteps", "maxIterations", "k", "i", "j", "m", "digit");

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
        // the path package (surveyed too; its problems are reported, not failed). Looked up by name so
        // that a rewrite of genflow.path cannot break the compilation of this test.
        foreign("genflow.path.Tweedie", new Class<?>[] {genflow.schedule.Schedule.class}, () -> new Object[] {new genflow.schedule.LinearSchedule()});
        foreign("genflow.path.GaussianPath", new Class<?>[] {genflow.schedule.Schedule.class}, () -> new Object[] {new genflow.schedule.LinearSchedule()});
        foreign("genflow.path.GmmMarginal", new Class<?>[] {genflow.dist.GaussianMixture.class, genflow.schedule.Schedule.class},
                () -> new Object[] {genflow.dist.ToyData.eightGaussians(), new genflow.schedule.LinearSchedule()});
        foreign("genflow.path.MeanRevertingPath", new Class<?>[] {genflow.process.Process1D.class, genflow.schedule.TimeChange.class},
                () -> new Object[] {genflow.process.KacProcess.of(1, 2), genflow.schedule.TimeChange.flowMatching()});
        foreign("genflow.path.UniformAtomsMarginal", new Class<?>[] {genflow.process.UniformProcess.class, genflow.schedule.TimeChange.class, double[].class, double[].class},
                () -> new Object[] {genflow.process.UniformProcess.of(1), genflow.schedule.TimeChange.flowMatching(), new double[] {0.5, 0.5}, new double[] {-1, 1}});
    }

    /** A receiver for a class of a package this test does not own, created by reflection (skipped if it is gone). */
    private static void foreign(String className, Class<?>[] types, Supplier<Object[]> args) {
        try {
            Class<?> c = Class.forName(className);
            Constructor<?> k = c.getConstructor(types);
            RECEIVERS.put(c, () -> {
                try {
                    return k.newInstance(args.get());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            });
        } catch (ReflectiveOperationException e) {
            // the class or constructor was renamed: its methods are then reported as not covered
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
        if (type == double[].class) return baselineVector(cls, m.getName(), name, pde, m instanceof Method mm && !Modifier.isStatic(mm.getModifiers()));
        if (type == double[][].class) return baselineBatch(cls, m.getName(), name, pde);
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
            if (name.equals("sigma")) return new int[] {1, 0, 3, 2};
            if (name.equals("particles")) return cls.equals("Trajectory") ? new int[] {0, 1, 2, 3} : new int[] {0};
            if (name.equals("steps") && cls.equals("Tables")) return new int[] {0, 1, 2};
            if (name.equals("steps")) return new int[] {4, 8};
            return new int[] {0, 1};
        }
        if (type == String.class) return name.equals("name") ? "name" : name.equals("keyColumn") ? "key" : "label";
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
            return List.of(smallChart());
        }
        if (type == tech.tablesaw.api.Table.class) return genflow.table.Tables.lossHistory(new double[] {1, 0.5});
        if (type == Path.class) {
            if (cls.equals("Digits") && m.getName().equals("load")) return genflow.dist.Digits.locateDefault(Path.of("").toAbsolutePath());
            if (cls.equals("Tables")) return csvFile();
            return Path.of("").toAbsolutePath();
        }
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

    private static double baselineDouble(String cls, String method, String name) {
        switch (name) {
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
            case "data": return new double[][] {{0, 1}, {2, 3}, {4, 5}};
            case "target": return new double[][] {{1.1, 0.2}, {0.5, 1.3}, {2.0, 0.7}, {-0.4, 1.9}};
            default: return new double[][] {{0.1, 0.2}, {0.5, -0.3}, {1.0, 0.7}, {-0.4, 0.9}};
        }
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
            for (int i = 0; i < b.length; i++) for (int j = 0; j < d; j++) {
                h200[i][j] = (i % 2 == 0 ? 1e200 : -1e200);
                h308[i][j] = (i % 2 == 0 ? 1.7e308 : -1.7e308);
            }
            out.add(new Bad("±1e200 entries", h200, false));
            out.add(new Bad("±1.7e308 entries", h308, false));
            double[][] wide = new double[b.length][];
            for (int i = 0; i < b.length; i++) wide[i] = Arrays.copyOf(b[i], d + 1);
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
            case "Digits.locateDefault" -> s.add(IllegalStateException.class);
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
