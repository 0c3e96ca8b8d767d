package genflow.ode;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class LangevinTrajectoryTest {
    /** Score of N(0, I): −x. */
    static final VectorField STANDARD = (t, x) -> {
        double[][] s = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[i].length; j++) s[i][j] = -x[i][j];
        return s;
    };

    @Test
    void trajectoryEndsWhereRunEndsAndStartsAtX0() {
        double[][] x0 = {{3, -1}, {0.5, 2}, {-4, 0}};
        Langevin ula = new Langevin(0.05);
        double[][] end = ula.run(STANDARD, 0, x0, 40, Rngs.seeded(7));
        Trajectory tr = ula.trajectory(STANDARD, 0, x0, 40, Rngs.seeded(7), 0, 2);
        assertEquals(41, tr.length());
        assertArrayEquals(new double[]{0, 1, 2}, java.util.Arrays.copyOf(tr.times(), 3));
        assertArrayEquals(x0[0], tr.state(0)[0]);
        assertArrayEquals(x0[2], tr.state(0)[1]);
        assertArrayEquals(end[0], tr.state(40)[0], 0.0);
        assertArrayEquals(end[2], tr.state(40)[1], 0.0);
        assertEquals(3, x0.length, "x0 is not modified");
        assertEquals(3.0, x0[0][0]);
    }

    @Test
    void firstStepFollowsTheUlaFormula() {
        // x1 = x0 + η(−x0) + √(2η) ε with the generator's first normal draws.
        double eta = 0.1;
        double[][] x0 = {{2.0}};
        java.util.random.RandomGenerator r = Rngs.seeded(3);
        double eps = r.nextGaussian();
        Trajectory tr = new Langevin(eta).trajectory(STANDARD, 0, x0, 1, Rngs.seeded(3));
        assertEquals(2.0 - eta * 2.0 + Math.sqrt(2 * eta) * eps, tr.state(1)[0][0], 1e-15);
    }

    @Test
    void zeroStepsReturnsACopyAndBadInputIsNamed() {
        double[][] x0 = {{1.0, 2.0}};
        double[][] same = new Langevin(0.1).run(STANDARD, 0, x0, 0, Rngs.seeded(1));
        assertArrayEquals(x0[0], same[0]);
        assertNotSame(x0[0], same[0]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Langevin(0.1).trajectory(STANDARD, 0, x0, 0, Rngs.seeded(1)));
        assertTrue(e.getMessage().contains("steps"), e.getMessage());
    }
}
