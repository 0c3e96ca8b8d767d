package genflow.process;

import static genflow.process.KacProcessTest.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

import genflow.math.Quadrature;
import genflow.random.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class WienerProcessTest {
    final WienerProcess w = new WienerProcess();

    @Test
    void velocitySatisfiesContinuityEquation() {
        for (double s : new double[] {0.01, 0.3, 1, 4}) {
            double hs = 1e-4 * s, hy = 1e-4 * Math.sqrt(s), worst = 0, scale = 0;
            for (double u = -4; u <= 4; u += 0.25) {
                double y = u * Math.sqrt(s);
                double dt = (w.density(s + hs, y) - w.density(s - hs, y)) / (2 * hs);
                double div = (w.density(s, y + hy) * w.velocity(s, y + hy) - w.density(s, y - hy) * w.velocity(s, y - hy)) / (2 * hy);
                worst = Math.max(worst, Math.abs(dt + div));
                scale = Math.max(scale, Math.abs(dt));
            }
            assertTrue(worst < 1e-6 * scale, "s=" + s + ": CE residual " + worst + " vs " + scale);
        }
    }

    @Test
    void velocityNormIsOneOverFourS() {
        for (double s : new double[] {0.05, 0.5, 2}) {
            double sd = Math.sqrt(s);
            double quad = Quadrature.integrate(y -> { double v = w.velocity(s, y); return v * v * w.density(s, y); }, -40 * sd, 40 * sd, 1e-14, 1e-12);
            assertEquals(1 / (4 * s), quad, 1e-10 / s);
            assertEquals(quad, w.velocityNormSquared(s), 1e-10 / s);
        }
    }

    @Test
    void samplesMatchTheGaussianLaw() {
        double s = 2.5;
        int n = 4000;
        double[] xs = new double[n];
        RandomGenerator rng = Rngs.seeded(21);
        for (int i = 0; i < n; i++) xs[i] = w.sample(s, rng);
        double lo = -40 * Math.sqrt(s);
        java.util.function.DoubleUnaryOperator cdf = x -> x <= lo ? 0 : Quadrature.integrate(y -> w.density(s, y), lo, x, 1e-13, 1e-12);
        double d = KsTest.statistic(xs, cdf, cdf);
        assertTrue(d < KsTest.critical1Percent(n), "KS D = " + d);
        assertEquals(0.0, w.sample(0, rng), 0.0);
    }

    @Test
    void badInput() {
        assertMessage("s", () -> w.sample(-1, Rngs.seeded(1)));
        assertMessage("s", () -> w.velocity(0, 1));
        assertMessage("s", () -> w.density(Double.NaN, 1));
        assertMessage("y", () -> w.velocity(1, Double.NaN));
        assertMessage("rng", () -> w.sample(1, null));
    }
}
