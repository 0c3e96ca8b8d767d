package genflow.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.function.DoubleUnaryOperator;

import static org.junit.jupiter.api.Assertions.*;

class ScheduleTest {
    static List<Schedule> schedules() {
        return List.of(new LinearSchedule(), new PolynomialSchedule(2.5), new VpSchedule(), new VpSchedule(0.5, 5),
                new VeSchedule(0.01, 50), new CosineSchedule(), new CosineSchedule(0));
    }

    static List<TimeChange> timeChanges() {
        return List.of(TimeChange.flowMatching(), TimeChange.ornsteinUhlenbeck(), TimeChange.ornsteinUhlenbeck(0.5, 5),
                TimeChange.fromSchedule(new CosineSchedule()), TimeChange.fromSchedule(new VeSchedule(0.1, 10)));
    }

    static final double[] TS = {0.03, 0.2, 0.5, 0.77, 0.97};

    /** Central difference (f(t+h) − f(t−h))/(2h), error O(h²) ≈ 1e-10 relative for these smooth functions. */
    static double centralDiff(DoubleUnaryOperator f, double t) {
        double h = 1e-5;
        return (f.applyAsDouble(t + h) - f.applyAsDouble(t - h)) / (2 * h);
    }

    static void assertDerivative(String what, DoubleUnaryOperator f, DoubleUnaryOperator df, double t) {
        double fd = centralDiff(f, t), an = df.applyAsDouble(t);
        assertEquals(fd, an, 1e-6 * Math.max(1, Math.abs(fd)), what + " at t=" + t);
    }

    @ParameterizedTest @MethodSource("schedules")
    void derivativesMatchCentralDifferences(Schedule s) {
        for (double t : TS) {
            assertDerivative(s + " alphaDot", s::alpha, s::alphaDot, t);
            assertDerivative(s + " betaDot", s::beta, s::betaDot, t);
        }
    }

    @ParameterizedTest @MethodSource("timeChanges")
    void timeChangeDerivativesMatchCentralDifferences(TimeChange c) {
        for (double t : TS) {
            assertDerivative(c + " fDot", c::f, c::fDot, t);
            assertDerivative(c + " gDot", c::g, c::gDot, t);
        }
    }

    @Test
    void fullyInterpolatingSchedulesHitTheEnds() {
        for (Schedule s : List.of(new LinearSchedule(), new PolynomialSchedule(3), new CosineSchedule(), new CosineSchedule(0))) {
            assertEquals(0, s.alpha(0), 1e-15, s + " alpha_0");
            assertEquals(1, s.beta(0), 1e-15, s + " beta_0");
            assertEquals(1, s.alpha(1), 1e-15, s + " alpha_1");
            assertEquals(0, s.beta(1), 1e-15, s + " beta_1");
        }
    }

    @Test
    void vpIsVariancePreservingAndMatchesTheSdeMoments() {
        VpSchedule vp = new VpSchedule(0.1, 20);
        // h(1) = 0.1 + 0.5 * 19.9 = 10.05, so alpha_0 = exp(-5.025)
        assertEquals(Math.exp(-5.025), vp.alpha(0), 1e-15);
        assertEquals(1, vp.alpha(1), 0);
        assertEquals(0, vp.beta(1), 0);
        assertEquals(Double.NEGATIVE_INFINITY, vp.betaDot(1));
        for (double t : TS) {
            double a = vp.alpha(t), b = vp.beta(t);
            assertEquals(1, a * a + b * b, 1e-14, "alpha^2 + beta^2 at t=" + t);
            // DDPM mean factor exp(-1/2 ∫_0^s b) with s = 1 - t, integral by Simpson's rule (exact for a quadratic)
            double s = 1 - t;
            double integral = s / 6 * (vp.rate(0) + 4 * vp.rate(s / 2) + vp.rate(s));
            assertEquals(Math.exp(-0.5 * integral), a, 1e-14);
        }
    }

