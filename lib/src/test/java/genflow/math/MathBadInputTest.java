package genflow.math;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.math. */
class MathBadInputTest {
    static IllegalArgumentException rejects(String fragment, Executable e) {
        IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
        return ex;
    }

    @Test
    void sizesAreCheckedBeforeAllocation() {
        assertEquals(Integer.MAX_VALUE - 8, Require.MAX_ARRAY_LENGTH);
        assertEquals(5, Require.size("n", 5, 1));
        rejects("n = 2147483647 exceeds the largest Java array length", () -> Require.size("n", Integer.MAX_VALUE, 1));
        rejects("n = 0 must be >= 1", () -> Require.size("n", 0, 1));
        // steps + 1 values: int overflow to a negative length before
        assertEquals(Require.MAX_ARRAY_LENGTH - 1, Require.size("steps", Require.MAX_ARRAY_LENGTH - 1, 0, 1));
        rejects("steps = 2147483647: the 2147483648 values (steps + 1)", () -> Require.size("steps", Integer.MAX_VALUE, 0, 1));
        // n·d overflows an int (Integer.MAX_VALUE/2 rows of 4 columns) and is named with both counts
        rejects("n = 1073741823 times d = 4 is 4294967292 numbers", () -> Require.cells("n", Integer.MAX_VALUE / 2, "d", 4));
        // fits in an int but not in the heap
        long heap = Runtime.getRuntime().maxMemory();
        int rows = (int) Math.min(Require.MAX_ARRAY_LENGTH / 2, heap / 16 + 1);
        if (8L * rows * 2 + 20L * rows > heap) rejects("GiB, more than the Java heap's maximum", () -> Require.cells("n", rows, "d", 2));
        Require.cells("n", 1000, "d", 2); // fine
        rejects("n = -1 must be >= 0", () -> Require.cells("n", -1, "d", 2));
    }

    @Test
    void quadratureThrowsWhenItsErrorEstimateExceedsTheTolerance() {
        // the case: ∫₋₁¹ (|x| + 1e-300)^{-1/2} dx = 4. The first panel samples 1e150 at x = 0; the
        // incremental sums lost everything to cancellation and the old loop stopped at 3.9086 with an
        // error estimate 0.14 > tolerance 1e-10. Now the sums are re-added before stopping.
        var r = Quadrature.gaussKronrod(x -> 1 / Math.sqrt(Math.abs(x) + 1e-300), -1, 1, 1e-10, 0);
        assertEquals(4, r.value(), 1e-9);
        assertTrue(r.errorEstimate() <= 1e-10, "estimate " + r.errorEstimate());
        // a returned result always meets its tolerance
        DoubleUnaryOperator[] fs = {Math::exp, x -> Math.sqrt(Math.abs(x - 0.3)), x -> x == 0 ? 0 : Math.log(Math.abs(x))};
        for (DoubleUnaryOperator f : fs) {
            var q = Quadrature.gaussKronrod(f, -1, 1, 1e-9, 1e-12);
            assertTrue(q.errorEstimate() <= Math.max(1e-9, 1e-12 * Math.abs(q.value())), q.toString());
        }
        // an integrand that gives different values at the same point keeps every panel's error at
        // machine resolution: the old loop dropped that error (and here never ended); now it throws,
        // with the estimate, the error estimate and the tolerance in the message
        int[] calls = {0};
        ArithmeticException e = assertThrows(ArithmeticException.class,
                () -> Quadrature.gaussKronrod(x -> (calls[0]++ % 2) * 1e6, 1, 1 + 64 * Math.ulp(1.0), 1e-30, 0));
        assertTrue(e.getMessage().contains("machine resolution") && e.getMessage().contains("error estimate")
                && e.getMessage().contains("tolerance max(absTol = 1.0E-30"), e.getMessage());
        // non-convergence within MAX_INTERVALS names estimate and tolerance too
        e = assertThrows(ArithmeticException.class, () -> Quadrature.integrate(x -> Math.sin(1e9 * x), 0, 1, 1e-12, 0));
        assertTrue(e.getMessage().contains("error estimate") && e.getMessage().contains("> tolerance"), e.getMessage());
        // limits whose difference overflows: midpoint and half width from halves (the old half width was ∞)
        assertEquals(3.4e8, Quadrature.integrate(x -> 1e-300, -1.7e308, 1.7e308, 1e-6, 0), 1e-6);
        e = assertThrows(ArithmeticException.class, () -> Quadrature.integrate(x -> 1, -1.7e308, 1.7e308, 1e-6, 0));
        assertTrue(e.getMessage().contains("exceeds the double range"), e.getMessage());
    }

