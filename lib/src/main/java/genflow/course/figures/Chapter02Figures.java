package genflow.course.figures;

import genflow.course.FigureSource;
import genflow.course.LectureFigure;
import genflow.ode.RungeKutta4;
import genflow.ode.Trajectory;
import genflow.ode.VectorField;
import genflow.pde.ContinuityResidual;
import genflow.pde.FokkerPlanckResidual;
import genflow.pde.Grid;
import genflow.pde.LinearFlowGaussian;
import genflow.pde.OuGaussianCurve;
import genflow.plot.AxisScale;
import genflow.plot.Curve;
import genflow.plot.Panels;
import genflow.plot.Plots;
import genflow.plot.Points;
import genflow.random.Rngs;
import org.knowm.xchart.XYChart;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Figures of 02_continuity_equation: particles pushed by a linear field against the exact density,
 * the finite-difference continuity-equation residual, the Fokker–Planck residual with and without
 * the ½ in front of g²Δp, and the reverse flow −v_{1−t}. Time runs forward (t: 0 → 1) unless a
 * figure says otherwise.
 */
public final class Chapter02Figures implements FigureSource {
    /** The chapter's exact CE pair: v(x) = −x + 2 moving N(−1.5, 0.6²). */
    public static LinearFlowGaussian pair() {
        return new LinearFlowGaussian(-1.0, 2.0, -1.5, 0.6);
    }

    /** The chapter's OU curve: dX = −X dt + dW from N(2, 0.3²). */
    public static OuGaussianCurve ouCurve() {
        return new OuGaussianCurve(1.0, 1.0, 2.0, 0.3);
    }

    /** A smooth time-dependent 2-D field used to show the reverse flow: a damped rotation with a time-varying push. */
    public static VectorField swirl() {
        return (t, x) -> {
            double[][] out = new double[x.length][2];
            for (int i = 0; i < x.length; i++) {
                double a = x[i][0], b = x[i][1];
                out[i][0] = -2 * b - 0.3 * a + Math.sin(b);
                out[i][1] = 2 * a - 0.3 * b + Math.cos(2 * Math.PI * t);
            }
            return out;
        };
    }

    /** The reverse field w(t, x) = −v(1 − t, x): its flow from time 0 to 1 undoes the flow of v. */
    public static VectorField reverse(VectorField v) {
        if (v == null) throw new IllegalArgumentException("v must not be null");
        return (t, x) -> {
            double[][] f = v.apply(1 - t, x);
            double[][] out = new double[f.length][];
            for (int i = 0; i < f.length; i++) {
                out[i] = new double[f[i].length];
                for (int j = 0; j < f[i].length; j++) out[i][j] = -f[i][j];
            }
            return out;
        };
    }

    @Override
    public List<LectureFigure> figures() {
        return List.of(
                LectureFigure.still("02-pushforward", 3,
                        "Particles pushed by v(x) = −x + 2 (RK4, histogram) against the exact density N(m_t, s_t²) at t = 0, 0.5, 1",
                        Chapter02Figures::pushforward),
                LectureFigure.still("02-ce-residual", 0,
                        "Continuity equation at t = 0.5: ∂_t p and −∂_x(p v) coincide; the finite-difference residual shrinks like Δx²",
                        seed -> ceResidual()),
                LectureFigure.still("02-fokker-planck-half", 0,
                        "Fokker–Planck residual of the OU density with ½ g²Δp (≈ 0) and with seed 000's g²Δp (not 0)",
                        seed -> fokkerPlanckHalf()),
                LectureFigure.still("02-reverse-flow", 4,
                        "Flow of a time-dependent 2-D field and of its reverse −v(1 − t, x): the reverse flow of X₁ lands on X₀ (green covers blue)",
                        Chapter02Figures::reverseFlow));
    }

    static Object pushforward(long seed) {
        LinearFlowGaussian g = pair();
        RandomGenerator rng = Rngs.seeded(seed);
        int n = 5000;
        double[][] x0 = new double[n][1];
        for (double[] r : x0) r[0] = -1.5 + 0.6 * rng.nextGaussian();
        VectorField v = (t, x) -> {
            double[][] out = new double[x.length][1];
            for (int i = 0; i < x.length; i++) out[i][0] = g.velocity(t, x[i][0]);
            return out;
        };
        List<XYChart> charts = new ArrayList<>();
        for (double t : new double[]{0, 0.5, 1}) {
            double[] xs = column(t == 0 ? x0 : new RungeKutta4().integrate(v, x0, 0, t, 20));
            charts.add(Plots.histogram(String.format(Locale.ROOT, "t = %.1f", t), "x")
                    .bins(50).range(-3.5, 2.5)
                    .sample("particles X_t", xs)
                    .density("exact p_t", x -> g.density(t, x))
                    .build());
        }
        return Panels.grid("Push-forward of 5,000 particles vs the density (seed " + seed + ")", 3, charts);
    }

