package genflow.process;

import static org.junit.jupiter.api.Assertions.*;

import genflow.random.Rngs;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class EnergyDistanceFlow1DTest {

    /** The sorted-rank evaluation equals the O(NM) double sum of signs for distinct points. */
    @Test
    void velocityMatchesBruteForceSignSums() {
        RandomGenerator rng = Rngs.seeded(11);
        double[] x = new double[57], y = new double[91];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
        for (int k = 0; k < y.length; k++) y[k] = 3 * rng.nextDouble() - 1;
        double[] v = EnergyDistanceFlow1D.towards(y).velocity(x);
        for (int i = 0; i < x.length; i++) {
            double s = 0, t = 0;
            for (double xj : x) s += Math.signum(x[i] - xj);
            for (double yk : y) t += Math.signum(x[i] - yk);
            assertEquals(s / x.length - t / y.length, v[i], 1e-14, "particle " + i);
        }
    }

    /** A point mass splits by index: the interaction term is 2u_i − 1 with u_i = (i + ½)/N. */
    @Test
    void pointMassSplitsIntoQuantileOrder() {
        double[] v = EnergyDistanceFlow1D.towards(new double[] {0.0}).velocity(new double[5]);
        assertArrayEquals(new double[] {-0.8, -0.4, 0, 0.4, 0.8}, v, 1e-15);
    }

    /**
     * From δ_0 towards (midpoint quantiles of) U[−b, b] the particles follow the uniform process:
     * the i-th particle is at h_t (2u_i − 1), h_t = b(1 − e^{−t/b}).
     */
    @Test
    void fromPointMassFollowsTheUniformProcess() {
        double b = 1.5;
        int m = 6000, n = 300;
        double[] y = new double[m];
        for (int k = 0; k < m; k++) y[k] = -b + 2 * b * (k + 0.5) / m;
        EnergyDistanceFlow1D flow = EnergyDistanceFlow1D.towards(y);
        UniformProcess u = UniformProcess.of(b);
        for (double t : new double[] {0.3, 1.0, 4.0}) {
            double[] x = flow.run(new double[n], t, (int) Math.ceil(t * 400));
            double worst = 0;
            for (int i = 0; i < n; i++) worst = Math.max(worst, Math.abs(x[i] - u.halfWidth(t) * (2 * (i + 0.5) / n - 1)));
            assertTrue(worst < 4e-3, "t=" + t + " max quantile error " + worst);
            double[] sorted = x.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, x, 0, "order preserved");
        }
        // and the flow really moves: at t = 1 the spread is far from the start and from the target
        double[] x1 = flow.run(new double[n], 1, 400);
        assertEquals(u.halfWidth(1), x1[n - 1] * n / (n - 1.0), 0.01);
        assertTrue(x1[n - 1] < 0.5 * b);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> EnergyDistanceFlow1D.towards(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> EnergyDistanceFlow1D.towards(new double[] {1, Double.NaN}));
        EnergyDistanceFlow1D f = EnergyDistanceFlow1D.towards(new double[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> f.velocity(new double[] {Double.POSITIVE_INFINITY}));
        assertThrows(IllegalArgumentException.class, () -> f.velocity(new double[0]));
        assertThrows(IllegalArgumentException.class, () -> f.run(new double[] {0}, -1, 10));
        assertThrows(IllegalArgumentException.class, () -> f.run(new double[] {0}, 1, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> f.run(new double[] {0}, Double.NaN, 3));
        assertTrue(e.getMessage().contains("t"));
    }
}
