package genflow.pde;

import genflow.math.Require;

/**
 * Finite-difference residual of the Fokker–Planck equation of dX = f(t, X) dt + g(t) dW:
 * ∂_t p = −∇·(f p) + ½ g² Δp (seeds 003 and 004; seed 000 omits the ½ — the tests show the
 * heat kernel needs it). Returns r = ∂_t p + ∇·(f p) − ½ g² Δp at interior nodes, central
 * differences (second order), p at t − Δt, t, t + Δt, drift f and diffusion g at t. Time runs forward.
 */
public final class FokkerPlanckResidual {
    private FokkerPlanckResidual() {}

    /**
     * 1-D residual at nodes 1..m−2: ∂_t p + ∂_x(f p) − ½ g² ∂_xx p.
     *
     * @throws IllegalArgumentException for bad arrays or steps, or if the residual exceeds the double range
     */
    public static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double[] f, double g, double dt, double dx) {
        Grid.check1D("pPrev", pPrev, "p", p, "pNext", pNext, "f", f);
        Require.finite("g", g);
        Require.positive("dt", dt);
        Require.positive("dx", dx);
        double[] r = residual1D(pPrev, p, pNext, f, g, dt, dx, false);
        if (Grid.allFinite(r)) return r;
        int e = Grid.RESCALE;
        return Grid.unscale(residual1D(Grid.scaled(pPrev, -e), Grid.scaled(p, -e), Grid.scaled(pNext, -e), f, g, dt, dx, true), e,
                "the Fokker-Planck residual with g = " + g + ", dt = " + dt + ", dx = " + dx + " (pPrev, p, pNext, f, g too large or dt, dx too small)");
    }

    private static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double[] f, double g, double dt, double dx, boolean safe) {
        double half = 0.5 * g * g;
        double[] r = new double[p.length - 2];
        for (int i = 1; i < p.length - 1; i++) {
            if (!safe) {
                double dpdt = (pNext[i] - pPrev[i]) / (2 * dt);
                double drift = (f[i + 1] * p[i + 1] - f[i - 1] * p[i - 1]) / (2 * dx);
                double lap = (p[i + 1] - 2 * p[i] + p[i - 1]) / (dx * dx);
                r[i - 1] = dpdt + drift - half * lap;
            } else {
                double dpdt = (pNext[i] - pPrev[i]) / dt / 2;
                double drift = (f[i + 1] * p[i + 1] - f[i - 1] * p[i - 1]) / dx / 2;
                double lap = ((p[i + 1] - p[i]) - (p[i] - p[i - 1])) / dx / dx;
                r[i - 1] = dpdt + drift - (0.5 * g * lap) * g;
            }
        }
        return r;
    }

    /** 2-D residual at interior nodes: ∂_t p + ∇·(f p) − ½ g² Δp with f = (fx, fy), 5-point Laplacian. */
    public static double[][] residual2D(double[][] pPrev, double[][] p, double[][] pNext, double[][] fx, double[][] fy,
                                        double g, double dt, double dx, double dy) {
        Grid.check2D("pPrev", pPrev, "p", p, "pNext", pNext, "fx", fx, "fy", fy);
        Require.finite("g", g);
        Require.positive("dt", dt);
        Require.positive("dx", dx);
        Require.positive("dy", dy);
        double[][] r = residual2D(pPrev, p, pNext, fx, fy, g, dt, dx, dy, false);
        if (Grid.allFinite(r)) return r;
        int e = Grid.RESCALE;
        return Grid.unscale(residual2D(Grid.scaled(pPrev, -e), Grid.scaled(p, -e), Grid.scaled(pNext, -e), fx, fy, g, dt, dx, dy, true), e,
                "the Fokker-Planck residual with g = " + g + ", dt = " + dt + ", dx = " + dx + ", dy = " + dy
                        + " (pPrev, p, pNext, fx, fy, g too large or dt, dx, dy too small)");
    }

    private static double[][] residual2D(double[][] pPrev, double[][] p, double[][] pNext, double[][] fx, double[][] fy,
                                         double g, double dt, double dx, double dy, boolean safe) {
        double half = 0.5 * g * g;
        int nx = p.length, ny = p[0].length;
        double[][] r = new double[nx - 2][ny - 2];
        for (int i = 1; i < nx - 1; i++) {
            for (int j = 1; j < ny - 1; j++) {
                if (!safe) {
                    double dpdt = (pNext[i][j] - pPrev[i][j]) / (2 * dt);
                    double drift = (fx[i + 1][j] * p[i + 1][j] - fx[i - 1][j] * p[i - 1][j]) / (2 * dx)
                            + (fy[i][j + 1] * p[i][j + 1] - fy[i][j - 1] * p[i][j - 1]) / (2 * dy);
                    double lap = (p[i + 1][j] - 2 * p[i][j] + p[i - 1][j]) / (dx * dx)
                            + (p[i][j + 1] - 2 * p[i][j] + p[i][j - 1]) / (dy * dy);
                    r[i - 1][j - 1] = dpdt + drift - half * lap;
                } else {
                    double dpdt = (pNext[i][j] - pPrev[i][j]) / dt / 2;
                    double drift = (fx[i + 1][j] * p[i + 1][j] - fx[i - 1][j] * p[i - 1][j]) / dx / 2
                            + (fy[i][j + 1] * p[i][j + 1] - fy[i][j - 1] * p[i][j - 1]) / dy / 2;
                    double lap = ((p[i + 1][j] - p[i][j]) - (p[i][j] - p[i - 1][j])) / dx / dx
                            + ((p[i][j + 1] - p[i][j]) - (p[i][j] - p[i][j - 1])) / dy / dy;
                    r[i - 1][j - 1] = dpdt + drift - (0.5 * g * lap) * g;
                }
            }
        }
        return r;
    }
}
