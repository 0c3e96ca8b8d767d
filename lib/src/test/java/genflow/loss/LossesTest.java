package genflow.loss;

import genflow.nn.GradCheck;
import genflow.nn.Mlp;
import genflow.nn.Precision;
import genflow.nn.RqSpline;
import genflow.nn.TimeEmbedding;
import genflow.process.Process1D;
import genflow.random.Rngs;
import genflow.schedule.Schedule;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class LossesTest {
    static Mlp smallNet(int d, long seed) {
        return Mlp.builder(d).hidden(10, 10).timeEmbedding(TimeEmbedding.sinusoidal(1)).precision(Precision.DOUBLE).seed(seed).build();
    }

    /** Linear (CondOT) schedule α_t = t, β_t = 1 − t, defined here for the test. */
    static final Schedule LINEAR = new Schedule() {
        public double alpha(double t) { return t; }
        public double beta(double t) { return 1 - t; }
        public double alphaDot(double t) { return 1; }
        public double betaDot(double t) { return -1; }
    };

    /** Standard Wiener process, defined here: Y_s ~ N(0, s), velocity v_s(y) = y/(2s). */
    static final Process1D WIENER = new Process1D() {
        public double sample(double s, RandomGenerator rng) { return Math.sqrt(s) * rng.nextGaussian(); }
        public double velocity(double s, double y) { return y / (2 * s); }
    };

    static final int N = 12, D = 2;
    static final double[] DATA = GradCheck.gaussian(N, D, 1, 1.0, 1.5), NOISE = GradCheck.gaussian(N, D, 2, 1.0, 0);

    /**
     * The CFM loss on the linear path computed by hand for 2-D rows (data and noise row-major, n rows):
     * t_i from Rngs.seeded(seed) in row order, x_t = (1 − t) x₀ + t x₁, target x₁ − x₀, mean of the squared errors.
     */
    static double cfmByHand(Mlp net, double[] data, double[] noise, int n, long seed) {
        RandomGenerator rng = Rngs.seeded(seed);
        double want = 0;
        for (int i = 0; i < n; i++) {
            double t = rng.nextDouble();
            double[][] x = {{(1 - t) * noise[2 * i] + t * data[2 * i], (1 - t) * noise[2 * i + 1] + t * data[2 * i + 1]}};
            double[] v = net.forward(t, x)[0];
            for (int k = 0; k < 2; k++) want += Math.pow(v[k] - (data[2 * i + k] - noise[2 * i + k]), 2);
        }
        return want / n;
    }

    @Test
    void cfmValueMatchesAnIndependentComputation() {
        Mlp net = smallNet(D, 3);
        var loss = ConditionalFlowMatching.independent(net);
        double got = loss.lossAndGradient(DATA, NOISE, N, Rngs.seeded(5), new double[1][net.numParameters()]);
        assertEquals(cfmByHand(net, DATA, NOISE, N, 5), got, 1e-12);
    }

    @Test
    void cfmAndOtCfmGradientsMatchFiniteDifferences() {
        double e1 = GradCheck.maxError(ConditionalFlowMatching.independent(smallNet(D, 3)), DATA, NOISE, N, 5, 60);
        double e2 = GradCheck.maxError(ConditionalFlowMatching.minibatchOt(smallNet(D, 3)), DATA, NOISE, N, 5, 60);
        System.out.printf("grad check max rel error: CFM %.2e, OT-CFM %.2e%n", e1, e2);
        assertTrue(e1 < 1e-6, "CFM " + e1);
        assertTrue(e2 < 1e-6, "OT-CFM " + e2);
    }

    @Test
    void otPairingIsTheBruteForceOptimum() {
        int n = 6;
        double[] a = GradCheck.gaussian(n, 2, 7, 1, 0), b = GradCheck.gaussian(n, 2, 8, 1, 0.5);
        int[] s = ConditionalFlowMatching.otPairing(a, b, n, 2);
        double best = Double.POSITIVE_INFINITY;
        int[] p = {0, 1, 2, 3, 4, 5};
        do {
            best = Math.min(best, cost(a, b, p));
        } while (nextPermutation(p));
        assertEquals(best, cost(a, b, s), 1e-12);
        int[] id = {0, 1, 2, 3, 4, 5};
        assertTrue(cost(a, b, s) <= cost(a, b, id));
    }

    static double cost(double[] a, double[] b, int[] s) {
        double c = 0;
        for (int i = 0; i < s.length; i++) {
            for (int k = 0; k < 2; k++) c += Math.pow(a[2 * i + k] - b[2 * s[i] + k], 2);
        }
        return c;
    }

    static boolean nextPermutation(int[] p) {
        int i = p.length - 2;
        while (i >= 0 && p[i] >= p[i + 1]) i--;
        if (i < 0) return false;
        int j = p.length - 1;
        while (p[j] <= p[i]) j--;
        int t = p[i]; p[i] = p[j]; p[j] = t;
        for (int l = i + 1, r = p.length - 1; l < r; l++, r--) { t = p[l]; p[l] = p[r]; p[r] = t; }
        return true;
    }

    @Test
    void dsmValueAndGradient() {
        Mlp net = smallNet(D, 4);
        var dsm = new DenoisingScoreMatching(net, LINEAR, 0.99);
        double got = dsm.lossAndGradient(DATA, NOISE, N, Rngs.seeded(6), new double[1][net.numParameters()]);
        RandomGenerator rng = Rngs.seeded(6);
        double want = 0;
        for (int i = 0; i < N; i++) {
            double t = 0.99 * rng.nextDouble();
            double[] x = new double[2];
            for (int k = 0; k < 2; k++) x[k] = t * DATA[2 * i + k] + (1 - t) * NOISE[2 * i + k];
            double[] s = net.forward(t, new double[][]{x})[0];
            for (int k = 0; k < 2; k++) {
                // β_t s + ε = β_t (s − conditional score), since conditional score = −ε/β_t
                double r = (1 - t) * (s[k] - dsm.conditionalScore(t, x[k], DATA[2 * i + k]));
                want += r * r;
            }
        }
        assertEquals(want / N, got, 1e-10);
        double err = GradCheck.maxError(dsm, DATA, NOISE, N, 6, 60);
        System.out.printf("grad check max rel error: DSM %.2e%n", err);
        assertTrue(err < 1e-6, "DSM " + err);
    }

    /** Kac-FM in flow time (t = 0 noise): with Wiener noise and g(s) = T s² its target is data − ε. */
    @Test
    void kacFlowTimeTargetWithWienerAndSquareClockIsTheGaussianFmTarget() {
        for (double horizon : new double[]{1, 2.5}) {
            var path = new genflow.path.MeanRevertingPath(WIENER, KacFlowMatching.TimeChange.SQUARE.clock(horizon));
            double[][] data = new double[20][];
            SplittableRandom r = new SplittableRandom(9);
            double[] t = new double[20];
            for (int i = 0; i < 20; i++) {
                data[i] = new double[]{r.nextGaussian(), r.nextGaussian()};
                t[i] = 0.05 + 0.9 * r.nextDouble();
            }
            var p = path.inFlowTime().sample(t, data, Rngs.seeded(3));
            for (int i = 0; i < 20; i++) {
                for (int k = 0; k < 2; k++) {
                    // x_t = t x₁ + √T (1 − t) ε  ⇒  ε = (x_t − t x₁)/(√T (1 − t)),  target = x₁ − √T ε
                    double eps = (p.xt()[i][k] - t[i] * data[i][k]) / (Math.sqrt(horizon) * (1 - t[i]));
                    assertEquals(data[i][k] - Math.sqrt(horizon) * eps, p.target()[i][k], 1e-12);
                }
            }
        }
        var lin = KacFlowMatching.TimeChange.LINEAR.clock(2);
        assertEquals(2 * 0.3, lin.g(0.3), 1e-15);
        assertEquals(2, lin.gDot(0.3), 0);
        assertThrows(IllegalArgumentException.class, () -> KacFlowMatching.TimeChange.SQUARE.clock(0));
    }

    @Test
    void kacFlowTimeGradientMatchesFiniteDifferencesAndValueIsTheFlowTimeRegression() {
        var path = new genflow.path.MeanRevertingPath(WIENER, KacFlowMatching.TimeChange.SQUARE.clock(1));
        Mlp net = smallNet(D, 5);
        var kac = new KacFlowMatching(net, path, 0.99);
        double err = GradCheck.maxError(kac, DATA, null, N, 7, 60);
        System.out.printf("grad check max rel error: Kac-FM (flow time) %.2e%n", err);
        assertTrue(err < 1e-6, "Kac " + err);
        // value: times t_i = 0.99 u_i, then the path's draws; regression of v(t, x_t) on the target
        RandomGenerator rng = Rngs.seeded(7);
        double[] t = new double[N];
        for (int i = 0; i < N; i++) t[i] = 0.99 * rng.nextDouble();
        double[][] rows = new double[N][];
        for (int i = 0; i < N; i++) rows[i] = new double[]{DATA[2 * i], DATA[2 * i + 1]};
        var p = path.inFlowTime().sample(t, rows, rng);
        double want = 0;
        for (int i = 0; i < N; i++) {
            double[] v = net.forward(t[i], new double[][]{p.xt()[i]})[0];
            for (int k = 0; k < 2; k++) want += Math.pow(v[k] - p.target()[i][k], 2);
        }
        double got = kac.lossAndGradient(DATA, null, N, Rngs.seeded(7), new double[1][net.numParameters()]);
        assertEquals(want / N, got, 1e-12 * got);
    }

    @Test
    void otPairingRejectsMismatchedSizes() {
        assertThrows(IllegalArgumentException.class, () -> ConditionalFlowMatching.otPairing(new double[4], new double[6], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ConditionalFlowMatching.otPairing(new double[6], new double[4], 3, 2));
        assertThrows(IllegalArgumentException.class, () -> ConditionalFlowMatching.otPairing(new double[6], new double[6], 0, 2));
        assertThrows(IllegalArgumentException.class, () -> ConditionalFlowMatching.otPairing(null, new double[6], 3, 2));
    }

    /** The deprecated data-time form (notebook 06 until it migrates): process-time target, unchanged assertions. */
    @SuppressWarnings("deprecation")
    @Test
    void kacTargetWithWienerAndSquareScheduleIsTheGaussianFmTarget() {
        var kac = new KacFlowMatching(smallNet(D, 5), WIENER, KacFlowMatching.TimeChange.SQUARE, 1, 1e-3);
        SplittableRandom r = new SplittableRandom(9);
        for (int k = 0; k < 20; k++) {
            double t = 0.05 + 0.9 * r.nextDouble(), x0 = r.nextGaussian(), eps = r.nextGaussian();
            double x = (1 - t) * x0 + t * eps; // Y_{t²} = t ε
            assertEquals(eps - x0, kac.conditionalVelocity(t, x, x0), 1e-12);
        }
        var lin = new KacFlowMatching(smallNet(D, 5), WIENER, KacFlowMatching.TimeChange.LINEAR, 2, 0);
        assertEquals(2 * 0.3, lin.g(0.3), 1e-15);
        assertEquals(-0.5 + 2 * (0.7 - 0.7 * 0.5) / (2 * 0.6), lin.conditionalVelocity(0.3, 0.7, 0.5), 1e-12);
    }

    @SuppressWarnings("deprecation")
    @Test
    void kacGradientMatchesFiniteDifferences() {
        var kac = new KacFlowMatching(smallNet(D, 5), WIENER, KacFlowMatching.TimeChange.SQUARE, 1, 0.01);
        double err = GradCheck.maxError(kac, DATA, null, N, 7, 60);
        System.out.printf("grad check max rel error: Kac-FM %.2e%n", err);
        assertTrue(err < 1e-6, "Kac " + err);
    }

    @Test
    void quantileLossGradientsForNetAndSplineMatchFiniteDifferences() {
        for (boolean ot : new boolean[]{false, true}) {
            RqSpline s = RqSpline.identity(D, 6, 3);
            SplittableRandom r = new SplittableRandom(10);
            for (int i = 0; i < s.parameters().length; i++) s.parameters()[i] += 0.5 * r.nextGaussian();
            var q = new QuantileNoiseLoss(smallNet(D, 6), s, 0.7, ot);
            double err = GradCheck.maxError(q, DATA, null, N, 8, 80);
            System.out.printf("grad check max rel error: quantile (ot=%s) %.2e%n", ot, err);
            assertTrue(err < 1e-5, "quantile ot=" + ot + ": " + err);
        }
    }

    @Test
    void sortedW2IsExactForShiftsAndPermutations() {
        double[] a = {0.3, -1, 2, 5};
        double[] b = {6, 1.3, 0, 3}; // a shifted by +1, permuted
        assertEquals(1.0, QuantileNoiseLoss.w2SquaredSorted(a, b), 1e-12);
        assertEquals(0.0, QuantileNoiseLoss.w2SquaredSorted(a, new double[]{5, 2, -1, 0.3}), 0);
    }

    @Test
    void quantileW2TermAloneMovesNoiseMarginalsToTheData() {
        // λ large, data N(3, 0.5²) per coordinate: the learned noise marginals should follow.
        RqSpline s = RqSpline.identity(1, 16, 6);
        var q = new QuantileNoiseLoss(Mlp.builder(1).hidden(4).precision(Precision.DOUBLE).seed(1).build(), s, 50, false);
        var adam = genflow.nn.Adam.builder().learningRate(0.05).build(q.parameters());
        RandomGenerator rng = Rngs.seeded(11);
        double[][] g = {new double[q.parameters().get(0).numParameters()], new double[s.numParameters()]};
        for (int step = 0; step < 300; step++) {
            double[] x = new double[128];
            for (int i = 0; i < x.length; i++) x[i] = 3 + 0.5 * rng.nextGaussian();
            q.lossAndGradient(x, null, 128, rng, g);
            adam.step(g);
        }
        assertEquals(3.0, s.quantile(0, 0.5), 0.25);
        assertEquals(0.5 * 1.3489795, s.quantile(0, 0.75) - s.quantile(0, 0.25), 0.2); // interquartile range of N(3, 0.25)
    }

    @Test
    void indArrayEvaluateAgreesWithTheFlatPath() {
        Mlp net = smallNet(D, 3);
        var loss = ConditionalFlowMatching.independent(net);
        double[][] g = {new double[net.numParameters()]};
        double flat = loss.lossAndGradient(DATA, NOISE, N, Rngs.seeded(5), g);
        var v = loss.evaluate(org.nd4j.linalg.factory.Nd4j.create(DATA, new long[]{N, D}, org.nd4j.linalg.api.buffer.DataType.DOUBLE),
                org.nd4j.linalg.factory.Nd4j.create(NOISE, new long[]{N, D}, org.nd4j.linalg.api.buffer.DataType.DOUBLE), Rngs.seeded(5));
        assertEquals(flat, v.loss(), 0);
        assertEquals(1, v.gradients().size());
        assertArrayEquals(g[0], v.gradients().get(0).toDoubleVector(), 0);
    }

    @SuppressWarnings("deprecation")
    @Test
    void rejectsBadArguments() {
        Mlp net = smallNet(D, 1);
        assertThrows(IllegalArgumentException.class, () -> new DenoisingScoreMatching(net, LINEAR, 0));
        assertThrows(IllegalArgumentException.class, () -> new KacFlowMatching(net, WIENER, KacFlowMatching.TimeChange.SQUARE, -1, 0));
        var path = new genflow.path.MeanRevertingPath(WIENER, KacFlowMatching.TimeChange.SQUARE.clock(1));
        assertThrows(IllegalArgumentException.class, () -> new KacFlowMatching(net, path, 0));
        assertThrows(IllegalArgumentException.class, () -> new KacFlowMatching(net, path, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new KacFlowMatching(null, path, 0.9));
        assertThrows(IllegalArgumentException.class, () -> new QuantileNoiseLoss(net, RqSpline.identity(3), 1, false));
        assertThrows(IllegalArgumentException.class, () -> new QuantileNoiseLoss(net, RqSpline.identity(2), -1, false));
        var cfm = ConditionalFlowMatching.independent(net);
        double[] bad = DATA.clone();
        bad[3] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> cfm.lossAndGradient(bad, NOISE, N, Rngs.seeded(1), new double[1][net.numParameters()]));
        assertThrows(IllegalArgumentException.class, () -> cfm.lossAndGradient(DATA, NOISE, N, Rngs.seeded(1), new double[1][3]));
    }
}
