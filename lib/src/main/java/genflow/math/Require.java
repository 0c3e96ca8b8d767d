package genflow.math;

/**
 * Argument checks for public entry points. Every failure is an {@link IllegalArgumentException}
 * whose message names the parameter, the value and the allowed range, e.g.
 * {@code "t = 1.5 is outside [0, 1]"}.
 */
public final class Require {
    private Require() {}

    /** {@code value} must be finite and in the closed interval [lo, hi]. */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return value;
    }

    /** {@code value} must be finite and strictly positive. */
    public static double positive(String name, double value) {
        if (!(value > 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and > 0");
        }
        return value;
    }

    /** {@code value} must be finite and {@code >= 0}. */
    public static double nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be finite and >= 0");
        }
        return value;
    }

    /** {@code value} must be a finite number (not NaN, not infinite). */
    public static double finite(String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " = " + value + " must be a finite number");
        }
        return value;
    }

    /** Integer {@code value} must be at least {@code min}. */
    public static int atLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " = " + value + " must be >= " + min);
        }
        return value;
    }

    /** Every entry of {@code x} must be finite. */
    public static double[] finite(String name, double[] x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] = " + x[i] + " must be a finite number");
            }
        }
        return x;
    }

    /**
     * {@code x} must be a non-empty (at least one row) rectangular batch of dimension ≥ 1 with finite
     * entries; returns its dimension d = x[0].length.
     */
    public static int nonEmptyBatch(String name, double[][] x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must have at least one row");
        if (x[0] == null) throw new IllegalArgumentException(name + "[0] must not be null");
        int d = atLeast("dimension of " + name, x[0].length, 1);
        batch(name, x, d);
        return d;
    }

    /** {@code x} must have at least one row, {@code d} columns and finite entries (see {@link #batch}). */
    public static double[][] nonEmptyBatch(String name, double[][] x, int d) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length == 0) throw new IllegalArgumentException(name + " must have at least one row");
        return batch(name, x, d);
    }

    /** {@code x} must be a non-empty rectangular batch with {@code d} columns and finite entries. */
    public static double[][] batch(String name, double[][] x, int d) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != d) {
                throw new IllegalArgumentException(name + "[" + i + "] has dimension "
                        + (x[i] == null ? "null" : x[i].length) + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException(name + "[" + i + "][" + j + "] = " + x[i][j] + " must be a finite number");
                }
            }
        }
        return x;
    }

    /** Vector {@code x} must have length {@code d}. */
    public static double[] dim(String name, double[] x, int d) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.length != d) {
            throw new IllegalArgumentException(name + " has dimension " + x.length + ", expected " + d);
        }
        return x;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
