package genflow.path;

import genflow.dist.GaussianMixture;
import genflow.dist.Sampleable;
import genflow.ode.RungeKutta4;
import genflow.ode.VectorField;
import genflow.random.Rngs;
import genflow.schedule.*;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static genflow.path.PathTesting.*;
import static org.junit.jupiter.api.Assertions.*;

/** Exact conditional, classifier and guided fields of a labelled GMM ({@link LabelledGmmMarginal}, {@link Guidance}). */
class GuidanceTest {
    /** Three classes: class 0 owns two components (one near class 1), classes 1 and 2 one each; unequal variances. */
    static final GaussianMixture DATA = new GaussianMixture(new double[]{0.2, 0.15, 0.4, 0.25},
            new double[][]{{-2, 1}, {0.5, 0.5}, {1.2, 1.0}, {0.0, -2.0}},
            new double[][]{{0.3, 0.2}, {0.2, 0.3}, {0.5, 0.4}, {0.3, 0.3}});
    static final int[] CLASS_OF = {0, 0, 1, 2};
    static final double[][] POINTS = {{0.2, 0.4}, {-1.0, 0.8}, {1.5, -0.5}, {-0.3, -1.2}};

    static List<Schedule> schedules() {
        return List.of(new LinearSchedule(), new VpSchedule(), new CosineSchedule());
    }

    static double logClassProbability(LabelledGmmMarginal g, double t, double[] x, int y) {
        return Math.log(g.classProbabilities(t, x)[y]);
    }

    /** p_t(y | x) equals π_y p_t(x | y)/p_t(x) from the two densities, and sums to 1. */
    @ParameterizedTest @MethodSource("schedules")
    void classifierIsBayesRuleOfTheClassMarginals(Schedule s) {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        assertArrayEquals(new double[]{0.35, 0.4, 0.25}, g.classWeights(), 1e-15);
        for (double t : new double[]{0.2, 0.55, 0.9}) {
            for (double[] x : POINTS) {
                double[] p = g.classProbabilities(t, x);
                double sum = 0;
                for (int y = 0; y < 3; y++) {
                    double bayes = g.classWeights()[y] * g.conditional(y).density(t, x) / g.unconditional().density(t, x);
                    assertEquals(bayes, p[y], 1e-12 * Math.max(1, bayes), "t=" + t + " y=" + y);
                    sum += p[y];
                }
                assertEquals(1, sum, 1e-12);
            }
        }
    }

    /** ∇log p_t(y | x) = s_y − s against central finite differences of log p_t(y | x). */
    @ParameterizedTest @MethodSource("schedules")
    void classifierGradientMatchesFiniteDifferences(Schedule s) {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        double h = 1e-5;
        for (double t : new double[]{0.3, 0.8}) {
            for (double[] x : POINTS) {
                for (int y = 0; y < 3; y++) {
                    double[] grad = g.classifierGradient(t, x, y);
                    for (int j = 0; j < 2; j++) {
                        double[] up = x.clone(), down = x.clone();
                        up[j] += h;
                        down[j] -= h;
                        double fd = (logClassProbability(g, t, up, y) - logClassProbability(g, t, down, y)) / (2 * h);
                        assertEquals(fd, grad[j], 1e-6 * Math.max(1, Math.abs(fd)), "t=" + t + " y=" + y + " j=" + j);
                    }
                }
            }
        }
    }

    /** The labels marginalise out: u_t(x) = Σ_y p_t(y | x) u_t(x | y). */
    @ParameterizedTest @MethodSource("schedules")
    void unconditionalVelocityIsTheClassifierAverageOfTheConditionalOnes(Schedule s) {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        for (double t : new double[]{0.0, 0.4, 0.95}) {
            for (double[] x : POINTS) {
                double[] p = g.classProbabilities(t, x), avg = new double[2];
                for (int y = 0; y < 3; y++) {
                    double[] uy = g.velocity(t, x, y);
                    for (int j = 0; j < 2; j++) avg[j] += p[y] * uy[j];
                }
                double[] u = g.velocity(t, x);
                for (int j = 0; j < 2; j++) assertEquals(u[j], avg[j], 1e-12 * (1 + Math.abs(u[j])));
            }
        }
    }