    static Object ceResidual() {
        LinearFlowGaussian g = pair();
        double t = 0.5;
        double[] xs = Grid.uniform(-3.5, 2.5, 241);
        double dx = xs[1] - xs[0], dt = dx;
        double[] pm = Grid.sample(g::density, t - dt, xs), p = Grid.sample(g::density, t, xs), pp = Grid.sample(g::density, t + dt, xs);
        double[] v = Grid.sample(g::velocity, t, xs);
        double[] dpdt = Grid.timeDerivative(pm, pp, dt);
        double[] div = ContinuityResidual.divergence1D(p, v, dx);
        double[] minusDiv = Arrays.stream(div).map(d -> -d).toArray();
        double[] r = ContinuityResidual.residual1D(pm, p, pp, v, dt, dx);
        double[] inner = Arrays.copyOfRange(xs, 1, xs.length - 1);
        XYChart left = Plots.lines("Both sides of ∂_t p = −∂_x(p v) at t = 0.5", "x", "value",
                Curve.of("∂_t p", inner, dpdt), Curve.of("−∂_x(p v)", inner, minusDiv), Curve.of("residual", inner, r));
        int[] ns = {31, 61, 121, 241, 481};
        double[] hs = new double[ns.length], err = new double[ns.length];
        for (int k = 0; k < ns.length; k++) {
            double[] ys = Grid.uniform(-3.5, 2.5, ns[k]);
            double h = ys[1] - ys[0];
            double[] rk = ContinuityResidual.residual1D(Grid.sample(g::density, t - h, ys), Grid.sample(g::density, t, ys),
                    Grid.sample(g::density, t + h, ys), Grid.sample(g::velocity, t, ys), h, h);
            hs[k] = h;
            err[k] = Arrays.stream(rk).map(Math::abs).max().orElseThrow();
        }
        double slope = genflow.ode.ConvergenceStudy.logLogSlope(hs, err);
        XYChart right = Plots.lines(String.format(Locale.ROOT, "Max residual vs grid step (Δt = Δx): slope %.2f", slope),
                "Δx", "max |residual|", AxisScale.LOG_LOG, Curve.of("max |r|", hs, err));
        return Panels.grid("Continuity equation for N(m_t, s_t²) moved by v(x) = −x + 2", 2, left, right);
    }

    static Object fokkerPlanckHalf() {
        OuGaussianCurve ou = ouCurve();
        double t = 0.3;
        double[] xs = Grid.uniform(-1, 4, 201);
        double dx = xs[1] - xs[0], dt = 1e-3, g = ou.sigma();
        double[] pm = Grid.sample(ou::density, t - dt, xs), p = Grid.sample(ou::density, t, xs), pp = Grid.sample(ou::density, t + dt, xs);
        double[] f = Arrays.stream(xs).map(ou::drift).toArray();
        double[] withHalf = FokkerPlanckResidual.residual1D(pm, p, pp, f, g, dt, dx);
        // seed 000: ∂_t p = −∇·(f p) + g²Δp, i.e. the ½-convention with g replaced by √2 g
        double[] without = FokkerPlanckResidual.residual1D(pm, p, pp, f, Math.sqrt(2) * g, dt, dx);
        double[] inner = Arrays.copyOfRange(xs, 1, xs.length - 1);
        XYChart c = Plots.lines("Fokker–Planck residual of dX = −X dt + dW at t = 0.3", "x", "residual",
                Curve.of("∂_t p + ∂_x(f p) − ½ g² ∂_xx p  (seeds 003/004)", inner, withHalf),
                Curve.of("∂_t p + ∂_x(f p) − g² ∂_xx p  (seed 000)", inner, without),
                Curve.of("∂_t p (for scale)", inner, Grid.timeDerivative(pm, pp, dt)));
        c.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.OutsideS);
        return c;
    }

    static Object reverseFlow(long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        int n = 300;
        double[][] x0 = new double[n][2];
        for (double[] r : x0) { r[0] = 1.5 + 0.3 * rng.nextGaussian(); r[1] = 0.3 * rng.nextGaussian(); }
        RungeKutta4 rk4 = new RungeKutta4();
        Trajectory fwd = rk4.trajectory(swirl(), x0, 0, 1, 100);
        double[][] x1 = fwd.state(fwd.length() - 1);
        double[][] back = rk4.integrate(reverse(swirl()), x1, 0, 1, 100);
        XYChart left = Plots.trajectoriesFromSnapshots("Forward flow of v, t: 0 → 1", "x₁", "x₂", fwd.states(), 60);
        XYChart right = Plots.scatter("Reverse flow of −v(1 − t, x) from X₁", "x₁", "x₂",
                Points.of("X₀", x0), Points.of("X₁", x1), Points.of("reverse flow of X₁", back));
        return Panels.grid("Reverse flow (seed " + seed + ")", 2, left, right);
    }

    private static double[] column(double[][] x) {
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = x[i][0];
        return c;
    }
}
