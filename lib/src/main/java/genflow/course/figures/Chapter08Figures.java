package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.Gaussian;
import genflow.dist.GaussianMixture;
import genflow.dist.Sampleable;
import genflow.dist.StudentT;
import genflow.dist.ToyData;
import genflow.loss.ConditionalFlowMatching;
import genflow.loss.QuantileNoise;
import genflow.loss.QuantileNoiseLoss;
import genflow.loss.QuantileW2Loss;
import genflow.math.Require;
import genflow.math.SpecialFunctions;
import genflow.nn.Mlp;
import genflow.nn.Objective;
import genflow.nn.RqSpline;
import genflow.nn.Trainer;
import genflow.ode.RungeKutta4;
import genflow.plot.Curve;
import genflow.plot.Figure;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures of 08_quantile_noise (seed 000 "Learning Quantile Functions"; Chemseddine, Kornhardt,
 * Duong, Steidl 2025, arXiv 2510.12636) and the training recipe they share with the notebook.
 * Flows run from noise (t = 0) to data (t = 1).
 */
public final class Chapter08Figures implements FigureSource {
    /** Seed of the noise-grid trainings (and of the figure "08-noise-grid"). */
    public static final long GRID_SEED = 8;
    /** Adam steps per training in the noise grid. */
    public static final int GRID_STEPS = 1500;
    /** Hidden widths of the velocity nets. */
    public static final int[] HIDDEN = {64, 64, 64};
    /** Learning rate of the trainings. */
    public static final double LEARNING_RATE = 4e-3;
    /** Weight λ of the W₂ term in L(θ, φ) = E_CFM + λ E(φ). */
    public static final double LAMBDA = 10.0;
    /** Degrees of freedom of the Student-t noise. */
    public static final double STUDENT_NU = 3.0;
    /** RK4 steps of the sampler. */
    public static final int ODE_STEPS = 20;
    /** The targets of the chapter, in table order. */
    public static final List<String> TARGETS = List.of("checkerboard", "funnel", "gmm");

    /** The noise of a flow: fixed Gaussian, fixed Student-t, or learned quantile noise. */
    public enum Noise { GAUSSIAN, STUDENT_T, LEARNED }

    /**
     * A trained flow: velocity net, its noise law and the loss history; {@code spline} is the
     * learned quantile function (null unless {@code noise == LEARNED}).
     */
    public record Run(String target, Noise noise, Mlp net, Sampleable source, RqSpline spline, Trainer.History history) {
        /** Pushes noise samples z (t = 0) through the learned flow to t = 1 ({@link #ODE_STEPS} RK4 steps). */
        public double[][] generate(double[][] z) {
            return new RungeKutta4().integrate(net.asVectorField(), z, 0, 1, ODE_STEPS);
        }
    }

    /** The target by name: "checkerboard", "funnel" (Neal's funnel in 2-D, heavy tails), "gmm" (3×3 grid GMM). */
    public static Sampleable target(String name) {
        return switch (checkTarget(name)) {
            case "checkerboard" -> ToyData.checkerboard();
            case "funnel" -> ToyData.nealsFunnel(2);
            default -> ToyData.grid3x3();
        };
    }

    /** Spline bound B for a target: above the bulk of the data (the spline maps [−B, B] onto itself). */
    public static double splineBound(String name) {
        return switch (checkTarget(name)) {
            case "checkerboard" -> 5;
            case "funnel" -> 20;
            default -> 8;
        };
    }

    private static String checkTarget(String name) {
        if (name == null || !TARGETS.contains(name)) throw new IllegalArgumentException("target = " + name + " must be one of " + TARGETS);
        return name;
    }

