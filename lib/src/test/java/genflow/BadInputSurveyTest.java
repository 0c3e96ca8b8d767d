package genflow;

import genflow.BadInputSurvey.Case;
import genflow.BadInputSurvey.Kind;
import genflow.BadInputSurvey.Outcome;
import genflow.dist.GaussianMixture;
import genflow.dist.ToyData;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input everywhere gets a clear {@link IllegalArgumentException} naming the parameter (issue 15,
 * items 8 and 9). Calls the public entry points with bad arguments — reflection-generated over every
 * public method and constructor of every library package (see {@link BadInputGenerator}) plus the
 * explicit cases below — and classifies each outcome as clear, obscure or silent (see
 * {@link BadInputSurvey}). Prints {@code bad input: C clear, O obscure, S silent over N calls} and
 * every obscure and silent case, and FAILS on any obscure or silent case anywhere in the library
 * (a case listed in {@link #KNOWN_ISSUES} is reported, not failed; the list is empty).
 */
class BadInputSurveyTest {
    /** Every package the survey calls by reflection. */
    static final List<String> PACKAGES = List.of("genflow.math", "genflow.random", "genflow.dist", "genflow.schedule", "genflow.process",
            "genflow.ode", "genflow.pde", "genflow.ot", "genflow.metrics", "genflow.plot", "genflow.table", "genflow.path",
            "genflow.nn", "genflow.nn.samediff", "genflow.loss", "genflow.course");

    /**
     * Known obscure or silent cases, by case id: reported, not failed. Empty — every package is
     * guarded; a case added here must say why it cannot be fixed yet.
     */
    static final Set<String> KNOWN_ISSUES = Set.of();

    private static final RandomGenerator RNG = Rngs.seeded(11);

    @Test
    @Timeout(600)
    void badInputIsRejectedClearlyEverywhere() throws Exception {
        // exercise checks print "✓ …" lines and trainers print progress: keep the test log readable
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true));
        BadInputGenerator gen;
        List<Case> all;
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) counts.put(k, 0);
        List<String> failures = new ArrayList<>(), known = new ArrayList<>(), fixedKnown = new ArrayList<>(), slow = new ArrayList<>();
        Map<String, int[]> perPackage = new java.util.TreeMap<>();
        Map<String, Double> seconds = new java.util.TreeMap<>();
        double genSeconds = 0;
        int documented = 0;
        long start = System.nanoTime();
        try {
            gen = new BadInputGenerator(BadInputSurvey.parameterNames(Path.of("src/main/java/genflow")));
            for (String pkg : PACKAGES) {
                long g0 = System.nanoTime();
                gen.addPackage(pkg);
                seconds.merge("generate " + pkg.replace("genflow.", ""), (System.nanoTime() - g0) / 1e9, Double::sum);
            }
            long e0 = System.nanoTime();
            all = new ArrayList<>(gen.cases);
            all.addAll(explicitCases());
            seconds.merge("generate explicit", (System.nanoTime() - e0) / 1e9, Double::sum);
            genSeconds = (System.nanoTime() - start) / 1e9;
            for (Case c : all) {
                long t0 = System.nanoTime();
                Outcome o = BadInputSurvey.run(c);
                double sec = (System.nanoTime() - t0) / 1e9;
                seconds.merge("run " + c.pkg().replace("genflow.", ""), sec, Double::sum);
                if (sec > 0.5) slow.add(String.format("%.1f s  %s", sec, c.id()));
                counts.merge(o.kind(), 1, Integer::sum);
                if (o.detail().startsWith("documented")) documented++;
                boolean bad = o.kind() == Kind.OBSCURE || o.kind() == Kind.SILENT;
                int[] pc = perPackage.computeIfAbsent(c.pkg(), k -> new int[Kind.values().length]);
                pc[o.kind().ordinal()]++;
                String line = o.kind() + "  " + c.id() + "  →  " + o.detail();
                if (bad) {
                    if (KNOWN_ISSUES.contains(c.id())) known.add(line);
                    else failures.add(line);
                } else if (KNOWN_ISSUES.contains(c.id())) {
                    fixedKnown.add(c.id() + "  →  " + o.kind() + ": " + o.detail());
                }
            }
        } finally {
            System.setOut(stdout);
        }
        int n = all.size(), clear = counts.get(Kind.CLEAR), obscure = counts.get(Kind.OBSCURE), silent = counts.get(Kind.SILENT);
        StringBuilder out = new StringBuilder();
        out.append(String.format("bad input: %d clear, %d obscure, %d silent over %d calls%n", clear, obscure, silent, n));
        out.append(String.format("  (%d more calls accepted the value and returned a finite result; %d of the clear ones are"
                + " documented exceptions or documented exact ±∞; %d methods covered, %d not covered; %.1f s)%n",
                counts.get(Kind.ACCEPTED), documented, gen.methods, gen.notCovered.size(), (System.nanoTime() - start) / 1e9));
        out.append("  per package (clear/obscure/silent/accepted):");
        perPackage.forEach((p, c) -> out.append(String.format(" %s %d/%d/%d/%d", p.replace("genflow.", ""), c[0], c[1], c[2], c[3])));
        out.append('\n');
        if (!failures.isEmpty()) {
            out.append("obscure or silent (").append(failures.size()).append("):\n");
            failures.forEach(f -> out.append("  NEW    ").append(f).append('\n'));
        }
        if (!known.isEmpty()) {
            out.append("known issues, reported, not failed (").append(known.size()).append("):\n");
            known.forEach(f -> out.append("  known  ").append(f).append('\n'));
        }
        if (!fixedKnown.isEmpty()) {
            out.append("known issues that now pass (remove them from KNOWN_ISSUES):\n");
            fixedKnown.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        if (!slow.isEmpty()) {
            out.append("calls slower than 0.5 s:\n");
            slow.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        if (Boolean.getBoolean("badinput.verbose")) {
            out.append(String.format("seconds: generation %.1f;", genSeconds));
            seconds.forEach((k, v) -> out.append(String.format(" %s %.2f", k, v)));
            out.append('\n');
            out.append("not covered:\n");
            gen.notCovered.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        System.out.print(out);
        assertTrue(failures.isEmpty(), failures.size() + " obscure or silent case(s):\n" + String.join("\n", failures));
    }

    // ------------------------------------------------------------------ explicit cases

    private static final List<Case> CASES = new ArrayList<>();

    private static void add(String id, String pkg, List<String> names, Callable<Object> call) {
        CASES.add(new Case(id, pkg, names, call, Set.of(), null, false));
    }

    private static void add(String id, String pkg, List<String> names, Callable<Object> call, Function<Object, String> check) {
        CASES.add(new Case(id, pkg, names, call, Set.of(), check, false));
    }

    private static void addDocumented(String id, String pkg, List<String> names, Set<Class<? extends Throwable>> documented,
                                      Callable<Object> call, Function<Object, String> check) {
        CASES.add(new Case(id, pkg, names, call, documented, check, false));
    }

    static List<Case> explicitCases() throws Exception {
        CASES.clear();
        sizes();
        batchSizes();
        overflow();
        quadrature();
        modelling();
        stageTimes();
        return List.copyOf(CASES);
    }

    /** Sizes near Integer.MAX_VALUE, n·d overflow and step counts whose arrays overflow: checked before allocation. */
    private static void sizes() {
        int max = Integer.MAX_VALUE;
        add("Gaussian.standard(4).sample(n = MAX/2) [n·d overflow]", "genflow.dist", List.of("n"),
                () -> genflow.dist.Gaussian.standard(4).sample(max / 2, RNG));
        add("GaussianMixture.sample(n = MAX/2 + 1) [n·d overflow]", "genflow.dist", List.of("n"),
                () -> ToyData.eightGaussians().sample(max / 2 + 1, RNG));
        add("ToyData.moons().sample(n = MAX)", "genflow.dist", List.of("n"), () -> ToyData.moons().sample(max, RNG));
        add("NealsFunnel(d = MAX).sample(2)", "genflow.dist", List.of("d"), () -> new genflow.dist.NealsFunnel(max).sample(2, RNG));
        add("StudentT.standard(3, d = MAX)", "genflow.dist", List.of("d"), () -> genflow.dist.StudentT.standard(3, max));
        add("Uniform.cube(0, 1, d = MAX)", "genflow.dist", List.of("d"), () -> genflow.dist.Uniform.cube(0, 1, max));
        add("Empirical.sample(n = MAX)", "genflow.dist", List.of("n"),
                () -> new genflow.dist.Empirical(new double[][] {{1, 2}}).sample(max, RNG));
        add("Draws.gaussianVector(d = MAX)", "genflow.random", List.of("d"), () -> genflow.random.Draws.gaussianVector(max, RNG));
        add("Sinkhorn.uniform(n = MAX)", "genflow.ot", List.of("n"), () -> genflow.ot.Sinkhorn.uniform(max));
        add("SamplePaths.kacWalk(steps = MAX)", "genflow.process", List.of("steps"),
                () -> genflow.process.SamplePaths.kacWalk(1, 1, 0.01, max, RNG));
        add("SamplePaths.brownian(steps = MAX)", "genflow.process", List.of("steps"),
                () -> genflow.process.SamplePaths.brownian(1, 0.01, max, RNG));
        add("SamplePaths.times(dt, steps = MAX)", "genflow.process", List.of("steps"), () -> genflow.process.SamplePaths.times(0.01, max));
        add("KacProcess.sampleBatch(t, n = MAX)", "genflow.process", List.of("n"),
                () -> genflow.process.KacProcess.of(1, 1).sampleBatch(1, max, RNG));
        add("Grid.uniform(0, 1, n = MAX)", "genflow.pde", List.of("n"), () -> genflow.pde.Grid.uniform(0, 1, max));
        add("Quadrature.trapezoid(f, 0, 1, n = MAX)", "genflow.math", List.of("n"),
                () -> genflow.math.Quadrature.trapezoid(Math::exp, 0, 1, max));
        add("Euler.trajectory(steps = MAX)", "genflow.ode", List.of("steps"),
                () -> new genflow.ode.Euler().trajectory((t, x) -> x, new double[][] {{1}}, 0, 1, max));
        add("Langevin.trajectory(steps = MAX)", "genflow.ode", List.of("steps"),
                () -> new genflow.ode.Langevin(0.1).trajectory((t, x) -> x, 0, new double[][] {{1}}, max, RNG));
        add("EulerMaruyama.trajectory(steps = MAX)", "genflow.ode", List.of("steps"),
                () -> new genflow.ode.EulerMaruyama().trajectory(genflow.ode.Sde.of((t, x) -> x, t -> 1), new double[][] {{1}}, 0, 1, max, RNG));
        add("ImageGrid.of(side = 46341) [side² overflow]", "genflow.plot", List.of("side"),
                () -> genflow.plot.ImageGrid.of("g", new double[][] {{1}}, 46_341, 1));
        add("Plots.histogram(bins = MAX)", "genflow.plot", List.of("bins"), () -> genflow.plot.Plots.histogram("h", "x", max, new double[] {1, 2}));
    }

    /** Batches that must have the same number of rows. */
    private static void batchSizes() {
        double[][] four = {{0, 0}, {1, 0}, {0, 1}, {1, 1}}, five = {{0, 0}, {1, 0}, {0, 1}, {1, 1}, {2, 2}};
        add("Couplings.minibatchOt(4 rows, 5 rows)", "genflow.ot", List.of("x0", "x1"), () -> genflow.ot.Couplings.minibatchOt(four, five));
        add("Couplings.meanSquaredDistance(4 rows, 5 rows)", "genflow.ot", List.of("x0", "x1"),
                () -> genflow.ot.Couplings.meanSquaredDistance(four, five, new int[] {0, 1, 2, 3}));
        add("Couplings.reorder(x, sigma of length 3)", "genflow.ot", List.of("sigma"), () -> genflow.ot.Couplings.reorder(four, new int[] {0, 1, 2}));
        add("Wasserstein.squaredW2Exact(4 rows, 5 rows)", "genflow.metrics", List.of("x", "y"), () -> genflow.metrics.Wasserstein.squaredW2Exact(four, five));
        add("Sinkhorn.solve(a of length 3 for 4 points)", "genflow.ot", List.of("a"),
                () -> genflow.ot.Sinkhorn.builder().build().solve(new double[] {1, 1, 1}, four, new double[] {1, 1, 1, 1}, four));
        add("Assignment.totalCost(cost 4×4, sigma of length 3)", "genflow.ot", List.of("sigma"),
                () -> genflow.ot.Assignment.totalCost(genflow.ot.Couplings.squaredDistances(four, four), new int[] {0, 1, 2}));
        add("ConvergenceStudy.errors(exact with 5 rows for x0 with 4)", "genflow.ode", List.of("exact"),
                () -> genflow.ode.ConvergenceStudy.errors(new genflow.ode.Euler(), (t, x) -> x, four, 0, 1, five, new int[] {4}));
        add("PathEnergy.pathEnergy(slices of 4 and 5 rows)", "genflow.metrics", List.of("trajectory"),
                () -> genflow.metrics.PathEnergy.pathEnergy(new double[] {0, 1}, new double[][][] {four, five}));
        add("Discrepancy.energyDistance(dimension 2 vs 3)", "genflow.metrics", List.of("y", "x"),
                () -> genflow.metrics.Discrepancy.energyDistance(four, new double[][] {{1, 2, 3}}, genflow.metrics.Discrepancy.Estimator.BIASED));
    }

    /** Intermediate overflow where the answer is finite, and answers that cannot be finite. */
    private static void overflow() {
        GaussianMixture eight = ToyData.eightGaussians();
        // responsibilities must be finite and right: at x = 1e300 (and 1e100) along the first axis the
        // component with mean (5, 0) has all the mass; along (−1, 1) the one with mean 5(cos 3π/4, sin 3π/4)
        add("GaussianMixture.responsibilities(x = (1e300, 0))", "genflow.dist", List.of("x"),
                () -> eight.responsibilities(new double[] {1e300, 0}), oneHot(0));
        add("GaussianMixture.responsibilities(x = (1e100, 0))", "genflow.dist", List.of("x"),
                () -> eight.responsibilities(new double[] {1e100, 0}), oneHot(0));
        add("GaussianMixture.responsibilities(x = (−1e300, 1e300))", "genflow.dist", List.of("x"),
                () -> eight.responsibilities(new double[] {-1e300, 1e300}), oneHot(3));
        add("GaussianMixture.responsibilities(x = (−1e300, −1e300))", "genflow.dist", List.of("x"),
                () -> eight.responsibilities(new double[] {-1e300, -1e300}), oneHot(5));
        // means (0, 0) and (0, 1), unit variances: far out along the first axis the odds stay e^{1/2}
        GaussianMixture side = GaussianMixture.isotropic(new double[][] {{0, 0}, {0, 1}}, 1.0);
        double g0 = 1 / (1 + Math.exp(-0.5));
        add("GaussianMixture.responsibilities(x = (1e100, 0), means differ across x)", "genflow.dist", List.of("x"),
                () -> side.responsibilities(new double[] {1e100, 0}), close(new double[] {g0, 1 - g0}, 1e-12));
        add("GaussianMixture.responsibilities(x = (1e300, 0), means differ across x)", "genflow.dist", List.of("x"),
                () -> side.responsibilities(new double[] {1e300, 0}), close(new double[] {g0, 1 - g0}, 1e-12));
        // log p(x) ≈ −x²/(2σ²): −1.58e200 at x = 1e100 (finite), below −1.8e308 at x = 1e300 (must be rejected)
        double s2 = ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD;
        add("GaussianMixture.logDensity(x = (1e100, 0))", "genflow.dist", List.of("x"),
                () -> eight.logDensity(new double[] {1e100, 0}), closeRel(-1e200 / (2 * s2), 1e-12));
        add("GaussianMixture.logDensity(x = (1e300, 0))", "genflow.dist", List.of("x"), () -> eight.logDensity(new double[] {1e300, 0}));
        add("GaussianMixture.score(x = (1e300, 0))", "genflow.dist", List.of("x"),
                () -> eight.score(new double[] {1e300, 0}), close(new double[] {-1e300 / s2, 0}, 1e-12 * 1e300 / s2));
        add("GaussianMixture.score(x = (−1.7e308, 0), σ = 0.1)", "genflow.dist", List.of("x"),
                () -> GaussianMixture.isotropic(new double[][] {{0, 0}, {1, 1}}, 0.1).score(new double[] {-1.7e308, 0}));
        add("Gaussian.logDensity(x = (1e300, 0))", "genflow.dist", List.of("x"),
                () -> genflow.dist.Gaussian.standard(2).logDensity(new double[] {1e300, 0}));
        add("StudentT.logDensity(x = (1e300, 0)) [finite: ≈ −(ν+1) log|x|]", "genflow.dist", List.of("x"),
                () -> genflow.dist.StudentT.standard(3, 2).logDensity(new double[] {1e300, 0}),
                closeRel(-4 * Math.log(1e300) + 2 * genflow.math.SpecialFunctions.studentTLogNormaliser(3) + 2 * Math.log(3), 1e-12));
        // W2 of ±1e200 is 2e200 (finite); W2² = 4e400 is not
        add("Wasserstein.w2OneDim({1e200}, {−1e200})", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Wasserstein.w2OneDim(new double[] {1e200}, new double[] {-1e200}), closeRel(2e200, 1e-14));
        add("Wasserstein.w2OneDim({±1.7e308}, {0, 0})", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Wasserstein.w2OneDim(new double[] {1.7e308, -1.7e308}, new double[] {0, 0}), closeRel(1.7e308, 1e-14));
        add("Wasserstein.squaredW2OneDim({1e200}, {−1e200})", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Wasserstein.squaredW2OneDim(new double[] {1e200}, new double[] {-1e200}));
        add("Wasserstein.w2Exact({(1e200, 0)}, {(−1e200, 0)})", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Wasserstein.w2Exact(new double[][] {{1e200, 0}}, new double[][] {{-1e200, 0}}), closeRel(2e200, 1e-14));
        add("Wasserstein.slicedW2(±1e200)", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Wasserstein.slicedW2(new double[][] {{1e200, 0}}, new double[][] {{-1e200, 0}}, 4, Rngs.seeded(1)));
        add("Couplings.minibatchOt(points at ±1e200) [the optimal pairing is well defined]", "genflow.ot", List.of("x0", "x1"),
                () -> genflow.ot.Couplings.minibatchOt(new double[][] {{1e200}, {-1e200}}, new double[][] {{-1.1e200}, {1.1e200}}),
                r -> java.util.Arrays.equals((int[]) r, new int[] {1, 0}) ? null : "pairing " + java.util.Arrays.toString((int[]) r) + ", expected [1, 0]");
        add("Assignment.solve(costs ±1e308)", "genflow.ot", List.of("cost"),
                () -> genflow.ot.Assignment.solve(new double[][] {{1e308, -1e308}, {-1e308, 1e308}}),
                r -> java.util.Arrays.equals((int[]) r, new int[] {1, 0}) ? null : "assignment " + java.util.Arrays.toString((int[]) r) + ", expected [1, 0]");
        add("Discrepancy.energyDistance(±1e200) [finite: 2e200]", "genflow.metrics", List.of("x", "y"),
                () -> genflow.metrics.Discrepancy.energyDistance(new double[][] {{1e200}}, new double[][] {{-1e200}}, genflow.metrics.Discrepancy.Estimator.BIASED),
                closeRel(4e200, 1e-14));
        add("NearestNeighbour.indices(±1e200) [nearest is well defined]", "genflow.metrics", List.of("queries", "reference"),
                () -> genflow.metrics.NearestNeighbour.indices(new double[][] {{1e200}}, new double[][] {{-1e200}, {0.9e200}}),
                r -> ((int[]) r)[0] == 1 ? null : "nearest index " + ((int[]) r)[0] + ", expected 1");
        add("ModeMass.nearestMean(x = (1e200, 0))", "genflow.metrics", List.of("x"),
                () -> genflow.metrics.ModeMass.nearestMean(eight, new double[][] {{1e200, 0}}),
                r -> ((double[]) r)[0] == 1 ? null : "mass " + java.util.Arrays.toString((double[]) r) + ", expected all on mode 0");
        add("Likelihood.meanNll(x = (1e300, 0))", "genflow.metrics", List.of("x"),
                () -> genflow.metrics.Likelihood.meanNll(eight, new double[][] {{1e300, 0}}));
        add("KolmogorovSmirnov.kolmogorovCdf(λ = 4.9e-324)", "genflow.metrics", List.of("lambda"),
                () -> genflow.metrics.KolmogorovSmirnov.kolmogorovCdf(Double.MIN_VALUE), r -> (Double) r == 0 ? null : "P(K ≤ 4.9e-324) = " + r + ", expected 0");
        // plots with values near the end of the double range
        add("HistogramBuilder.range(−1.7e308, 1.7e308)", "genflow.plot", List.of("lo", "hi"),
                () -> genflow.plot.Plots.histogram("h", "x").range(-1.7e308, 1.7e308).sample("s", new double[] {0, 1}));
        add("Plots.histogram(values ±1.7e308)", "genflow.plot", List.of("values"),
                () -> genflow.plot.Plots.histogram("h", "x", 10, new double[] {-1.7e308, 1.7e308}));
        add("Plots.scatter(points ±1.7e308)", "genflow.plot", List.of("points"),
                () -> genflow.plot.Plots.scatter("s", "x", "y", new double[][] {{-1.7e308, 0}, {1.7e308, 1}}));
        add("Grid2D.square(−1.7e308, 1.7e308, 4)", "genflow.plot", List.of("lo", "hi"), () -> genflow.plot.Grid2D.square(-1.7e308, 1.7e308, 4));
        add("ImageGrid.builder().range(−1.7e308, 1.7e308)", "genflow.plot", List.of("lo", "hi"),
                () -> genflow.plot.ImageGrid.builder(new double[][] {{0, 1, 2, 3}}, 2).range(-1.7e308, 1.7e308).build().greyLevel(1));
        add("Plots.densityHeatMap(f = ±1.7e308)", "genflow.plot", List.of("f"),
                () -> genflow.plot.Plots.densityHeatMap("h", "x", "y", genflow.plot.Grid2D.square(-1, 1, 4), (x, y) -> x > 0 ? 1.7e308 : -1.7e308));
        // processes
        add("KacProcess.sampleByJumps(t = 1e300)", "genflow.process", List.of("t"), () -> genflow.process.KacProcess.of(1, 1).sampleByJumps(1e300, RNG));
        add("KacProcess.sample(t = 1e300)", "genflow.process", List.of("t"), () -> genflow.process.KacProcess.of(1, 1).sample(1e300, RNG));
        add("WienerProcess.velocity(s = 4.9e-324, y = 1)", "genflow.process", List.of("s", "y"),
                () -> new genflow.process.WienerProcess().velocity(Double.MIN_VALUE, 1));
        add("SpecialFunctions.normalLogPdf(x = 1e300)", "genflow.math", List.of("x"), () -> genflow.math.SpecialFunctions.normalLogPdf(1e300));
        add("LinearFlowGaussian.flow(t = 1000, a = 1)", "genflow.pde", List.of("t"), () -> new genflow.pde.LinearFlowGaussian(1, 0, 1, 1).flow(1000, 1));
        add("VeSchedule(1e-300, 1e300).beta(0.5) [= 1: finite]", "genflow.schedule", List.of("sigmaMin", "sigmaMax"),
                () -> new genflow.schedule.VeSchedule(1e-300, 1e300).beta(0.5), closeRel(1, 1e-12));
    }

    /** Quadrature must say when it cannot meet its tolerance. */
    private static void quadrature() {
        // ∫₋₁¹ (|x| + 1e-300)^{-1/2} dx = 4: the old loop stopped at 3.9086 with an error estimate 0.14 ≫ tolerance
        addDocumented("Quadrature.gaussKronrod(∫₋₁¹ (|x|+1e-300)^{-1/2}, absTol = 1e-10)", "genflow.math", List.of("absTol"),
                Set.of(ArithmeticException.class),
                () -> genflow.math.Quadrature.gaussKronrod(x -> 1 / Math.sqrt(Math.abs(x) + 1e-300), -1, 1, 1e-10, 0),
                r -> {
                    var q = (genflow.math.Quadrature.Result) r;
                    return Math.abs(q.value() - 4) <= 1e-9 && q.errorEstimate() <= 1e-10 ? null
                            : "returned " + q.value() + " with error estimate " + q.errorEstimate() + " > tolerance 1e-10 (exact 4)";
                });
        // a singularity at a point that is not a double: the panels around it shrink to machine resolution,
        // where their error estimate (≈ 1e-8) can never meet absTol = 1e-15; the old loop dropped it
        addDocumented("Quadrature.integrate(|x − 1/3|^{-1/2} on [0, 1], absTol = 1e-15)", "genflow.math", List.of("absTol"),
                Set.of(ArithmeticException.class),
                () -> genflow.math.Quadrature.integrate(x -> 1 / Math.sqrt(Math.abs(x - 1.0 / 3)), 0, 1, 1e-15, 0),
                r -> "returned " + r + " although the tolerance 1e-15 cannot be met");
    }

    // ------------------------------------------------------------------ path, nn, loss, course

    /** Explicit cases of the modelling packages: overflow, sizes near Integer.MAX_VALUE, corrupt files, SameDiff graphs. */
    private static void modelling() throws Exception {
        genflow.schedule.LinearSchedule linear = new genflow.schedule.LinearSchedule();
        genflow.path.Tweedie tweedie = new genflow.path.Tweedie(linear);
        genflow.path.GaussianPath path = new genflow.path.GaussianPath(linear);
        genflow.path.GmmMarginal gmm = new genflow.path.GmmMarginal(ToyData.eightGaussians(), linear);
        // 1/α_t = ∞ at t = 4.9e-324: the posterior mean cannot be finite
        add("Tweedie.posteriorMeanFromScore(t = 4.9e-324)", "genflow.path", List.of("t"),
                () -> tweedie.posteriorMeanFromScore(Double.MIN_VALUE, new double[] {1, -1}, new double[] {1, 1}));
        // (x + β² s)/α = (1e308 − 0.25e308)/0.5 = 1.5e308 at t = 1/2: finite although x/α = 2e308 overflows
        add("Tweedie.posteriorMeanFromScore(t = 0.5, x = 1e308, score = −1e308) [finite: 1.5e308]", "genflow.path", List.of("x", "score"),
                () -> tweedie.posteriorMeanFromScore(0.5, new double[] {1e308}, new double[] {-1e308}), close(new double[] {1.5e308}, 1e294));
        add("GaussianPath.conditionalLogDensity(x = (1e300, 0))", "genflow.path", List.of("x"),
                () -> path.conditionalLogDensity(0.5, new double[] {1e300, 0}, new double[] {0, 0}));
        // −‖x‖²/(2β²) − log(2πβ²) at β = 1/2, ‖x‖ = 1e150: −2e300 − log(π/2)
        add("GaussianPath.conditionalLogDensity(x = (1e150, 0)) [finite: −2e300]", "genflow.path", List.of("x"),
                () -> path.conditionalLogDensity(0.5, new double[] {1e150, 0}, new double[] {0, 0}), closeRel(-2e300, 1e-15));
        add("GmmMarginal.score(t = 0.5, x = (1e300, 0))", "genflow.path", List.of("x"), () -> gmm.score(0.5, new double[] {1e300, 0}));
        add("GmmMarginal.density(t = 0.5, x = (1e300, 0))", "genflow.path", List.of("x"), () -> gmm.density(0.5, new double[] {1e300, 0}));
        // far out along (1, −1) all mass is on the component with mean 5(cos(−π/4), sin(−π/4)); E[z | x] = m + α v (x − α m)/(α² v + β²) is finite
        double s2 = ToyData.EIGHT_GAUSSIANS_STD * ToyData.EIGHT_GAUSSIANS_STD, m = 5 * Math.sqrt(0.5), var = 0.25 * s2 + 0.25;
        double ez = m + (0.5 * s2 / var) * (1.7e308 - 0.5 * m), u = m + ((0.5 * s2 - 0.5) / var) * (1.7e308 - 0.5 * m);
        add("GmmMarginal.posteriorMean(t = 0.5, x = (1.7e308, −1.7e308)) [finite]", "genflow.path", List.of("x"),
                () -> gmm.posteriorMean(0.5, new double[] {1.7e308, -1.7e308}), close(new double[] {ez, -ez}, 1e-14 * Math.abs(ez)));
        add("GmmMarginal.velocity(t = 0.5, x = (1.7e308, −1.7e308)) [finite]", "genflow.path", List.of("x"),
                () -> gmm.velocity(0.5, new double[] {1.7e308, -1.7e308}), close(new double[] {u, -u}, 1e-14 * Math.abs(u)));
        add("PathSample(xt with a NaN entry)", "genflow.path", List.of("xt"),
                () -> new genflow.path.PathSample(new double[][] {{0, Double.NaN}}, new double[][] {{0, 0}}));
        // loss: batch sizes, sizes before allocation, far-out points
        add("ConditionalFlowMatching.otPairing(noise of 4 rows, data of 3 rows, n = 4, d = 2)", "genflow.loss", List.of("noise", "data", "n"),
                () -> genflow.loss.ConditionalFlowMatching.otPairing(new double[8], new double[6], 4, 2));
        add("ConditionalFlowMatching.otPairing(n = Integer.MAX_VALUE, d = 1)", "genflow.loss", List.of("n", "noise"),
                () -> genflow.loss.ConditionalFlowMatching.otPairing(new double[1], new double[1], Integer.MAX_VALUE, 1));
        add("ConditionalFlowMatching.otPairing(n = 60000) [n × n costs]", "genflow.loss", List.of("n"),
                () -> genflow.loss.ConditionalFlowMatching.otPairing(new double[60_000], new double[60_000], 60_000, 1));
        add("ConditionalFlowMatching.otPairing(points at ±1e200) [the optimal pairing is well defined]", "genflow.loss", List.of("noise", "data"),
                () -> genflow.loss.ConditionalFlowMatching.otPairing(new double[] {1e200, -1e200}, new double[] {-1.1e200, 1.1e200}, 2, 1),
                r -> java.util.Arrays.equals((int[]) r, new int[] {1, 0}) ? null : "pairing " + java.util.Arrays.toString((int[]) r) + ", expected [1, 0]");
        add("QuantileNoiseLoss.w2SquaredSorted(±1e200) [W2² = 4e400]", "genflow.loss", List.of("a", "b"),
                () -> genflow.loss.QuantileNoiseLoss.w2SquaredSorted(new double[] {1e200}, new double[] {-1e200}));
        add("QuantileNoiseLoss.w2SquaredSorted({6, 7}e153, {−6, −7}e153) [finite: 1.69e308]", "genflow.loss", List.of("a", "b"),
                () -> genflow.loss.QuantileNoiseLoss.w2SquaredSorted(new double[] {6e153, 7e153}, new double[] {-6e153, -7e153}), closeRel(1.69e308, 1e-14));
        // nn: sizes before allocation, corrupt files, float range, learning rates that overflow
        add("Mlp.builder(2).hidden(MAX).build()", "genflow.nn", List.of("hidden", "hidden[0]"), () -> genflow.nn.Mlp.builder(2).hidden(Integer.MAX_VALUE).build());
        add("Mlp.builder(2).hidden(40000, 40000).build() [1.6e9 parameters]", "genflow.nn", List.of("hidden"),
                () -> genflow.nn.Mlp.builder(2).hidden(40_000, 40_000).build());
        add("Mlp.builder(MAX)", "genflow.nn", List.of("dim"), () -> genflow.nn.Mlp.builder(Integer.MAX_VALUE));
        add("Mlp(FLOAT).forward(0.5, x = 1e200)", "genflow.nn", List.of("x"),
                () -> genflow.nn.Mlp.builder(2).hidden(4).build().forward(0.5, new double[][] {{1e200, 0}}));
        add("Mlp(DOUBLE).forward(0.5, x = 1.7e308)", "genflow.nn", List.of("x"),
                () -> genflow.nn.Mlp.builder(2).hidden(4).precision(genflow.nn.Precision.DOUBLE).build().forward(0.5, new double[][] {{1.7e308, -1.7e308}}));
        add("Mlp.workspace().forward(n = MAX)", "genflow.nn", List.of("n", "t", "x"),
                () -> genflow.nn.Mlp.builder(2).hidden(4).build().workspace().forward(new double[1], new double[2], Integer.MAX_VALUE));
        add("RqSpline.identity(dim = MAX, bins = 8, bound = 5)", "genflow.nn", List.of("dim"),
                () -> genflow.nn.RqSpline.identity(Integer.MAX_VALUE, 8, 5.0));
        add("RqSpline.identity(dim = 10^7, bins = 1024, bound = 5) [3e10 parameters]", "genflow.nn", List.of("dim", "bins"),
                () -> genflow.nn.RqSpline.identity(10_000_000, 1024, 5.0));
        for (Object[] bad : new Object[][] {{"bins = 0", 1, 0, 5.0, 0.0}, {"dim = −1", -1, 8, 5.0, 0.0}, {"bins = 1", 1, 1, 5.0, 0.0},
                {"bound = NaN", 1, 8, Double.NaN, 0.0}, {"parameters NaN", 1, 8, 5.0, Double.NaN}}) {
            add("RqSpline.load(corrupt file: " + bad[0] + ")", "genflow.nn", List.of("file"), () -> {
                Path f = rqSplineFile((int) bad[1], (int) bad[2], (double) bad[3], (double) bad[4]);
                try {
                    genflow.nn.RqSpline s = genflow.nn.RqSpline.load(f);
                    // a spline that loaded must give finite quantiles
                    return new Object[] {s.bins(), s.quantile(0, 0.3)};
                } finally {
                    Files.deleteIfExists(f);
                }
            }, r -> (Integer) ((Object[]) r)[0] < 2 ? "a spline with bins = " + ((Object[]) r)[0] + " loaded although identity() requires bins >= 2" : null);
        }
        add("Adam.learningRate(1.7e308).step(…)", "genflow.nn", List.of("learningRate"), () -> {
            double[] p = {0.5, -0.5};
            genflow.nn.Adam.builder().learningRate(1.7e308).build((genflow.nn.Parametric) () -> p).step(new double[][] {{1, -1}});
            return p;
        });
        add("Trainer.builder(cfm).steps(MAX)", "genflow.nn", List.of("steps"),
                () -> genflow.nn.Trainer.builder(BadInputGenerator.smallCfm()).steps(Integer.MAX_VALUE));
        add("ConditionalFlowMatching.lossAndGradient(data = 1e300)", "genflow.loss", List.of("data"),
                () -> BadInputGenerator.smallCfm().lossAndGradient(new double[] {1e300, 1e300, 1e300, 1e300}, new double[4], 2, Rngs.seeded(1),
                        new double[1][26]));
        // genflow.nn.samediff: one small model, cheap calls only
        add("SameDiffModel.builder(MAX)", "genflow.nn.samediff", List.of("dim"), () -> genflow.nn.samediff.SameDiffModel.builder(Integer.MAX_VALUE));
        add("NetworkGraph.dense(h, width = MAX)", "genflow.nn.samediff", List.of("width"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.x(), Integer.MAX_VALUE)).build());
        add("NetworkGraph.dense(h, width = 0)", "genflow.nn.samediff", List.of("width"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.x(), 0)).build());
        add("NetworkGraph.timeFeatures(null)", "genflow.nn.samediff", List.of("embedding"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.timeFeatures(null), 2)).build());
        add("NetworkGraph.silu(null)", "genflow.nn.samediff", List.of("h"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.silu(null), 2)).build());
        add("NetworkGraph.activation(null, h)", "genflow.nn.samediff", List.of("a"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.activation(null, g.x()), 2)).build());
        add("NetworkGraph.dense(null, 2)", "genflow.nn.samediff", List.of("h", "input"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(null, 2)).build());
        add("NetworkGraph.concat()", "genflow.nn.samediff", List.of("parts"),
                () -> genflow.nn.samediff.SameDiffModel.builder(2).network(g -> g.dense(g.concat(), 2)).build());
        add("LossGraph.input(\"w\", columns = MAX)", "genflow.nn.samediff", List.of("columns"),
                () -> genflow.nn.samediff.SameDiffObjective.of(BadInputGenerator.sameDiffModel(), BadInputGenerator.cfmBatches(),
                        (g, v) -> v.squaredDifference(g.target()).mul(g.input("w", Integer.MAX_VALUE)).sum(1).mean()));
        add("LossGraph.input(\"x\", 1) [reserved name]", "genflow.nn.samediff", List.of("x"),
                () -> genflow.nn.samediff.SameDiffObjective.of(BadInputGenerator.sameDiffModel(), BadInputGenerator.cfmBatches(),
                        (g, v) -> v.squaredDifference(g.input("x", 2)).sum(1).mean()));
        add("SameDiffModel(FLOAT).forward(0.5, x = 1e200)", "genflow.nn.samediff", List.of("x"),
                () -> BadInputGenerator.sameDiffModel().forward(0.5, new double[][] {{1e200, 0}}));
        add("SameDiffObjective.value(batch with t = 2)", "genflow.nn.samediff", List.of("t"),
                () -> BadInputGenerator.sameDiffObjective().value(genflow.nn.samediff.Batch.of(new double[] {2}, new double[][] {{0, 0}}, new double[][] {{1, 1}})));
        add("SameDiffObjective.value(batch with target 1e200)", "genflow.nn.samediff", List.of("target"),
                () -> BadInputGenerator.sameDiffObjective().value(genflow.nn.samediff.Batch.of(new double[] {0.5}, new double[][] {{0, 0}}, new double[][] {{1e200, 1}})));
        add("SameDiffObjective.value(batch with target 1e30) [loss 1e60 overflows float]", "genflow.nn.samediff", List.of("target"),
                () -> BadInputGenerator.sameDiffObjective().value(genflow.nn.samediff.Batch.of(new double[] {0.5}, new double[][] {{0, 0}}, new double[][] {{1e30, 1}})));
        add("SameDiffObjective.value(batch without target)", "genflow.nn.samediff", List.of("target"),
                () -> BadInputGenerator.sameDiffObjective().value(genflow.nn.samediff.Batch.of(new double[] {0.5}, new double[][] {{0, 0}})));
        add("SameDiffObjective.value(batch with 2 times for 1 point)", "genflow.nn.samediff", List.of("x"),
                () -> BadInputGenerator.sameDiffObjective().value(genflow.nn.samediff.Batch.of(new double[] {0.5, 0.5}, new double[][] {{0, 0}}, new double[][] {{1, 1}})));
        // course: writers, with temporary folders
        Path tmp = BadInputGenerator.tempDir();
        genflow.course.LectureFigure fig = genflow.course.LectureFigure.still("00-survey-figure", 1, "caption", sd -> BadInputGenerator.smallChart());
        add("Figures.write(f, dir = a file)", "genflow.course", List.of("dir"), () -> genflow.course.Figures.write(fig, BadInputGenerator.csvFile()));
        add("Figures.write(null, dir)", "genflow.course", List.of("f"), () -> genflow.course.Figures.write(null, tmp));
        add("Figures.write(f, null)", "genflow.course", List.of("dir"), () -> genflow.course.Figures.write(fig, null));
        add("Figures.writeManifest(missing folder)", "genflow.course", List.of("dir"), () -> genflow.course.Figures.writeManifest(tmp.resolve("missing")));
        add("Figures.writeManifest(null)", "genflow.course", List.of("dir"), () -> genflow.course.Figures.writeManifest(null));
        add("LectureFigure.animation(frameDelayMs = MAX)", "genflow.course", List.of("frameDelayMs"),
                () -> genflow.course.LectureFigure.animation("00-survey-animation", 1, "caption", Integer.MAX_VALUE, sd -> List.of(BadInputGenerator.smallChart())));
        add("Figures.animate(frames with a String)", "genflow.course", List.of("frames"),
                () -> genflow.course.Figures.animate("00-survey-animation", 1, "caption", 100, List.of(BadInputGenerator.smallChart(), "frame")));
        addDocumented("Check.close(what, actual = NaN, expected = 1, tol = 0.1) [the check fails]", "genflow.course", List.of("actual"),
                Set.of(genflow.course.CheckFailure.class), () -> { genflow.course.Check.close("x", Double.NaN, 1, 0.1); return null; },
                r -> "a check of NaN passed");
    }

    /**
     * Stage times a hair outside [0, 1] (RK4 from 1 to 0 in 40 steps evaluates at −9e-17): accepted
     * (clamped) by every (t, x) entry point, with the value at the end point.
     */
    private static void stageTimes() {
        double below = -9e-17, above = 1 + 2.3e-16;
        genflow.schedule.LinearSchedule linear = new genflow.schedule.LinearSchedule();
        genflow.path.GmmMarginal gmm = new genflow.path.GmmMarginal(ToyData.eightGaussians(), linear);
        double[][] x = {{0.3, -0.2}};
        add("GmmMarginal.velocity(t = −9e-17) [= velocity at 0]", "genflow.path", List.of("t"),
                () -> gmm.velocity(below, x)[0], close(gmm.velocity(0, x)[0], 0));
        add("GmmMarginal.velocity(t = 1 + 2.3e-16) [= velocity at 1]", "genflow.path", List.of("t"),
                () -> gmm.velocity(above, x)[0], close(gmm.velocity(1, x)[0], 0));
        add("GmmMarginal.velocity(t = −1e-9) [outside]", "genflow.path", List.of("t"), () -> gmm.velocity(-1e-9, x));
        genflow.nn.Mlp net = BadInputGenerator.smallMlp();
        add("Mlp.asVectorField()(t = −9e-17) [= field at 0]", "genflow.nn", List.of("t"),
                () -> net.asVectorField().apply(below, x)[0], close(net.asVectorField().apply(0, x)[0], 0));
        add("Mlp.asVectorField()(t = 1 + 1e-11) [outside]", "genflow.nn", List.of("t"), () -> net.asVectorField().apply(1 + 1e-11, x));
        add("SameDiffModel.forward(t = 1 + 2.3e-16) [= field at 1]", "genflow.nn.samediff", List.of("t"),
                () -> BadInputGenerator.sameDiffModel().forward(above, x)[0], close(BadInputGenerator.sameDiffModel().forward(1, x)[0], 0));
        add("TimeReversal.flip(s = −9e-17) [= 1]", "genflow.path", List.of("s"), () -> genflow.path.TimeReversal.flip(below), closeRel(1, 0));
    }

    private static Path rqSplineFile(int dim, int bins, double bound, double param) throws IOException, ReflectiveOperationException {
        var magic = genflow.nn.RqSpline.class.getDeclaredField("MAGIC");
        magic.setAccessible(true);
        var version = genflow.nn.RqSpline.class.getDeclaredField("VERSION");
        version.setAccessible(true);
        Path f = Files.createTempFile("bad-spline", ".bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(magic.getInt(null));
            out.writeInt(version.getInt(null));
            out.writeInt(dim);
            out.writeInt(bins);
            out.writeLong(Double.doubleToRawLongBits(bound));
            int count = Math.max(0, dim) * Math.max(0, 3 * bins - 1);
            for (int i = 0; i < Math.min(count, 1000); i++) out.writeLong(Double.doubleToRawLongBits(param));
        }
        return f;
    }

    // ------------------------------------------------------------------ result checks

    private static Function<Object, String> oneHot(int k) {
        return r -> {
            double[] g = (double[]) r;
            return g[k] == 1 ? null : "responsibilities " + java.util.Arrays.toString(g) + ", expected all mass on component " + k;
        };
    }

    private static Function<Object, String> close(double[] expected, double tol) {
        return r -> {
            double[] g = (double[]) r;
            for (int i = 0; i < g.length; i++) {
                if (!(Math.abs(g[i] - expected[i]) <= tol)) return java.util.Arrays.toString(g) + ", expected " + java.util.Arrays.toString(expected);
            }
            return null;
        };
    }

    private static Function<Object, String> closeRel(double expected, double rel) {
        return r -> {
            double v = ((Number) r).doubleValue();
            return Math.abs(v - expected) <= rel * Math.abs(expected) ? null : v + ", expected " + expected;
        };
    }
}
