package genflow.path;

import genflow.ode.RungeKutta4;
import genflow.process.Process1D;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import genflow.schedule.TimeChange;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.random.RandomGenerator;

import static genflow.path.PathTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class MeanRevertingPathTest {
    /** A Wiener-type test process (the real processes live in genflow.process): Y_s ~ N(0, s), v_s(y) = y/(2s). */
    static final Process1D WIENER = new Process1D() {
        @Override public double sample(double s, RandomGenerator rng) { return Math.sqrt(s) * rng.nextGaussian(); }
        @Override public double velocity(double s, double y) { return y / (2 * s); }
        @Override public String toString() { return "test Wiener"; }
    };

    /** Density of X_t | x0 for Wiener Y: N(f(t) x0, g(t)), independent of the velocity formula. */
    static double density(TimeChange c, double t, double x, double x0) {
        double m = c.f(t) * x0, v = c.g(t);
        return Math.exp(-(x - m) * (x - m) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
    }

    @Test
    void conditionalVelocitySatisfiesContinuityEquation() {
        double h = 1e-5, x0 = 0.8;
        for (TimeChange c : List.of(TimeChange.flowMatching(), TimeChange.ornsteinUhlenbeck(), TimeChange.ornsteinUhlenbeck(1, 3))) {
            MeanRevertingPath path = new MeanRevertingPath(WIENER, c);
            for (double t : new double[]{0.15, 0.5, 0.85}) {
                double sd = Math.sqrt(c.g(t));
                double scale = 0, worst = 0;
                for (double k = -2.5; k <= 2.5; k += 0.25) {
                    double x = c.f(t) * x0 + k * sd, dx = h * sd;
                    double dtp = (density(c, t + h, x, x0) - density(c, t - h, x, x0)) / (2 * h);
                    double fp = density(c, t, x + dx, x0) * path.conditionalVelocity(t, new double[]{x + dx}, new double[]{x0})[0];
                    double fm = density(c, t, x - dx, x0) * path.conditionalVelocity(t, new double[]{x - dx}, new double[]{x0})[0];
                    double dxflux = (fp - fm) / (2 * dx);
                    scale = Math.max(scale, Math.abs(dtp));
                    worst = Math.max(worst, Math.abs(dtp + dxflux));
                }
                assertTrue(worst <= 1e-5 * scale, c + " t=" + t + ": residual " + worst + " vs " + scale);
            }
        }
    }

    @Test
    void flowMatchingChoiceIsCondOtRunBackwards() {
        MeanRevertingPath mr = new MeanRevertingPath(WIENER, TimeChange.flowMatching());
        GaussianPath gp = new GaussianPath(new LinearSchedule());
        double[] x0 = {1.2, -0.4}, x = {0.3, 0.9};
        for (double t : new double[]{0.1, 0.5, 0.9}) {
            double[] v = mr.conditionalVelocity(t, x, x0);
            double[] u = gp.conditionalVelocity(1 - t, x, x0);
            for (int j = 0; j < 2; j++) {
                assertEquals(-u[j], v[j], 1e-12);
                assertEquals((x[j] - x0[j]) / t, v[j], 1e-12, "seed 000: v = (x − x0)/t");
            }
        }
    }

    @Test
    void sampleHasMeanFx0AndVarianceG() {
        TimeChange c = TimeChange.ornsteinUhlenbeck(0.5, 4);
        MeanRevertingPath path = new MeanRevertingPath(WIENER, c);
        int n = 20_000;
        double t = 0.3;
        double[][] x = path.sample(t, repeat(n, 2, -1), Rngs.seeded(4));
        for (int j = 0; j < 2; j++) {
            double[] mv = meanVar(x, j);
            double x0 = j == 0 ? 2 : -1;
            assertEquals(c.f(t) * x0, mv[0], 4 * Math.sqrt(c.g(t) / n));
            assertEquals(c.g(t), mv[1], 4 * c.g(t) * Math.sqrt(2.0 / n));
        }
        double[][] atData = path.sample(new double[]{0}, new double[][]{{2, -1}}, Rngs.seeded(4));
        assertArrayEquals(new double[]{2, -1}, atData[0], 0, "t = 0 is the data");
    }

    @Test
    void conditionalOdeTransportsSamplesToTheNoiseEnd() {
        // integrate dx/dt = v_t(x | x0) from t = 0.05 to 1 on samples of X_0.05 | x0: X_1 | x0 ~ N(f(1) x0, g(1))
        TimeChange c = TimeChange.flowMatching();
        MeanRevertingPath path = new MeanRevertingPath(WIENER, c);
        double[] x0 = {1.5};
        int n = 4000;
        double[][] start = path.sample(0.05, repeat(n, x0), Rngs.seeded(8));
        double[][] end = new RungeKutta4().integrate(path.conditionalVelocityField(x0), start, 0.05, 1, 40);
        double[] mv = meanVar(end, 0);
        assertEquals(0, mv[0], 4 * Math.sqrt(1.0 / n));
        assertEquals(1, mv[1], 4 * Math.sqrt(2.0 / n));
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        MeanRevertingPath path = new MeanRevertingPath(WIENER, TimeChange.flowMatching());
        assertMessage("t = 0.0: the conditional velocity", () -> path.conditionalVelocity(0, new double[]{0.5}, new double[]{1}));
        assertMessage("t = -0.5", () -> path.sample(-0.5, new double[][]{{1}}, Rngs.seeded(1)));
        assertMessage("data has dimension 1, expected 2", () -> path.conditionalVelocity(0.5, new double[]{0, 1}, new double[]{1}));
        assertMessage("data[0][0] = NaN", () -> path.sample(0.5, new double[][]{{Double.NaN}}, Rngs.seeded(1)));
        assertMessage("process must not be null", () -> new MeanRevertingPath(null, TimeChange.flowMatching()));
        assertMessage("timeChange must not be null", () -> new MeanRevertingPath(WIENER, null));
    }
}
