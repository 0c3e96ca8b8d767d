package genflow.metrics;

import genflow.math.Require;

/** Argument checks shared by the metrics (package-private). */
final class Checks {
    private Checks() {}

    /** Non-empty, rectangular, finite batch; returns its dimension d ≥ 1. */
    static int batch(String name, double[][] x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must have at least one row");
        if (x[0] == null) throw new IllegalArgumentException(name + "[0] must not be null");
        int d = Require.atLeast("dimension of " + name, x[0].length, 1);
        Require.batch(name, x, d);
        return d;
    }

    /** Non-empty, rectangular, finite batch of dimension d. */
    static void batch(String name, double[][] x, int d) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must have at least one row");
        Require.batch(name, x, d);
    }

    /** Non-empty finite sample. */
    static double[] sample(String name, double[] x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must have at least one value");
        return Require.finite(name, x);
    }

    static double sq(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double z = a[k] - b[k];
            s += z * z;
        }
        return s;
    }
}
