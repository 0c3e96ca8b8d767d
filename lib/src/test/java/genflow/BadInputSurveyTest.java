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
import java.lang.reflect.Method;
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
 * public method and constructor of the surveyed packages (see {@link BadInputGenerator}) plus the
 * explicit cases below — and classifies each outcome as clear, obscure or silent (see
 * {@link BadInputSurvey}). Prints {@code bad input: C clear, O obscure, S silent over N calls} and
 * every obscure and silent case.
 *
 * <p>Fails if an obscure or silent case remains in the packages this survey guards (math, random,
 * dist, schedule, process, ode, pde, ot, metrics, plot, table). Cases in nn, loss, path and course are
 * reported, never failed: the known ones are listed in {@link #KNOWN_ISSUES} (those packages are
 * being rewritten; empty the list as they are fixed — a fixed known issue is printed as such).
 */
class BadInputSurveyTest {
    /** Packages whose obscure or silent cases fail this test. */
    static final Set<String> GUARDED = Set.of("genflow.math", "genflow.random", "genflow.dist", "genflow.schedule",
            "genflow.process", "genflow.ode", "genflow.pde", "genflow.ot", "genflow.metrics", "genflow.plot", "genflow.table");

    /**
     * Known obscure or silent cases in packages this survey does not guard (nn, loss, path, course),
     * by case id. They are reported, not failed. When a package is fixed, remove its entries; an entry
     * whose case now passes is printed as "fixed".
     */
    static final Set<String> KNOWN_ISSUES = Set.of(
            // genflow.path — Tweedie: results that overflow are returned (t = 4.9e-324: 1/α_t = ∞), huge σ in denoise,
            // and an empty x is reported as a dimension mismatch of the other vector
            "Tweedie.posteriorMeanFromScore(t = 4.9E-324)", "Tweedie.posteriorMeanFromScore(t = 4.9e-324)",
            "Tweedie.posteriorMeanFromScore(x = {±1.7e308,…})", "Tweedie.scoreFromNoise(noise = {±1.7e308,…})",
            "Tweedie.scoreFromPosteriorMean(x = {±1.7e308,…})", "Tweedie.scoreFromPosteriorMean(posteriorMean = {±1.7e308,…})",
            "Tweedie.denoise(sigma = 1.0E300)", "Tweedie.denoise(sigma = 1.7E308)",
            "Tweedie.scoreFromVelocity(x = {±1.7e308,…})", "Tweedie.velocityFromPosteriorMean(x = {±1.7e308,…})",
            "Tweedie.velocityFromPosteriorMean(posteriorMean = {±1.7e308,…})", "Tweedie.velocityFromScore(x = {±1.7e308,…})",
            "Tweedie.posteriorMeanFromScore(x = {})", "Tweedie.posteriorMeanFromVelocity(x = {})", "Tweedie.scoreFromPosteriorMean(x = {})",
            "Tweedie.scoreFromVelocity(x = {})", "Tweedie.velocityFromPosteriorMean(x = {})", "Tweedie.velocityFromScore(x = {})",
            "Tweedie.denoise(y = {})",
            // genflow.path — GaussianPath: log density / score overflow silently; "not finite here" messages name t, not x or z
            "GaussianPath.conditionalLogDensity(x = {})", "GaussianPath.conditionalLogDensity(x = {±1.7e308,…})",
            "GaussianPath.conditionalLogDensity(x = {±1e300,…})", "GaussianPath.conditionalLogDensity(z = {±1.7e308,…})",
            "GaussianPath.conditionalLogDensity(z = {±1e300,…})", "GaussianPath.conditionalScore(x = {})",
            "GaussianPath.conditionalScore(x = {±1.7e308,…})", "GaussianPath.conditionalScore(x = ±1.7e308 entries)",
            "GaussianPath.conditionalScore(z = {±1.7e308,…})", "GaussianPath.conditionalScore(z = ±1.7e308 entries)",
            "GaussianPath.conditionalVelocity(x = {})", "GaussianPath.conditionalVelocity(x = {±1.7e308,…})",
            "GaussianPath.conditionalVelocity(x = ±1.7e308 entries)", "GaussianPath.conditionalVelocity(z = {±1.7e308,…})",
            "GaussianPath.conditionalVelocity(z = ±1.7e308 entries)",
            // genflow.path — GmmMarginal far out (the responsibilities are now finite; the posterior mean/velocity still overflow)
            "GmmMarginal.posteriorMean(x = {±1.7e308,…})", "GmmMarginal.velocity(x = {±1.7e308,…})", "GmmMarginal.velocity(x = ±1.7e308 entries)",
            "MeanRevertingPath.conditionalVelocity(x = {})",
            // genflow.loss — otPairing checks neither the array lengths against n·d nor n before allocating n×n costs
            "ConditionalFlowMatching.otPairing(noise of 4 rows, data of 3 rows, n = 4, d = 2)",
            "ConditionalFlowMatching.otPairing(n = Integer.MAX_VALUE, d = 1)",
            // genflow.nn — sizes not checked before allocation; corrupt spline files load (another helper is fixing loading)
            "Mlp.builder(2).hidden(MAX).build()", "RqSpline.identity(dim = MAX, bins = 8, bound = 5)",
            "RqSpline.load(corrupt file: bins = 0)", "RqSpline.load(corrupt file: dim = −1)", "RqSpline.load(corrupt file: bins = 1)",
            "RqSpline.load(corrupt file: bound = NaN)", "RqSpline.load(corrupt file: parameters NaN)");

