package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.dist.Gaussian;
import genflow.dist.GaussianMixture;
import genflow.dist.ToyData;
import genflow.metrics.PathEnergy;
import genflow.ode.DormandPrince45;
import genflow.ode.Euler;
import genflow.ode.FixedStepSolver;
import genflow.ode.Heun;
import genflow.ode.RungeKutta4;
import genflow.ode.Trajectory;
import genflow.ode.VectorField;
import genflow.ot.Couplings;
import genflow.path.GmmMarginal;
import genflow.plot.AxisScale;
import genflow.plot.Curve;
import genflow.plot.Grid2D;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.List;

/**
 * Figures of 04_flow_matching. Time direction: t = 0 noise N(0, I), t = 1 data (the 8-Gaussians
 * mixture of {@link ToyData#eightGaussians()}). Every figure uses the EXACT marginal velocity of the
 * linear (CondOT) path, {@link GmmMarginal}, or exact OT pairings, so no figure trains a network
 * and each draws in about a second.
 */
public final class Chapter04Figures implements FigureSource {
    /** Half width of the square shown in the 2-D panels. */
    static final double BOX = 8.0;

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("04-ot-vs-independent", 4,
                        "Independent coupling: crossing straight pairs (left) average to a curved marginal flow (middle); "
                                + "the exact OT coupling of the same points gives straight, non-crossing paths (right)",
                        Chapter04Figures::otVersusIndependent),
                LectureFigure.animation("04-particles-flow", 5,
                        "300 noise particles carried to the 8-Gaussians data by the exact marginal velocity u_t (RK4, 20 steps, 21 frames)",
                        120, Chapter04Figures::particlesFlow),
                LectureFigure.still("04-marginal-velocity", 6,
                        "The exact marginal velocity u_t(x) of the linear path to 8 Gaussians at t = 0.2, 0.5, 0.8, over samples of p_t",
                        Chapter04Figures::marginalVelocity),
                LectureFigure.still("04-solvers-nfe", 7,
                        "Sampling error vs number of field evaluations for Euler, Heun, RK4 and Dormand–Prince on the exact marginal velocity",
                        Chapter04Figures::solversVersusNfe));
    }

    private static GmmMarginal marginal() {
        return new GmmMarginal(ToyData.eightGaussians(), new LinearSchedule());
    }

    private static void square(XYChart c) {
        c.getStyler().setXAxisMin(-BOX).setXAxisMax(BOX).setYAxisMin(-BOX).setYAxisMax(BOX);
    }

    /** Paths (x₀ → x₁) as straight two-point segments. */
    private static double[][][] segments(double[][] x0, double[][] x1) {
        double[][][] p = new double[x0.length][][];
        for (int i = 0; i < x0.length; i++) p[i] = new double[][] {x0[i], x1[i]};
        return p;
    }

    static Object otVersusIndependent(long seed) {
        int n = 160;
        GaussianMixture eight = ToyData.eightGaussians();
        double[][] x0 = Gaussian.standard(2).sample(n, Rngs.seeded(seed));
        double[][] x1 = eight.sample(n, Rngs.seeded(seed + 1));
        double[][] x1Ot = Couplings.minibatchOtReordered(x0, x1);
        Trajectory flow = new RungeKutta4().trajectory(marginal().velocityField(), x0, 0, 1, 20);
        double indep = Couplings.meanSquaredDistance(x0, x1, Couplings.identityPairing(x0, x1));
        double ot = Couplings.meanSquaredDistance(x0, x1Ot, Couplings.identityPairing(x0, x1Ot));
        double flowEnergy = PathEnergy.pathEnergy(flow.times(), flow.states());
        XYChart a = Plots.trajectories(String.format("independent pairs: E‖x₁ − x₀‖² = %.1f", indep), "x₁", "x₂",
                segments(x0, x1));
        XYChart b = Plots.trajectoriesFromSnapshots(String.format("marginal flow of independent CFM: energy %.1f", flowEnergy),
                "x₁", "x₂", flow.states(), n);
        XYChart c = Plots.trajectories(String.format("exact OT pairs: E‖x₁ − x₀‖² = %.1f", ot), "x₁", "x₂",
                segments(x0, x1Ot));
        for (XYChart ch : List.of(a, b, c)) square(ch);
        return Panels.grid("Couplings of " + n + " noise points and " + n + " data points (seed " + seed + ")", 3, a, b, c);
    }

    static List<?> particlesFlow(long seed) {
        int frames = 21;
        double[][] x = Gaussian.standard(2).sample(300, Rngs.seeded(seed));
        VectorField u = marginal().velocityField();
        RungeKutta4 rk4 = new RungeKutta4();
        List<Object> out = new ArrayList<>();
        double h = 1.0 / (frames - 1);
        for (int k = 0; k < frames; k++) {
            double t = k * h;
            XYChart c = Plots.scatter(String.format("particles at t = %.2f (noise → data)", t), "x₁", "x₂",
                    Points.of("x_t", x));
            c.getStyler().setLegendVisible(false);
            square(c);
            out.add(c);
            if (k + 1 < frames) x = rk4.step(u, t, h, x);
        }
        return out;
    }

    static Object marginalVelocity(long seed) {
        GmmMarginal m = marginal();
        Grid2D grid = Grid2D.square(-BOX, BOX, 17);
        List<XYChart> charts = new ArrayList<>();
        for (double t : new double[] {0.2, 0.5, 0.8}) {
            double[][] samples = m.marginal(t).sample(400, Rngs.seeded(seed));
            charts.add(Plots.vectorField(String.format("u_t(x) at t = %.1f", t), "x₁", "x₂", grid,
                    m.velocityField(), t, Points.of("samples of p_t", samples)));
        }
        return Panels.grid("Exact marginal velocity, linear path N(0, I) → 8 Gaussians", 3, charts);
    }

    /** Mean endpoint error |x̂(1) − x(1)| against a tight Dormand–Prince reference, per solver and NFE. */
    static Object solversVersusNfe(long seed) {
        double[][] x0 = Gaussian.standard(2).sample(200, Rngs.seeded(seed));
        VectorField u = marginal().velocityField();
        double[][] ref = DormandPrince45.of(1e-9, 1e-9).integrate(u, x0, 0, 1, 20);
        List<Curve> curves = new ArrayList<>();
        FixedStepSolver[] solvers = {new Euler(), new Heun(), new RungeKutta4()};
        String[] names = {"Euler (1 eval/step)", "Heun (2 evals/step)", "RK4 (4 evals/step)"};
        int[] steps = {1, 2, 4, 8, 16, 32};
        for (int s = 0; s < solvers.length; s++) {
            int stages = s == 0 ? 1 : s == 1 ? 2 : 4;
            double[] nfe = new double[steps.length], err = new double[steps.length];
            for (int k = 0; k < steps.length; k++) {
                nfe[k] = steps[k] * stages;
                err[k] = meanError(solvers[s].integrate(u, x0, 0, 1, steps[k]), ref);
            }
            curves.add(Curve.of(names[s], nfe, err));
        }
        double[] tols = {1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
        double[] nfe = new double[tols.length], err = new double[tols.length];
        for (int k = 0; k < tols.length; k++) {
            DormandPrince45.Result r = DormandPrince45.of(tols[k], tols[k]).solve(u, x0, 0, 1, 1);
            nfe[k] = r.evaluations();
            err[k] = meanError(r.x(), ref);
        }
        curves.add(Curve.of("Dormand–Prince 4(5), tol 1e-2…1e-6", nfe, err));
        return Plots.lines("Exact marginal flow to 8 Gaussians: error at t = 1 vs cost", "function evaluations (NFE)",
                "mean |x(1) − x_ref(1)|", AxisScale.LOG_LOG, curves.toArray(Curve[]::new));
    }

    static double meanError(double[][] x, double[][] ref) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += Math.hypot(x[i][0] - ref[i][0], x[i][1] - ref[i][1]);
        return s / x.length;
    }
}
