package genflow.pde;

import genflow.ode.EulerMaruyama;
import genflow.ode.RungeKutta4;
import genflow.ode.Sde;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class GaussianCurvesTest {
    private static double maxAbs(double[] r) {
        double m = 0;
        for (double v : r) m = Math.max(m, Math.abs(v));
        return m;
    }

    @Test
    void linearFlowGaussianSolvesContinuityEquation() {
        LinearFlowGaussian g = new LinearFlowGaussian(0.6, -1.0, 0.5, 0.4);
        double[] xs = Grid.uniform(-3, 4, 401);
        double t = 0.7, dt = 1e-3, dx = xs[1] - xs[0];
        double[] r = ContinuityResidual.residual1D(Grid.sample(g::density, t - dt, xs), Grid.sample(g::density, t, xs),
                Grid.sample(g::density, t + dt, xs), Grid.sample(g::velocity, t, xs), dt, dx);
        double scale = maxAbs(Grid.timeDerivative(Grid.sample(g::density, t - dt, xs), Grid.sample(g::density, t + dt, xs), dt));
        assertTrue(maxAbs(r) < 1e-3 * scale, "residual " + maxAbs(r) + " vs scale " + scale);
        // a wrong spread (s_t = e^{-at}s_0) must leave a large residual
        DoubleBinaryOp wrong = (tt, x) -> {
            double s = Math.exp(-0.6 * tt) * 0.4, z = (x - g.mean(tt)) / s;
            return Math.exp(-0.5 * z * z) / (s * Math.sqrt(2 * Math.PI));
        };
        double[] rw = ContinuityResidual.residual1D(Grid.sample(wrong::f, t - dt, xs), Grid.sample(wrong::f, t, xs),
                Grid.sample(wrong::f, t + dt, xs), Grid.sample(g::velocity, t, xs), dt, dx);
        assertTrue(maxAbs(rw) > 0.1 * scale);
    }

    interface DoubleBinaryOp { double f(double t, double x); }

    @Test
    void linearFlowMatchesRk4AndHasZeroRateLimit() {
        LinearFlowGaussian g = new LinearFlowGaussian(-0.8, 2.0, 0, 1);
        double[][] x = new RungeKutta4().integrate((t, y) -> new double[][]{{-0.8 * y[0][0] + 2.0}}, new double[][]{{1.5}}, 0, 1.3, 200);
        assertEquals(x[0][0], g.flow(1.3, 1.5), 1e-9);
        assertEquals(1.5, g.flow(-1.3, g.flow(1.3, 1.5)), 1e-12);
        LinearFlowGaussian shift = new LinearFlowGaussian(0, 2.0, 1, 0.5);
        assertEquals(1 + 2 * 0.75, shift.mean(0.75), 1e-15);
        assertEquals(0.5, shift.std(0.75), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> new LinearFlowGaussian(1, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> g.density(Double.NaN, 0));
    }

    @Test
    void ouCurveSolvesFokkerPlanckWithTheHalf() {
        OuGaussianCurve ou = new OuGaussianCurve(1.2, 0.9, 2.0, 0.3);
        double[] xs = Grid.uniform(-4, 5, 451);
        double t = 0.4, dt = 1e-3, dx = xs[1] - xs[0];
        double[] pm = Grid.sample(ou::density, t - dt, xs), p = Grid.sample(ou::density, t, xs), pp = Grid.sample(ou::density, t + dt, xs);
        double[] f = new double[xs.length];
        for (int i = 0; i < xs.length; i++) f[i] = ou.drift(xs[i]);
        double scale = maxAbs(Grid.timeDerivative(pm, pp, dt));
        assertTrue(maxAbs(FokkerPlanckResidual.residual1D(pm, p, pp, f, 0.9, dt, dx)) < 1e-3 * scale);
        // without the 1/2 (g² Δp, i.e. g → √2 g in the ½-convention) the residual is O(1)
        assertTrue(maxAbs(FokkerPlanckResidual.residual1D(pm, p, pp, f, Math.sqrt(2) * 0.9, dt, dx)) > 0.05 * scale);
    }

    @Test
    void ouMomentsMatchEulerMaruyama() {
        OuGaussianCurve ou = new OuGaussianCurve(1.0, 1.5, 0, 0);
        assertEquals(1.125, ou.stationaryVariance(), 1e-15);
        int n = 20000;
        double[][] x0 = new double[n][1];
        for (double[] r : x0) r[0] = 3.0;
        OuGaussianCurve from3 = new OuGaussianCurve(1.0, 1.5, 3.0, 0);
        Sde sde = Sde.of((t, x) -> { double[][] o = new double[x.length][1]; for (int i = 0; i < x.length; i++) o[i][0] = -x[i][0]; return o; }, t -> 1.5);
        double[][] xt = new EulerMaruyama().integrate(sde, x0, 0, 1.0, 400, Rngs.seeded(7));
        double m = 0, v = 0;
        for (double[] r : xt) m += r[0];
        m /= n;
        for (double[] r : xt) v += (r[0] - m) * (r[0] - m);
        v /= n - 1;
        assertEquals(from3.mean(1.0), m, 0.03);
        assertEquals(from3.variance(1.0), v, 0.04);
        assertThrows(IllegalArgumentException.class, () -> ou.density(0, 0));
        assertThrows(IllegalArgumentException.class, () -> ou.variance(-1));
        assertThrows(IllegalArgumentException.class, () -> new OuGaussianCurve(0, 1, 0, 0));
    }
}