    @Test
    void quadratureResultAndGridRulesValidate() {
        rejects("value = NaN", () -> new Quadrature.Result(Double.NaN, 0, 1));
        rejects("errorEstimate = -1.0", () -> new Quadrature.Result(1, -1, 1));
        rejects("evaluations = -1", () -> new Quadrature.Result(1, 0, -1));
        rejects("n = 2147483647", () -> Quadrature.trapezoid(Math::exp, 0, 1, Integer.MAX_VALUE));
        rejects("b - a = Infinity", () -> Quadrature.simpson(Math::exp, -1.7e308, 1.7e308, 4));
        // partial sums that overflow although the integral is finite: values rescaled by a power of two
        assertEquals(0.5 * 1.7e308, Quadrature.trapezoid(new double[] {1.7e308, 1.7e308, 1.7e308, -1.7e308}, 0.25), 1e294);
        assertEquals(0.01 / 3 * 10 * 1.7e308, Quadrature.simpson(new double[] {1.7e308, 1.7e308, 1.7e308, 1.7e308, -1.7e308}, 0.01), 1e293);
        // integrals that are not finite are rejected, naming y and h
        rejects("h = 1.7E308: the integral (trapezoid) exceeds the double range", () -> Quadrature.trapezoid(new double[] {1, 2}, 1.7e308));
    }

    @Test
    void specialFunctionsRejectResultsBeyondTheDoubleRange() {
        // log φ(x) = −x²/2 is below −1.8e308 for |x| > 1.9e154
        rejects("x = 1.0E300: log φ(x)", () -> SpecialFunctions.normalLogPdf(1e300));
        assertEquals(-0.5 * 1.5e154 * 1.5e154, SpecialFunctions.normalLogPdf(1.5e154), 1e294); // x² overflows, x²/2 does not
        assertEquals(SpecialFunctions.normalLogPdf(3), -4.5 - 0.5 * Math.log(2 * Math.PI), 1e-15);
        // φ(1.7e308) was NaN (16x overflowed in the exact-square split): it underflows to 0
        assertEquals(0.0, SpecialFunctions.normalPdf(1.7e308));
        assertEquals(0.0, SpecialFunctions.normalPdf(-45));
        // log Γ(1.7e308) ≈ 1.2e311 is not a double
        rejects("x = 1.7E308: log Γ(x) exceeds the double range", () -> SpecialFunctions.logGamma(1.7e308));
        // near the limit (x + ½) log t overflows first, the value does not: (x + ½)(log t − 1) − g
        double x = 2e305;
        assertEquals(x * (Math.log(x) - 1), SpecialFunctions.logGamma(x), 1e-12 * x * Math.log(x));
        // Student-t log density at x = 1e300: log(1 + x²/ν) = 2 log|x| − log ν instead of −∞
        double nu = 3;
        assertEquals(SpecialFunctions.studentTLogNormaliser(nu) - 2 * (2 * Math.log(1e300) - Math.log(nu)),
                SpecialFunctions.studentTLogDensity(1e300, nu), 1e-12 * 2763);
        assertEquals(Math.log1p(4.0 / 3), SpecialFunctions.log1pSquareOver(2, 3), 1e-16);
        rejects("nu = 0.0", () -> SpecialFunctions.log1pSquareOver(1, 0));
        rejects("x = NaN", () -> SpecialFunctions.log1pSquareOver(Double.NaN, 1));
        // ν·π overflowed for ν = 1.7e308; tiny ν made ν/2 underflow to 0 and logGamma(0) complain about "x"
        double big = SpecialFunctions.studentTLogNormaliser(1.7e308);
        assertEquals(-0.5 * Math.log(2 * Math.PI), big, 1e-12); // the t_ν normaliser tends to the normal one
        double tiny = SpecialFunctions.studentTLogNormaliser(Double.MIN_VALUE);
        assertEquals(0.5 * Math.log(Double.MIN_VALUE) - Math.log(2), tiny, 1e-12 * 372);
        // the branch (ν/2 < 1e-300) agrees with the Lanczos difference, which is still accurate there
        assertEquals(SpecialFunctions.logGamma(0.5 + 5e-302) - SpecialFunctions.logGamma(5e-302) - 0.5 * Math.log(1e-301 * Math.PI),
                SpecialFunctions.studentTLogNormaliser(1e-301), 1e-12);
    }
}
