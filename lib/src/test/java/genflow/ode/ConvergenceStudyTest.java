package genflow.ode;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class ConvergenceStudyTest {
    private static final double THETA = 1.3;
    private static final VectorField DECAY = (t, x) -> {
        double[][] out = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) out[i][j] = -THETA * x[i][j];
        return out;
    };

    @Test
    void slopeOfExactPowerLawIsItsExponent() {
        double[] h = {0.1, 0.05, 0.025, 0.0125};
        double[] e = new double[h.length];
        for (int k = 0; k < h.length; k++) e[k] = 3.7 * Math.pow(h[k], 2.5);
        assertEquals(2.5, ConvergenceStudy.logLogSlope(h, e), 1e-12);
    }

    @Test
    void observedOrdersOfEulerHeunRk4OnLinearDecay() {
        double[][] x0 = {{1.0, -2.0}, {0.5, 3.0}};
        double t1 = 1.0, f = Math.exp(-THETA * t1);
        double[][] exact = {{f, -2 * f}, {0.5 * f, 3 * f}};
        int[] steps = {10, 20, 40, 80};
        double[] h = ConvergenceStudy.stepSizes(0, t1, steps);
        assertEquals(0.1, h[0], 1e-15);
        double pE = ConvergenceStudy.logLogSlope(h, ConvergenceStudy.errors(new Euler(), DECAY, x0, 0, t1, exact, steps));
        double pH = ConvergenceStudy.logLogSlope(h, ConvergenceStudy.errors(new Heun(), DECAY, x0, 0, t1, exact, steps));
        double pR = ConvergenceStudy.logLogSlope(h, ConvergenceStudy.errors(new RungeKutta4(), DECAY, x0, 0, t1, exact, steps));
        assertEquals(1, pE, 0.1);
        assertEquals(2, pH, 0.1);
        assertEquals(4, pR, 0.15);
    }

    @Test
    void errorOfOneEulerStepMatchesHandComputation() {
        double[][] x0 = {{2.0}};
        double[] e = ConvergenceStudy.errors(new Euler(), DECAY, x0, 0, 0.5, new double[][]{{2 * Math.exp(-THETA * 0.5)}}, new int[]{1});
        assertEquals(Math.abs(2 * (1 - THETA * 0.5) - 2 * Math.exp(-THETA * 0.5)), e[0], 1e-14);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.logLogSlope(new double[]{0.1}, new double[]{1}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.logLogSlope(new double[]{0.1, 0.1}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.logLogSlope(new double[]{0.1, 0.2}, new double[]{0, 2}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.logLogSlope(new double[]{0.1, Double.NaN}, new double[]{1, 2}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.stepSizes(1, 1, new int[]{1}));
        assertThrows(IllegalArgumentException.class, () -> ConvergenceStudy.stepSizes(0, 1, new int[]{0}));
        assertThrows(IllegalArgumentException.class,
                () -> ConvergenceStudy.errors(new Euler(), DECAY, new double[][]{{1}}, 0, 1, new double[][]{{1}, {2}}, new int[]{1}));
    }
}
