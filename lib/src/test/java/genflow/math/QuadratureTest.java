package genflow.math;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class QuadratureTest {
    @Test
    void kronrodIntegratesPolynomialsOfDegree22ExactlyOnOnePanel() {
        // ∫_0^1 x^k dx = 1/(k+1); K15 is exact to degree 22, G7 to degree 13 (so the error estimate is ~0 up to 13)
        for (int k = 0; k <= 22; k++) {
            final int kk = k;
            var r = Quadrature.gaussKronrod(x -> Math.pow(x, kk), 0, 1, 1.0, 0); // loose tol: one panel only
            assertEquals(1.0 / (k + 1), r.value(), 1e-15, "degree " + k);
            assertEquals(15, r.evaluations());
            if (k <= 13) assertTrue(r.errorEstimate() < 1e-15, "G7 should be exact at degree " + k);
        }
        // degree 40 is not integrated exactly by one panel: the rule is genuinely 15-point
        double d24 = Quadrature.gaussKronrod(x -> Math.pow(x, 40), 0, 1, 1.0, 0).value();
        assertTrue(Math.abs(d24 - 1.0 / 41) > 1e-9, "err " + (d24 - 1.0 / 41));
    }

    @Test
    void adaptiveReachesToleranceOnHardIntegrands() {
        assertEquals(2.0, Quadrature.integrate(Math::sin, 0, Math.PI, 1e-14, 0), 1e-13);
        assertEquals(Math.sqrt(Math.PI), Quadrature.integrate(x -> Math.exp(-x * x), -30, 30, 1e-14, 0), 1e-13);
        // endpoint singularity ∫_0^1 x^{-1/2} = 2
        assertEquals(2.0, Quadrature.integrate(x -> x == 0 ? 0 : 1 / Math.sqrt(x), 0, 1, 1e-10, 0), 1e-9);
        // narrow spike: ∫ 1/(1e-6 + (x-0.3)^2) dx over [0,1]
        double eps = 1e-6, s = Math.sqrt(eps);
        double exact = (Math.atan(0.7 / s) + Math.atan(0.3 / s)) / s;
        assertEquals(exact, Quadrature.integrate(x -> 1 / (eps + (x - 0.3) * (x - 0.3)), 0, 1, 0, 1e-12), exact * 1e-11);
        // log singularity ∫_0^1 ln x = -1
        assertEquals(-1.0, Quadrature.integrate(x -> x == 0 ? 0 : Math.log(x), 0, 1, 1e-12, 0), 1e-11);
    }

    @Test
    void compositeRulesHaveTheirOrders() {
        // error ratio on halving h: trapezoid ~4, Simpson ~16 for a smooth non-periodic integrand
        double exact = Math.E - 1;
        double t1 = Quadrature.trapezoid(Math::exp, 0, 1, 20) - exact, t2 = Quadrature.trapezoid(Math::exp, 0, 1, 40) - exact;
        double s1 = Quadrature.simpson(Math::exp, 0, 1, 20) - exact, s2 = Quadrature.simpson(Math::exp, 0, 1, 40) - exact;
        assertEquals(4.0, t1 / t2, 0.01);
        assertEquals(16.0, s1 / s2, 0.1);
        // exact for cubics
        assertEquals(0.25, Quadrature.simpson(x -> x * x * x, 0, 1, 2), 1e-16);
        // grid versions agree with function versions
        double[] y = {1, 2, 5, 10, 17};
        assertEquals(0.5 * (0.5 * 1 + 2 + 5 + 10 + 0.5 * 17), Quadrature.trapezoid(y, 0.5), 1e-15);
        assertEquals(0.5 / 3 * (1 + 8 + 10 + 40 + 17), Quadrature.simpson(y, 0.5), 1e-15);
    }

    @Test
    void badInput() {
        var e = assertThrows(IllegalArgumentException.class, () -> Quadrature.integrate(x -> x, 0, Double.NaN, 1e-9, 0));
        assertTrue(e.getMessage().startsWith("b"));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.integrate(x -> x, 1, 0, 1e-9, 0));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.integrate(x -> x, 0, 1, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> Quadrature.simpson(new double[] {1, 2}, 0.1));
        assertThrows(ArithmeticException.class, () -> Quadrature.integrate(x -> 1 / x, 0, 1, 1e-9, 0));
    }
}
