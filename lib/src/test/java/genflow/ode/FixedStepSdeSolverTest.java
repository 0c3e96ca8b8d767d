package genflow.ode;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class FixedStepSdeSolverTest {
    /** Euler–Maruyama written as a subclass, drawing in the library's order (row, then coordinate). */
    static final class MyEulerMaruyama extends FixedStepSdeSolver {
        @Override protected double[][] advance(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
            double[][] f = sde.drift().apply(t, x), g = sde.diffusion().apply(t, x);
            double[][] out = new double[x.length][x[0].length];
            for (int i = 0; i < x.length; i++)
                for (int j = 0; j < x[i].length; j++) out[i][j] = x[i][j] + h * f[i][j] + g[i][j] * Math.sqrt(Math.abs(h)) * rng.nextGaussian();
            return out;
        }
    }

    static final Sde OU = Sde.diagonal((t, x) -> {
        double[][] o = new double[x.length][2];
        for (int i = 0; i < x.length; i++) { o[i][0] = -1.5 * x[i][0] + t; o[i][1] = -0.5 * x[i][1]; }
        return o;
    }, (t, x) -> {
        double[][] o = new double[x.length][2];
        for (double[] r : o) { r[0] = 0.3 + t; r[1] = 1.2; }
        return o;
    });

    @Test
    void aSubclassPlugsInWhereverAnSdeSolverIsExpectedAndMatchesTheLibrary() {
        double[][] x0 = {{1.0, -2.0}, {0.5, 0.5}, {3.0, 0.0}};
        for (double[] times : new double[][]{{0, 1}, {1, 0.2}}) {
            SdeSolver mine = new MyEulerMaruyama(), lib = new EulerMaruyama();
            double[][] a = mine.integrate(OU, x0, times[0], times[1], 17, Rngs.seeded(4));
            double[][] b = lib.integrate(OU, x0, times[0], times[1], 17, Rngs.seeded(4));
            for (int i = 0; i < 3; i++) assertArrayEquals(b[i], a[i], 1e-15, "from t = " + times[0]);
            Trajectory ta = mine.trajectory(OU, x0, times[0], times[1], 17, Rngs.seeded(4), 2);
            assertArrayEquals(b[2], ta.state(17)[0], 1e-15);
            assertEquals(times[1], ta.times()[17], 0);
        }
        assertArrayEquals(new double[]{1.0, -2.0}, x0[0], 0, "x0 not modified");
    }

    @Test
    void stepResultsAndArgumentsAreChecked() {
        FixedStepSdeSolver wrongShape = new FixedStepSdeSolver() {
            @Override protected double[][] advance(Sde sde, double t, double h, double[][] x, RandomGenerator rng) { return new double[x.length][1]; }
        };
        FixedStepSdeSolver nan = new FixedStepSdeSolver() {
            @Override protected double[][] advance(Sde sde, double t, double h, double[][] x, RandomGenerator rng) {
                double[][] o = new double[x.length][x[0].length];
                o[0][0] = Math.sqrt(h);   // NaN for h < 0
                return o;
            }
        };
        double[][] x0 = {{1.0, 2.0}};
        assertTrue(assertThrows(IllegalArgumentException.class, () -> wrongShape.integrate(OU, x0, 0, 1, 2, Rngs.seeded(1)))
                .getMessage().contains("dimension"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nan.integrate(OU, x0, 1, 0, 2, Rngs.seeded(1)))
                .getMessage().contains("not finite"));
        MyEulerMaruyama em = new MyEulerMaruyama();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> em.integrate(null, x0, 0, 1, 2, Rngs.seeded(1))).getMessage().contains("sde"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> em.integrate(OU, x0, 0, 1, 0, Rngs.seeded(1))).getMessage().contains("steps"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> em.integrate(OU, x0, 0, 1, 2, null)).getMessage().contains("rng"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> em.step(OU, Double.NaN, 0.1, x0, Rngs.seeded(1))).getMessage().contains("t"));
    }
}
