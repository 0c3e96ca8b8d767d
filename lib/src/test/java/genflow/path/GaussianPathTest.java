package genflow.path;

import genflow.ode.RungeKutta4;
import genflow.random.Rngs;
import genflow.schedule.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static genflow.path.PathTesting.*;
import static org.junit.jupiter.api.Assertions.*;

class GaussianPathTest {
    static List<Schedule> schedules() {
        return List.of(new LinearSchedule(), new PolynomialSchedule(2), new VpSchedule(), new VeSchedule(0.05, 5), new CosineSchedule());
    }

    @ParameterizedTest @MethodSource("schedules")
    void sampleHasConditionalMeanAndVariance(Schedule s) {
        GaussianPath path = new GaussianPath(s);
        int n = 20_000;
        double t = 0.4;
        double[][] x = path.sample(t, repeat(n, 1.5, -2), Rngs.seeded(1)).xt();
        double a = s.alpha(t), b = s.beta(t);
        for (int j = 0; j < 2; j++) {
            double[] mv = meanVar(x, j);
            double z = j == 0 ? 1.5 : -2;
            assertEquals(a * z, mv[0], 4 * b / Math.sqrt(n), s + " mean");
            assertEquals(b * b, mv[1], 4 * b * b * Math.sqrt(2.0 / n), s + " variance");
        }
    }

    /** ∂_t p_t(x|z) + ∂_x (p_t(x|z) u_t(x|z)) = 0 by central differences (1-D), i.e. u generates the path. */
    @ParameterizedTest @MethodSource("schedules")
    void conditionalVelocitySatisfiesContinuityEquation(Schedule s) {
        GaussianPath path = new GaussianPath(s);
        double[] z = {0.7};
        double h = 1e-5;
        for (double t : new double[]{0.2, 0.5, 0.8}) {
            double a = s.alpha(t), b = s.beta(t);
            double scale = 0;
            double worst = 0;
            for (double k = -2.5; k <= 2.5; k += 0.25) {
                double x = a * z[0] + k * b;
                double dtp = (p(path, t + h, x, z) - p(path, t - h, x, z)) / (2 * h);
                double dxflux = (p(path, t, x + h * b, z) * path.conditionalVelocity(t, new double[]{x + h * b}, z)[0]
                        - p(path, t, x - h * b, z) * path.conditionalVelocity(t, new double[]{x - h * b}, z)[0]) / (2 * h * b);
                scale = Math.max(scale, Math.abs(dtp));
                worst = Math.max(worst, Math.abs(dtp + dxflux));
            }
            assertTrue(worst <= 1e-6 * scale, s + " at t=" + t + ": residual " + worst + " vs scale " + scale);
        }
    }

    static double p(GaussianPath path, double t, double x, double[] z) {
        return Math.exp(path.conditionalLogDensity(t, new double[]{x}, z));
    }

    /** The conditional ODE carries x_s = α_s z + β_s ε to x_t = α_t z + β_t ε (same ε). */
    @ParameterizedTest @MethodSource("schedules")
    void conditionalFlowKeepsTheNoise(Schedule s) {
        GaussianPath path = new GaussianPath(s);
        double[] z = {1.0, -0.5};
        double[][] eps = {{0.3, -1.2}, {-2, 0.5}};
        double[][] zz = {z, z};
        double[][] start = path.interpolate(0.1, zz, eps);
        double[][] end = new RungeKutta4().integrate(path.conditionalVelocityField(z), start, 0.1, 0.9, 400);
        double[][] exact = path.interpolate(0.9, zz, eps);
        for (int i = 0; i < 2; i++) assertArrayEquals(exact[i], end[i], 1e-7, s.toString());
    }

    @ParameterizedTest @MethodSource("schedules")
    void conditionalScoreIsGradientOfLogDensity(Schedule s) {
        GaussianPath path = new GaussianPath(s);
        double[] z = {0.4, 1.1}, x = {-0.3, 0.9};
        double t = 0.6, h = 1e-6;
        double[] score = path.conditionalScore(t, x, z);
        for (int j = 0; j < 2; j++) {
            double[] xp = x.clone(), xm = x.clone();
            xp[j] += h; xm[j] -= h;
            double fd = (path.conditionalLogDensity(t, xp, z) - path.conditionalLogDensity(t, xm, z)) / (2 * h);
            assertEquals(fd, score[j], 1e-6 * Math.max(1, Math.abs(fd)));
        }
    }

    @Test
    void condOtVelocityIsStraightLineTarget() {
        GaussianPath path = new GaussianPath(new LinearSchedule());
        double[] z = {2, -1}, x = {0.5, 0.25};
        double t = 0.3;
        double[] u = path.conditionalVelocity(t, x, z);
        // seed 003: f(x, x1, t) = (x1 − x)/(1 − t)
        assertEquals((2 - 0.5) / 0.7, u[0], 1e-14);
        assertEquals((-1 - 0.25) / 0.7, u[1], 1e-14);
        double[][] ub = path.conditionalVelocity(new double[]{t, 0.0}, new double[][]{x, x}, new double[][]{z, z});
        assertArrayEquals(u, ub[0], 0);
        assertArrayEquals(new double[]{2 - 0.5, -1 - 0.25}, ub[1], 1e-15);
        double[][] xt = path.sample(new double[]{1, 1}, new double[][]{z, z}, Rngs.seeded(2)).xt();
        assertArrayEquals(z, xt[0], 0, "t = 1 is the data");
    }

    @Test
    void badInputIsRejectedNamingTheParameter() {
        GaussianPath path = new GaussianPath(new LinearSchedule());
        double[] z = {1, 2};
        assertMessage("beta_t = 0.0", () -> path.conditionalVelocity(1, new double[]{0, 0}, z));
        assertMessage("beta_t = 0.0", () -> path.conditionalScore(1, new double[]{0, 0}, z));
        assertMessage("t = 1.5 is outside [0, 1]", () -> path.conditionalVelocity(1.5, new double[]{0, 0}, z));
        assertMessage("t = NaN", () -> path.sample(Double.NaN, new double[][]{z}, Rngs.seeded(1)));
        assertMessage("data has dimension 2, expected 3", () -> path.conditionalVelocity(0.5, new double[]{0, 0, 0}, z));
        assertMessage("x[1] = NaN", () -> path.conditionalScore(0.5, new double[]{0, Double.NaN}, z));
        assertMessage("data has 1 rows, expected 2", () -> path.conditionalVelocity(0.5, new double[][]{{0, 0}, {1, 1}}, new double[][]{z}));
        assertMessage("t has 1 entries, expected 2", () -> path.sample(new double[]{0.5}, new double[][]{z, z}, Rngs.seeded(1)));
        assertMessage("t[1] = -0.1", () -> path.sample(new double[]{0.5, -0.1}, new double[][]{z, z}, Rngs.seeded(1)));
        assertMessage("rng must not be null", () -> path.sample(0.5, new double[][]{z}, (java.util.random.RandomGenerator) null));
        assertMessage("noise[0] has dimension 1, expected 2", () -> path.interpolate(0.5, new double[][]{z}, new double[][]{{1}}));
        assertMessage("schedule must not be null", () -> new GaussianPath(null));
    }
}
