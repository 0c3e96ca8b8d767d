package genflow.nn;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class RqSplineTest {

    static RqSpline randomSpline(int dim, int bins, double bound, long seed) {
        RqSpline s = RqSpline.identity(dim, bins, bound);
        SplittableRandom r = new SplittableRandom(seed);
        double[] p = s.parameters();
        for (int i = 0; i < p.length; i++) p[i] += r.nextGaussian();
        return s;
    }

    @Test
    void normalQuantileMatchesPublishedValues() {
        assertEquals(0.0, RqSpline.normalQuantile(0.5), 1e-15);
        assertEquals(1.959963984540054, RqSpline.normalQuantile(0.975), 5e-9);
        assertEquals(-2.326347874040841, RqSpline.normalQuantile(0.01), 5e-9);  // lower tail branch
        assertEquals(3.090232306167814, RqSpline.normalQuantile(0.999), 5e-9);   // upper tail branch
        assertEquals(-RqSpline.normalQuantile(0.2), RqSpline.normalQuantile(0.8), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> RqSpline.normalQuantile(0));
        assertThrows(IllegalArgumentException.class, () -> RqSpline.normalQuantile(1));
    }

    @Test
    void identityInitialisationIsTheGaussianQuantile() {
        RqSpline s = RqSpline.identity(2);
        for (double u : new double[]{1e-7, 0.01, 0.3, 0.5, 0.77, 0.999}) {
            assertEquals(RqSpline.normalQuantile(u), s.quantile(0, u), 1e-12);
            assertEquals(RqSpline.normalQuantile(u), s.quantile(1, u), 1e-12);
        }
    }

    @Test
    void randomSplineIsMonotoneContinuousAndIdentityInTheTails() {
        RqSpline s = randomSpline(2, 8, 3, 1);
        for (int c = 0; c < 2; c++) {
            double prev = Double.NEGATIVE_INFINITY;
            for (double z = -4; z <= 4; z += 1e-3) {
                double y = s.spline(c, z);
                assertTrue(y > prev, "not increasing at z = " + z);
                assertTrue(Math.abs(y - prev) < 0.05 || prev == Double.NEGATIVE_INFINITY, "jump at z = " + z);
                prev = y;
            }
            assertEquals(-3.5, s.spline(c, -3.5), 0);
            assertEquals(4.0, s.spline(c, 4.0), 0);
            assertEquals(3.0, s.spline(c, 3 - 1e-12), 1e-9); // continuous at the bound
        }
        assertNotEquals(0.3, s.spline(0, 0.3), 1e-3); // really deformed
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        RqSpline s = randomSpline(2, 6, 2.5, 2);
        int n = 50;
        SplittableRandom r = new SplittableRandom(3);
        double[] u = new double[n * 2], w = new double[n * 2];
        for (int i = 0; i < u.length; i++) { u[i] = 0.001 + 0.998 * r.nextDouble(); w[i] = r.nextGaussian(); }
        Objective o = new Objective() {
            public int dim() { return 2; }
            public List<Parametric> parameters() { return List.of(s); }
            public double lossAndGradient(double[] data, double[] noise, int k, RandomGenerator rng, double[][] g) {
                double[] q = new double[k * 2];
                s.forward(u, k, q);
                double v = 0;
                for (int i = 0; i < q.length; i++) v += w[i] * q[i] * q[i];
                double[] dq = new double[q.length];
                for (int i = 0; i < q.length; i++) dq[i] = 2 * w[i] * q[i];
                s.backward(u, k, dq, g[0]);
                return v;
            }
        };
        double err = GradCheck.maxError(o, new double[n * 2], null, n, 4, 10_000);
        assertTrue(err < 1e-6, "spline gradient error " + err);
    }

    @Test
    void saveLoadRoundTripIsBitExact(@TempDir Path dir) {
        RqSpline s = randomSpline(3, 5, 4, 9);
        s.save(dir.resolve("s.bin"));
        RqSpline r = RqSpline.load(dir.resolve("s.bin"));
        assertEquals(s.bins(), r.bins());
        assertEquals(s.bound(), r.bound());
        for (int i = 0; i < s.parameters().length; i++) {
            assertEquals(Double.doubleToRawLongBits(s.parameters()[i]), Double.doubleToRawLongBits(r.parameters()[i]));
        }
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> RqSpline.identity(1, 1, 3));
        assertThrows(IllegalArgumentException.class, () -> RqSpline.identity(1, 8, -1));
        RqSpline s = RqSpline.identity(1);
        assertThrows(IllegalArgumentException.class, () -> s.quantile(0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> s.quantile(1, 0.5));
        assertThrows(IllegalArgumentException.class, () -> s.quantile(new double[][]{{0.5, 0.5}}));
    }
}
