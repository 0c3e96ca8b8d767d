package genflow.path;

import genflow.math.Require;

/** Package-private argument checks and small vector operations shared by the path classes. */
final class Vectors {
    private Vectors() {}

    /** t ∈ [0, 1], clamped when a solver's stage time lands a hair outside ({@link Require#time}). */
    static double time(double t) { return Require.time("t", t); }

    /** A time already validated by {@link GaussianPath#checkTimes}: clamped into [0, 1], returned unchanged when inside. */
    static double clamp(double t) {
        return t >= 0 && t <= 1 ? t : t < 0 ? 0 : 1;
    }

    static void notNull(String name, Object o) {
        if (o == null) throw new IllegalArgumentException(name + " must not be null");
    }

    /**
     * Checks x and y are finite vectors of the same length ≥ 1; returns the length. An empty or
     * missing x is reported as x (not as a dimension mismatch of y).
     */
    static int pair(String nx, double[] x, String ny, double[] y) {
        Require.finite(nx, x);
        if (x.length == 0) throw new IllegalArgumentException(nx + " has dimension 0; it must have at least one entry");
        if (y == null) throw new IllegalArgumentException(ny + " must not be null");
        if (y.length != x.length) {
            throw new IllegalArgumentException(ny + " has dimension " + y.length + ", expected " + x.length + " (the dimension of " + nx + ")");
        }
        Require.finite(ny, y);
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

    /** A field's value must be a batch with one row per point ({@code rows} rows); rows are checked by the caller. */
    static void rows(String what, double[][] v, int rows) {
        if (v == null || v.length != rows) {
            throw new IllegalArgumentException(what + " returned " + (v == null ? "null" : v.length + " rows") + ", expected " + rows + " (one per row of x)");
        }
    }

    /** a x + b y. */
    static double[] lin(double a, double[] x, double b, double[] y) {
        double[] out = new double[x.length];
        for (int j = 0; j < x.length; j++) out[j] = a * x[j] + b * y[j];
        return out;
    }

    /** Whether every entry is finite. */
    static boolean allFinite(double[] v) {
        for (double e : v) if (!Double.isFinite(e)) return false;
        return true;
    }

    /**
     * (Σ_i Π terms[i]) / Π den, each term the product of its factors, in scaled arithmetic: every
     * factor is split into a mantissa in [1, 2) and a binary exponent, the terms are added relative
     * to the largest exponent, and the exponent is applied once at the end. No intermediate result
     * overflows or underflows, so the answer is ±∞ only when the exact value lies beyond the double
     * range (and 0 only when it underflows). NaN if a factor is not finite or a denominator factor
     * is 0. A few units in the last place less accurate than the direct expression: the path
     * classes use it only where the direct expression was not finite, so results for ordinary
     * inputs are bit for bit those of the formulas as written.
     */
    static double scaled(double[] den, double[]... terms) {
        double dm = 1;
        long de = 0;
        for (double f : den) {
            if (!Double.isFinite(f) || f == 0) return Double.NaN;
            int k = exponent(f);
            dm *= Math.scalb(f, -k);
            de += k;
        }
        double[] m = new double[terms.length];
        long[] e = new long[terms.length];
        long top = Long.MIN_VALUE;
        for (double[] term : terms) for (double f : term) if (!Double.isFinite(f)) return Double.NaN;
        for (int i = 0; i < terms.length; i++) {
            double mi = 1;
            long ei = 0;
            for (double f : terms[i]) {
                if (f == 0) { mi = 0; break; }
                int k = exponent(f);
                mi *= Math.scalb(f, -k);
                ei += k;
            }
            m[i] = mi;
            e[i] = ei;
            if (mi != 0) top = Math.max(top, ei);
        }
        if (top == Long.MIN_VALUE) return 0;
        double s = 0;
        for (int i = 0; i < terms.length; i++) {
            if (m[i] != 0) s += Math.scalb(m[i], (int) Math.max(e[i] - top, -4000));
        }
        long shift = Math.max(-4000, Math.min(4000, top - de));
        return Math.scalb(s / dm, (int) shift);
    }

    /** The binary exponent of a finite non-zero f (subnormals included): |f| / 2^k ∈ [1, 2). */
    private static int exponent(double f) {
        int k = Math.getExponent(f);
        return k >= Double.MIN_EXPONENT ? k : Math.getExponent(f * 0x1p60) - 60;
    }

    /** One term for {@link #scaled}: the product of the factors. */
    static double[] term(double... factors) {
        return factors;
    }

    /**
     * The exception for a result that is not finite: a formula hit a singular point (a coefficient
     * is not finite at t) or the exact answer lies beyond the double range for these inputs. The
     * message names the time, the entry, the coefficients and the inputs, e.g. {@code "t = 0.5: the
     * velocity is not finite here ([0] = Infinity; betaDot_t/beta_t = -2.0): it exceeds the double
     * range for this t and these x, posteriorMean"}.
     *
     * @param coefficients the schedule's values at t, for the message
     * @param inputs       the caller's parameter names whose size the result depends on, e.g. "x, score"
     */
    static IllegalArgumentException notFinite(String what, String timeName, double t, double[] v, String coefficients, String inputs) {
        int j = 0;
        while (j < v.length - 1 && Double.isFinite(v[j])) j++;
        String entry = v.length == 0 ? "" : "[" + j + "] = " + v[j] + "; ";
        return new IllegalArgumentException(timeName + " = " + t + ": " + what + " is not finite here (" + entry + coefficients
                + "): it exceeds the double range for this " + timeName + " and these " + inputs
                + ", or the formula is singular at this " + timeName);
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
