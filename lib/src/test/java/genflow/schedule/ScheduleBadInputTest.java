package genflow.schedule;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

/** Regression tests for the bad-input survey (issue 15, items 8–9) in genflow.schedule. */
class ScheduleBadInputTest {
    @Test
    void veScheduleWithARatioBeyondTheDoubleRangeStaysFinite() {
        // σ_max/σ_min = 1e600 overflowed: β_t was ∞ for every t < 1. β_t = σ_min^t σ_max^{1−t} is finite.
        VeSchedule ve = new VeSchedule(1e-300, 1e300);
        assertEquals(1.0, ve.beta(0.5), 1e-12);
        assertEquals(1e300, ve.beta(0), 1e288);
        assertEquals(1e-300, ve.beta(1), 1e-312);
        assertEquals(-600 * Math.log(10), ve.betaDot(0.5), 1e-9);
        VeSchedule tiny = new VeSchedule(Double.MIN_VALUE, 10);
        assertEquals(Math.sqrt(10 * Double.MIN_VALUE), tiny.beta(0.5), 1e-12 * Math.sqrt(10 * Double.MIN_VALUE) + 1e-300);
        assertTrue(Double.isFinite(tiny.betaDot(0.3)));
        // ordinary parameters keep their values bit for bit
        VeSchedule usual = new VeSchedule(0.01, 50);
        assertEquals(0.01 * Math.pow(50 / 0.01, 1 - 0.3), usual.beta(0.3), 0);
        assertEquals(-Math.log(50 / 0.01) * usual.beta(0.3), usual.betaDot(0.3), 0);
    }
}
