package genflow.math;

import java.util.PriorityQueue;
import java.util.function.DoubleUnaryOperator;

/**
 * Numerical integration: globally adaptive Gauss–Kronrod (7-point Gauss embedded in the
 * 15-point Kronrod rule, the QUADPACK QAG pair) for functions, and composite trapezoid / Simpson
 * rules for values on a uniform grid.
 */
public final class Quadrature {
    private Quadrature() {}

    /**
     * Result of an adaptive integration: value, estimated absolute error, function evaluations.
     *
     * @param value         the estimate of the integral, finite
     * @param errorEstimate the estimated absolute error, finite and ≥ 0
     * @param evaluations   number of integrand evaluations, ≥ 0
     */
    public record Result(double value, double errorEstimate, int evaluations) {
        public Result {
            Require.finite("value", value);
            Require.nonNegative("errorEstimate", errorEstimate);
            Require.atLeast("evaluations", evaluations, 0);
        }
    }

    /** Largest number of subintervals before the adaptive rule gives up. */
    public static final int MAX_INTERVALS = 20_000;

    // Kronrod nodes (xgk), Kronrod weights (wgk) and Gauss weights (wg, at xgk[1], xgk[3], xgk[5], xgk[7]).
    private static final double[] XGK = {
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0.0};
    private static final double[] WGK = {
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714};
    private static final double[] WG = {
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327};

