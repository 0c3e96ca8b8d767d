package genflow.math;

import java.util.function.DoubleUnaryOperator;

/**
 * Bracketing root finders for continuous f with f(lo)·f(hi) ≤ 0: bisection (linear, always
 * converges) and Brent's method (inverse quadratic interpolation / secant safeguarded by bisection;
 * Brent 1973, "Algorithms for minimization without derivatives", ch. 4).
 */
public final class RootFinding {
    private RootFinding() {}

    private static final int MAX_ITER = 1000;

    /** Root of f in [lo, hi] by bisection, to an interval of width ≤ 2·tol. */
    public static double bisection(DoubleUnaryOperator f, double lo, double hi, double tol) {
        check(f, lo, hi, tol);
        double flo = eval(f, lo), fhi = eval(f, hi);
        if (flo == 0) return lo;
        if (fhi == 0) return hi;
        requireBracket(lo, hi, flo, fhi);
        for (int i = 0; i < MAX_ITER && hi - lo > 2 * tol; i++) {
            double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            double fm = eval(f, mid);
            if (fm == 0) return mid;
            if ((fm < 0) == (flo < 0)) { lo = mid; flo = fm; } else { hi = mid; }
        }
        return 0.5 * (lo + hi);
    }

    /** Root of f in [lo, hi] by Brent's method, to absolute accuracy ≈ tol (plus 4ε|x|). */
    public static double brent(DoubleUnaryOperator f, double lo, double hi, double tol) {
        check(f, lo, hi, tol);
        double a = lo, b = hi, fa = eval(f, a), fb = eval(f, b);
        if (fa == 0) return a;
        if (fb == 0) return b;
        requireBracket(lo, hi, fa, fb);
        double c = a, fc = fa, d = b - a, e = d;
        for (int iter = 0; iter < MAX_ITER; iter++) {
            if ((fb > 0) == (fc > 0)) { c = a; fc = fa; d = b - a; e = d; }
            if (Math.abs(fc) < Math.abs(fb)) { a = b; b = c; c = a; fa = fb; fb = fc; fc = fa; }
            double tol1 = 2 * Math.ulp(1.0) * Math.abs(b) + 0.5 * tol;
            double m = 0.5 * (c - b);
            if (Math.abs(m) <= tol1 || fb == 0) return b;
            if (Math.abs(e) >= tol1 && Math.abs(fa) > Math.abs(fb)) {
                double s = fb / fa, p, q;
                if (a == c) { // secant
                    p = 2 * m * s;
                    q = 1 - s;
                } else { // inverse quadratic interpolation
                    double qq = fa / fc, r = fb / fc;
                    p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
                    q = (qq - 1) * (r - 1) * (s - 1);
                }
                if (p > 0) q = -q; else p = -p;
                if (2 * p < Math.min(3 * m * q - Math.abs(tol1 * q), Math.abs(e * q))) {
                    e = d;
                    d = p / q;
                } else { d = m; e = m; }
            } else { d = m; e = m; }
            a = b;
            fa = fb;
            b += Math.abs(d) > tol1 ? d : (m > 0 ? tol1 : -tol1);
            fb = eval(f, b);
        }
        throw new ArithmeticException("Brent's method did not converge in " + MAX_ITER + " iterations");
    }

    private static void check(DoubleUnaryOperator f, double lo, double hi, double tol) {
        if (f == null) throw new IllegalArgumentException("f must not be null");
        Require.finite("lo", lo);
        Require.finite("hi", hi);
        if (!(lo < hi)) throw new IllegalArgumentException("lo = " + lo + " must be < hi = " + hi);
        Require.positive("tol", tol);
    }

    private static void requireBracket(double lo, double hi, double flo, double fhi) {
        if ((flo > 0) == (fhi > 0)) {
            throw new IllegalArgumentException("f(lo) = " + flo + " and f(hi) = " + fhi
                    + " have the same sign: [" + lo + ", " + hi + "] does not bracket a root");
        }
    }

    private static double eval(DoubleUnaryOperator f, double x) {
        double y = f.applyAsDouble(x);
        if (Double.isNaN(y)) throw new ArithmeticException("f(" + x + ") is NaN");
        return y;
    }
}
