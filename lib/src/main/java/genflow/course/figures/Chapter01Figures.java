package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.GaussianMixture;
import genflow.ode.ConvergenceStudy;
import genflow.ode.Euler;
import genflow.ode.EulerMaruyama;
import genflow.ode.FixedStepSolver;
import genflow.ode.Heun;
import genflow.ode.Langevin;
import genflow.ode.RungeKutta4;
import genflow.ode.Sde;
import genflow.ode.VectorField;
import genflow.pde.OuGaussianCurve;
import genflow.plot.AxisScale;
import genflow.plot.Curve;
import genflow.plot.Grid2D;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Figures of 01_odes_sdes_flows: observed orders of Euler/Heun/RK4, Brownian and OU paths with the
 * OU stationary law, and Langevin dynamics on a 2-D Gaussian mixture. Time runs forward everywhere.
 */
public final class Chapter01Figures implements FigureSource {
    /** Rate θ of the linear test field u(x) = −θ x and of the OU process. */
    public static final double THETA = 1.0;
    /** OU noise level σ. */
    public static final double SIGMA = 1.0;

    /** The linear field u(t, x) = −θ x on a batch. */
    public static VectorField linearField(double theta) {
        return (t, x) -> {
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -theta * x[i][j];
            return out;
        };
    }

