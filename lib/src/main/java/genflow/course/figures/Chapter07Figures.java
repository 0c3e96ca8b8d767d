package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.ode.RungeKutta4;
import genflow.ode.Trajectory;
import genflow.path.UniformAtomsMarginal;
import genflow.plot.Curve;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.process.EnergyDistanceFlow1D;
import genflow.process.KacProcess;
import genflow.process.UniformProcess;
import genflow.random.Draws;
import genflow.random.Rngs;
import genflow.schedule.TimeChange;
import org.knowm.xchart.internal.chartpart.Chart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** Figures of 07_uniform_mmd_process. */
public final class Chapter07Figures implements FigureSource {
    /** Target half-width b of the uniform process in the lecture's MMD figures. */
    public static final double B = 2.0;
    /** Atoms and weights of the 1-D data in the generation figure (b = 1.5 there). */
    public static final double[] ATOMS = {-1.0, 0.4, 1.2}, WEIGHTS = {0.5, 0.3, 0.2};

    /**
     * One Kac path on the time grid: K_t = D ∫_0^t (−1)^{N(s)} c ds, D = ±1 with probability ½, N a
     * Poisson process with rate a (seed 000/001).
     */
    public static double[] kacPath(double a, double c, double[] times, RandomGenerator rng) {
        double dir = rng.nextBoolean() ? 1 : -1, x = 0, now = 0, nextJump = Draws.exponential(a, rng);
        double[] out = new double[times.length];
        for (int k = 0; k < times.length; k++) {
            while (nextJump < times[k]) {
                x += dir * c * (nextJump - now);
                now = nextJump;
                dir = -dir;
                nextJump += Draws.exponential(a, rng);
            }
            x += dir * c * (times[k] - now);
            now = times[k];
            out[k] = x;
        }
        return out;
    }

    private static double[][] asPath(double[] times, double[] values) {
        double[][] p = new double[times.length][];
        for (int k = 0; k < times.length; k++) p[k] = new double[] {times[k], values[k]};
        return p;
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("07-process-realisations", 7,
                        "Realisations of the Wiener process, the Kac process (a = 9, c = 3, so c²/a = 1) and the uniform process (b = 1) on [0, 1]",
                        seed -> {
                            RandomGenerator rng = Rngs.seeded(seed);
                            int paths = 12, steps = 200;
                            double[] times = new double[steps + 1];
                            for (int k = 0; k <= steps; k++) times[k] = (double) k / steps;
                            double[][][] w = new double[paths][][], kac = new double[paths][][], uni = new double[paths][][];
                            UniformProcess u = UniformProcess.of(1);
                            for (int i = 0; i < paths; i++) {
                                double[] wv = new double[steps + 1];
                                for (int k = 1; k <= steps; k++) wv[k] = wv[k - 1] + Math.sqrt(1.0 / steps) * rng.nextGaussian();
                                w[i] = asPath(times, wv);
                                kac[i] = asPath(times, kacPath(9, 3, times, rng));
                                double unit = 2 * rng.nextDouble() - 1;
                                uni[i] = asPath(times, Arrays.stream(times).map(t -> u.halfWidth(t) * unit).toArray());
                            }
                            return Panels.grid("Three 1-D noise processes started at 0 (seed " + seed + ")", 3,
                                    Plots.trajectories("Wiener W_t", "t", "x", w),
                                    Plots.trajectories("Kac K_t (a = 9, c = 3)", "t", "x", kac),
                                    Plots.trajectories("uniform U_t (b = 1)", "t", "x", uni));
                        }),
                LectureFigure.still("07-mmd-particles", 5,
                        "Particle MMD flow (−|x−y| kernel) from δ₀ towards 2,000 samples of U[−2, 2]: sorted particles vs the closed form h_t(2u − 1)",
                        seed -> {
                            RandomGenerator rng = Rngs.seeded(seed);
                            double[] y = new double[2000];
                            for (int k = 0; k < y.length; k++) y[k] = Draws.uniform(-B, B, rng);
                            EnergyDistanceFlow1D flow = EnergyDistanceFlow1D.towards(y);
                            UniformProcess up = UniformProcess.of(B);
                            int n = 400;
                            double[] uq = new double[n];
                            for (int i = 0; i < n; i++) uq[i] = (i + 0.5) / n;
                            List<Curve> curves = new ArrayList<>();
                            double[] x = new double[n];
                            double now = 0;
                            for (double t : new double[] {0.5, 2, 6}) {
                                x = flow.run(x, t - now, (int) Math.round((t - now) * 50));
                                now = t;
                                double[] sorted = x.clone();
                                Arrays.sort(sorted);
                                double h = up.halfWidth(t);
                                curves.add(Curve.of("particles, t = " + t, uq, sorted));
                                curves.add(Curve.of("h_t(2u − 1), t = " + t, new double[] {0, 1}, new double[] {-h, h}));
                            }
                            return Plots.lines("MMD particle flow vs uniform process, b = " + B + " (seed " + seed + ")",
                                    "quantile level u", "particle position", curves.toArray(Curve[]::new));
                        }),
                LectureFigure.still("07-uniform-generation", 9,
                        "Generation with uniform noise: the exact marginal velocity of X_t = (1 − t)X₀ + U_{t²} (b = 1.5) integrated backwards from t = 1 to t = 0.001 lands on the data atoms −1, 0.4, 1.2",
                        seed -> {
                            UniformProcess up = UniformProcess.of(1.5);
                            UniformAtomsMarginal m = new UniformAtomsMarginal(up, TimeChange.flowMatching(), WEIGHTS, ATOMS);
                            RandomGenerator rng = Rngs.seeded(seed);
                            int n = 60;
                            double[][] x1 = new double[n][1];
                            for (int i = 0; i < n; i++) x1[i][0] = up.sample(1, rng);
                            Trajectory tr = new RungeKutta4().trajectory(m.velocityField(), x1, 1, 1e-3, 200);
                            double[] times = tr.times();
                            double[][][] paths = new double[n][times.length][];
                            for (int k = 0; k < times.length; k++) {
                                double[][] s = tr.state(k);
                                for (int i = 0; i < n; i++) paths[i][k] = new double[] {times[k], s[i][0]};
                            }
                            return Plots.trajectories("Backward ODE from uniform noise to data (seed " + seed + ")", "t (1 = noise, 0 = data)", "x", paths);
                        }));
    }
}