    /**
     * u_t(x | y) against an independent importance-sampling estimate of E[u_t(x | z) | x_t = x, y]
     * over draws z of class y only (4 standard errors).
     */
    @Test
    void conditionalVelocityMatchesMonteCarloOverTheClass() {
        Schedule s = new LinearSchedule();
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        int m = 100_000;
        for (int y = 0; y < 3; y++) {
            double[][] z = g.classData(y).sample(m, Rngs.seeded(40 + y));
            double t = 0.6, a = s.alpha(t), b = s.beta(t);
            double[] x = {0.3, 0.1};
            double[] logw = new double[m];
            double max = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < m; i++) {
                double d0 = x[0] - a * z[i][0], d1 = x[1] - a * z[i][1];
                logw[i] = -(d0 * d0 + d1 * d1) / (2 * b * b);
                max = Math.max(max, logw[i]);
            }
            double sw = 0;
            double[] w = new double[m], est = new double[2];
            for (int i = 0; i < m; i++) {
                w[i] = Math.exp(logw[i] - max);
                sw += w[i];
            }
            double[][] u = new double[m][2];
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < 2; j++) {
                    u[i][j] = (z[i][j] - x[j]) / (1 - t); // CondOT: u_t(x | z) = (z − x)/(1 − t)
                    est[j] += w[i] / sw * u[i][j];
                }
            }
            double[] exact = g.velocity(t, x, y);
            for (int j = 0; j < 2; j++) {
                double var = 0;
                for (int i = 0; i < m; i++) var += Math.pow(w[i] / sw * (u[i][j] - est[j]), 2);
                assertEquals(exact[j], est[j], 4 * Math.sqrt(var) + 1e-9, "class " + y + " coordinate " + j);
            }
        }
    }

    /** Classifier guidance (Tweedie of s + w ∇log p(y|x)) equals classifier-free guidance for the exact fields. */
    @ParameterizedTest @MethodSource("schedules")
    void classifierGuidanceEqualsClassifierFreeGuidanceForExactFields(Schedule s) {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        for (double t : new double[]{0.15, 0.5, 0.85}) {
            for (double w : new double[]{0, 0.5, 1, 2, 4.5}) {
                for (double[] x : POINTS) {
                    for (int y = 0; y < 3; y++) {
                        double[] cfg = g.guidedVelocity(t, x, y, w), cg = g.classifierGuidedVelocity(t, x, y, w);
                        for (int j = 0; j < 2; j++) assertEquals(cfg[j], cg[j], 1e-9 * (1 + Math.abs(cfg[j])), s + " t=" + t + " w=" + w + " y=" + y);
                    }
                }
            }
            // and the split u(x|y) − u(x) = b_t ∇log p_t(y|x)
            double bt = Guidance.scoreCoefficient(s, t);
            for (double[] x : POINTS) {
                double[] d = Vectors.lin(1, g.velocity(t, x, 1), -1, g.velocity(t, x)), c = g.classifierGradient(t, x, 1);
                for (int j = 0; j < 2; j++) assertEquals(d[j], bt * c[j], 1e-9 * (1 + Math.abs(d[j])));
            }
        }
    }

    @Test
    void guidanceScaleZeroIsUnconditionalAndOneIsConditional() {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, new LinearSchedule());
        double[][] x = POINTS;
        for (double t : new double[]{0.0, 0.3, 1.0}) {
            double[][] f0 = g.guidedField(2, 0).apply(t, x), f1 = g.guidedField(2, 1).apply(t, x), f3 = g.guidedField(2, 3).apply(t, x);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(g.velocity(t, x[i]), f0[i], 1e-14);
                assertArrayEquals(g.velocity(t, x[i], 2), f1[i], 1e-14);
                for (int j = 0; j < 2; j++) {
                    assertEquals(-2 * g.velocity(t, x[i])[j] + 3 * g.velocity(t, x[i], 2)[j], f3[i][j], 1e-12);
                }
            }
        }
        // CondOT: b_t = (1 − t)/t
        for (double t : new double[]{0.1, 0.5, 0.9}) assertEquals((1 - t) / t, Guidance.scoreCoefficient(new LinearSchedule(), t), 1e-14);
        // the field form of Guidance
        VectorField a = (t, y) -> repeat(y.length, 1.0, -2.0), b = (t, y) -> repeat(y.length, 3.0, 0.5);
        double[][] v = Guidance.classifierFree(a, b, 2.5).apply(0.4, repeat(3, 0, 0));
        for (double[] r : v) assertArrayEquals(new double[]{-1.5 * 1 + 2.5 * 3, -1.5 * -2 + 2.5 * 0.5}, r, 1e-14);
    }

    /**
     * Sampling the exact conditional field (w = 1) from noise gives the class's law: RK4 samples of
     * class 0 have the mean and the component masses of p(x | 0); the guided field with w = 4
     * moves mass from the component next to class 1 to the isolated one.
     */
    @Test
    void conditionalFieldTransportsNoiseToTheClassAndGuidanceSharpensIt() {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, new LinearSchedule());
        int n = 4000;
        double[][] x0 = genflow.dist.Gaussian.standard(2).sample(n, Rngs.seeded(3));
        double[][] x1 = new RungeKutta4().integrate(g.guidedField(0, 1), x0, 0, 1, 100);
        GaussianMixture c0 = g.classData(0);
        double[] mean = c0.mean(), sampleMean = new double[2];
        for (double[] r : x1) for (int j = 0; j < 2; j++) sampleMean[j] += r[j] / n;
        double[][] vars = c0.variances(), means = c0.means();
        double[] w = c0.weights();
        for (int j = 0; j < 2; j++) {
            double var = 0;   // Var of the mixture coordinate: Σ w (v + m²) − mean²
            for (int k = 0; k < 2; k++) var += w[k] * (vars[k][j] + means[k][j] * means[k][j]);
            var -= mean[j] * mean[j];
            assertEquals(mean[j], sampleMean[j], 4 * Math.sqrt(var / n), "coordinate " + j);
        }
        double isolated1 = fractionNearer(x1, means[0], means[1]);
        assertEquals(w[0], isolated1, 4 * Math.sqrt(w[0] * (1 - w[0]) / n), "mass of the isolated component at w = 1");
        double[][] x4 = new RungeKutta4().integrate(g.guidedField(0, 4), x0, 0, 1, 100);
        assertTrue(fractionNearer(x4, means[0], means[1]) > isolated1 + 0.1, "guidance w = 4 moves mass away from the class boundary");
        int[] cls = g.classify(x4);
        long right = java.util.Arrays.stream(cls).filter(c -> c == 0).count();
        long right1 = java.util.Arrays.stream(g.classify(x1)).filter(c -> c == 0).count();
        assertTrue(right > right1, "more guided samples are classified as their class");
    }

    static double fractionNearer(double[][] x, double[] a, double[] b) {
        int c = 0;
        for (double[] r : x) {
            double da = Math.hypot(r[0] - a[0], r[1] - a[1]), db = Math.hypot(r[0] - b[0], r[1] - b[1]);
            if (da < db) c++;
        }
        return c / (double) x.length;
    }

    @Test
    void labelledRowsCarryTheComponentsClassWithTheClassFrequencies() {
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, new LinearSchedule());
        Sampleable rows = g.labelledData();
        assertEquals(3, rows.dim());
        int n = 20_000;
        double[][] r = rows.sample(n, Rngs.seeded(9));
        int[] count = new int[3];
        double[][] sum = new double[3][2];
        for (double[] row : r) {
            int y = (int) row[2];
            assertEquals(y, row[2], 0.0, "the label is an integer");
            count[y]++;
            sum[y][0] += row[0];
            sum[y][1] += row[1];
        }
        double[] pi = g.classWeights();
        for (int y = 0; y < 3; y++) {
            assertEquals(pi[y], count[y] / (double) n, 4 * Math.sqrt(pi[y] * (1 - pi[y]) / n), "class " + y + " frequency");
            double[] m = g.classData(y).mean();
            for (int j = 0; j < 2; j++) assertEquals(m[j], sum[y][j] / count[y], 0.06, "class " + y + " mean");
        }
        // the same seed gives the same rows
        assertArrayEquals(r[17], rows.sample(n, Rngs.seeded(9))[17]);
    }

    @Test
    void badInputsAreRejectedWithTheParameterName() {
        Schedule s = new LinearSchedule();
        assertMessage("classOf", () -> new LabelledGmmMarginal(DATA, new int[]{0, 1}, s));
        assertMessage("classOf[1]", () -> new LabelledGmmMarginal(DATA, new int[]{0, -1, 1, 2}, s));
        assertMessage("class 1", () -> new LabelledGmmMarginal(DATA, new int[]{0, 0, 2, 2}, s));
        LabelledGmmMarginal g = new LabelledGmmMarginal(DATA, CLASS_OF, s);
        assertMessage("y = 3", () -> g.velocity(0.5, new double[]{0, 0}, 3));
        assertMessage("y = -1", () -> g.guidedField(-1, 2));
        assertMessage("w", () -> g.guidedField(1, Double.NaN));
        assertMessage("w", () -> Guidance.classifierFree(new double[]{1}, new double[]{2}, Double.POSITIVE_INFINITY));
        assertMessage("conditional", () -> Guidance.classifierFree(new double[]{1}, new double[]{2, 3}, 1));
        assertMessage("alpha_t", () -> Guidance.scoreCoefficient(s, 0.0));
        assertMessage("t", () -> g.classProbabilities(1.5, new double[]{0, 0}));
        assertMessage("x", () -> g.classify(new double[][]{{1, 2, 3}}));
    }
}
