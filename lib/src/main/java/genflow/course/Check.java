package genflow.course;

import java.util.Locale;

/**
 * Automatic checks for exercise notebooks. A passing check prints one line starting with "✓";
 * a failing one throws {@link CheckFailure} whose message explains what was expected, what was
 * found and, when given, a hint. The student's value ({@code actual}, {@code condition}) may be
 * anything — a NaN or a wrong shape is a failed check; the teacher's arguments (the name, the
 * expected value, the tolerance, the bounds) must be valid, else {@link IllegalArgumentException}.
 */
public final class Check {
    private Check() {}

    /** |actual − expected| ≤ tol (absolute). */
    public static void close(String what, double actual, double expected, double tol) {
        close(what, actual, expected, tol, null);
    }

    /** |actual − expected| ≤ tol (absolute), with a hint shown on failure. */
    public static void close(String what, double actual, double expected, double tol, String hint) {
        checkArguments(what, expected, tol);
        if (!(Math.abs(actual - expected) <= tol)) {
            throw new CheckFailure(String.format(Locale.ROOT, "%s = %.6g, expected %.6g (tolerance %.2g)%s",
                    what, actual, expected, tol, hintText(hint)));
        }
        pass(String.format(Locale.ROOT, "%s = %.6g (expected %.6g ± %.2g)", what, actual, expected, tol));
    }

    /** Every entry within tol of the expected one; the message names the first mismatch. */
    public static void close(String what, double[] actual, double[] expected, double tol, String hint) {
        checkArguments(what, 0, tol);
        genflow.math.Require.finite("expected", expected);
        if (actual == null) throw new CheckFailure(what + " is null" + hintText(hint));
        if (actual.length != expected.length) {
            throw new CheckFailure(what + " has length " + actual.length + ", expected " + expected.length + hintText(hint));
        }
        for (int i = 0; i < actual.length; i++) {
            if (!(Math.abs(actual[i] - expected[i]) <= tol)) {
                throw new CheckFailure(String.format(Locale.ROOT, "%s[%d] = %.6g, expected %.6g (tolerance %.2g)%s",
                        what, i, actual[i], expected[i], tol, hintText(hint)));
            }
        }
        pass(what + ": all " + actual.length + " entries match (tolerance " + tol + ")");
    }

    /** Row-wise version for batches [n][d]. */
    public static void close(String what, double[][] actual, double[][] expected, double tol, String hint) {
        checkArguments(what, 0, tol);
        if (expected == null) throw new IllegalArgumentException("expected must not be null");
        for (int i = 0; i < expected.length; i++) genflow.math.Require.finite("expected[" + i + "]", expected[i]);
        if (actual == null) throw new CheckFailure(what + " is null" + hintText(hint));
        if (actual.length != expected.length) {
            throw new CheckFailure(what + " has " + actual.length + " rows, expected " + expected.length + hintText(hint));
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i] == null || actual[i].length != expected[i].length) {
                throw new CheckFailure(what + "[" + i + "] has the wrong dimension" + hintText(hint));
            }
            for (int j = 0; j < actual[i].length; j++) {
                if (!(Math.abs(actual[i][j] - expected[i][j]) <= tol)) {
                    throw new CheckFailure(String.format(Locale.ROOT, "%s[%d][%d] = %.6g, expected %.6g (tolerance %.2g)%s",
                            what, i, j, actual[i][j], expected[i][j], tol, hintText(hint)));
                }
            }
        }
        pass(what + ": all " + actual.length + " rows match (tolerance " + tol + ")");
    }

    /** A condition that must hold; {@code description} says what it means in words. */
    public static void that(String description, boolean condition, String hint) {
        if (description == null || description.isBlank()) throw new IllegalArgumentException("description must not be blank");
        if (!condition) throw new CheckFailure(description + " does not hold" + hintText(hint));
        pass(description);
    }

    /** lo ≤ actual ≤ hi. */
    public static void between(String what, double actual, double lo, double hi, String hint) {
        if (what == null || what.isBlank()) throw new IllegalArgumentException("what must not be blank");
        if (Double.isNaN(lo) || Double.isNaN(hi) || !(lo <= hi)) throw new IllegalArgumentException("lo = " + lo + ", hi = " + hi + " must be numbers with lo <= hi");
        if (!(actual >= lo && actual <= hi)) {
            throw new CheckFailure(String.format(Locale.ROOT, "%s = %.6g, expected a value in [%.6g, %.6g]%s",
                    what, actual, lo, hi, hintText(hint)));
        }
        pass(String.format(Locale.ROOT, "%s = %.6g is in [%.6g, %.6g]", what, actual, lo, hi));
    }

    /** The teacher's side of a check: a name, a finite expected value and a finite tolerance ≥ 0. */
    private static void checkArguments(String what, double expected, double tol) {
        if (what == null || what.isBlank()) throw new IllegalArgumentException("what must not be blank");
        genflow.math.Require.finite("expected", expected);
        genflow.math.Require.nonNegative("tol", tol);
    }

    private static void pass(String line) {
        System.out.println("✓ " + line);
    }

    private static String hintText(String hint) {
        return hint == null || hint.isBlank() ? "" : ". Hint: " + hint;
    }
}
