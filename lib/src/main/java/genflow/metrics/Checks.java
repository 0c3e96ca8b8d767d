package genflow.metrics;

import genflow.math.Require;

/** Argument checks shared by the metrics (package-private). */
final class Checks {
    private Checks() {}

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