    /** The 3-component 2-D mixture used for Langevin dynamics in chapter 01. */
    public static GaussianMixture langevinTarget() {
        return GaussianMixture.isotropic(new double[]{0.5, 0.3, 0.2},
                new double[][]{{-1.5, 0.0}, {1.5, 0.8}, {0.3, -1.6}}, new double[]{0.7, 0.6, 0.6});
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("01-solver-orders", 0,
                        "Global error at t = 2 of Euler, Heun and RK4 on u = −x against the step h (log–log); fitted slopes ≈ 1, 2, 4",
                        seed -> solverOrders()),
                LectureFigure.still("01-brownian-ou", 1,
                        "Brownian paths with ±2√t, OU paths (Euler–Maruyama, h = 0.02) dX = −X dt + dW from X₀ = 3, and the OU histogram at t = 5 against N(0, σ²/2θ)",
                        Chapter01Figures::brownianAndOu),
                LectureFigure.still("01-langevin-gmm", 2,
                        "Langevin dynamics (ULA, η = 0.03) moving 1,000 particles from N(0, 3²I) onto a 3-component Gaussian mixture",
                        Chapter01Figures::langevin));
    }

    static Object solverOrders() {
        int[] steps = {4, 8, 16, 32, 64, 128};
        double t1 = 2.0;
        double[][] x0 = {{1.0, -0.5}, {2.0, 0.3}};
        double f = Math.exp(-THETA * t1);
        double[][] exact = {{f, -0.5 * f}, {2 * f, 0.3 * f}};
        double[] h = ConvergenceStudy.stepSizes(0, t1, steps);
        FixedStepSolver[] solvers = {new Euler(), new Heun(), new RungeKutta4()};
        Curve[] curves = new Curve[solvers.length];
        for (int s = 0; s < solvers.length; s++) {
            double[] e = ConvergenceStudy.errors(solvers[s], linearField(THETA), x0, 0, t1, exact, steps);
            double p = ConvergenceStudy.logLogSlope(h, e);
            curves[s] = Curve.of(String.format(Locale.ROOT, "%s (slope %.2f)", solvers[s], p), h, e);
        }
        return Plots.lines("Global error vs step size on u = −x, t ∈ [0, 2]", "step h", "max |X_h(2) − x(2)|",
                AxisScale.LOG_LOG, curves);
    }

    static Object brownianAndOu(long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        int paths = 30, steps = 250;
        double T = 5.0, dt = T / steps;
        // Brownian motion: W_{t+dt} = W_t + √dt ε
        double[][][] bm = new double[paths][steps + 1][2];
        for (int i = 0; i < paths; i++) {
            double w = 0;
            for (int k = 0; k <= steps; k++) {
                if (k > 0) w += Math.sqrt(dt) * rng.nextGaussian();
                bm[i][k][0] = k * dt;
                bm[i][k][1] = w;
            }
        }
        XYChart left = Plots.trajectories("Brownian motion W_t (30 paths)", "t", "W_t", bm);
        double[] ts = new double[steps + 1], up = new double[steps + 1], lo = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            ts[k] = k * dt;
            up[k] = 2 * Math.sqrt(ts[k]);
            lo[k] = -up[k];
        }
        band(left, "±2√t", ts, up, lo);

        OuGaussianCurve ou = new OuGaussianCurve(THETA, SIGMA, 3.0, 0);
        Sde sde = Sde.of(linearField(THETA), t -> SIGMA);
        int n = 5000;
        double[][] x0 = new double[n][1];
        for (double[] r : x0) r[0] = 3.0;
        int[] shown = new int[paths];
        for (int i = 0; i < paths; i++) shown[i] = i;
        var traj = new EulerMaruyama().trajectory(sde, java.util.Arrays.copyOf(x0, paths), 0, T, steps, rng, shown);
        double[][][] ouPaths = new double[paths][steps + 1][2];
        for (int k = 0; k <= steps; k++) {
            double[][] s = traj.state(k);
            for (int i = 0; i < paths; i++) {
                ouPaths[i][k][0] = traj.times()[k];
                ouPaths[i][k][1] = s[i][0];
            }
        }
        XYChart mid = Plots.trajectories("OU paths dX = −θX dt + σ dW, X₀ = 3", "t", "X_t", ouPaths);
        double[] m = new double[steps + 1], sUp = new double[steps + 1], sLo = new double[steps + 1];
        for (int k = 0; k <= steps; k++) {
            double sd = Math.sqrt(ou.variance(ts[k]));
            m[k] = ou.mean(ts[k]);
            sUp[k] = m[k] + 2 * sd;
            sLo[k] = m[k] - 2 * sd;
        }
        band(mid, "m_t ± 2√v_t", ts, sUp, sLo);

        double[][] last = new EulerMaruyama().integrate(sde, x0, 0, T, steps, rng);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = last[i][0];
        double var = ou.stationaryVariance();
        XYChart right = Plots.histogram("OU at t = 5 (5,000 particles)", "x")
                .bins(40).range(-3, 3)
                .sample("X_5", xs)
                .density("N(0, σ²/2θ)", x -> Math.exp(-x * x / (2 * var)) / Math.sqrt(2 * Math.PI * var))
                .build();
        return Panels.grid("Brownian motion and the Ornstein–Uhlenbeck process (seed " + seed + ")", 3, left, mid, right);
    }

    private static void band(XYChart c, String name, double[] t, double[] up, double[] lo) {
        Color col = new Color(0xD6, 0x27, 0x28);
        XYSeries a = c.addSeries(name, t, up);
        XYSeries b = c.addSeries(name + " ", t, lo);
        for (XYSeries s : new XYSeries[]{a, b}) {
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(col);
            s.setLineStyle(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[]{6f, 4f}, 0f));
        }
        b.setShowInLegend(false);
    }

    static Object langevin(long seed) {
        GaussianMixture target = langevinTarget();
        RandomGenerator rng = Rngs.seeded(seed);
        int n = 1000;
        double[][] x = new double[n][2];
        for (double[] r : x) { r[0] = 3 * rng.nextGaussian(); r[1] = 3 * rng.nextGaussian(); }
        Langevin ula = new Langevin(0.03);
        Grid2D grid = Grid2D.square(-5, 5, 90);
        List<XYChart> charts = new ArrayList<>();
        int[] marks = {0, 15, 400};
        int done = 0;
        for (int k : marks) {
            x = ula.run(target, x, k - done, rng);
            done = k;
            charts.add(Plots.densityHeatMap("after " + k + " steps", "x₁", "x₂", grid,
                    (a, b) -> Math.exp(target.logDensity(new double[]{a, b})), "density", Points.of("particles", x)));
        }
        return Panels.grid("Langevin dynamics x ← x + η∇log p(x) + √(2η) ε on a Gaussian mixture (seed " + seed + ")", 3, charts);
    }
}
