package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.Gaussian;
import genflow.dist.GaussianMixture;
import genflow.ode.EulerMaruyama;
import genflow.ode.Heun;
import genflow.ode.ProbabilityFlowOde;
import genflow.ode.ReverseSde;
import genflow.ode.Sde;
import genflow.ode.VectorField;
import genflow.path.GmmMarginal;
import genflow.path.MeanRevertingPath;
import genflow.plot.AxisScale;
import genflow.plot.Curve;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.process.WienerProcess;
import genflow.random.Rngs;
import genflow.schedule.TimeChange;
import genflow.schedule.VeSchedule;
import genflow.schedule.VpSchedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;

/**
 * Figures of 05_diffusion. Time direction: the forward SDE's clock s (s = 0 data, s = 1 noise); the
 * library's schedules and {@link GmmMarginal} use t = 1 − s (t = 0 noise, t = 1 data), and
 * {@link MeanRevertingPath} uses t = 0 data like the SDE.
 */
public final class Chapter05Figures implements FigureSource {
    /** The chapter's 2-D target: three isotropic modes (standard deviation 0.16) with weights 0.5, 0.3, 0.2. */
    public static GaussianMixture target() {
        return GaussianMixture.isotropic(new double[]{0.5, 0.3, 0.2},
                new double[][]{{-2, -1}, {2, -1}, {0, 2}}, new double[]{0.16, 0.16, 0.16});
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("05-forward-vp", 5,
                        "Forward VP-SDE (β_min = 0.1, β_max = 20) simulated by Euler–Maruyama from 1,000 target samples: data at s = 0 become N(0, I) noise at s = 1",
                        Chapter05Figures::forwardVp),
                LectureFigure.still("05-vp-ve-schedules", 0,
                        "Mean coefficient and noise std of X_s | X_0 for the VP-SDE (β 0.1→20) and the VE-SDE (σ 0.01→10) against diffusion time s = 1 − t",
                        seed -> schedules()),
                LectureFigure.still("05-samplers-exact-score", 7,
                        "Reverse SDE (500 Euler–Maruyama steps) and probability-flow ODE (200 Heun steps) with the EXACT mixture score, from the same 1,000 N(0, I) draws",
                        Chapter05Figures::samplersExact),
                LectureFigure.still("05-velocity-explosion", 3,
                        "E‖v_t‖² of the mean-reverting path X_t = f(t)X_0 + W_{g(t)} for point-mass data (t = 0 data): Wiener clock g = t explodes like d/(4t), FM g = t² stays at d",
                        Chapter05Figures::velocityExplosion));
    }

    /** Forward drift f(s, x) = −½ b(s) x of the VP-SDE (diffusion clock s, s = 0 data). */
    static VectorField vpDrift(VpSchedule vp) {
        return (s, x) -> {
            double b = vp.rate(s);
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -0.5 * b * x[i][j];
            return out;
        };
    }

    /** Forward diffusion coefficient g(s) = √b(s). */
    static DoubleUnaryOperator vpDiffusion(VpSchedule vp) {
        return s -> Math.sqrt(vp.rate(s));
    }

    private static Object forwardVp(long seed) {
        VpSchedule vp = new VpSchedule();
        Sde sde = Sde.of(vpDrift(vp), vpDiffusion(vp));
        RandomGenerator rng = Rngs.seeded(seed);
        double[][] x = target().sample(1000, rng);
        double[] times = {0, 0.1, 0.25, 0.5, 1.0};
        List<org.knowm.xchart.XYChart> charts = new ArrayList<>();
        EulerMaruyama em = new EulerMaruyama();
        for (int k = 0; k < times.length; k++) {
            if (k > 0) x = em.integrate(sde, x, times[k - 1], times[k], (int) Math.round(200 * (times[k] - times[k - 1])), rng);
            if (k == 2) continue;
            double h = vp.integratedRate(times[k]);
            charts.add(Plots.scatter(String.format(Locale.ROOT, "s = %.2f (X_0 scaled ×%.2f, noise var %.2f)", times[k], Math.exp(-h / 2), -Math.expm1(-h)),
                    "x₁", "x₂", Points.of("X_s", x)));
        }
        return Panels.grid("Forward VP-SDE dX = −½β_s X ds + √β_s dW, data → noise", 4, charts);
    }

    private static Object schedules() {
        VpSchedule vp = new VpSchedule();
        VeSchedule ve = new VeSchedule(0.01, 10);
        int m = 201;
        double[] s = new double[m], vpA = new double[m], vpB = new double[m], veA = new double[m], veB = new double[m];
        for (int i = 0; i < m; i++) {
            s[i] = i / (m - 1.0);
            double t = 1 - s[i];
            vpA[i] = vp.alpha(t);
            vpB[i] = Math.max(vp.beta(t), 1e-3);
            veA[i] = ve.alpha(t);
            veB[i] = ve.beta(t);
        }
        return Plots.lines("VP keeps the variance ≈ 1, VE lets it explode", "diffusion time s = 1 − t (0 = data, 1 = noise)",
                "coefficient (log scale)", AxisScale.LOG_Y,
                Curve.of("VP mean coefficient α", s, vpA), Curve.of("VP noise std β", s, vpB),
                Curve.of("VE mean coefficient α", s, veA), Curve.of("VE noise std σ", s, veB));
    }

    private static Object samplersExact(long seed) {
        VpSchedule vp = new VpSchedule();
        GmmMarginal exact = new GmmMarginal(target(), vp);
        VectorField score = (s, x) -> exact.score(1 - s, x);
        double[][] prior = Gaussian.standard(2).sample(1000, Rngs.seeded(seed));
        double[][] sde = new ReverseSde(vpDrift(vp), vpDiffusion(vp), score).sample(prior, 1, 0.01, 500, Rngs.seeded(seed + 1));
        double[][] ode = new Heun().integrate(new ProbabilityFlowOde(vpDrift(vp), vpDiffusion(vp), score), prior, 1, 0.01, 200);
        double[][] ref = target().sample(1000, Rngs.seeded(seed + 2));
        return Panels.grid("Sampling with the exact score", 3,
                Plots.scatter("target (1,000 samples)", "x₁", "x₂", Points.of("target", ref)),
                Plots.scatter("reverse SDE", "x₁", "x₂", Points.of("reverse SDE", sde)),
                Plots.scatter("probability-flow ODE", "x₁", "x₂", Points.of("PF-ODE", ode)));
    }

    /** The Wiener clock g(t) = t with f(t) = 1 − t (t = 0 data): the heat-equation path of seed 000. */
    public static TimeChange wienerClock() {
        return new TimeChange() {
            @Override public double f(double t) { return 1 - genflow.math.Require.inRange("t", t, 0, 1); }
            @Override public double fDot(double t) { genflow.math.Require.inRange("t", t, 0, 1); return -1; }
            @Override public double g(double t) { return genflow.math.Require.inRange("t", t, 0, 1); }
            @Override public double gDot(double t) { genflow.math.Require.inRange("t", t, 0, 1); return 1; }
            @Override public String toString() { return "TimeChange(f=1-t, g=t)"; }
        };
    }

    /** Monte Carlo E‖v_t(X_t | 0)‖² for the mean-reverting path with point-mass data at 0. */
    static double meanSquaredVelocity(MeanRevertingPath path, double t, int n, int d, RandomGenerator rng) {
        double[][] x0 = new double[n][d];
        double[][] x = path.sample(t, x0, rng);
        double[][] v = path.conditionalVelocity(t, x, x0);
        double sum = 0;
        for (double[] row : v) for (double c : row) sum += c * c;
        return sum / n;
    }

    private static Object velocityExplosion(long seed) {
        int d = 2, n = 4000;
        RandomGenerator rng = Rngs.seeded(seed);
        MeanRevertingPath wiener = new MeanRevertingPath(new WienerProcess(), wienerClock());
        MeanRevertingPath fm = new MeanRevertingPath(new WienerProcess(), TimeChange.flowMatching());
        MeanRevertingPath ou = new MeanRevertingPath(new WienerProcess(), TimeChange.ornsteinUhlenbeck());
        TimeChange ouClock = TimeChange.ornsteinUhlenbeck();
        int m = 25;
        double[] ts = new double[m], wMc = new double[m], fmMc = new double[m], ouMc = new double[m];
        double[] wTh = new double[m], fmTh = new double[m], ouTh = new double[m];
        for (int i = 0; i < m; i++) {
            ts[i] = Math.pow(10, -4 + 4.0 * i / (m - 1)) * 0.999;
            wMc[i] = meanSquaredVelocity(wiener, ts[i], n, d, rng);
            fmMc[i] = meanSquaredVelocity(fm, ts[i], n, d, rng);
            ouMc[i] = meanSquaredVelocity(ou, ts[i], n, d, rng);
            wTh[i] = d / (4 * ts[i]);
            fmTh[i] = d;
            double gd = ouClock.gDot(ts[i]);
            ouTh[i] = d * gd * gd / (4 * ouClock.g(ts[i]));
        }
        return Plots.lines("Exploding velocity at the data end (point-mass data, d = 2)", "t (0 = data, 1 = noise)",
                "E‖v_t(X_t | 0)‖²", AxisScale.LOG_LOG,
                Curve.of("Wiener g = t: d/(4t)", ts, wTh), Curve.of("Wiener g = t, Monte Carlo", ts, wMc),
                Curve.of("OU (VP): d ġ²/(4g)", ts, ouTh), Curve.of("OU, Monte Carlo", ts, ouMc),
                Curve.of("FM g = t²: d", ts, fmTh), Curve.of("FM, Monte Carlo", ts, fmMc));
    }
}
