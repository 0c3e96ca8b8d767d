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

    /** Result of an adaptive integration: value, estimated absolute error, function evaluations. */
    public record Result(double value, double errorEstimate, int evaluations) {}

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
     * @throws IllegalArgumentException for non-finite limits, a &gt; b, or negative tolerances
     * @throws ArithmeticException if f returns a non-finite value or the tolerance is not reached
     *         within {@link #MAX_INTERVALS} subintervals
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
        double total = first[2], err = first[3];
        int evals = 15;
        while (err > Math.max(absTol, relTol * Math.abs(total))) {
            if (heap.size() >= MAX_INTERVALS) {
                throw new ArithmeticException("adaptive Gauss-Kronrod did not reach tolerance on [" + a + ", " + b
                        + "]: estimate " + total + " +- " + err);
            }
            double[] worst = heap.poll();
            double mid = 0.5 * (worst[0] + worst[1]);
            if (!(mid > worst[0] && mid < worst[1])) { // interval at machine resolution: accept it as is
                heap.add(new double[] {worst[0], worst[1], worst[2], 0});
                err -= worst[3];
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
        // recompute the sums from scratch to avoid drift from incremental updates
        double sum = 0, e = 0;
        for (double[] p : heap) { sum += p[2]; e += p[3]; }
        return new Result(sum, e, evals);
    }

    /** ∫_a^b f(x) dx to max(absTol, relTol·|I|); see {@link #gaussKronrod}. */
    public static double integrate(DoubleUnaryOperator f, double a, double b, double absTol, double relTol) {
        return gaussKronrod(f, a, b, absTol, relTol).value();
    }

    /** One G7–K15 panel: {a, b, K15 value, |K15 − G7|}. */
    private static double[] rule(DoubleUnaryOperator f, double a, double b) {
        double c = 0.5 * (a + b), h = 0.5 * (b - a);
        double fc = eval(f, c);
        double resK = fc * WGK[7], resG = fc * WG[3];
        for (int j = 0; j < 7; j++) {
            double dx = h * XGK[j];
            double f1 = eval(f, c - dx), f2 = eval(f, c + dx);
            resK += WGK[j] * (f1 + f2);
            if (j % 2 == 1) resG += WG[j / 2] * (f1 + f2);
        }
        return new double[] {a, b, resK * h, Math.abs((resK - resG) * h)};
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
        return s * h;
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
        return s * h / 3;
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
        Require.atLeast("n", n, 1);
        double[] y = new double[n + 1];
        for (int i = 0; i <= n; i++) y[i] = eval(f, i == n ? b : a + (b - a) * i / n);
        return y;
    }
}