    /**
     * Trains one flow on a target: a 3×64 SiLU net, batch 256, Adam with {@link #LEARNING_RATE}.
     * GAUSSIAN and STUDENT_T: plain I-CFM, the noise passed to the trainer with
     * {@code Trainer.builder(cfm).noise(...)}; LEARNED: {@link QuantileNoiseLoss} with λ = {@link #LAMBDA}
     * and a 32-bin spline with bound {@link #splineBound}.
     *
     * @param progressEvery progress line every so many steps (0 = silent)
     */
    public static Run train(String target, Noise noise, int steps, long seed, int progressEvery) {
        Sampleable data = target(target);
        if (noise == null) throw new IllegalArgumentException("noise must not be null");
        Require.atLeast("steps", steps, 1);
        Require.atLeast("progressEvery", progressEvery, 0);
        Mlp net = Mlp.builder(2).hidden(HIDDEN).threads(1).seed(seed).build();
        RqSpline spline = null;
        Sampleable source;
        Objective objective;
        Trainer.Builder b;
        if (noise == Noise.LEARNED) {
            spline = RqSpline.identity(2, 32, splineBound(target));
            objective = new QuantileNoiseLoss(net, spline, LAMBDA, false);
            source = new QuantileNoise(spline);
            b = Trainer.builder(objective);
        } else {
            objective = ConditionalFlowMatching.independent(net);
            source = noise == Noise.GAUSSIAN ? Gaussian.standard(2) : StudentT.standard(STUDENT_NU, 2);
            b = Trainer.builder(objective).noise(source);
        }
        Trainer.History h = b.data(data).steps(steps).batchSize(256).learningRate(LEARNING_RATE)
                .seed(seed).progressEvery(progressEvery).build().run();
        return new Run(target, noise, net, source, spline, h);
    }

    /** Human-readable noise name. */
    public static String label(Noise noise) {
        return switch (noise) {
            case GAUSSIAN -> "Gaussian";
            case STUDENT_T -> "Student-t (ν=3)";
            case LEARNED -> "learned quantile";
        };
    }

    /** Axis box per target for scatter plots: {xmin, xmax, ymin, ymax}. */
    static double[] box(String target) {
        return switch (checkTarget(target)) {
            case "checkerboard" -> new double[]{-6, 6, -6, 6};
            case "funnel" -> new double[]{-10, 10, -25, 25};
            default -> new double[]{-8, 8, -8, 8};
        };
    }

    private static XYChart scatterIn(String title, String target, Points p) {
        XYChart c = Plots.scatter(title, "x₁", "x₂", p);
        double[] b = box(target);
        c.getStyler().setXAxisMin(b[0]).setXAxisMax(b[1]).setYAxisMin(b[2]).setYAxisMax(b[3]);
        return c;
    }

    /**
     * The noise grid: one row per run, two panels per run (noise samples, generated samples), runs
     * laid out in the given order with {@code runsPerRow} runs per row; n points each, drawn with seed.
     */
    public static Figure noiseGrid(List<Run> runs, int runsPerRow, int n, long seed) {
        if (runs == null || runs.isEmpty()) throw new IllegalArgumentException("runs must not be empty");
        Require.atLeast("runsPerRow", runsPerRow, 1);
        Require.atLeast("n", n, 1);
        List<XYChart> charts = new ArrayList<>();
        for (Run r : runs) {
            double[][] z = r.source().sample(n, Rngs.seeded(seed));
            double[][] x = r.generate(z);
            charts.add(scatterIn(r.target() + ": " + label(r.noise()) + " noise", r.target(), Points.of("noise", z)));
            charts.add(scatterIn(r.target() + ": generated", r.target(), Points.of("generated", x)));
        }
        return Panels.grid("Noise (t = 0) and generated samples (t = 1), " + GRID_STEPS + " steps each", 2 * runsPerRow, charts);
    }

    /**
     * The grid: three noises × two targets (checkerboard, funnel), {@link #GRID_STEPS} steps each,
     * ordered by noise, then target (seed {@link #GRID_SEED} gives the lecture figure).
     */
    public static List<Run> trainGrid(long seed, int progressEvery) {
        List<Run> runs = new ArrayList<>();
        for (Noise noise : Noise.values()) {
            for (String t : List.of("checkerboard", "funnel")) runs.add(train(t, noise, GRID_STEPS, seed, progressEvery));
        }
        return runs;
    }

