package genflow.pde;

import genflow.math.Require;

/**
 * Finite-difference residual of the telegrapher (damped wave) equation
 * ∂_tt p + 2a ∂_t p = c² ∂_xx p (seed 001, "Telegrapher's equation and Kac flow in 1D"; a = Kac
 * reversal rate, c = speed). Returns r = ∂_tt p + 2a ∂_t p − c² ∂_xx p at interior nodes 1..m−2 from
 * p at t − Δt, t, t + Δt, with second-order central differences. Time runs forward.
 */
public final class TelegrapherResidual {
    private TelegrapherResidual() {}

    /**
     * 1-D residual; see the class comment.
     *
     * @throws IllegalArgumentException for bad arrays or parameters, or if the residual exceeds the double range
     */
    public static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double a, double c, double dt, double dx) {
        Grid.check1D("pPrev", pPrev, "p", p, "pNext", pNext);
        Require.positive("a", a);
        Require.positive("c", c);
        Require.positive("dt", dt);
        Require.positive("dx", dx);
        double[] r = residual1D(pPrev, p, pNext, a, c, dt, dx, false);
        if (Grid.allFinite(r)) return r;
        int e = Grid.RESCALE;
        return Grid.unscale(residual1D(Grid.scaled(pPrev, -e), Grid.scaled(p, -e), Grid.scaled(pNext, -e), a, c, dt, dx, true), e,
                "the telegrapher residual with a = " + a + ", c = " + c + ", dt = " + dt + ", dx = " + dx
                        + " (pPrev, p, pNext, a, c too large or dt, dx too small)");
    }

    private static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double a, double c, double dt, double dx, boolean safe) {
        double[] r = new double[p.length - 2];
        for (int i = 1; i < p.length - 1; i++) {
            if (!safe) {
                double ptt = (pNext[i] - 2 * p[i] + pPrev[i]) / (dt * dt);
                double pt = (pNext[i] - pPrev[i]) / (2 * dt);
                double pxx = (p[i + 1] - 2 * p[i] + p[i - 1]) / (dx * dx);
                r[i - 1] = ptt + 2 * a * pt - c * c * pxx;
            } else {
                double ptt = ((pNext[i] - p[i]) - (p[i] - pPrev[i])) / dt / dt;
                double pt = (pNext[i] - pPrev[i]) / dt / 2;
                double pxx = ((p[i + 1] - p[i]) - (p[i] - p[i - 1])) / dx / dx;
                r[i - 1] = ptt + 2 * (a * pt) - (c * pxx) * c;
            }
        }
        return r;
    }
}
