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

    /** ∂_x(p v) ≈ ((pv)_{i+1} − (pv)_{i−1})/(2Δx) at interior nodes. */
    public static double[] divergence1D(double[] p, double[] v, double dx) {
        Grid.check1D(p, v);
        Require.positive("dx", dx);
        double[] r = new double[p.length - 2];
        for (int i = 1; i < p.length - 1; i++) r[i - 1] = (p[i + 1] * v[i + 1] - p[i - 1] * v[i - 1]) / (2 * dx);
        return r;
    }

    /** r_i = (p⁺_i − p⁻_i)/(2Δt) + ((pv)_{i+1} − (pv)_{i−1})/(2Δx), with p⁻, p, p⁺ at t − Δt, t, t + Δt and v at t. */
    public static double[] residual1D(double[] pPrev, double[] p, double[] pNext, double[] v, double dt, double dx) {
        Grid.check1D(pPrev, p, pNext, v);
        double[] dpdt = Grid.timeDerivative(pPrev, pNext, dt);
        double[] div = divergence1D(p, v, dx);
        for (int k = 0; k < dpdt.length; k++) dpdt[k] += div[k];
        return dpdt;
    }

    /** ∇·(p v) ≈ central differences of p·v_x in x and p·v_y in y at interior nodes. */
    public static double[][] divergence2D(double[][] p, double[][] vx, double[][] vy, double dx, double dy) {
        Grid.check2D(p, vx, vy);
        Require.positive("dx", dx);
        Require.positive("dy", dy);
        int nx = p.length, ny = p[0].length;
        double[][] r = new double[nx - 2][ny - 2];
        for (int i = 1; i < nx - 1; i++) {
            for (int j = 1; j < ny - 1; j++) {
                r[i - 1][j - 1] = (p[i + 1][j] * vx[i + 1][j] - p[i - 1][j] * vx[i - 1][j]) / (2 * dx)
                        + (p[i][j + 1] * vy[i][j + 1] - p[i][j - 1] * vy[i][j - 1]) / (2 * dy);
            }
        }
        return r;
    }

    /** r = ∂_t p + ∇·(p v) in 2-D, p at t − Δt, t, t + Δt and v = (vx, vy) at t. */
    public static double[][] residual2D(double[][] pPrev, double[][] p, double[][] pNext, double[][] vx, double[][] vy,
                                        double dt, double dx, double dy) {
        Grid.check2D(pPrev, p, pNext, vx, vy);
        Require.positive("dt", dt);
        double[][] r = divergence2D(p, vx, vy, dx, dy);
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[0].length; j++) r[i][j] += (pNext[i + 1][j + 1] - pPrev[i + 1][j + 1]) / (2 * dt);
        }
        return r;
    }
}
