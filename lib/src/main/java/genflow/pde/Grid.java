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
        if (!Double.isFinite(hi - lo)) throw new IllegalArgumentException("hi - lo = " + (hi - lo) + " must be finite (lo = " + lo + ", hi = " + hi + ")");
        Require.size("n", n, 3);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
            if (!Double.isFinite(x[i])) x[i] = lo + (hi - lo) * ((double) i / (n - 1)); // (hi − lo)·i overflowed
        }
        return x;
    }

    /** Values f(t, x_i). */
    public static double[] sample(DoubleBinaryOperator f, double t, double[] xs) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("t", t);
        Require.finite("xs", xs);
        double[] out = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            out[i] = f.applyAsDouble(t, xs[i]);
            if (!Double.isFinite(out[i])) throw new IllegalArgumentException("f(t = " + t + ", xs[" + i + "] = " + xs[i] + ") = " + out[i] + " is not finite");
        }
        return out;
    }

    /** Values f(t, x_i, y_j) as [i][j]. */
    public static double[][] sample(Field2D f, double t, double[] xs, double[] ys) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("t", t);
        Require.finite("xs", xs);
        Require.finite("ys", ys);
        Require.cells("xs.length", xs.length, "ys.length", ys.length);
        double[][] out = new double[xs.length][ys.length];
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < ys.length; j++) {
                out[i][j] = f.at(t, xs[i], ys[j]);
                if (!Double.isFinite(out[i][j])) {
                    throw new IllegalArgumentException("f(t = " + t + ", xs[" + i + "], ys[" + j + "]) = " + out[i][j] + " is not finite");
                }
            }
        }
        return out;
    }

    /** Central time derivative (p⁺ − p⁻)/(2Δt) at interior nodes 1..m−2 (1-D). */
    public static double[] timeDerivative(double[] pPrev, double[] pNext, double dt) {
        check1D("pPrev", pPrev, "pNext", pNext);
        Require.positive("dt", dt);
        double[] r = timeDerivative(pPrev, pNext, dt, false);
        if (allFinite(r)) return r;
        return unscale(timeDerivative(scaled(pPrev, -RESCALE), scaled(pNext, -RESCALE), dt, true), RESCALE,
                "the time derivative (pNext − pPrev)/(2dt) with dt = " + dt);
    }

    static double[] timeDerivative(double[] pPrev, double[] pNext, double dt, boolean safe) {
        double[] r = new double[pPrev.length - 2];
        for (int i = 1; i < pPrev.length - 1; i++) r[i - 1] = safe ? (pNext[i] - pPrev[i]) / dt / 2 : (pNext[i] - pPrev[i]) / (2 * dt);
        return r;
    }

    /**
     * All arrays non-null, finite, of one length ≥ 3; {@code names} holds the parameter names
     * followed by the arrays (name, array, name, array, …).
     */
    static int check1D(Object... namesAndArrays) {
        int m = -1;
        String first = null;
        for (int k = 0; k < namesAndArrays.length; k += 2) {
            String name = (String) namesAndArrays[k];
            double[] a = (double[]) namesAndArrays[k + 1];
            Require.finite(name, a);
            if (m < 0) {
                m = a.length;
                first = name;
                Require.atLeast(name + ".length (grid points)", m, 3);
            } else if (a.length != m) {
                throw new IllegalArgumentException(name + " has length " + a.length + ", expected " + m + " like " + first);
            }
        }
        return m;
    }

    /**
     * All arrays rectangular, finite, of one shape with at least 3×3 nodes; {@code namesAndArrays}
     * alternates parameter names and arrays.
     */
    static void check2D(Object... namesAndArrays) {
        String first = (String) namesAndArrays[0];
        double[][] a0 = (double[][]) namesAndArrays[1];
        if (a0 == null) throw new IllegalArgumentException(first + " must not be null");
        int nx = a0.length;
        Require.atLeast("rows of " + first + " (grid points in x)", nx, 3);
        if (a0[0] == null) throw new IllegalArgumentException(first + "[0] must not be null");
        int ny = a0[0].length;
        Require.atLeast("columns of " + first + " (grid points in y)", ny, 3);
        for (int k = 0; k < namesAndArrays.length; k += 2) {
            String name = (String) namesAndArrays[k];
            double[][] a = (double[][]) namesAndArrays[k + 1];
            if (a == null || a.length != nx) {
                throw new IllegalArgumentException(name + " has " + (a == null ? "null" : a.length + " rows") + ", expected " + nx + " like " + first);
            }
            Require.batch(name, a, ny);
        }
    }

    /** Scale applied to the densities when a residual overflows: the residuals are linear in p. */
    static final int RESCALE = 600;

    static boolean allFinite(double[] r) {
        for (double v : r) if (!Double.isFinite(v)) return false;
        return true;
    }

    static boolean allFinite(double[][] r) {
        for (double[] row : r) if (!allFinite(row)) return false;
        return true;
    }

    static double[] scaled(double[] a, int e) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = Math.scalb(a[i], e);
        return c;
    }

    static double[][] scaled(double[][] a, int e) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) c[i] = scaled(a[i], e);
        return c;
    }

    /** Multiplies back by 2^e; a non-finite entry means the residual itself exceeds the double range. */
    static double[] unscale(double[] r, int e, String what) {
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.scalb(r[i], e);
            if (!Double.isFinite(r[i])) throw new IllegalArgumentException(what + ": entry " + i + " exceeds the double range");
        }
        return r;
    }

    static double[][] unscale(double[][] r, int e, String what) {
        for (int i = 0; i < r.length; i++) {
            for (int j = 0; j < r[i].length; j++) {
                r[i][j] = Math.scalb(r[i][j], e);
                if (!Double.isFinite(r[i][j])) throw new IllegalArgumentException(what + ": entry [" + i + "][" + j + "] exceeds the double range");
            }
        }
        return r;
    }
}
