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

    /** Whether a squared distance from {@link #sq} is free of overflow and underflow (else use {@link #distance}). */
    static boolean plain(double sq) {
        return sq > 1e-290 && sq < 1e290;
    }

    /**
     * Euclidean distance ‖a − b‖ without overflow or underflow: sqrt of {@link #sq} when that is in
     * range, else by scaling the differences (formed from halves) by their largest entry. Finite
     * whenever the distance is (it is at most about 1.8e308).
     */
    static double distance(double[] a, double[] b) {
        double s = sq(a, b);
        if (plain(s)) return Math.sqrt(s);
        double max = 0;
        for (int k = 0; k < a.length; k++) max = Math.max(max, Math.abs(0.5 * a[k] - 0.5 * b[k]));
        if (max == 0) return 0;
        double t = 0;
        for (int k = 0; k < a.length; k++) {
            double z = (0.5 * a[k] - 0.5 * b[k]) / max;
            t += z * z;
        }
        return 2 * max * Math.sqrt(t);
    }

    /**
     * The exponent k such that values scaled by 2^−k have their largest magnitude in [1, 2), or 0 if
     * the largest magnitude already lies in [2^−300, 2^300] (so squares and sums of squares stay in
     * range).
     */
    static int scaleExponent(double max) {
        if (max == 0 || (max >= 0x1p-300 && max <= 0x1p300)) return 0;
        return Math.getExponent(max);
    }

    static double maxAbs(double[] x) {
        double m = 0;
        for (double v : x) m = Math.max(m, Math.abs(v));
        return m;
    }

    static double maxAbs(double[][] x) {
        double m = 0;
        for (double[] r : x) m = Math.max(m, maxAbs(r));
        return m;
    }

    static double[] scaled(double[] x, int k) {
        if (k == 0) return x;
        double[] c = new double[x.length];
        for (int i = 0; i < x.length; i++) c[i] = Math.scalb(x[i], -k);
        return c;
    }

    static double[][] scaled(double[][] x, int k) {
        if (k == 0) return x;
        double[][] c = new double[x.length][];
        for (int i = 0; i < x.length; i++) c[i] = scaled(x[i], k);
        return c;
    }
}