    private static final RandomGenerator RNG = Rngs.seeded(11);

    @Test
    @Timeout(600)
    void badInputIsRejectedClearlyEverywhere() throws Exception {
        BadInputGenerator gen = new BadInputGenerator(BadInputSurvey.parameterNames(Path.of("src/main/java/genflow")));
        for (String pkg : new String[] {"genflow.math", "genflow.random", "genflow.dist", "genflow.schedule", "genflow.process",
                "genflow.ode", "genflow.pde", "genflow.ot", "genflow.metrics", "genflow.plot", "genflow.table", "genflow.path"}) {
            gen.addPackage(pkg);
        }
        List<Case> all = new ArrayList<>(gen.cases);
        all.addAll(explicitCases());

        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) counts.put(k, 0);
        List<String> failures = new ArrayList<>(), foreign = new ArrayList<>(), fixedKnown = new ArrayList<>();
        Map<String, Integer> perPackage = new LinkedHashMap<>();
        int documented = 0;
        Map<Kind, Integer> guarded = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) guarded.put(k, 0);
        List<String> slow = new ArrayList<>();
        for (Case c : all) {
            long t0 = System.nanoTime();
            Outcome o = BadInputSurvey.run(c);
            double sec = (System.nanoTime() - t0) / 1e9;
            if (sec > 0.5) slow.add(String.format("%.1f s  %s", sec, c.id()));
            counts.merge(o.kind(), 1, Integer::sum);
            if (GUARDED.contains(c.pkg())) guarded.merge(o.kind(), 1, Integer::sum);
            if (o.detail().startsWith("documented")) documented++;
            boolean bad = o.kind() == Kind.OBSCURE || o.kind() == Kind.SILENT;
            String line = o.kind() + "  " + c.id() + "  →  " + o.detail();
            if (GUARDED.contains(c.pkg())) {
                if (bad) failures.add(line);
            } else if (bad) {
                foreign.add((KNOWN_ISSUES.contains(c.id()) ? "known  " : "NEW    ") + line);
            } else if (KNOWN_ISSUES.contains(c.id())) {
                fixedKnown.add(c.id() + "  →  " + o.kind() + ": " + o.detail());
            }
            if (bad) perPackage.merge(c.pkg(), 1, Integer::sum);
        }
        int n = all.size(), clear = counts.get(Kind.CLEAR), obscure = counts.get(Kind.OBSCURE), silent = counts.get(Kind.SILENT);
        StringBuilder out = new StringBuilder();
        out.append(String.format("bad input: %d clear, %d obscure, %d silent over %d calls%n", clear, obscure, silent, n));
        out.append(String.format("  (%d more calls accepted the value and returned a finite result; %d of the clear ones are"
                + " documented exceptions or documented exact ±∞; %d methods covered, %d not covered)%n",
                counts.get(Kind.ACCEPTED), documented, gen.methods, gen.notCovered.size()));
        int gn = guarded.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format("  guarded packages (math … table): %d clear, %d obscure, %d silent over %d calls (%d accepted);"
                        + " nn/loss/path/course: %d clear, %d obscure, %d silent over %d calls%n",
                guarded.get(Kind.CLEAR), guarded.get(Kind.OBSCURE), guarded.get(Kind.SILENT), gn, guarded.get(Kind.ACCEPTED),
                clear - guarded.get(Kind.CLEAR), obscure - guarded.get(Kind.OBSCURE), silent - guarded.get(Kind.SILENT), n - gn));
        out.append("  obscure/silent per package: ").append(perPackage).append('\n');
        if (!failures.isEmpty()) {
            out.append("obscure or silent in guarded packages (").append(failures.size()).append("):\n");
            failures.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        if (!foreign.isEmpty()) {
            out.append("reported, not failed (nn, loss, path, course) (").append(foreign.size()).append("):\n");
            foreign.forEach(f -> out.append("  ").append(f).append('\n'));
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
            out.append("not covered:\n");
            gen.notCovered.forEach(f -> out.append("  ").append(f).append('\n'));
        }
        System.out.print(out);
        assertTrue(failures.isEmpty(), failures.size() + " obscure or silent case(s) in guarded packages:\n" + String.join("\n", failures));
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
        foreignPackages();
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

    // ------------------------------------------------------------------ nn, loss, path, course (reported, not failed)

    /**
     * Cases in packages other helpers are rewriting; every call goes through reflection so that a
     * renamed method only makes its case fail to run (reported as obscure) instead of breaking the build.
     */
    private static void foreignPackages() throws Exception {
        Object linear = new genflow.schedule.LinearSchedule();
        add("Tweedie.posteriorMeanFromScore(t = 4.9e-324)", "genflow.path", List.of("t"), () -> call("genflow.path.Tweedie",
                new Class<?>[] {genflow.schedule.Schedule.class}, new Object[] {linear}, "posteriorMeanFromScore",
                new Class<?>[] {double.class, double[].class, double[].class}, Double.MIN_VALUE, new double[] {1, -1}, new double[] {1, 1}));
        add("GmmMarginal.score(t = 0.5, x = (1e300, 0))", "genflow.path", List.of("x"), () -> call("genflow.path.GmmMarginal",
                new Class<?>[] {GaussianMixture.class, genflow.schedule.Schedule.class}, new Object[] {ToyData.eightGaussians(), linear},
                "score", new Class<?>[] {double.class, double[].class}, 0.5, new double[] {1e300, 0}));
        add("GmmMarginal.posteriorMean(t = 0.5, x = (1e300, 0))", "genflow.path", List.of("x"), () -> call("genflow.path.GmmMarginal",
                new Class<?>[] {GaussianMixture.class, genflow.schedule.Schedule.class}, new Object[] {ToyData.eightGaussians(), linear},
                "posteriorMean", new Class<?>[] {double.class, double[].class}, 0.5, new double[] {1e300, 0}));
        add("GmmMarginal.density(t = 0.5, x = (1e300, 0))", "genflow.path", List.of("x"), () -> call("genflow.path.GmmMarginal",
                new Class<?>[] {GaussianMixture.class, genflow.schedule.Schedule.class}, new Object[] {ToyData.eightGaussians(), linear},
                "density", new Class<?>[] {double.class, double[].class}, 0.5, new double[] {1e300, 0}));
        add("ConditionalFlowMatching.otPairing(noise of 4 rows, data of 3 rows, n = 4, d = 2)", "genflow.loss", List.of("noise", "data", "n"),
                () -> callStatic("genflow.loss.ConditionalFlowMatching", "otPairing", new Class<?>[] {double[].class, double[].class, int.class, int.class},
                        new double[8], new double[6], 4, 2));
        add("ConditionalFlowMatching.otPairing(n = Integer.MAX_VALUE, d = 1)", "genflow.loss", List.of("n", "noise"),
                () -> callStatic("genflow.loss.ConditionalFlowMatching", "otPairing", new Class<?>[] {double[].class, double[].class, int.class, int.class},
                        new double[1], new double[1], Integer.MAX_VALUE, 1));
        add("Mlp.builder(2).hidden(MAX).build()", "genflow.nn", List.of("hidden", "hidden[0]"), () -> {
            Object b = callStatic("genflow.nn.Mlp", "builder", new Class<?>[] {int.class}, 2);
            Method hidden = b.getClass().getMethod("hidden", int[].class);
            Object b2 = hidden.invoke(b, (Object) new int[] {Integer.MAX_VALUE});
            return b2.getClass().getMethod("build").invoke(b2);
        });
        add("RqSpline.identity(dim = MAX, bins = 8, bound = 5)", "genflow.nn", List.of("dim"),
                () -> callStatic("genflow.nn.RqSpline", "identity", new Class<?>[] {int.class, int.class, double.class}, Integer.MAX_VALUE, 8, 5.0));
        for (Object[] bad : new Object[][] {{"bins = 0", 1, 0, 5.0, 0.0}, {"dim = −1", -1, 8, 5.0, 0.0}, {"bins = 1", 1, 1, 5.0, 0.0},
                {"bound = NaN", 1, 8, Double.NaN, 0.0}, {"parameters NaN", 1, 8, 5.0, Double.NaN}}) {
            add("RqSpline.load(corrupt file: " + bad[0] + ")", "genflow.nn", List.of("file"), () -> {
                Path f = rqSplineFile((int) bad[1], (int) bad[2], (double) bad[3], (double) bad[4]);
                try {
                    Object s = callStatic("genflow.nn.RqSpline", "load", new Class<?>[] {Path.class}, f);
                    // a spline that loaded must give finite quantiles
                    return new Object[] {s.getClass().getMethod("bins").invoke(s), s.getClass().getMethod("quantile", int.class, double.class).invoke(s, 0, 0.3)};
                } finally {
                    Files.deleteIfExists(f);
                }
            }, r -> (Integer) ((Object[]) r)[0] < 2 ? "a spline with bins = " + ((Object[]) r)[0] + " loaded although identity() requires bins >= 2" : null);
        }
    }

    private static Path rqSplineFile(int dim, int bins, double bound, double param) throws IOException, ReflectiveOperationException {
        var magic = Class.forName("genflow.nn.RqSpline").getDeclaredField("MAGIC");
        magic.setAccessible(true);
        Path f = Files.createTempFile("bad-spline", ".bin");
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(f))) {
            out.writeInt(magic.getInt(null));
            out.writeInt(dim);
            out.writeInt(bins);
            out.writeLong(Double.doubleToRawLongBits(bound));
            int count = Math.max(0, dim) * Math.max(0, 3 * bins - 1);
            for (int i = 0; i < Math.min(count, 1000); i++) out.writeLong(Double.doubleToRawLongBits(param));
        }
        return f;
    }

    private static Object call(String cls, Class<?>[] ctorTypes, Object[] ctorArgs, String method, Class<?>[] types, Object... args) throws Exception {
        Class<?> c = Class.forName(cls);
        Object receiver = c.getConstructor(ctorTypes).newInstance(ctorArgs);
        return BadInputGenerator.invoke(c.getMethod(method, types), receiver, args);
    }

    private static Object callStatic(String cls, String method, Class<?>[] types, Object... args) throws Exception {
        return BadInputGenerator.invoke(Class.forName(cls).getMethod(method, types), null, args);
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
