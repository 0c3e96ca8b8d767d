package genflow.math;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.api.Test;

/** Bessel I0, I1 (plain and scaled) and I1/I0 against 50-digit BigDecimal power-series references. */
class BesselTest {
    private static final MathContext MC = new MathContext(50);
    private static final double[] POINTS = {0, 1e-10, 1e-3, 0.5, 1, 5, 7.99, 8, 8.01, 15, 21.9, 22, 22.1, 30, 50, 100, 700, 710, 1e4, 1e5};

    /** Σ_k (x/2)^{2k+ν}/(k!(k+ν)!) in BigDecimal; all terms positive so 50 digits stay ~50 digits. */
    static BigDecimal seriesRef(double x, int nu) {
        BigDecimal half = new BigDecimal(x).divide(BigDecimal.valueOf(2), MC);
        BigDecimal q = half.multiply(half, MC);
        BigDecimal term = nu == 0 ? BigDecimal.ONE : half;
        BigDecimal sum = term;
        for (long k = 1; ; k++) {
            term = term.multiply(q, MC).divide(BigDecimal.valueOf(k * (k + nu)), MC);
            sum = sum.add(term, MC);
            if (term.signum() == 0 || (k > x && term.compareTo(sum.movePointLeft(48)) < 0)) break;
        }
        return sum;
    }

    /** e^{-x} to 50 digits: Taylor series at x/2^m, then m squarings. */
    static BigDecimal expNegRef(double x) {
        int m = 0;
        BigDecimal y = new BigDecimal(x);
        while (y.compareTo(BigDecimal.ONE) > 0) { y = y.divide(BigDecimal.valueOf(2), MC); m++; }
        MathContext wide = new MathContext(70);
        BigDecimal term = BigDecimal.ONE, sum = BigDecimal.ONE;
        for (int k = 1; k < 80; k++) {
            term = term.multiply(y.negate(), wide).divide(BigDecimal.valueOf(k), wide);
            sum = sum.add(term, wide);
        }
        for (int i = 0; i < m; i++) sum = sum.multiply(sum, wide);
        return sum.round(MC);
    }

    static double relErr(double got, BigDecimal ref) {
        if (ref.signum() == 0) return got == 0 ? 0 : Double.POSITIVE_INFINITY;
        return new BigDecimal(got).subtract(ref).abs().divide(ref.abs(), MC).doubleValue();
    }

    @Test
    void scaledAndPlainMatchReferencesTo1e14() {
        double worst = 0;
        for (double x : POINTS) {
            BigDecimal s0 = seriesRef(x, 0), s1 = seriesRef(x, 1), e = expNegRef(x);
            BigDecimal i0e = s0.multiply(e, MC), i1e = s1.multiply(e, MC);
            for (double sx : new double[] {x, -x}) {
                double r0e = relErr(Bessel.i0e(sx), i0e);
                double r1e = x == 0 ? Math.abs(Bessel.i1e(sx)) : relErr(Math.abs(Bessel.i1e(sx)), i1e);
                assertTrue(r0e <= 1e-14, "i0e(" + sx + ") rel err " + r0e);
                assertTrue(r1e <= 1e-14, "i1e(" + sx + ") rel err " + r1e);
                if (x > 0) assertEquals(Math.signum(sx), Math.signum(Bessel.i1e(sx)), "i1e is odd at " + sx);
                assertEquals(Bessel.i0e(x), Bessel.i0e(-x), 0.0, "i0e is even");
                worst = Math.max(worst, Math.max(r0e, r1e));
                if (x < 713) { // I0, I1 representable as doubles
                    double r0 = relErr(Bessel.i0(sx), s0);
                    double r1 = x == 0 ? Math.abs(Bessel.i1(sx)) : relErr(Math.abs(Bessel.i1(sx)), s1);
                    assertTrue(r0 <= 1e-14, "i0(" + sx + ") rel err " + r0);
                    assertTrue(r1 <= 1e-14, "i1(" + sx + ") rel err " + r1);
                    worst = Math.max(worst, Math.max(r0, r1));
                }
                if (x > 0) {
                    double rr = relErr(Math.abs(Bessel.ratioI1I0(sx)), s1.divide(s0, MC));
                    assertTrue(rr <= 1e-14, "ratioI1I0(" + sx + ") rel err " + rr);
                    worst = Math.max(worst, rr);
                }
            }
        }
        System.out.println("Bessel: worst relative error over test points = " + worst);
    }

    @Test
    void overflowIsInfinityNotNaNAndScaledStaysFinite() {
        assertEquals(Double.POSITIVE_INFINITY, Bessel.i0(900));
        assertEquals(Double.NEGATIVE_INFINITY, Bessel.i1(-900));
        assertEquals(Double.POSITIVE_INFINITY, Bessel.i0(1e300));
        double big = Bessel.i0e(1e300);
        assertTrue(big > 0 && Double.isFinite(big));
        assertEquals(1.0, Bessel.ratioI1I0(1e300), 1e-15);
        // I0(713) is finite, ~e^713/sqrt(2π·713)
        assertTrue(Double.isFinite(Bessel.i0(713)));
    }

    @Test
    void ratioIsMonotoneAndBoundedUpTo1e5() {
        double prev = 0;
        for (double x = 1e-6; x <= 1e5; x *= 1.05) {
            double r = Bessel.ratioI1I0(x);
            assertTrue(r > prev && r < 1, "ratio not increasing in (0,1) at " + x);
            // Amos-type bounds: x/(1/2 + sqrt(x^2 + 9/4))... use the simple ones: x/(1+sqrt(1+x^2)) <= r <= x/(1/2+sqrt(1/4+x^2))... check first-order asymptotics instead
            if (x > 100) assertEquals(1 - 1 / (2 * x) - 1 / (8 * x * x), r, Math.max(0.2 / (x * x * x), 4e-16));
            prev = r;
        }
        assertEquals(5e-11, Bessel.ratioI1I0(1e-10), 1e-26);
    }

    @Test
    void rejectsNaN() {
        var ex = assertThrows(IllegalArgumentException.class, () -> Bessel.i0e(Double.NaN));
        assertTrue(ex.getMessage().contains("x"));
        assertThrows(IllegalArgumentException.class, () -> Bessel.ratioI1I0(Double.POSITIVE_INFINITY));
    }
}
