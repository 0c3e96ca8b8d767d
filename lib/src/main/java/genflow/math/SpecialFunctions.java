package genflow.math;

/**
 * Special functions in double precision: the error function and its complement, the standard
 * normal density, distribution function and quantile, log Γ and the Student-t log density.
 *
 * <p>Accuracy (measured in {@code SpecialFunctionsTest} against high-precision BigDecimal series):
 * erf/erfc relative error below about 1e-15 (a few ulps) on the whole real line down to the
 * underflow of erfc (x ≈ 26.5); normalQuantile relative error below 1e-14 for p in [1e-300, 1 − 1e-16].
 * Pure functions of their arguments; no time variable.
 */
public final class SpecialFunctions {
    private SpecialFunctions() {}

    /** 1/√π. */
    private static final double ONE_OVER_SQRT_PI = 0.56418958354775628695;
    /** 1/√(2π). */
    private static final double ONE_OVER_SQRT_2PI = 0.39894228040143267794;
    /** ½ log(2π). */
    private static final double HALF_LOG_2PI = 0.91893853320467274178;
    private static final double SQRT2 = 1.41421356237309504880;

    // W. J. Cody, "Rational Chebyshev approximations for the error function",
    // Math. Comp. 23 (1969) 631–637; coefficient sets of his SPECFUN routine CALERF.
    private static final double[] A = {3.16112374387056560e00, 1.13864154151050156e02,
            3.77485237685302021e02, 3.20937758913846947e03, 1.85777706184603153e-1};
    private static final double[] B = {2.36012909523441209e01, 2.44024637934444173e02,
            1.28261652607737228e03, 2.84423683343917062e03};
    private static final double[] C = {5.64188496988670089e-1, 8.88314979438837594e00,
            6.61191906371416295e01, 2.98635138197400131e02, 8.81952221241769090e02,
            1.71204761263407058e03, 2.05107837782607147e03, 1.23033935479799725e03,
            2.15311535474403846e-8};
    private static final double[] D = {1.57449261107098347e01, 1.17693950891312499e02,
            5.37181101862009858e02, 1.62138957456669019e03, 3.29079923573345963e03,
            4.36261909014324716e03, 3.43936767414372164e03, 1.23033935480374942e03};
    private static final double[] P = {3.05326634961232344e-1, 3.60344899949804439e-1,
            1.25781726111229246e-1, 1.60837851487422766e-2, 6.58749161529837803e-4,
            1.63153871373020978e-2};
    private static final double[] Q = {2.56852019228982242e00, 1.87295284992346047e00,
            5.27905102951428412e-1, 6.05183413124413191e-2, 2.33520497626869185e-3};

    /** Below this, erf(x) = 2x/√π to double precision. */
    private static final double X_TINY = 1.11e-16;
    /** Above this, erfc(x) underflows to 0. */
    private static final double X_BIG = 26.543;

    /**
     * The error function erf(x) = (2/√π) ∫₀ˣ e^{−t²} dt (DLMF 7.2.1), by Cody's rational
     * Chebyshev approximations: erf on |x| ≤ 0.46875, 1 − erfc beyond.
     *
     * @param x any finite number (±∞ give ±1)
     */
    public static double erf(double x) {
        notNaN("x", x);
        double y = Math.abs(x);
        if (y <= 0.46875) return x * smallRatio(y);
        double r = 1.0 - erfcPositive(y);
        return x < 0 ? -r : r;
    }

    /**
     * The complementary error function erfc(x) = 1 − erf(x) = (2/√π) ∫ₓ^∞ e^{−t²} dt (DLMF 7.2.2),
     * computed without cancellation for large x (Cody 1969). erfc(x) underflows to 0 for x &gt; 26.54.
     *
     * @param x any number except NaN
     */
    public static double erfc(double x) {
        notNaN("x", x);
        double y = Math.abs(x);
        if (y <= 0.46875) return 1.0 - x * smallRatio(y);
        double r = erfcPositive(y);
        return x < 0 ? 2.0 - r : r;
    }

