package genflow.math;

/**
 * Argument checks for public entry points. Every failure is an {@link IllegalArgumentException}
 * whose message names the parameter, the value and the allowed range, e.g.
 * {@code "t = 1.5 is outside [0, 1]"}.
 */
public final class Require {
    private Require() {}

    /**
     * The largest array length the JVM allocates reliably, {@code Integer.MAX_VALUE − 8} (HotSpot
     * refuses longer arrays with "Requested array size exceeds VM limit"; {@code ArrayList} uses the
     * same bound).
     */
    public static final int MAX_ARRAY_LENGTH = Integer.MAX_VALUE - 8;

    /**
     * A count that is also an array length: {@code min ≤ n ≤ }{@link #MAX_ARRAY_LENGTH}. Call it
     * before allocating, so that a huge n fails with a message instead of
     * {@code NegativeArraySizeException} or {@code OutOfMemoryError}.
     */
    public static int size(String name, int n, int min) {
        atLeast(name, n, min);
        if (n > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(name + " = " + n + " exceeds the largest Java array length " + MAX_ARRAY_LENGTH);
        }
        return n;
    }

    /**
     * A count n ≥ min from which an array of n + extra entries is built (e.g. the steps + 1 grid
     * times of a trajectory): n + extra, computed without int overflow, must be an array length.
     */
    public static int size(String name, int n, int min, int extra) {
        atLeast(name, n, min);
        if ((long) n + extra > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(name + " = " + n + ": the " + ((long) n + extra) + " values (" + name + " + " + extra
                    + ") exceed the largest Java array length " + MAX_ARRAY_LENGTH);
        }
        return n;
    }

    /**
     * A batch of {@code rows} × {@code cols} doubles ({@code double[rows][cols]} or a flat
     * {@code double[rows·cols]}, as handed to ND4J) must be allocatable: rows, cols ≥ 0, the product,
     * computed without int overflow, at most {@link #MAX_ARRAY_LENGTH}, and its memory
     * (8 bytes per entry plus 20 bytes per row) at most the JVM's maximum heap. Checked before
     * allocation; the message names both counts.
     */
    public static void cells(String rowsName, int rows, String colsName, int cols) {
        atLeast(rowsName, rows, 0);
        atLeast(colsName, cols, 0);
        long cells = (long) rows * cols;
        if (cells > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(rowsName + " = " + rows + " times " + colsName + " = " + cols + " is " + cells
                    + " numbers, more than the largest Java array length " + MAX_ARRAY_LENGTH + " (" + rowsName + "·" + colsName
                    + " must fit in an int)");
        }
        long bytes = 8 * cells + 20L * rows;
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && bytes > heap) {
            throw new IllegalArgumentException(rowsName + " = " + rows + " times " + colsName + " = " + cols + " numbers need "
                    + gib(bytes) + " GiB, more than the Java heap's maximum of " + gib(heap) + " GiB");
        }
    }

    /**
     * {@code count} doubles (a count computed in {@code long} by the caller, so that it cannot have
     * overflowed) must fit in one Java array and in the JVM's maximum heap. {@code what} names the
     * parameters the count comes from, e.g. {@code "hidden = [2147483647] (dim = 2)"}; it starts the
     * message. Call it before allocating.
     */
    public static long doubles(String what, long count) {
        if (count < 0) throw new IllegalArgumentException(what + " gives a negative count " + count);
        if (count > MAX_ARRAY_LENGTH) {
            throw new IllegalArgumentException(what + " needs " + count + " numbers, more than the largest Java array length " + MAX_ARRAY_LENGTH);
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (heap != Long.MAX_VALUE && 8 * count > heap) {
            throw new IllegalArgumentException(what + " needs " + count + " numbers (" + gib(8 * count) + " GiB), more than the Java heap's maximum of "
                    + gib(heap) + " GiB");
        }
        return count;
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }

    /** {@code value} must be finite and in the closed interval [lo, hi]. */
    public static double inRange(String name, double value, double lo, double hi) {
        if (!(value >= lo && value <= hi)) {
            throw new IllegalArgumentException(name + " = " + value + " is outside [" + fmt(lo) + ", " + fmt(hi) + "]");
        }
        return value;
    }

    /**
     * How far outside [0, 1] {@link #time} still accepts a time: fixed-step solvers evaluate their
     * stages at t0 + k·h + c·h, which lands a few units in the last place outside the interval
     * (e.g. −9e-17 or 1 + 2e-16 for RK4 from 1 to 0 in 40 steps); 1e-12 covers that rounding for
     * any step count and is far below any time resolution a flow is simulated with.
     */
    public static final double TIME_TOLERANCE = 1e-12;

    /**
     * A time t ∈ [0, 1] of a flow, a path or a model (t = 0 noise, t = 1 data): returns t unchanged
     * when it lies in [0, 1], returns the nearest end point when t is within
     * {@link #TIME_TOLERANCE} of the interval (the rounding of solver stage times, see there), and
     * rejects anything else (NaN and ±∞ included) with {@code "name = t is outside [0, 1]"}. Callers
     * compute with the returned value, so a time a hair outside the interval never reaches a
     * schedule or a network.
     */
    public static double time(String name, double t) {
        if (t >= 0 && t <= 1) return t;
        if (t >= -TIME_TOLERANCE && t < 0) return 0;
        if (t > 1 && t <= 1 + TIME_TOLERANCE) return 1;
        throw new IllegalArgumentException(name + " = " + t + " is outside [0, 1]");
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
