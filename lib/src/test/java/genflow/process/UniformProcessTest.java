package genflow.process;

import static genflow.process.KacProcessTest.assertMessage;
import static org.junit.jupiter.api.Assertions.*;

import genflow.math.Quadrature;
import genflow.random.Rngs;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class UniformProcessTest {
    /**
     * ‖v_t‖²_{L²(μ_t)} = ∫_{−h}^{h} (x/(b(e^{t/b}−1)))² dx/(2h) = e^{−2t/b}/3. Seed 000 writes
     * (2b/3)e^{−2t/b}: off by the factor 2b, so it is wrong for every b ≠ 1/2.
     */
    @Test
    void velocityNormIsExpOver3NotTheSeedsFormula() {
        for (double b : new double[] {0.5, 1, 2, 5}) {
            UniformProcess u = UniformProcess.of(b);
            for (double t : new double[] {0.01, 0.2, 1, 3}) {
                double h = u.halfWidth(t);
                double quad = Quadrature.integrate(x -> { double v = u.velocity(t, x); return v * v * u.density(t, x); }, -h, h, 1e-15, 1e-13);
                double truth = Math.exp(-2 * t / b) / 3, seed = 2 * b / 3 * Math.exp(-2 * t / b);
                assertEquals(truth, quad, 1e-12 * truth, "b=" + b + " t=" + t);
                assertEquals(quad, u.velocityNormSquared(t), 1e-12 * truth);
                if (b != 0.5) assertTrue(Math.abs(seed - quad) > 0.1 * quad, "seed formula unexpectedly right at b=" + b);
                else assertEquals(seed, quad, 1e-12);
            }
        }
        // independent Monte Carlo: pathwise derivative dU_t/dt = e^{-t/b} U and E[v_t(U_t)^2]
        UniformProcess u = UniformProcess.of(2);
        RandomGenerator rng = Rngs.seeded(3);
        double t = 0.7, s = 0;
        int n = 40000;
        for (int i = 0; i < n; i++) { double v = u.velocity(t, u.sample(t, rng)); s += v * v; }
        // sd(U²)/E[U²] = √(4/45)/(1/3) ≈ 0.894 for U ~ U[−1, 1]: allow 4 standard errors
        assertEquals(u.velocityNormSquared(t), s / n, 4 * 0.9 * u.velocityNormSquared(t) / Math.sqrt(n));
    }

    @Test
    void velocitySatisfiesContinuityEquationAndMovesTheEdge() {
        for (double b : new double[] {0.5, 1, 3}) {
            UniformProcess u = UniformProcess.of(b);
            for (double t : new double[] {0.05, 0.5, 2}) {
                double h = u.halfWidth(t), k = 1e-5 * t, dx = 1e-4 * h;
                for (double f = -0.9; f <= 0.91; f += 0.3) {
                    double x = f * h;
                    double dt = (u.density(t + k, x) - u.density(t - k, x)) / (2 * k);
                    double div = (u.density(t, x + dx) * u.velocity(t, x + dx) - u.density(t, x - dx) * u.velocity(t, x - dx)) / (2 * dx);
                    assertEquals(0.0, dt + div, 1e-6 * Math.abs(dt), "b=" + b + " t=" + t + " x=" + x);
                }
                // the support edge h_t moves with the velocity at the edge: dh/dt = v_t(h_t)
                double dh = (u.halfWidth(t + k) - u.halfWidth(t - k)) / (2 * k);
                assertEquals(dh, u.velocity(t, h), 1e-8 * dh);
            }
        }
    }

    @Test
    void samplesMatchTheUniformLaw() {
        UniformProcess u = UniformProcess.of(1.5);
        int n = 4000;
        double t = 0.8;
        RandomGenerator rng = Rngs.seeded(8);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) xs[i] = u.sample(t, rng);
        double d = KsTest.statistic(xs, x -> u.cdf(t, x), x -> u.cdf(t, x));
        assertTrue(d < KsTest.critical1Percent(n), "KS D = " + d);
        assertEquals(1.5 * (1 - Math.exp(-t / 1.5)), u.halfWidth(t), 1e-15);
        assertEquals(0.0, u.sample(0, rng), 0.0);
    }

    @Test
    void badInput() {
        assertMessage("b", () -> UniformProcess.of(0));
        assertMessage("b", () -> UniformProcess.of(Double.NaN));
        UniformProcess u = UniformProcess.of(1);
        assertMessage("t", () -> u.sample(-1, Rngs.seeded(1)));
        assertMessage("t", () -> u.velocity(0, 0.1));
        assertMessage("t", () -> u.density(-1, 0));
        assertMessage("x", () -> u.velocity(1, Double.NaN));
        assertMessage("rng", () -> u.sample(1, null));
    }
}
