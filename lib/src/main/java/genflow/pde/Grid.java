package genflow.pde;

import genflow.math.Require;
import java.util.function.DoubleBinaryOperator;

/**
 * Uniform grids and sampling of space-time fields on them, for the finite-difference residuals in
 * this package. Arrays are indexed [i] ↔ x_i in 1-D and [i][j] ↔ (x_i, y_j) in 2-D.
 */
public final class Grid {
    private Grid() {}

    /** A scalar field f(t, x, y) in two space dimensions. */
    @FunctionalInterface
    public interface Field2D {
        double at(double t, double x, double y);
    }

    /** n ≥ 3 equally spaced points lo = x_0 &lt; … &lt; x_{n−1} = hi; the spacing is (hi − lo)/(n − 1). */
    public static double[] uniform(double lo, double hi, int n) {
        Require.finite("lo", lo);
        Require.finite("hi", hi);
        if (!(hi > lo)) throw new IllegalArgumentException("hi = " + hi + " must be > lo = " + lo);
        Require.atLeast("n", n, 3);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
        return x;
    }

    /** Values f(t, x_i). */
    public static double[] sample(DoubleBinaryOperator f, double t, double[] xs) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("t", t);
        Require.finite("xs", xs);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = f.applyAsDouble(t, xs[i]);
        return out;
    }

    /** Values f(t, x_i, y_j) as [i][j]. */
    public static double[][] sample(Field2D f, double t, double[] xs, double[] ys) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("t", t);
        Require.finite("xs", xs);
        Require.finite("ys", ys);
        double[][] out = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) for (int j = 0; j < ys.length; j++) out[i][j] = f.at(t, xs[i], ys[j]);
        return out;
    }

    /** Central time derivative (p⁺ − p⁻)/(2Δt) at interior nodes 1..m−2 (1-D). */
    public static double[] timeDerivative(double[] pPrev, double[] pNext, double dt) {
        check1D(pPrev, pNext);
        Require.positive("dt", dt);
        double[] r = new double[pPrev.length - 2];
        for (int i = 1; i < pPrev.length - 1; i++) r[i - 1] = (pNext[i] - pPrev[i]) / (2 * dt);
        return r;
    }

    /** All arrays non-null, finite, of one length ≥ 3. */
    static void check1D(double[]... arrays) {
        int m = -1;
        for (int k = 0; k < arrays.length; k++) {
            double[] a = arrays[k];
            Require.finite("array " + k, a);
            if (m < 0) m = a.length;
            if (a.length != m) throw new IllegalArgumentException("array " + k + " has length " + a.length + ", expected " + m);
        }
        Require.atLeast("grid length", m, 3);
    }

    /** All arrays rectangular, finite, of one shape with at least 3×3 nodes. */
    static void check2D(double[][]... arrays) {
        int nx = arrays[0] == null ? 0 : arrays[0].length;
        Require.atLeast("grid rows", nx, 3);
        int ny = arrays[0][0] == null ? 0 : arrays[0][0].length;
        Require.atLeast("grid columns", ny, 3);
        for (int k = 0; k < arrays.length; k++) {
            if (arrays[k] == null || arrays[k].length != nx) {
                throw new IllegalArgumentException("array " + k + " must have " + nx + " rows");
            }
            Require.batch("array " + k, arrays[k], ny);
        }
    }
}
