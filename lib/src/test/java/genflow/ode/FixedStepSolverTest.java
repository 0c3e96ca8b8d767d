package genflow.ode;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class FixedStepSolverTest {
    static final double THETA = 1.3;
    static final VectorField DECAY = (t, x) -> {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -THETA * x[i][j];
        return out;
    };

    /** Least-squares slope of log(err) against log(h). */
    static double slope(double[] h, double[] err) {
        int n = h.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += Math.log(h[i]) / n; my += Math.log(err[i]) / n; }
        double sxy = 0, sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(h[i]) - mx;
            sxy += dx * (Math.log(err[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** Observed global order on x' = −θx over [0, 2]: slope of log error over halving steps. */
    static double observedOrder(FixedStepSolver s) {
        double[][] x0 = {{1.0}, {-2.0}};
        int[] steps = {10, 20, 40, 80, 160};
        double[] h = new double[steps.length], err = new double[steps.length];
        for (int k = 0; k < steps.length; k++) {
            double[][] x = s.integrate(DECAY, x0, 0, 2, steps[k]);
            h[k] = 2.0 / steps[k];
            err[k] = Math.max(Math.abs(x[0][0] - Math.exp(-2 * THETA)), Math.abs(x[1][0] + 2 * Math.exp(-2 * THETA)));
        }
        return slope(h, err);
    }

    @Test
    void observedConvergenceOrdersAre1224() {
        List<FixedStepSolver> solvers = List.of(new Euler(), new Midpoint(), new Heun(), new RungeKutta4());
        int[] expected = {1, 2, 2, 4};
        for (int i = 0; i < solvers.size(); i++) {
            double p = observedOrder(solvers.get(i));
            System.out.printf("observed order %s: %.4f%n", solvers.get(i), p);
            assertEquals(expected[i], p, 0.15, solvers.get(i) + " observed order");
            assertEquals(expected[i], solvers.get(i).order());
        }
    }

    @Test
    void integratesBackwardsInTime() {
        double[][] x = new RungeKutta4().integrate(DECAY, new double[][]{{1.0}}, 2, 0, 200);
        assertEquals(Math.exp(2 * THETA), x[0][0], 1e-7 * Math.exp(2 * THETA));
        double[][] e = new Euler().integrate(DECAY, new double[][]{{1.0}}, 1, 0, 1);
        assertEquals(1 + THETA, e[0][0], 1e-15, "one backward Euler step x + (−1)(−θx)");
    }

    @Test
    void timeDependentFieldUsesStageTimes() {
        // x' = 3t², x(0) = 0 → x(1) = 1: RK4 (Simpson) is exact; one midpoint/Heun/Euler step gives v(½), (v(0)+v(1))/2, v(0)
        VectorField v = (t, x) -> new double[][]{{3 * t * t}};
        assertEquals(1, new RungeKutta4().integrate(v, new double[][]{{0}}, 0, 1, 3)[0][0], 1e-14);
        assertEquals(0.75, new Midpoint().integrate(v, new double[][]{{0}}, 0, 1, 1)[0][0], 1e-15);
        assertEquals(1.5, new Heun().integrate(v, new double[][]{{0}}, 0, 1, 1)[0][0], 1e-15);
        assertEquals(0, new Euler().integrate(v, new double[][]{{0}}, 0, 1, 1)[0][0], 1e-15);
    }

    @Test
    void trajectoryRecordsChosenParticles() {
        double[][] x0 = {{1, 0}, {2, 1}, {3, 2}};
        RungeKutta4 rk = new RungeKutta4();
        Trajectory tr = rk.trajectory(DECAY, x0, 0, 1, 8, 2, 0);
        double[][] end = rk.integrate(DECAY, x0, 0, 1, 8);
        assertEquals(9, tr.length());
        assertEquals(2, tr.particleCount());
        assertArrayEquals(new int[]{2, 0}, tr.particles());
        assertEquals(0, tr.times()[0]);
        assertEquals(1, tr.times()[8]);
        assertArrayEquals(x0[2], tr.state(0)[0]);
        assertArrayEquals(end[2], tr.state(8)[0]);
        assertArrayEquals(end[0], tr.state(8)[1]);
        assertEquals(2 * Math.exp(-THETA * 0.5), tr.coordinate(0, 1)[4], 1e-5);
        assertEquals(3, rk.trajectory(DECAY, x0, 0, 1, 2).particleCount());
        assertEquals(1.0, x0[0][0], "input not modified");
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        Heun s = new Heun();
        double[][] x0 = {{1.0, 2.0}};
        assertMessage("steps = 0", () -> s.integrate(DECAY, x0, 0, 1, 0));
        assertMessage("steps = -3", () -> s.integrate(DECAY, x0, 0, 1, -3));
        assertMessage("t0 = NaN", () -> s.integrate(DECAY, x0, Double.NaN, 1, 4));
        assertMessage("t1 = Infinity", () -> s.integrate(DECAY, x0, 0, Double.POSITIVE_INFINITY, 4));
        assertMessage("x0[0][1] = NaN", () -> s.integrate(DECAY, new double[][]{{1, Double.NaN}}, 0, 1, 4));
        assertMessage("x0[1] has dimension 1, expected 2", () -> s.integrate(DECAY, new double[][]{{1, 2}, {3}}, 0, 1, 4));
        assertMessage("x0 must have at least one row", () -> s.integrate(DECAY, new double[0][], 0, 1, 4));
        assertMessage("v must not be null", () -> s.integrate(null, x0, 0, 1, 4));
        assertMessage("is not finite", () -> s.integrate((t, x) -> new double[][]{{Double.NaN, 0}}, x0, 0, 1, 4));
        assertMessage("has dimension 1, expected 2", () -> s.integrate((t, x) -> new double[][]{{0}}, x0, 0, 1, 4));
        assertMessage("particles[0] = 5", () -> s.trajectory(DECAY, x0, 0, 1, 4, 5));
        assertMessage("h = NaN", () -> s.step(DECAY, 0, Double.NaN, x0));
        assertMessage("x[0][0] = Infinity", () -> s.step(DECAY, 0, 0.1, new double[][]{{Double.POSITIVE_INFINITY, 0}}));
    }

    static void assertMessage(String fragment, org.junit.jupiter.api.function.Executable e) {
        var ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().contains(fragment), "message '" + ex.getMessage() + "' should contain '" + fragment + "'");
    }
}
