package genflow.pde;

import static org.junit.jupiter.api.Assertions.*;

import genflow.math.Bessel;
import genflow.process.KacProcess;
import genflow.process.WienerProcess;
import org.junit.jupiter.api.Test;

/** Residuals on analytic pairs: each must be small for the true pair and large for a perturbed one. */
class PdeResidualTest {
    static double maxAbs(double[] r) {
        double m = 0;
        for (double v : r) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double maxAbs(double[][] r) {
        double m = 0;
        for (double[] row : r) m = Math.max(m, maxAbs(row));
        return m;
    }

    @Test
    void kacDensityAndVelocitySatisfyContinuity1D() {
        for (double[] act : new double[][] {{1, 1, 1}, {9, 3, 0.5}, {100, 10, 1}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2], ct = act[1] * t, dt = 1e-4 * t;
            double w = Math.min(0.9 * ct, 6 * Math.sqrt(k.secondMoment(t))); // where the mass is
            double[] xs = Grid.uniform(-w, w, 801);
            double dx = xs[1] - xs[0];
            double[] pm = Grid.sample(k::density, t - dt, xs), p = Grid.sample(k::density, t, xs), pp = Grid.sample(k::density, t + dt, xs);
            double[] v = Grid.sample(k::velocity, t, xs);
            double scale = maxAbs(Grid.timeDerivative(pm, pp, dt));
            double res = maxAbs(ContinuityResidual.residual1D(pm, p, pp, v, dt, dx));
            // the diffusion velocity x/(2t) is the a→∞ limit, not the Kac field
            double[] vw = Grid.sample((s, x) -> x / (2 * s), t, xs);
            double resWrong = maxAbs(ContinuityResidual.residual1D(pm, p, pp, vw, dt, dx));
            System.out.printf("continuity 1-D %s t=%s: residual %.2e, |∂t p| %.2e, diffusion v %.2e%n", k, t, res, scale, resWrong);
            assertTrue(res < 2e-4 * scale, k + ": " + res);
            assertTrue(resWrong > 20 * res, "wrong velocity not detected");
            // and the residual is discretisation error: second order, ~4x smaller on a grid twice as fine
            double[] xf = Grid.uniform(-w, w, 1601);
            double resFine = maxAbs(ContinuityResidual.residual1D(Grid.sample(k::density, t - dt, xf), Grid.sample(k::density, t, xf),
                    Grid.sample(k::density, t + dt, xf), Grid.sample(k::velocity, t, xf), dt, xf[1] - xf[0]));
            assertTrue(resFine < res / 3, "not second order: " + res + " -> " + resFine);
        }
    }

    @Test
    void productKacSatisfiesContinuity2D() {
        // seed 001: componentwise product of 1-D flows with componentwise velocities solves the 2-D CE
        KacProcess kx = KacProcess.of(2, 1), ky = KacProcess.of(5, 2);
        double t = 1, dt = 1e-4;
        double[] xs = Grid.uniform(-0.9, 0.9, 121), ys = Grid.uniform(-1.8, 1.8, 141);
        Grid.Field2D p = (s, x, y) -> kx.density(s, x) * ky.density(s, y);
        double[][] pm = Grid.sample(p, t - dt, xs, ys), p0 = Grid.sample(p, t, xs, ys), pp = Grid.sample(p, t + dt, xs, ys);
        double[][] vx = Grid.sample((s, x, y) -> kx.velocity(s, x), t, xs, ys), vy = Grid.sample((s, x, y) -> ky.velocity(s, y), t, xs, ys);
        double[][] r = ContinuityResidual.residual2D(pm, p0, pp, vx, vy, dt, xs[1] - xs[0], ys[1] - ys[0]);
        double[][] swapped = ContinuityResidual.residual2D(pm, p0, pp, vy, vx, dt, xs[1] - xs[0], ys[1] - ys[0]);
        double scale = 0;
        for (int i = 1; i < xs.length - 1; i++) for (int j = 1; j < ys.length - 1; j++) scale = Math.max(scale, Math.abs(pp[i][j] - pm[i][j]) / (2 * dt));
        System.out.printf("continuity 2-D Kac product: residual %.2e, |∂t p| %.2e, swapped components %.2e%n", maxAbs(r), scale, maxAbs(swapped));
        assertTrue(maxAbs(r) < 1e-3 * scale);
        assertTrue(maxAbs(swapped) > 0.05 * scale);
    }

    @Test
    void wienerSatisfiesContinuity() {
        WienerProcess w = new WienerProcess();
        double t = 0.5, dt = 1e-5;
        double[] xs = Grid.uniform(-3, 3, 601);
        double[] r = ContinuityResidual.residual1D(Grid.sample(w::density, t - dt, xs), Grid.sample(w::density, t, xs),
                Grid.sample(w::density, t + dt, xs), Grid.sample(w::velocity, t, xs), dt, xs[1] - xs[0]);
        double scale = maxAbs(Grid.timeDerivative(Grid.sample(w::density, t - dt, xs), Grid.sample(w::density, t + dt, xs), dt));
        assertTrue(maxAbs(r) < 1e-4 * scale, "Wiener CE residual " + maxAbs(r));
    }

    @Test
    void heatKernelNeedsTheHalfInFokkerPlanck() {
        // f = 0, g = 1: p_t = N(0, t) solves ∂_t p = ½ ∂_xx p; seed 000's version without ½ is ∂_t p = g²Δp, i.e. g_eff = √2
        WienerProcess w = new WienerProcess();
        double t = 0.7, dt = 1e-5;
        double[] xs = Grid.uniform(-4, 4, 801);
        double[] pm = Grid.sample(w::density, t - dt, xs), p = Grid.sample(w::density, t, xs), pp = Grid.sample(w::density, t + dt, xs);
        double[] f = new double[xs.length];
        double dx = xs[1] - xs[0];
        double ok = maxAbs(FokkerPlanckResidual.residual1D(pm, p, pp, f, 1, dt, dx));
        double noHalf = maxAbs(FokkerPlanckResidual.residual1D(pm, p, pp, f, Math.sqrt(2), dt, dx));
        double scale = maxAbs(Grid.timeDerivative(pm, pp, dt));
        System.out.printf("Fokker-Planck heat kernel: residual %.2e with ½g², %.2e without (|∂t p| %.2e)%n", ok, noHalf, scale);
        assertTrue(ok < 1e-4 * scale);
        assertTrue(noHalf > 0.5 * scale);
    }

    @Test
    void ornsteinUhlenbeckSatisfiesFokkerPlanck1D() {
        // dX = −θX dt + g dW from N(0, s0): p_t = N(0, s(t)), s(t) = s0 e^{−2θt} + g²(1 − e^{−2θt})/(2θ)
        double theta = 1.3, g = 0.8, s0 = 2.0, t = 0.4, dt = 1e-5;
        java.util.function.DoubleBinaryOperator p = (s, x) -> {
            double var = s0 * Math.exp(-2 * theta * s) + g * g * (1 - Math.exp(-2 * theta * s)) / (2 * theta);
            return Math.exp(-x * x / (2 * var)) / Math.sqrt(2 * Math.PI * var);
        };
        double[] xs = Grid.uniform(-5, 5, 1001);
        double[] pm = Grid.sample(p, t - dt, xs), p0 = Grid.sample(p, t, xs), pp = Grid.sample(p, t + dt, xs);
        double[] f = Grid.sample((s, x) -> -theta * x, t, xs);
        double r = maxAbs(FokkerPlanckResidual.residual1D(pm, p0, pp, f, g, dt, xs[1] - xs[0]));
        double[] fWrong = Grid.sample((s, x) -> theta * x, t, xs);
        double rWrong = maxAbs(FokkerPlanckResidual.residual1D(pm, p0, pp, fWrong, g, dt, xs[1] - xs[0]));
        assertTrue(r < 1e-4 * maxAbs(p0), "OU residual " + r);
        assertTrue(rWrong > 1e3 * r);
    }

    @Test
    void driftedHeatKernelSatisfiesFokkerPlanck2D() {
        // f = (b1, b2) constant, g = 1: p_t = N(b t, t I)
        double b1 = 0.7, b2 = -1.2, t = 0.9, dt = 1e-5;
        Grid.Field2D p = (s, x, y) -> Math.exp(-((x - b1 * s) * (x - b1 * s) + (y - b2 * s) * (y - b2 * s)) / (2 * s)) / (2 * Math.PI * s);
        double[] xs = Grid.uniform(-3, 4, 141), ys = Grid.uniform(-4, 3, 141);
        double[][] pm = Grid.sample(p, t - dt, xs, ys), p0 = Grid.sample(p, t, xs, ys), pp = Grid.sample(p, t + dt, xs, ys);
        double[][] fx = Grid.sample((s, x, y) -> b1, t, xs, ys), fy = Grid.sample((s, x, y) -> b2, t, xs, ys);
        double dx = xs[1] - xs[0], dy = ys[1] - ys[0];
        double r = maxAbs(FokkerPlanckResidual.residual2D(pm, p0, pp, fx, fy, 1, dt, dx, dy));
        double rNoDrift = maxAbs(FokkerPlanckResidual.residual2D(pm, p0, pp, fy, fx, 1, dt, dx, dy));
        assertTrue(r < 2e-3 * maxAbs(p0), "2-D FP residual " + r);
        assertTrue(rNoDrift > 50 * r);
    }

    @Test
    void kacDensitySolvesTheTelegrapherEquation() {
        for (double[] act : new double[][] {{2, 1, 1}, {9, 3, 0.5}, {25, 5, 1}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2], ct = act[1] * t, dt = 1e-3 * t;
            double[] xs = Grid.uniform(-0.8 * ct, 0.8 * ct, 401);
            double[] pm = Grid.sample(k::density, t - dt, xs), p = Grid.sample(k::density, t, xs), pp = Grid.sample(k::density, t + dt, xs);
            double dx = xs[1] - xs[0];
            double r = maxAbs(TelegrapherResidual.residual1D(pm, p, pp, act[0], act[1], dt, dx));
            double rWrongA = maxAbs(TelegrapherResidual.residual1D(pm, p, pp, 2 * act[0], act[1], dt, dx));
            double scale = 2 * act[0] * maxAbs(Grid.timeDerivative(pm, pp, dt));
            System.out.printf("telegrapher %s t=%s: residual %.2e, scale |2a ∂t p| %.2e, with 2a→4a %.2e%n", k, t, r, scale, rWrongA);
            assertTrue(r < 1e-4 * scale, k + ": " + r);
            assertTrue(rWrongA > 0.1 * scale);
        }
        // Bessel-level sanity: the PDE check uses the same functions the density does
        assertTrue(Bessel.i0e(3) > 0);
    }

    @Test
    void badInput() {
        double[] a3 = {1, 2, 3};
        var e = assertThrows(IllegalArgumentException.class, () -> ContinuityResidual.residual1D(a3, a3, a3, a3, 0, 1));
        assertTrue(e.getMessage().startsWith("dt"));
        assertThrows(IllegalArgumentException.class, () -> ContinuityResidual.residual1D(a3, a3, new double[4], a3, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> ContinuityResidual.residual1D(a3, a3, a3, new double[] {1, Double.NaN, 1}, 1, 1));
        var ea = assertThrows(IllegalArgumentException.class, () -> TelegrapherResidual.residual1D(a3, a3, a3, -1, 1, 1, 1));
        assertTrue(ea.getMessage().startsWith("a"));
        var eg = assertThrows(IllegalArgumentException.class, () -> FokkerPlanckResidual.residual1D(a3, a3, a3, a3, Double.NaN, 1, 1));
        assertTrue(eg.getMessage().startsWith("g"));
        double[][] g2 = {{1, 1}, {1, 1}, {1, 1}};
        assertThrows(IllegalArgumentException.class, () -> ContinuityResidual.divergence2D(g2, g2, g2, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> Grid.uniform(1, 0, 5));
    }
}
