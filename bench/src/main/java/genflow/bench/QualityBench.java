package genflow.bench;

import genflow.dist.GaussianMixture;
import genflow.dist.Sampleable;
import genflow.dist.ToyData;
import genflow.loss.ConditionalFlowMatching;
import genflow.loss.KacFlowMatching;
import genflow.loss.QuantileNoiseLoss;
import genflow.metrics.ModeMass;
import genflow.metrics.PathEnergy;
import genflow.metrics.Wasserstein;
import genflow.nn.Mlp;
import genflow.nn.Objective;
import genflow.nn.Precision;
import genflow.nn.RqSpline;
import genflow.nn.Trainer;
import genflow.ode.VectorField;
import genflow.path.MeanRevertingPath;
import genflow.process.KacProcess;
import genflow.random.Rngs;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * {@code ./course bench quality-train} (issue 7, blocks 3 and 4; trains from scratch — {@code ./course bench quality} shows the lectures' converged checkpoints instead): sample quality of trained flows.
 * <ul>
 *   <li>Block 3: N(0, I) → 8 Gaussians (TorchCFM scaling) and N(0, I) → moons, I-CFM vs OT-CFM
 *       (exact minibatch OT): W2 of generated samples to fresh target samples (exact assignment) and
 *       the normalized path energy NPE of Tong et al. 2023 (TMLR 2024, Table 2: NPE 0.018 OT-CFM,
 *       0.222 I-CFM on N → 8gaussians), printed beside theirs.</li>
 *   <li>Block 4: Kac flow matching (KacProcess a = 9, c = 3, g(t) = T t², T = 1) on the 3×3 grid GMM
 *       with small corner modes, and learned-quantile noise ({@link QuantileNoiseLoss}) on the
 *       checkerboard, each beside plain I-CFM with Gaussian noise: loss summary, W2, per-mode mass.</li>
 * </ul>
 * Every printed line carries its configuration (net, batch, steps, lr, seeds, sampler, metric sizes).
 * Sampling is explicit Euler with {@link #ODE_STEPS} steps. Time directions: CFM and the quantile
 * loss integrate t = 0 noise → t = 1 data; Kac-FM has t = 0 data, t = 1 noise and is integrated
 * backwards from t = 1 to 0.
 *
 * <p>Budget: the issue asks for 20k steps; the exact OT assignment costs ≈ 20 ms/step at batch 256,
 * so OT-CFM here uses batch {@link #OT_BATCH} (measured ≈ 8 ms/step at batch 128 on the shared machine), and the
 * lines say when fewer than 20k steps were run.
 */
public final class QualityBench {
    private QualityBench() {}

    static final int ISSUE_STEPS = 20_000;
    /** Steps of block 3 and block 4 (override with -Dgenflow.quality.steps3 / steps4 for a quick look). */
    static final int STEPS_3 = Integer.getInteger("genflow.quality.steps3", 20_000);
    static final int STEPS_4 = Integer.getInteger("genflow.quality.steps4", 20_000);
    static final int BATCH = 256;
    static final int OT_BATCH = 64;
    static final int WIDTH = 64;
    static final double LR = 1e-3;
    static final int EVAL_N = 1000;
    static final int MODE_N = 5000;
    static final int ODE_STEPS = 100;
    static final double KAC_A = 9, KAC_C = 3, KAC_T = 1;
    /**
     * Weight λ of the W2 term of {@link QuantileNoiseLoss}. The CFM term's gradient also reaches the
     * spline and pulls the noise together (measured, 3000 steps, batch 256: noise x-variance 0.001 at
     * λ = 0, 0.35 at λ = 1, 4.6 at λ = 10, 5.3 at λ = 100; the target's is 16/3), so λ = 1 gives a
     * noise narrower than N(0, 1); λ = 10 makes the noise marginals follow the data's.
     */
    static final double QUANTILE_LAMBDA = 10.0;

    public static void run() {
        block3();
        block4();
    }

    private static Mlp net(long seed) {
        return Mlp.builder(2).hidden(WIDTH, WIDTH, WIDTH).precision(Precision.FLOAT).threads(2).seed(seed).build();
    }

    private static String netDesc() {
        return "mlp=3x" + WIDTH + " SiLU raw-t FLOAT, Adam lr=" + LR;
    }

    private static Trainer.History train(Objective loss, Sampleable data, int batch, int steps, long seed) {
        return Trainer.builder(loss).data(data).batchSize(batch).steps(steps).learningRate(LR).seed(seed)
                .progressEvery(0).build().run();
    }

    private static String stepsNote(int steps) {
        return steps < ISSUE_STEPS ? String.format(Locale.ROOT, " (FEWER than the issue's %d steps)", ISSUE_STEPS) : "";
    }

    private static double[][] gaussian(int n, RandomGenerator rng) {
        double[][] x = new double[n][2];
        for (double[] r : x) { r[0] = rng.nextGaussian(); r[1] = rng.nextGaussian(); }
        return x;
    }

    /** Euler trajectory of dx/dt = v(t, x) from t = 0 to 1 (ODE_STEPS steps); [k][i][j] with t_k = k/ODE_STEPS. */
    static double[][][] eulerForward(VectorField v, double[][] x0) {
        double h = 1.0 / ODE_STEPS;
        double[][][] traj = new double[ODE_STEPS + 1][][];
        traj[0] = x0;
        for (int k = 0; k < ODE_STEPS; k++) {
            double[][] x = traj[k], u = v.apply(k * h, x), y = new double[x.length][2];
            for (int i = 0; i < x.length; i++) { y[i][0] = x[i][0] + h * u[i][0]; y[i][1] = x[i][1] + h * u[i][1]; }
            traj[k + 1] = y;
        }
        return traj;
    }

    private static double[] times() {
        double[] t = new double[ODE_STEPS + 1];
        for (int k = 0; k <= ODE_STEPS; k++) t[k] = (double) k / ODE_STEPS;
        return t;
    }

    private static String lossSummary(double[] losses) {
        StringBuilder sb = new StringBuilder("loss(mean of 100 steps ending at");
        StringBuilder vals = new StringBuilder();
        for (int at : new int[]{100, 1000, losses.length}) {
            if (at > losses.length) continue;
            double s = 0;
            for (int i = at - 100; i < at; i++) s += losses[i];
            sb.append(' ').append(at);
            vals.append(String.format(Locale.ROOT, " %.3f", s / 100));
        }
        return sb.append("):").append(vals).toString();
    }

    // ---------------------------------------------------------------- block 3

    static void block3() {
        System.out.println("-- block 3: quality, I-CFM vs OT-CFM (Tong et al. 2023), N(0,I) -> target; " + netDesc()
                + "; sampling Euler " + ODE_STEPS + " steps; W2 exact (assignment) between " + EVAL_N
                + " generated and " + EVAL_N + " fresh target points; NPE = |PE - W2^2(noise, target)| / W2^2 with PE from"
                + " the Euler trajectory (finite differences), n=" + EVAL_N);
        Object[][] targets = {{"8gaussians", ToyData.eightGaussians()}, {"moons", ToyData.moons()}};
        for (Object[] tg : targets) {
            String name = (String) tg[0];
            Sampleable target = (Sampleable) tg[1];
            double floor = Wasserstein.w2Exact(target.sample(EVAL_N, Rngs.seeded(901)), target.sample(EVAL_N, Rngs.seeded(902)));
            System.out.printf(Locale.ROOT, "N->%s: W2 between two independent target samples of %d (finite-sample floor) = %.3f%n",
                    name, EVAL_N, floor);
            for (boolean ot : new boolean[]{false, true}) {
                Mlp net = net(0);
                var loss = ot ? ConditionalFlowMatching.minibatchOt(net) : ConditionalFlowMatching.independent(net);
                int batch = ot ? OT_BATCH : BATCH;
                int steps = STEPS_3;
                Trainer.History h = train(loss, target, batch, steps, 1);
                double[][] x0 = gaussian(EVAL_N, Rngs.seeded(11));
                double[][][] traj = eulerForward(net.asVectorField(), x0);
                double[][] gen = traj[ODE_STEPS];
                double[][] fresh = target.sample(EVAL_N, Rngs.seeded(12));
                double w2 = Wasserstein.w2Exact(gen, fresh);
                double npe = PathEnergy.normalizedPathEnergy(times(), traj, target.sample(EVAL_N, Rngs.seeded(13)));
                String method = ot ? "OT-CFM" : "I-CFM";
                String theirs = name.equals("8gaussians")
                        ? String.format(Locale.ROOT, " (Tong et al. 2023: %.3f; their setup differs: sigma>0 paths, own batch/net)", ot ? 0.018 : 0.222)
                        : " (no published value quoted)";
                System.out.printf(Locale.ROOT, "N->%s %s batch=%d steps=%d%s train-seed=1 init-seed=0: W2 %.3f, NPE %.3f%s, %s, %.0f s (%.0f steps/s)%n",
                        name, method, batch, steps, stepsNote(steps), w2, npe, theirs,
                        lossSummary(h.losses()), h.seconds(), h.stepsPerSecond());
            }
        }
    }

    // ---------------------------------------------------------------- block 4

    static void block4() {
        System.out.println("-- block 4: Kac-FM and learned-quantile noise vs plain I-CFM with N(0,I) noise; " + netDesc()
                + "; batch=" + BATCH + " steps=" + STEPS_4 + stepsNote(STEPS_4) + " train-seed=1 init-seed=0; Euler "
                + ODE_STEPS + " steps; W2 exact on " + EVAL_N + " points; mode mass by nearest mean on " + MODE_N + " points."
                + " Losses of different objectives are on different scales: compare W2 and mode mass, not losses");
        grid();
        checkerboard();
    }

    private static void grid() {
        GaussianMixture grid = ToyData.grid3x3();
        int[] corners = ToyData.grid3x3CornerIndices();
        double[] w = grid.weights();
        double wantCorners = 0;
        for (int c : corners) wantCorners += w[c];
        double floor = Wasserstein.w2Exact(grid.sample(EVAL_N, Rngs.seeded(901)), grid.sample(EVAL_N, Rngs.seeded(902)));
        double[] floorMass = ModeMass.nearestMean(grid, grid.sample(MODE_N, Rngs.seeded(903)));
        System.out.printf(Locale.ROOT, "grid3x3 (spacing %.0f, std %.1f, corner weight %.4f each, %.4f total): W2 floor (two target samples of %d) %.3f;"
                        + " corner mass of a true sample of %d %s%n",
                ToyData.GRID_SPACING, ToyData.GRID_STD, w[corners[0]], wantCorners, EVAL_N, floor, MODE_N, corners(floorMass, corners));
        double[][] fresh = grid.sample(EVAL_N, Rngs.seeded(12));

        // Kac-FM in flow time: t = 0 noise Y_T (i.i.d. Kac components), t = 1 data
        KacProcess kac = KacProcess.of(KAC_A, KAC_C);
        Mlp kacNet = net(0);
        var kacLoss = new KacFlowMatching(kacNet, new MeanRevertingPath(kac, KacFlowMatching.TimeChange.SQUARE.clock(KAC_T)), 1.0);
        Trainer.History hk = train(kacLoss, grid, BATCH, STEPS_4, 1);
        RandomGenerator rng = Rngs.seeded(11);
        double[][] y = new double[MODE_N][];
        for (int i = 0; i < MODE_N; i++) y[i] = kac.sample(KAC_T, 2, rng);
        double[][] genK = eulerForward(kacNet.asVectorField(), y)[ODE_STEPS];
        System.out.printf(Locale.ROOT, "grid3x3 Kac-FM (%s, g(s)=T s^2 in process time s = 1-t, T=%.0f, E[Y_T^2]=%.3f, tMax=1, forward Euler from noise at t=0): W2 %.3f, corner mass %s, %s, %.0f s%n",
                kac, KAC_T, kac.secondMoment(KAC_T), Wasserstein.w2Exact(head(genK), fresh),
                corners(ModeMass.nearestMean(grid, genK), corners), lossSummary(hk.losses()), hk.seconds());

        Mlp cfmNet = net(0);
        Trainer.History hc = train(ConditionalFlowMatching.independent(cfmNet), grid, BATCH, STEPS_4, 1);
        double[][] genC = eulerForward(cfmNet.asVectorField(), gaussian(MODE_N, Rngs.seeded(11)))[ODE_STEPS];
        System.out.printf(Locale.ROOT, "grid3x3 I-CFM (N(0,I) noise, forward Euler from t=0): W2 %.3f, corner mass %s, %s, %.0f s%n",
                Wasserstein.w2Exact(head(genC), fresh), corners(ModeMass.nearestMean(grid, genC), corners),
                lossSummary(hc.losses()), hc.seconds());
    }

    private static void checkerboard() {
        Sampleable board = ToyData.checkerboard();
        double floor = Wasserstein.w2Exact(board.sample(EVAL_N, Rngs.seeded(901)), board.sample(EVAL_N, Rngs.seeded(902)));
        double[][] fresh = board.sample(EVAL_N, Rngs.seeded(12));
        System.out.printf(Locale.ROOT, "checkerboard: W2 floor (two target samples of %d) %.3f; in-board fraction is the share of generated points on black squares%n",
                EVAL_N, floor);

        Mlp qNet = net(0);
        RqSpline spline = RqSpline.identity(2);
        Trainer.History hq = train(new QuantileNoiseLoss(qNet, spline, QUANTILE_LAMBDA, false), board, BATCH, STEPS_4, 1);
        RandomGenerator rng = Rngs.seeded(11);
        double[][] u = new double[EVAL_N][2];
        for (double[] r : u) for (int j = 0; j < 2; j++) { double v; do { v = rng.nextDouble(); } while (v == 0); r[j] = v; }
        double[][] noise = spline.quantile(u);
        double[][] genQ = eulerForward(qNet.asVectorField(), noise)[ODE_STEPS];
        System.out.printf(Locale.ROOT, "checkerboard quantile-noise (RqSpline %d bins bound %.0f, lambda=%.1f, independent pairing): W2 %.3f,"
                        + " learned noise W2 to target %.3f, noise marginal 1-D W2 to target x/y %s, in-board %.3f, %s, %.0f s%n",
                spline.bins(), spline.bound(), QUANTILE_LAMBDA, Wasserstein.w2Exact(genQ, fresh), Wasserstein.w2Exact(noise, fresh),
                marginalW2(noise, fresh), inBoard(genQ), lossSummary(hq.losses()), hq.seconds());

        Mlp cfmNet = net(0);
        Trainer.History hc = train(ConditionalFlowMatching.independent(cfmNet), board, BATCH, STEPS_4, 1);
        double[][] g0 = gaussian(EVAL_N, Rngs.seeded(11));
        double[][] genC = eulerForward(cfmNet.asVectorField(), g0)[ODE_STEPS];
        System.out.printf(Locale.ROOT, "checkerboard I-CFM (N(0,I) noise): W2 %.3f, noise W2 to target %.3f, noise marginal 1-D W2 to target x/y %s, in-board %.3f, %s, %.0f s%n",
                Wasserstein.w2Exact(genC, fresh), Wasserstein.w2Exact(g0, fresh), marginalW2(g0, fresh), inBoard(genC),
                lossSummary(hc.losses()), hc.seconds());
    }

    /** Share of points on the black squares of FFJORD's checkerboard (squares of side 2 in [−4, 4]², [−4,−2)² black). */
    static double inBoard(double[][] x) {
        int in = 0;
        for (double[] p : x) {
            if (Math.abs(p[0]) >= 4 || Math.abs(p[1]) >= 4) continue;
            long i = (long) Math.floor((p[0] + 4) / 2), j = (long) Math.floor((p[1] + 4) / 2);
            if ((i + j) % 2 == 0) in++;
        }
        return (double) in / x.length;
    }

    /** 1-D W2 between the x marginals and between the y marginals, "wx/wy". */
    private static String marginalW2(double[][] a, double[][] b) {
        String out = "";
        for (int j = 0; j < 2; j++) {
            double[] u = new double[a.length], v = new double[b.length];
            for (int i = 0; i < a.length; i++) u[i] = a[i][j];
            for (int i = 0; i < b.length; i++) v[i] = b[i][j];
            out += (j == 0 ? "" : "/") + String.format(Locale.ROOT, "%.3f", Wasserstein.w2OneDim(u, v));
        }
        return out;
    }

    private static double[][] head(double[][] x) {
        return java.util.Arrays.copyOf(x, EVAL_N);
    }

    private static String corners(double[] mass, int[] corners) {
        StringBuilder sb = new StringBuilder("[");
        double total = 0;
        for (int c : corners) {
            if (sb.length() > 1) sb.append(' ');
            sb.append(String.format(Locale.ROOT, "%d:%.4f", c, mass[c]));
            total += mass[c];
        }
        return sb.append(String.format(Locale.ROOT, "] total %.4f", total)).toString();
    }
}