    /** Φ and Φ⁻¹ of the standard normal ({@link SpecialFunctions}) side by side. */
    public static Figure normalCdfAndQuantile() {
        int m = 401;
        double[] x = new double[m], cdf = new double[m];
        for (int i = 0; i < m; i++) { x[i] = -4 + 8.0 * i / (m - 1); cdf[i] = SpecialFunctions.normalCdf(x[i]); }
        double[] u = new double[m - 2], q = new double[m - 2];
        for (int i = 0; i < m - 2; i++) { u[i] = (i + 1.0) / (m - 1); q[i] = SpecialFunctions.normalQuantile(u[i]); }
        XYChart left = Plots.lines("CDF Φ(x) = P(Z ≤ x)", "x", "Φ(x)", Curve.of("Φ", x, cdf));
        XYChart right = Plots.lines("Quantile function Φ⁻¹(u)", "u", "Φ⁻¹(u)", Curve.of("Φ⁻¹", u, q));
        return Panels.grid("Standard normal: CDF and quantile function (mirror images across the diagonal)", 2, left, right);
    }

    /** Two 1-D Gaussians of the cone figure: N(−2, 0.5²) and N(2, 1). */
    public static final double[] CONE_MEANS = {-2, 2}, CONE_STDS = {0.5, 1.0};

    /**
     * The cone figure: the average of the quantile functions of N(−2, 0.5²) and N(2, 1) is the
     * quantile function N(0, 0.75²); the average of the densities is a bimodal mixture whose
     * quantile function is not the average of the quantile functions.
     */
    public static Figure cone() {
        int m = 399;
        double[] u = new double[m], q1 = new double[m], q2 = new double[m], qMix = new double[m], qDens = new double[m];
        GaussianMixture mixture = new GaussianMixture(new double[]{0.5, 0.5},
                new double[][]{{CONE_MEANS[0]}, {CONE_MEANS[1]}}, new double[][]{{CONE_STDS[0] * CONE_STDS[0]}, {CONE_STDS[1] * CONE_STDS[1]}});
        for (int i = 0; i < m; i++) {
            u[i] = (i + 1.0) / (m + 1);
            double z = SpecialFunctions.normalQuantile(u[i]);
            q1[i] = CONE_MEANS[0] + CONE_STDS[0] * z;
            q2[i] = CONE_MEANS[1] + CONE_STDS[1] * z;
            qMix[i] = 0.5 * (q1[i] + q2[i]);
            qDens[i] = mixtureQuantile(u[i]);
        }
        XYChart left = Plots.lines("Quantile functions", "u", "Q(u)",
                Curve.of("Q₁: N(−2, 0.5²)", u, q1), Curve.of("Q₂: N(2, 1)", u, q2),
                Curve.of("½Q₁ + ½Q₂ (cone)", u, qMix), Curve.of("Q of ½p₁ + ½p₂", u, qDens));
        int k = 401;
        double[] x = new double[k], p1 = new double[k], p2 = new double[k], pMix = new double[k], pDens = new double[k];
        double sMix = 0.5 * (CONE_STDS[0] + CONE_STDS[1]);
        for (int i = 0; i < k; i++) {
            x[i] = -5 + 10.0 * i / (k - 1);
            p1[i] = SpecialFunctions.normalPdf((x[i] - CONE_MEANS[0]) / CONE_STDS[0]) / CONE_STDS[0];
            p2[i] = SpecialFunctions.normalPdf((x[i] - CONE_MEANS[1]) / CONE_STDS[1]) / CONE_STDS[1];
            pMix[i] = SpecialFunctions.normalPdf(x[i] / sMix) / sMix;
            pDens[i] = Math.exp(mixture.logDensity(new double[]{x[i]}));
        }
        XYChart right = Plots.lines("Densities", "x", "density",
                Curve.of("p₁", x, p1), Curve.of("p₂", x, p2),
                Curve.of("law of ½Q₁ + ½Q₂", x, pMix), Curve.of("½p₁ + ½p₂", x, pDens));
        return Panels.grid("Averaging quantile functions (McCann interpolation) vs averaging densities", 2, left, right);
    }