    @Test
    void veHasUnitAlphaAndGeometricNoise() {
        VeSchedule ve = new VeSchedule(0.01, 50);
        assertEquals(50, ve.beta(0), 1e-12);
        assertEquals(0.01, ve.beta(1), 1e-15);
        assertEquals(Math.sqrt(0.01 * 50), ve.beta(0.5), 1e-12);
        assertEquals(1, ve.alpha(0.3));
        assertEquals(0, ve.alphaDot(0.3));
    }

    @Test
    void cosineMatchesNicholDhariwalAlphaBar() {
        double off = 0.008;
        CosineSchedule c = new CosineSchedule(off);
        for (double t : TS) {
            double tau = 1 - t;
            double phi = Math.pow(Math.cos((tau + off) / (1 + off) * Math.PI / 2), 2);
            double phi0 = Math.pow(Math.cos(off / (1 + off) * Math.PI / 2), 2);
            assertEquals(phi / phi0, Math.pow(c.alpha(t), 2), 1e-14, "alpha_bar at t=" + t);
            assertEquals(1 - phi / phi0, Math.pow(c.beta(t), 2), 1e-14);
        }
        CosineSchedule trig = new CosineSchedule(0);
        assertEquals(Math.sin(0.3 * Math.PI / 2), trig.alpha(0.3), 1e-15);
        assertEquals(Math.cos(0.3 * Math.PI / 2), trig.beta(0.3), 1e-15);
    }

    @Test
    void timeChangesHaveSeedBoundaryValuesAndMatchSchedules() {
        TimeChange fm = TimeChange.flowMatching();
        assertEquals(1, fm.f(0)); assertEquals(0, fm.f(1)); assertEquals(0, fm.g(0)); assertEquals(1, fm.g(1));
        TimeChange lin = TimeChange.fromSchedule(new LinearSchedule());
        VpSchedule vp = new VpSchedule(0.1, 20);
        TimeChange ou = TimeChange.ornsteinUhlenbeck(0.1, 20);
        assertEquals(1, ou.f(0)); assertEquals(0, ou.g(0));
        for (double t : TS) {
            assertEquals(fm.f(t), lin.f(t), 1e-15); assertEquals(fm.g(t), lin.g(t), 1e-15);
            assertEquals(fm.fDot(t), lin.fDot(t), 1e-15); assertEquals(fm.gDot(t), lin.gDot(t), 1e-14);
            // OU time change (t = 0 data) == VP schedule (t = 0 noise) flipped
            assertEquals(vp.alpha(1 - t), ou.f(t), 1e-14);
            assertEquals(Math.pow(vp.beta(1 - t), 2), ou.g(t), 1e-13);
            assertEquals(-vp.alphaDot(1 - t), ou.fDot(t), 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> TimeChange.fromSchedule(new VpSchedule()).gDot(0));
    }

    @Test
    void badInputNamesTheParameter() {
        for (Schedule s : schedules()) {
            for (double t : new double[]{-0.1, 1.1, Double.NaN}) {
                var e = assertThrows(IllegalArgumentException.class, () -> s.alpha(t));
                assertTrue(e.getMessage().startsWith("t = "), e.getMessage());
                assertThrows(IllegalArgumentException.class, () -> s.beta(t));
                assertThrows(IllegalArgumentException.class, () -> s.alphaDot(t));
                assertThrows(IllegalArgumentException.class, () -> s.betaDot(t));
            }
        }
        for (TimeChange c : timeChanges()) {
            var e = assertThrows(IllegalArgumentException.class, () -> c.g(Double.NaN));
            assertTrue(e.getMessage().contains("t = NaN"), e.getMessage());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VpSchedule(-1, 20)).getMessage().contains("betaMin"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VpSchedule(5, 1)).getMessage().contains("betaMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VeSchedule(0, 1)).getMessage().contains("sigmaMin"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new VeSchedule(2, 1)).getMessage().contains("sigmaMax"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new PolynomialSchedule(0.5)).getMessage().contains("k"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new CosineSchedule(Double.NaN)).getMessage().contains("s"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TimeChange.ornsteinUhlenbeck(0.1, Double.NaN)).getMessage().contains("betaMax"));
        assertThrows(IllegalArgumentException.class, () -> TimeChange.fromSchedule(null));
    }
}
