package genflow.math;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

import static genflow.math.SpecialFunctions.*;
import static org.junit.jupiter.api.Assertions.*;

class SpecialFunctionsTest {

    // Expensive BigDecimal references (hundreds of digits in the far tails): the far tails are sampled coarsely.
    // ---------- high-precision references (BigDecimal, independent of the code under test) ----------

    /** π by Machin's formula π = 16 atan(1/5) − 4 atan(1/239). */
    static BigDecimal pi(MathContext mc) {
        return atanInv(5, mc).multiply(BigDecimal.valueOf(16)).subtract(atanInv(239, mc).multiply(BigDecimal.valueOf(4)), mc);
    }

    private static BigDecimal atanInv(int k, MathContext mc) {
        BigDecimal x = BigDecimal.ONE.divide(BigDecimal.valueOf(k), mc);
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x, sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 5);
        for (int n = 1; term.abs().compareTo(eps) > 0; n++) {
            term = term.multiply(x2, mc).negate();
            sum = sum.add(term.divide(BigDecimal.valueOf(2L * n + 1), mc), mc);
        }
        return sum;
    }

    /** Working precision for the alternating Taylor series of erf at x: terms reach e^{x²}, erfc(x) ~ e^{−x²}, plus 45 digits. */
    private static MathContext mcFor(double x) {
        return new MathContext(45 + (int) Math.ceil(2 * x * x / Math.log(10)), RoundingMode.HALF_EVEN);
    }

    /** erf(x) = (2/√π) Σ (−1)ⁿ x^{2n+1} / (n!(2n+1)) in high precision. */
    static BigDecimal erfBig(BigDecimal x, MathContext mc) {
        BigDecimal x2 = x.multiply(x, mc);
        BigDecimal term = x; // (−1)ⁿ x^{2n+1}/n!
        BigDecimal sum = x;
        BigDecimal eps = BigDecimal.ONE.movePointLeft(mc.getPrecision() + 10);
        for (int n = 1; ; n++) {
            term = term.multiply(x2, mc).divide(BigDecimal.valueOf(-n), mc);
            BigDecimal add = term.divide(BigDecimal.valueOf(2L * n + 1), mc);
            sum = sum.add(add, mc);
            if (add.abs().compareTo(eps) < 0 && n > x2.doubleValue()) break;
        }
        BigDecimal sqrtPi = pi(mc).sqrt(mc);
        return sum.multiply(BigDecimal.valueOf(2), mc).divide(sqrtPi, mc);
    }

    static double erfRef(double x) {
        return erfBig(new BigDecimal(x), mcFor(x)).doubleValue();
    }

    static double erfcRef(double x) {
        MathContext mc = mcFor(x);
        return BigDecimal.ONE.subtract(erfBig(new BigDecimal(x), mc), mc).doubleValue();
    }

    /** Φ(z) = ½ erfc(−z/√2), with z/√2 formed in high precision. */
    static BigDecimal phiBig(double z) {
        MathContext mc = mcFor(z / Math.sqrt(2));
        BigDecimal arg = new BigDecimal(-z).divide(BigDecimal.valueOf(2).sqrt(mc), mc);
        return BigDecimal.ONE.subtract(erfBig(arg, mc), mc).divide(BigDecimal.valueOf(2), mc);
    }

    private static double rel(double got, double want) {
        return want == 0 ? Math.abs(got) : Math.abs(got - want) / Math.abs(want);
    }

    // ---------- erf / erfc ----------

    @Test
    void erfPublishedValues() {
        assertEquals(0.5204998778130465, erf(0.5), 2e-16);
        assertEquals(0.8427007929497149, erf(1.0), 2e-16);        // A&S table 7.1 / DLMF
        assertEquals(0.9953222650189527, erf(2.0), 2e-16);
        assertEquals(0.0, erf(0.0));
        assertEquals(-erf(0.7), erf(-0.7));
        assertEquals(1.0, erf(Double.POSITIVE_INFINITY));
        assertEquals(1.5374597944280349e-12, erfc(5.0), 1e-27);   // erfc(5) = 1.5374597944280348502e-12
        assertEquals(2.0884875837625447e-45, erfc(10.0), 1e-58);  // erfc(10) = 2.0884875837625447570e-45
    }

    @Test
    void erfMatchesHighPrecisionSeries() {
        double worst = 0;
        for (double x = -6.0; x <= 6.0; x += 0.0731) {
            worst = Math.max(worst, rel(erf(x), erfRef(x)));
        }
        for (double x : new double[]{1e-300, 1e-17, 1e-9, 1e-3, 0.46875, 0.468751, 3.999999, 4.0, 4.000001}) {
            worst = Math.max(worst, rel(erf(x), erfRef(x)));
        }
        System.out.println("max relative error of erf = " + worst);
        assertTrue(worst < 1e-15, "max relative error of erf = " + worst);
    }

    @Test
    void erfcMatchesHighPrecisionSeriesIntoTheFarTail() {
        double worst = 0;
        for (double x = -3.0; x <= 26.5; x += x < 12 ? 0.371 : 1.13) {
            worst = Math.max(worst, rel(erfc(x), erfcRef(x)));
        }
        for (double x : new double[]{0.46875, 0.5, 4.0, 4.0000001, 26.0}) {
            worst = Math.max(worst, rel(erfc(x), erfcRef(x)));
        }
        System.out.println("max relative error of erfc = " + worst);
        assertTrue(worst < 2e-15, "max relative error of erfc = " + worst);
        assertEquals(0.0, erfc(27.0));
        assertEquals(2.0, erfc(Double.NEGATIVE_INFINITY));
    }

    // ---------- normal ----------

    @Test
    void normalCdfMatchesHighPrecisionDownToUnderflow() {
        double worst = 0;
        for (double z = -37.5; z <= 0.0; z += z < -17 ? 1.51 : 0.771) {
            worst = Math.max(worst, rel(normalCdf(z), phiBig(z).doubleValue()));
        }
        for (double z = 0.0; z <= 8.0; z += 0.29) {
            worst = Math.max(worst, rel(normalCdf(z), phiBig(z).doubleValue()));
        }
        System.out.println("max relative error of Φ = " + worst);
        assertTrue(worst < 2e-15, "max relative error of Φ = " + worst);
        assertEquals(0.5, normalCdf(0.0));
        assertEquals(0.975, normalCdf(1.959963984540054), 1e-16);
    }

    @Test
    void normalPdfIsDerivativeOfCdfAndHasRightPeak() {
        assertEquals(0.3989422804014327, normalPdf(0.0), 1e-17);
        assertEquals(0.24197072451914337, normalPdf(1.0), 1e-17);
        for (double z = -5; z <= 5; z += 0.37) {
            double h = 1e-5;
            double fd = (normalCdf(z + h) - normalCdf(z - h)) / (2 * h);
            assertEquals(normalPdf(z), fd, 1e-9, "z=" + z);
            assertEquals(Math.log(normalPdf(z)), normalLogPdf(z), 1e-14);
        }
        assertEquals(0.0, normalPdf(Double.NEGATIVE_INFINITY));
    }

    @Test
    void normalQuantilePublishedValues() {
        assertEquals(1.959963984540054, normalQuantile(0.975), 2e-15);
        assertEquals(-1.959963984540054, normalQuantile(0.025), 2e-15);
        assertEquals(2.5758293035489004, normalQuantile(0.995), 4e-15);
        assertEquals(-3.090232306167813, normalQuantile(0.001), 4e-15);
        assertEquals(0.0, normalQuantile(0.5));
        assertEquals(Double.NEGATIVE_INFINITY, normalQuantile(0.0));
        assertEquals(Double.POSITIVE_INFINITY, normalQuantile(1.0));
    }

    @Test
    void normalQuantileInvertsHighPrecisionCdfIntoTheTails() {
        // z* is the exact quantile; Φ(z) − p ≈ φ(z)(z − z*), so the error of z is (Φ(z) − p)/φ(z).
        double worst = 0;
        double[] ps = new double[64];
        int m = 0;
        for (int k = -300; k <= -2; k += k < -100 ? 50 : 17) ps[m++] = Math.pow(10, k) * 1.37;
        for (double p : new double[]{0.01, 0.05, 0.075, 0.0751, 0.2, 0.3, 0.4999, 1e-11, 1.3888e-11}) ps[m++] = p;
        for (int i = 0; i < m; i++) {
            double p = ps[i];
            double z = normalQuantile(p);
            MathContext mc = mcFor(z / Math.sqrt(2));
            BigDecimal diff = phiBig(z).subtract(new BigDecimal(p), mc);
            // φ(z) in high precision is not needed: its relative error only scales a tiny difference
            double zErr = diff.doubleValue() / normalPdfViaLog(z);
            worst = Math.max(worst, Math.abs(zErr / z));
        }
        System.out.println("max relative error of Φ⁻¹ in the lower tail = " + worst);
        assertTrue(worst < 2e-15, "max relative error of Φ⁻¹ in the lower tail = " + worst);
        // upper half by symmetry on exactly representable p and 1 − p
        for (int k = 1; k < 1024; k += 7) {
            double p = k / 1024.0;
            assertEquals(-normalQuantile(p), normalQuantile(1 - p), 1e-15 * Math.max(1, Math.abs(normalQuantile(p))));
        }
        // p close to 1: 1 − 2^-50
        double p = 1 - Math.pow(2, -50);
        assertEquals(-normalQuantile(Math.pow(2, -50)), normalQuantile(p), 1e-14 * 8);
    }

    private static double normalPdfViaLog(double z) {
        return Math.exp(-0.5 * z * z - 0.5 * Math.log(2 * Math.PI));
    }

    // ---------- log Γ ----------

    @Test
    void logGammaAtIntegersAndHalfIntegers() {
        double logFact = 0; // log((n−1)!)
        for (int n = 1; n <= 170; n++) {
            if (n > 1) logFact += Math.log(n - 1);
            double tol = 2e-15 * Math.max(1, Math.abs(logFact)) + 1e-14 * Math.sqrt(n);
            assertEquals(logFact, logGamma(n), tol, "n=" + n);
        }
        // Γ(1/2) = √π, Γ(n+1/2) = Γ(n−1/2)(n−1/2)
        double lg = 0.5 * Math.log(Math.PI);
        for (int n = 0; n < 50; n++) {
            assertEquals(lg, logGamma(n + 0.5), 1e-14 * Math.max(1, Math.abs(lg)), "n+1/2, n=" + n);
            lg += Math.log(n + 0.5);
        }
    }

    @Test
    void logGammaPublishedAndAsymptoticValues() {
        assertEquals(Math.log(2.6789385347077476337), logGamma(1.0 / 3), 2e-15);  // Γ(1/3)
        assertEquals(Math.log(3.6256099082219083119), logGamma(0.25), 2e-15);     // Γ(1/4)
        assertEquals(-0.1207822376352452223, logGamma(1.5), 1e-15);              // log(√π/2)
        // small x: log Γ(x) = −log x − γ x + O(x²)
        double x = 1e-10;
        assertEquals(-Math.log(x) - 0.5772156649015329 * x, logGamma(x), 1e-14);
        // large x: Stirling series with 3 correction terms (error < 1e-20 at x = 1e4)
        for (double y : new double[]{1e4, 1e7, 1e12}) {
            double stirling = (y - 0.5) * Math.log(y) - y + 0.5 * Math.log(2 * Math.PI)
                    + 1 / (12 * y) - 1 / (360 * y * y * y) + 1 / (1260 * Math.pow(y, 5));
            assertEquals(stirling, logGamma(y), 3e-15 * Math.abs(stirling));
        }
        // recurrence Γ(x+1) = x Γ(x) on a grid
        for (double y = 0.01; y < 30; y += 0.173) {
            assertEquals(logGamma(y) + Math.log(y), logGamma(y + 1), 1e-13 * Math.max(1, Math.abs(logGamma(y + 1))), "y=" + y);
        }
    }

    // ---------- Student t ----------

    @Test
    void studentTClosedFormsAndNormalisation() {
        for (double x = -5; x <= 5; x += 0.31) {
            // ν = 1: Cauchy; ν = 2: 1/(2√2 (1 + x²/2)^{3/2})
            assertEquals(-Math.log(Math.PI * (1 + x * x)), studentTLogDensity(x, 1), 1e-14);
            assertEquals(-Math.log(2 * Math.sqrt(2) * Math.pow(1 + x * x / 2, 1.5)), studentTLogDensity(x, 2), 1e-14);
            // ν → ∞: the normal (log t − log φ = O(x⁴/ν))
            assertEquals(normalLogPdf(x), studentTLogDensity(x, 1e12), 1e-9);
        }
        // the large-ν series branch agrees with the log Γ difference where both are accurate
        for (double nu : new double[]{1999.9, 2000.0, 2000.1, 5000}) {
            double direct = logGamma(0.5 * (nu + 1)) - logGamma(0.5 * nu) - 0.5 * Math.log(nu * Math.PI);
            assertEquals(direct, studentTLogNormaliser(nu), 1e-11, "nu=" + nu);
        }
        // ν = 3.5 integrates to 1 (substitution x = tan θ makes the integrand smooth and bounded)
        int n = 20000;
        double s = 0;
        for (int i = 1; i < n; i++) {
            double th = -Math.PI / 2 + Math.PI * i / n;
            double x = Math.tan(th);
            s += Math.exp(studentTLogDensity(x, 3.5)) * (1 + x * x);
        }
        assertEquals(1.0, s * Math.PI / n, 1e-8);
    }

    // ---------- argument checks ----------

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> erf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> erfc(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> normalCdf(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> normalPdf(Double.NaN));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> normalQuantile(1.5));
        assertTrue(e.getMessage().contains("p = 1.5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> normalQuantile(-1e-300));
        assertThrows(IllegalArgumentException.class, () -> normalQuantile(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> logGamma(0.0));
        assertThrows(IllegalArgumentException.class, () -> logGamma(-2.5));
        assertThrows(IllegalArgumentException.class, () -> logGamma(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> studentTLogDensity(0.0, 0.0));
        assertThrows(IllegalArgumentException.class, () -> studentTLogDensity(Double.NaN, 2.0));
    }
}