    /**
     * ∫_a^b f(x) dx by globally adaptive G7–K15: repeatedly bisect the subinterval with the largest
     * error estimate |K15 − G7| until the summed estimate is ≤ max(absTol, relTol·|I|).
     *
     * <p>The promise is kept or the call fails: the running sums are re-added from scratch before the
     * loop stops (so cancellation in the incremental updates — e.g. after a panel that sampled a huge
     * but finite value — cannot end it early), subintervals too short to bisect keep their error in
     * the estimate, and a returned {@link Result} always has {@code errorEstimate ≤ max(absTol, relTol·|value|)}.
     *
     * @throws IllegalArgumentException for non-finite limits, a &gt; b, or negative tolerances
     * @throws ArithmeticException if f returns a non-finite value, if the integral exceeds the double
     *         range, or if the error estimate cannot be brought below the tolerance (within
     *         {@link #MAX_INTERVALS} subintervals, or because the remaining error sits in subintervals
     *         at machine resolution); the message gives the estimate, the error estimate and the tolerance
     */
    public static Result gaussKronrod(DoubleUnaryOperator f, double a, double b, double absTol, double relTol) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("a", a);
        Require.finite("b", b);
        if (a > b) throw new IllegalArgumentException("a = " + a + " must be <= b = " + b);
        Require.nonNegative("absTol", absTol);
        Require.nonNegative("relTol", relTol);
        if (absTol == 0 && relTol == 0) throw new IllegalArgumentException("absTol and relTol must not both be 0");
        if (a == b) return new Result(0, 0, 0);
        PriorityQueue<double[]> heap = new PriorityQueue<>((p, q) -> Double.compare(q[3], p[3]));
        double[] first = rule(f, a, b);
        heap.add(first);
        double frozenValue = 0, frozenError = 0; // panels at machine resolution: kept, never bisected again
        int frozen = 0;
        double total = first[2], err = first[3];
        int evals = 15;
        while (true) {
            if (err <= Math.max(absTol, relTol * Math.abs(total))) {
                // re-add from scratch: the incremental sums may have lost everything to cancellation
                double sum = frozenValue, e = frozenError;
                for (double[] p : heap) { sum += p[2]; e += p[3]; }
                total = sum;
                err = e;
                if (err <= Math.max(absTol, relTol * Math.abs(total)) || heap.isEmpty()) break;
            }
            if (heap.isEmpty()) break;
            if (heap.size() + frozen >= MAX_INTERVALS) {
                throw notReached(a, b, total, err, absTol, relTol, "within " + MAX_INTERVALS + " subintervals");
            }
            double[] worst = heap.poll();
            double mid = 0.5 * (worst[0] + worst[1]);
            if (!(mid > worst[0] && mid < worst[1])) { // interval at machine resolution: keep its value and error
                frozenValue += worst[2];
                frozenError += worst[3];
                frozen++;
                continue;
            }
            double[] left = rule(f, worst[0], mid), right = rule(f, mid, worst[1]);
            evals += 30;
            heap.add(left);
            heap.add(right);
            total += left[2] + right[2] - worst[2];
            err += left[3] + right[3] - worst[3];
            if (err < 0) err = 0;
        }
        if (!Double.isFinite(total) || !Double.isFinite(err)) {
            throw new ArithmeticException("adaptive Gauss-Kronrod on [" + a + ", " + b + "]: the integral " + total
                    + " (error estimate " + err + ") exceeds the double range");
        }
        if (err > Math.max(absTol, relTol * Math.abs(total))) {
            throw notReached(a, b, total, err, absTol, relTol, "(the remaining error sits in " + frozen
                    + " subintervals at machine resolution: the integrand is discontinuous or singular there)");
        }
        return new Result(total, err, evals);
    }

    private static ArithmeticException notReached(double a, double b, double total, double err, double absTol, double relTol, String why) {
        return new ArithmeticException("adaptive Gauss-Kronrod did not reach the tolerance on [" + a + ", " + b + "] " + why
                + ": estimate " + total + ", error estimate " + err + " > tolerance max(absTol = " + absTol + ", relTol = " + relTol
                + " * |estimate|) = " + Math.max(absTol, relTol * Math.abs(total)));
    }

    /**
     * ∫_a^b f(x) dx to max(absTol, relTol·|I|); see {@link #gaussKronrod}.
     *
     * @throws ArithmeticException when the error estimate exceeds the tolerance (the message gives
     *         both), when f returns a non-finite value, or when the integral exceeds the double range
     */
    public static double integrate(DoubleUnaryOperator f, double a, double b, double absTol, double relTol) {
        return gaussKronrod(f, a, b, absTol, relTol).value();
    }

    /** One G7–K15 panel: {a, b, K15 value, |K15 − G7|}. */
    private static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b), h = 0.5 * (b - a);
        if (!Double.isFinite(h)) { // b − a overflows: halve before subtracting
            c = 0.5 * a + 0.5 * b;
            h = 0.5 * b - 0.5 * a;
        }
        double fc = eval(f, c);
        double resK = fc * WGK[7], resG = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = h * XGK[j];
            double f1 = eval(f, c - dx), f2 = eval(f, c + dx);
            resK += WGK[j] * (f1 + f2);
            if (j % 2 == 1) resG += WG[j / 2] * (f1 + f2);
        }
        double value = resK * h, error = Math.abs((resK - resG) * h);
        if (!Double.isFinite(value) || !Double.isFinite(error)) {
            throw new ArithmeticException("adaptive Gauss-Kronrod: the integral over [" + a + ", " + b + "] (" + value
                    + ", error estimate " + error + ") exceeds the double range");
        }
        return new double[] {a, b, value, error};
    }

    private static double eval(DoubleUnaryOperator f, double x) {
        double y = f.applyAsDouble(x);
        if (!Double.isFinite(y)) throw new ArithmeticException("integrand is " + y + " at x = " + x);
        return y;
    }

    /** Composite trapezoid rule Σ h (y_i + y_{i+1})/2 for values on a uniform grid with spacing h. */
    public static double trapezoid(double[] y, double h) {
        Require.finite("y", y);
        Require.atLeast("y.length", y.length, 2);
        Require.positive("h", h);
        double s = 0.5 * (y[0] + y[y.length - 1]);
        for (int i = 1; i < y.length - 1; i++) s += y[i];
        double r = s * h;
        return Double.isFinite(r) ? r : rescaled(y, h, false);
    }

    /**
     * Composite Simpson rule (h/3)(y_0 + 4y_1 + 2y_2 + … + 4y_{n-1} + y_n) for an odd number of
     * values on a uniform grid with spacing h. Error O(h^4).
     */
    public static double simpson(double[] y, double h) {
        Require.finite("y", y);
        Require.atLeast("y.length", y.length, 3);
        if (y.length % 2 == 0) throw new IllegalArgumentException("y.length = " + y.length + " must be odd for Simpson's rule");
        Require.positive("h", h);
        double s = y[0] + y[y.length - 1];
        for (int i = 1; i < y.length - 1; i++) s += (i % 2 == 1 ? 4 : 2) * y[i];
        double r = s * h / 3;
        return Double.isFinite(r) ? r : rescaled(y, h, true);
    }

    /**
     * The trapezoid or Simpson sum again with every value scaled by 2^−e (e the exponent of max|y|),
     * so that no partial sum overflows; the scale comes back at the end. Throws when the integral
     * itself exceeds the double range.
     */
    private static double rescaled(double[] y, double h, boolean simpson) {
        double max = 0;
        for (double v : y) max = Math.max(max, Math.abs(v));
        int e = Math.getExponent(max);
        int n = y.length;
        double s;
        if (simpson) {
            s = Math.scalb(y[0], -e) + Math.scalb(y[n - 1], -e);
            for (int i = 1; i < n - 1; i++) s += (i % 2 == 1 ? 4 : 2) * Math.scalb(y[i], -e);
            s = s * h / 3;
        } else {
            s = 0.5 * (Math.scalb(y[0], -e) + Math.scalb(y[n - 1], -e));
            for (int i = 1; i < n - 1; i++) s += Math.scalb(y[i], -e);
            s = s * h;
        }
        double r = Math.scalb(s, e);
        if (!Double.isFinite(r)) {
            throw new IllegalArgumentException("y (the values of f; largest |y| = " + max + ") and h = " + h + ": the integral "
                    + (simpson ? "(Simpson)" : "(trapezoid)") + " exceeds the double range");
        }
        return r;
    }

    /** Composite trapezoid rule for f on [a, b] with n panels. */
    public static double trapezoid(DoubleUnaryOperator f, double a, double b, int n) {
        return trapezoid(grid(f, a, b, n), (b - a) / n);
    }

    /** Composite Simpson rule for f on [a, b] with n panels (n even). */
    public static double simpson(DoubleUnaryOperator f, double a, double b, int n) {
        if (n % 2 != 0) throw new IllegalArgumentException("n = " + n + " must be even for Simpson's rule");
        return simpson(grid(f, a, b, n), (b - a) / n);
    }

    private static double[] grid(DoubleUnaryOperator f, double a, double b, int n) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("a", a);
        Require.finite("b", b);
        if (!(b > a)) throw new IllegalArgumentException("b = " + b + " must be > a = " + a);
        if (!Double.isFinite(b - a)) throw new IllegalArgumentException("b - a = " + (b - a) + " must be finite (a = " + a + ", b = " + b + ")");
        Require.size("n", n, 1, 1);
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) y[i] = eval(f, i == n ? b : a + (b - a) * i / n);
        return y;
    }
}