    /** erf(y)/y for 0 ≤ y ≤ 0.46875 (Cody's first interval). */
    private static double smallRatio(double y) {
        double ysq = y > X_TINY ? y * y : 0.0;
        double num = A[4] * ysq;
        double den = ysq;
        for (int i = 0; i < 3; i++) {
            num = (num + A[i]) * ysq;
            den = (den + B[i]) * ysq;
        }
        return (num + A[3]) / (den + B[3]);
    }

    /** erfc(y) for y &gt; 0.46875. */
    private static double erfcPositive(double y) {
        if (y >= X_BIG) return 0.0;
        return expMinusSquare(y) * erfcScaledPositive(y);
    }

    /** e^{y²} erfc(y) for y &gt; 0.46875 (Cody's second and third intervals). */
    private static double erfcScaledPositive(double y) {
        if (y <= 4.0) {
            double num = C[8] * y;
            double den = y;
            for (int i = 0; i < 7; i++) {
                num = (num + C[i]) * y;
                den = (den + D[i]) * y;
            }
            return (num + C[7]) / (den + D[7]);
        }
        double ysq = 1.0 / (y * y);
        double num = P[5] * ysq;
        double den = ysq;
        for (int i = 0; i < 4; i++) {
            num = (num + P[i]) * ysq;
            den = (den + Q[i]) * ysq;
        }
        double r = ysq * (num + P[4]) / (den + Q[4]);
        return (ONE_OVER_SQRT_PI - r) / y;
    }

    /**
     * e^{−y²} without the rounding error of forming y² in floating point: with
     * y_h = ⌊16y⌋/16 (so y_h² is exact), e^{−y²} = e^{−y_h²} · e^{−(y−y_h)(y+y_h)}.
     */
    private static double expMinusSquare(double y) {
        double yh = Math.floor(16.0 * y) / 16.0;
        double del = (y - yh) * (y + yh);
        return Math.exp(-yh * yh) * Math.exp(-del);
    }

