package genflow.path;

import genflow.math.Require;

/** Package-private argument checks and small vector operations shared by the path classes. */
final class Vectors {
    private Vectors() {}

    static double time(double t) { return Require.inRange("t", t, 0, 1); }

    static void notNull(String name, Object o) {
        if (o == null) throw new IllegalArgumentException(name + " must not be null");
    }

    /** Checks x and y are finite vectors of the same length; returns the length. */
    static int pair(String nx, double[] x, String ny, double[] y) {
        Require.finite(nx, x);
        Require.finite(ny, Require.dim(ny, y, x.length));
        return x.length;
    }

    /** Checks two batches of the same shape; returns the dimension. */
    static int batchPair(String nx, double[][] x, String ny, double[][] y) {
        int d = Require.nonEmptyBatch(nx, x);
        if (y == null) throw new IllegalArgumentException(ny + " must not be null");
        if (y.length != x.length) throw new IllegalArgumentException(ny + " has " + y.length + " rows, expected " + x.length + " (as " + nx + ")");
        Require.batch(ny, y, d);
        return d;
    }

    /** a x + b y. */
    static double[] lin(double a, double[] x, double b, double[] y) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) out[j] = a * x[j] + b * y[j];
        return out;
    }

    /** Throws if any entry is not finite: a formula hit a singular point (e.g. β_t = 0). */
    static double[] requireFiniteResult(String what, double t, double[] v) {
        return requireFiniteResult(what, t, v, "");
    }

    /** As above with extra detail for the message (only concatenated on failure). */
    static double[] requireFiniteResult(String what, double t, double[] v, String detailName, double detail) {
        for (double e : v) {
            if (!Double.isFinite(e)) return requireFiniteResult(what, t, v, " (" + detailName + " = " + detail + ")");
        }
        return v;
    }

    private static double[] requireFiniteResult(String what, double t, double[] v, String detail) {
        for (int j = 0; j < v.length; j++) {
            if (!Double.isFinite(v[j])) {
                throw new IllegalArgumentException("t = " + t + ": " + what + " is not finite here ([" + j + "] = " + v[j] + ")" + detail);
            }
        }
        return v;
    }

    static double positiveCoefficient(String name, double value, double t, String hint) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException("t = " + t + " gives " + name + " = " + value + "; " + hint);
        }
        return value;
    }
}