    /**
     * Quantile of the equal mixture ½N(−2, 0.5²) + ½N(2, 1) at u, by bisection on its CDF
     * (absolute accuracy 1e-12).
     */
    public static double mixtureQuantile(double u) {
        Require.inRange("u", u, 0, 1);
        if (u == 0 || u == 1) throw new IllegalArgumentException("u = " + u + " must lie in (0, 1)");
        double lo = -20, hi = 20;
        while (hi - lo > 1e-12) {
            double mid = 0.5 * (lo + hi);
            double f = 0.5 * SpecialFunctions.normalCdf((mid - CONE_MEANS[0]) / CONE_STDS[0])
                    + 0.5 * SpecialFunctions.normalCdf((mid - CONE_MEANS[1]) / CONE_STDS[1]);
            if (f < u) lo = mid; else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    /** The 1-D target of the spline demo: 0.3 N(−2, 0.4²) + 0.7 N(1.5, 0.6²). */
    public static GaussianMixture bimodal1D() {
        return new GaussianMixture(new double[]{0.3, 0.7}, new double[][]{{-2}, {1.5}}, new double[][]{{0.16}, {0.36}});
    }

    /** Fits a 16-bin spline (bound 5) to {@link #bimodal1D()} by the W₂ loss alone. */
    public static RqSpline fitSpline1D(int steps, long seed, int progressEvery) {
        RqSpline spline = RqSpline.identity(1, 16, 5);
        Trainer.builder(new QuantileW2Loss(spline)).data(bimodal1D()).steps(steps).batchSize(256)
                .learningRate(3e-2).seed(seed).progressEvery(progressEvery).build().run();
        return spline;
    }

    /** Learned quantile u ↦ Q_φ(u) against the empirical quantile of n data points (step function at (i − ½)/n). */
    public static XYChart splineVsEmpirical(RqSpline spline, double[] data) {
        if (spline == null || spline.dim() != 1) throw new IllegalArgumentException("spline must be 1-D");
        if (data == null || data.length < 2) throw new IllegalArgumentException("data must hold at least 2 points");
        double[] xs = data.clone();
        Arrays.sort(xs);
        int n = xs.length;
        double[] ue = new double[n];
        for (int i = 0; i < n; i++) ue[i] = (i + 0.5) / n;
        int m = 399;
        double[] u = new double[m], q = new double[m], g = new double[m];
        for (int i = 0; i < m; i++) {
            u[i] = (i + 1.0) / (m + 1);
            q[i] = spline.quantile(0, u[i]);
            g[i] = SpecialFunctions.normalQuantile(u[i]);
        }
        return Plots.lines("Learned quantile function vs empirical quantile of the data", "u", "Q(u)",
                Curve.of("empirical Q of " + n + " data points", ue, xs), Curve.of("learned spline Q_φ", u, q),
                Curve.of("start: Φ⁻¹ (Gaussian)", u, g));
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("08-normal-cdf-quantile", 0,
                        "CDF Φ and quantile function Φ⁻¹ of the standard normal (genflow.math.SpecialFunctions)",
                        seed -> normalCdfAndQuantile()),
                LectureFigure.still("08-cone", 0,
                        "Averaging quantile functions of N(−2, 0.5²) and N(2, 1) gives N(0, 0.75²); averaging densities gives a bimodal law",
                        seed -> cone()),
                LectureFigure.still("08-spline-fit", 8,
                        "RQ-spline quantile fitted by the W₂ loss alone (1000 steps) to 0.3N(−2, 0.4²) + 0.7N(1.5, 0.6²)",
                        seed -> {
                            RqSpline s = fitSpline1D(1000, seed, 0);
                            double[] x = Arrays.stream(bimodal1D().sample(2000, Rngs.seeded(seed + 1))).mapToDouble(r -> r[0]).toArray();
                            return splineVsEmpirical(s, x);
                        }),
                LectureFigure.still("08-noise-grid", GRID_SEED,
                        "Gaussian, Student-t (ν=3) and learned quantile noise with their generated samples on checkerboard and Neal's funnel",
                        seed -> noiseGrid(trainGrid(seed, 0), 2, 1500, seed + 1)));
    }
}