    /** Standard normal density φ(x) = e^{−x²/2}/√(2π). */
    public static double normalPdf(double x) {
        notNaN("x", x);
        if (Double.isInfinite(x) || Math.abs(x) > 40) return 0.0; // e^{−x²/2} underflows beyond |x| ≈ 38.6
        // e^{-x²/2} with the same exact-split trick as expMinusSquare
        double xa = Math.abs(x);
        double xh = Math.floor(16.0 * xa) / 16.0;
        double del = (xa - xh) * (xa + xh);
        return ONE_OVER_SQRT_2PI * Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * del);
    }

    /** Largest |x| whose log φ(x) = −x²/2 − ½ log 2π is a finite double (≈ 1.9e154). */
    public static final double NORMAL_LOG_PDF_MAX_X = Math.sqrt(2 * (Double.MAX_VALUE - 1));

    /**
     * log φ(x) = −x²/2 − ½ log(2π).
     *
     * @param x finite, |x| ≤ {@link #NORMAL_LOG_PDF_MAX_X} (beyond, log φ(x) is below −1.8e308 and
     *          cannot be returned)
     */
    public static double normalLogPdf(double x) {
        Require.finite("x", x);
        double r = -0.5 * x * x - HALF_LOG_2PI;
        if (!Double.isFinite(r)) {
            r = -(0.5 * x) * x - HALF_LOG_2PI; // x² alone may overflow where x²/2 does not
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("x = " + x + ": log φ(x) = −x²/2 is below the double range (|x| must be <= "
                        + NORMAL_LOG_PDF_MAX_X + ")");
            }
        }
        return r;
    }

    /**
     * Standard normal distribution function Φ(x) = ½ erfc(−x/√2). In the lower tail the factor
     * e^{−x²/2} is formed from x itself (not from x/√2), so Φ keeps full relative accuracy down to
     * its underflow near x = −37.5.
     */
    public static double normalCdf(double x) {
        notNaN("x", x);
        if (x == Double.NEGATIVE_INFINITY) return 0.0;
        if (x == Double.POSITIVE_INFINITY) return 1.0;
        double y = Math.abs(x) / SQRT2;
        if (y <= 0.46875) return 0.5 + 0.5 * (x / SQRT2) * smallRatio(y);
        double tail; // Φ(−|x|)
        if (y >= X_BIG) {
            tail = 0.0;
        } else {
            double xa = Math.abs(x);
            double xh = Math.floor(16.0 * xa) / 16.0;
            double del = (xa - xh) * (xa + xh);
            tail = 0.5 * Math.exp(-0.5 * xh * xh) * Math.exp(-0.5 * del) * erfcScaledPositive(y);
        }
        return x < 0 ? tail : 1.0 - tail;
    }

    /**
     * Standard normal quantile Φ⁻¹(p), Wichura's algorithm AS 241 (PPND16), Applied Statistics
     * 37 (1988) 477–484: three rational approximations in q = p − ½ (|q| ≤ 0.425) and in
     * r = √(−log min(p, 1−p)) (r ≤ 5 and r &gt; 5), about 16 significant digits.
     *
     * @param p probability in [0, 1]; Φ⁻¹(0) = −∞, Φ⁻¹(1) = +∞
     */
    public static double normalQuantile(double p) {
        Require.inRange("p", p, 0.0, 1.0);
        if (p == 0.0) return Double.NEGATIVE_INFINITY;
        if (p == 1.0) return Double.POSITIVE_INFINITY;
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((r * 2509.0809287301226727 + 33430.575583588128105) * r
                    + 67265.770927008700853) * r + 45921.953931549871457) * r
                    + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.387132872796366608)
                    / (((((((r * 5226.495278852854561 + 28729.085735721942674) * r
                    + 39307.89580009271061) * r + 21213.794301586595867) * r
                    + 5394.1960214247511077) * r + 687.1870074920579083) * r
                    + 42.313330701600911252) * r + 1.0);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1.0 - p));
        double val;
        if (r <= 5.0) {
            r -= 1.6;
            val = (((((((r * 7.7454501427834140764e-4 + 0.0227238449892691845833) * r
                    + 0.24178072517745061177) * r + 1.27045825245236838258) * r
                    + 3.64784832476320460504) * r + 5.7694972214606914055) * r
                    + 4.6303378461565452959) * r + 1.42343711074968357734)
                    / (((((((r * 1.05075007164441684324e-9 + 5.475938084995344946e-4) * r
                    + 0.0151986665636164571966) * r + 0.14810397642748007459) * r
                    + 0.68976733498510000455) * r + 1.6763848301838038494) * r
                    + 2.05319162663775882187) * r + 1.0);
        } else {
            r -= 5.0;
            val = (((((((r * 2.01033439929228813265e-7 + 2.71155556874348757815e-5) * r
                    + 0.0012426609473880784386) * r + 0.026532189526576123093) * r
                    + 0.29656057182850489123) * r + 1.7848265399172913358) * r
                    + 5.4637849111641143699) * r + 6.6579046435011037772)
                    / (((((((r * 2.04426310338993978564e-15 + 1.4215117583164458887e-7) * r
                    + 1.8463183175100546818e-5) * r + 7.868691311456132591e-4) * r
                    + 0.0148753612908506148525) * r + 0.13692988092273580531) * r
                    + 0.59983220655588793769) * r + 1.0);
        }
        return q < 0 ? -val : val;
    }

    // Lanczos approximation with g = 607/128 and Godfrey's 15 coefficients
    // (P. Godfrey, "A note on the computation of the convergent Lanczos complex Gamma approximation", 2001).
    private static final double LANCZOS_G = 607.0 / 128.0;
    private static final double[] LANCZOS = {0.99999999999999709182, 57.156235665862923517,
            -59.597960355475491248, 14.136097974741747174, -0.49191381609762019978,
            .33994649984811888699e-4, .46523628927048575665e-4, -.98374475304879564677e-4,
            .15808870322491248884e-3, -.21026444172410488319e-3, .21743961811521264320e-3,
            -.16431810653676389022e-3, .84418223983852743293e-4, -.26190838401581408670e-4,
            .36899182659531622704e-5};

    /**
     * log Γ(x) for x &gt; 0 by the Lanczos approximation
     * Γ(x) = √(2π) t^{x−½} e^{−t} (c₀ + Σ_{k=1}^{14} c_k/(x−1+k)), t = x − ½ + g, g = 607/128
     * (written as log Γ(x) = (x+½) log t' − t' + ½ log 2π + log(S(x)/x), t' = x + g + ½);
     * for x &lt; ½ via log Γ(x) = log Γ(x+1) − log x. Relative error ≈ 1e-15 away from the zeros at
     * x = 1, 2, absolute error ≈ 1e-15 near them.
     *
     * @param x finite and &gt; 0
     */
    public static double logGamma(double x) {
        Require.positive("x", x);
        if (x < 0.5) return logGamma(x + 1.0) - Math.log(x);
        if (x == 1.0 || x == 2.0) return 0.0;
        double sum = LANCZOS[0];
        for (int k = LANCZOS.length - 1; k > 0; k--) sum += LANCZOS[k] / (x + k);
        double t = x + LANCZOS_G + 0.5;
        double r = (x + 0.5) * Math.log(t) - t + HALF_LOG_2PI + Math.log(sum / x);
        if (!Double.isFinite(r)) {
            // (x + ½) log t overflows first: (x + ½) log t − t = (x + ½)(log t − 1) − g
            r = (x + 0.5) * (Math.log(t) - 1) - LANCZOS_G + HALF_LOG_2PI + Math.log(sum / x);
            if (!Double.isFinite(r)) {
                throw new IllegalArgumentException("x = " + x + ": log Γ(x) exceeds the double range (x must be <= about 2.5e305)");
            }
        }
        return r;
    }

    /**
     * Log density of the standard Student-t distribution with ν degrees of freedom:
     * log p(x) = log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ) − ((ν+1)/2) log(1 + x²/ν).
     *
     * @param x  finite
     * @param nu degrees of freedom, finite and &gt; 0
     */
    public static double studentTLogDensity(double x, double nu) {
        Require.finite("x", x);
        Require.positive("nu", nu);
        return studentTLogNormaliser(nu) - 0.5 * (nu + 1.0) * log1pSquareOver(x, nu);
    }

    /**
     * log(1 + x²/ν) without overflow: the plain formula while x²/ν is finite, else
     * 2 log|x| − log ν (+ log1p(ν/x²), below 1e-290 there). Finite for every finite x and ν &gt; 0.
     */
    public static double log1pSquareOver(double x, double nu) {
        Require.finite("x", x);
        Require.positive("nu", nu);
        double q = x * x / nu;
        if (Double.isFinite(q)) return Math.log1p(q);
        double ax = Math.abs(x);
        return 2 * Math.log(ax) - Math.log(nu) + Math.log1p(nu / ax / ax);
    }

    /**
     * log Γ((ν+1)/2) − log Γ(ν/2) − ½ log(νπ), the normalising constant of the standard Student-t.
     * For ν ≥ 2000 the difference of log Γ's (each ~ν log ν, so cancelling) is replaced by its
     * asymptotic series log Γ(a+½) − log Γ(a) = ½ log a − 1/(8a) + 1/(192a³) + O(a⁻⁵), a = ν/2,
     * whose truncation error is below 2e-18 there.
     */
    public static double studentTLogNormaliser(double nu) {
        Require.positive("nu", nu);
        double a = 0.5 * nu;
        // for a < 1e-300, log Γ(a) = −log a + O(a): log Γ(a+½) − log Γ(a) = log √π + log ν − log 2 to double precision
        double gammaRatio = a >= 1000 ? 0.5 * Math.log(a) - 1.0 / (8 * a) + 1.0 / (192 * a * a * a)
                : a < 1e-300 ? 0.5 * Math.log(Math.PI) + Math.log(nu) - Math.log(2)
                : logGamma(a + 0.5) - logGamma(a);
        double nuPi = nu * Math.PI;
        boolean normal = Double.isFinite(nuPi) && nuPi >= Double.MIN_NORMAL; // else overflow or a subnormal product
        return gammaRatio - 0.5 * (normal ? Math.log(nuPi) : Math.log(nu) + Math.log(Math.PI));
    }

    private static void notNaN(String name, double x) {
        if (Double.isNaN(x)) throw new IllegalArgumentException(name + " = NaN must be a number");
    }
}
