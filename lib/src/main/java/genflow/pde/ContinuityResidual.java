package genflow.pde;

import genflow.math.Require;

/**
 * Finite-difference residual of the continuity equation ∂_t p + ∇·(p v) = 0 (seed 000, "Absolutely
 * continuous curves"; seed 004) on uniform grids, second order in Δt and Δx: central differences
 * in time (p at t − Δt and t + Δt) and space (p·v at time t). Residuals are returned at interior
 * nodes only: entry k of a 1-D result belongs to x_{k+1}; entry [k][l] of a 2-D result to
 * (x_{k+1}, y_{l+1}). Time runs forward; a flow backward in time has −v.
 */
public final class ContinuityResidual {
    private ContinuityResidual() {}

    /**
     * ∂_x(p v) ≈ ((pv)_{i+1} − (pv)_{i−1})/(2Δx) at interior nodes.
     *
     * @throws IllegalArgumentException for bad arrays, or if the result exceeds the double range
     */
    public static double[] divergence1D(double[] p, double[] v, double dx) {
        Grid.check1D("p", p, "v", v);
        Require.positive("dx", dx);
        double[] r = divergence1D(p, v, dx, false);
        if (Grid.allFinite(r)) return r;
        return Grid.unscale(divergence1D(Grid.scaled(p, -Grid.RESCALE), v, dx, true), Grid.RESCALE,
                "∂_x(p v) with dx = " + dx + " (p, v too large or dx too small)");
    }

    private static double[] divergence1D(double[] p, double[] v, double dx, boolean safe) {
        double[] r = new double[p.length - 2];
        for (int i = 1; i < p.length - 1; i++) {
            r[i - 1] = safe ? (p[i + 1] * v[i + 1] - p[i - 1] * v[i - 1]) / dx / 2 : (p[i + 1] * v[i + 1] - p[i - 1] * v[i - 1]) / (2 * dx);
        }
        return r;
    }

    /** r_i = (p⁺_i − p⁻_i)/(2Δt) + ((pv)_{i+1} − (pv)_{i−1})/(2Δx), with p⁻, p, p⁺ at t − Δt, t, t + Δt and v at t. */
    public static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double[] v, double dt, double dx) {
        Grid.check1D("pPrev", pPrev, "p", p, "pNext", pNext, "v", v);
        Require.positive("dt", dt);
        Require.positive("dx", dx);
        double[] r = residual1D(pPrev, p, pNext, v, dt, dx, false);
        if (Grid.allFinite(r)) return r;
        int e = Grid.RESCALE;
        return Grid.unscale(residual1D(Grid.scaled(pPrev, -e), Grid.scaled(p, -e), Grid.scaled(pNext, -e), v, dt, dx, true), e,
                "the continuity residual with dt = " + dt + ", dx = " + dx + " (pPrev, p, pNext, v too large or dt, dx too small)");
    }

    private static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double[] v, double dt, double dx, boolean safe) {
        double[] dpdt = Grid.timeDerivative(pPrev, pNext, dt, safe);
        double[] div = divergence1D(p, v, dx, safe);
        for (int k = 0; k < dpdt.length; k++) dpdt[k] += div[k];
        return dpdt;
    }

    /** ∇·(p v) ≈ central differences of p·v_x in x and p·v_y in y at interior nodes. */
    public static double[][] divergence2D(double[][] p, double[][] vx, double[][] vy, double dx, double dy) {
        Grid.check2D("p", p, "vx", vx, "vy", vy);
        Require.positive("dx", dx);
        Require.positive("dy", dy);
        double[][] r = divergence2D(p, vx, vy, dx, dy, false);
        if (Grid.allFinite(r)) return r;
        return Grid.unscale(divergence2D(Grid.scaled(p, -Grid.RESCALE), vx, vy, dx, dy, true), Grid.RESCALE,
                "∇·(p v) with dx = " + dx + ", dy = " + dy + " (p, vx, vy too large or dx, dy too small)");
    }

    private static double[][] divergence2D(double[][] p, double[][] vx, double[][] vy, double dx, double dy, boolean safe) {
        int nx = p.length, ny = p[0].length;
        double[][] r = new double[nx - 2][ny - 2];
        for (int i = 1; i < nx - 1; i++) {
            for (int j = 1; j < ny - 1; j++) {
                double ax = p[i + 1][j] * vx[i + 1][j] - p[i - 1][j] * vx[i - 1][j];
                double ay = p[i][j + 1] * vy[i][j + 1] - p[i][j - 1] * vy[i][j - 1];
                r[i - 1][j - 1] = safe ? ax / dx / 2 + ay / dy / 2 : ax / (2 * dx) + ay / (2 * dy);
            }
        }
        return r;
    }

    /** r = ∂_t p + ∇·(p v) in 2-D, p at t − Δt, t, t + Δt and v = (vx, vy) at t. */
    public static double[][] residual2D(double[][] pPrev, double[][] p, double[][] pNext, double[][] vx, double[][] vy,
                                        double dt, double dx, double dy) {
        Grid.check2D("pPrev", pPrev, "p", p, "pNext", pNext, "vx", vx, "vy", vy);
        Require.positive("dt", dt);
        Require.positive("dx", dx);
        Require.positive("dy", dy);
        double[][] r = residual2D(pPrev, p, pNext, vx, vy, dt, dx, dy, false);
        if (Grid.allFinite(r)) return r;
        int e = Grid.RESCALE;
        return Grid.unscale(residual2D(Grid.scaled(pPrev, -e), Grid.scaled(p, -e), Grid.scaled(pNext, -e), vx, vy, dt, dx, dy, true), e,
                "the continuity residual with dt = " + dt + ", dx = " + dx + ", dy = " + dy + " (pPrev, p, pNext, vx, vy too large or dt, dx, dy too small)");
    }

    private static double[][] residual2D(double[][] pPrev, double[][] p, double[][] pNext, double[][] vx, double[][] vy,
                                         double dt, double dx, double dy, boolean safe) {
        double[][] r = divergence2D(p, vx, vy, dx, dy, safe);
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[0].length; j++) {
                double d = pNext[i + 1][j + 1] - pPrev[i + 1][j + 1];
                r[i][j] += safe ? d / dt / 2 : d / (2 * dt);
            }
        }
        return r;
    }
}
