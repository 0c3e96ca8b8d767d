package genflow.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class DormandPrince45Test {
    static final VectorField OSCILLATOR = (t, x) -> {
        double[][] out = new double[x.length][2];
        for (int i = 0; i < x.length; i++) { out[i][0] = x[i][1]; out[i][1] = -x[i][0]; }
        return out;
    };

    @Test
    void meetsToleranceOnLinearDecay() {
        double[][] x0 = {{1.0}, {-2.0}, {0.5}};
        for (double tol : new double[]{1e-4, 1e-7, 1e-10}) {
            DormandPrince45 dp = DormandPrince45.of(tol, tol);
            DormandPrince45.Result r = dp.solve(FixedStepSolverTest.DECAY, x0, 0, 2, 1);
            double err = 0;
            for (int i = 0; i < x0.length; i++) err = Math.max(err, Math.abs(r.x()[i][0] - x0[i][0] * Math.exp(-2 * FixedStepSolverTest.THETA)));
            System.out.printf("DP45 decay tol=%.0e: error %.2e, accepted %d, rejected %d, evals %d%n", tol, err, r.accepted(), r.rejected(), r.evaluations());
            // global error stays within the requested tolerance scale (atol + rtol·|x| ≤ 3·tol here)
            assertTrue(err <= 3 * tol, "error " + err + " for tol " + tol);
            assertTrue(r.accepted() >= 2);
            assertEquals(1 + 6 * r.attempted(), r.evaluations(), "FSAL: 6 new evaluations per attempted step");
        }
        // an initial step of the whole interval must be rejected at tight tolerance
        assertTrue(DormandPrince45.of(1e-10, 1e-10).solve(FixedStepSolverTest.DECAY, x0, 0, 2, 1).rejected() >= 1);
    }

    @Test
    void meetsToleranceOnHarmonicOscillatorForwardAndBackward() {
        double[][] x0 = {{1, 0}, {0, 2}};
        double T = 20; // about three periods
        for (double tol : new double[]{1e-6, 1e-9}) {
            DormandPrince45 dp = DormandPrince45.of(tol, tol);
            DormandPrince45.Result r = dp.solve(OSCILLATOR, x0, 0, T, 10);
            double c = Math.cos(T), s = Math.sin(T);
            double[][] exact = {{c, -s}, {2 * s, 2 * c}};
            double err = 0;
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) err = Math.max(err, Math.abs(r.x()[i][j] - exact[i][j]));
            System.out.printf("DP45 oscillator tol=%.0e: error %.2e, accepted %d, rejected %d%n", tol, err, r.accepted(), r.rejected());
            // local control gives global error of order tol × (number of periods): allow 20 tol
            assertTrue(err <= 20 * tol, "error " + err + " for tol " + tol);
            double[][] back = dp.integrate(OSCILLATOR, r.x(), T, 0, 10);
            for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) assertEquals(x0[i][j], back[i][j], 40 * tol);
        }
        // tighter tolerance needs more steps
        int coarse = DormandPrince45.of(1e-5, 1e-5).solve(OSCILLATOR, x0, 0, T, 1).accepted();
        int fine = DormandPrince45.of(1e-10, 1e-10).solve(OSCILLATOR, x0, 0, T, 1).accepted();
        assertTrue(fine > 5 * coarse, "steps " + coarse + " vs " + fine);
    }

    @Test
    void trajectoryEndsAtT1() {
        Trajectory tr = DormandPrince45.of(1e-8, 1e-8).trajectory(OSCILLATOR, new double[][]{{1, 0}}, 0, Math.PI, 4);
        double[] ts = tr.times();
        assertEquals(0, ts[0]);
        assertEquals(Math.PI, ts[ts.length - 1]);
        for (int k = 1; k < ts.length; k++) assertTrue(ts[k] > ts[k - 1]);
        assertEquals(-1, tr.state(ts.length - 1)[0][0], 1e-7);
        assertEquals(Math.cos(ts[1]), tr.coordinate(0, 0)[1], 1e-7);
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        FixedStepSolverTest.assertMessage("rtol = -1", () -> DormandPrince45.of(-1, 1e-6));
        FixedStepSolverTest.assertMessage("atol = NaN", () -> DormandPrince45.of(1e-6, Double.NaN));
        FixedStepSolverTest.assertMessage("rtol = 0 and atol = 0", () -> DormandPrince45.of(0, 0));
        FixedStepSolverTest.assertMessage("maxSteps = 0", () -> DormandPrince45.builder().maxSteps(0));
        DormandPrince45 dp = DormandPrince45.of(1e-6, 1e-6);
        FixedStepSolverTest.assertMessage("steps = 0", () -> dp.integrate(OSCILLATOR, new double[][]{{1, 0}}, 0, 1, 0));
        FixedStepSolverTest.assertMessage("x0[0][0] = NaN", () -> dp.integrate(OSCILLATOR, new double[][]{{Double.NaN, 0}}, 0, 1, 1));
        FixedStepSolverTest.assertMessage("t1 = NaN", () -> dp.integrate(OSCILLATOR, new double[][]{{1, 0}}, 0, Double.NaN, 1));
        assertThrows(IllegalStateException.class, () -> DormandPrince45.builder().rtol(1e-12).atol(1e-12).maxSteps(5).build()
                .integrate(OSCILLATOR, new double[][]{{1, 0}}, 0, 100, 1));
    }
}
