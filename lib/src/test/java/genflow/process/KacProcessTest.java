package genflow.process;

import static org.junit.jupiter.api.Assertions.*;

import genflow.math.Quadrature;
import genflow.random.Rngs;
import java.util.function.DoubleUnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class KacProcessTest {
    static final double[] AS = {0.1, 1, 9, 25, 100, 900};
    static final double[] CS = {1, 3, 5, 10, 40};
    static final double[] TS = {1e-3, 0.1, 0.5, 1, 5};

    static double continuousMass(KacProcess k, double t) {
        double ct = k.c() * t;
        return Quadrature.integrate(x -> k.density(t, x), -ct, ct, 1e-13, 1e-12);
    }

    @Test
    void massIsOneAndEverythingFiniteOnTheWholeGrid() {
        double worst = 0, worstNorm = 0;
        for (double a : AS) for (double c : CS) for (double t : TS) {
            KacProcess k = KacProcess.of(a, c);
            double mass = continuousMass(k, t) + k.atomMass(t);
            worst = Math.max(worst, Math.abs(mass - 1));
            assertEquals(1.0, mass, 1e-9, k + " t=" + t);
            double ct = c * t;
            double[] xs = {-ct, -ct * (1 - 1e-15), -0.999 * ct, -0.5 * ct, -1e-9 * ct, 0, 1e-300, 0.3 * ct, 0.999999 * ct,
                    Math.nextDown(ct), ct, 2 * ct};
            for (double x : xs) {
                double p = k.density(t, x), v = k.velocity(t, x);
                assertTrue(Double.isFinite(p) && p >= 0, k + " density(" + t + ", " + x + ") = " + p);
                assertTrue(Double.isFinite(v) && Math.abs(v) <= c, k + " velocity(" + t + ", " + x + ") = " + v);
                assertEquals(Math.signum(x), Math.signum(v), "velocity points outwards");
            }
            assertEquals(c, k.velocity(t, ct), 0.0);
            assertEquals(-c, k.velocity(t, -ct), 0.0);
            assertEquals(0.0, k.velocity(t, 0), 0.0);
            // ‖v_t‖²_{L²(μ_t)} = ∫ v² p dx + c² e^{-at} ≤ c²  (seed 001)
            double norm = Quadrature.integrate(x -> { double v = k.velocity(t, x); return v * v * k.density(t, x); },
                    -ct, ct, 1e-13, 1e-12) + c * c * k.atomMass(t);
            assertTrue(norm <= c * c * (1 + 1e-12), k + " t=" + t + " ‖v‖² = " + norm);
            worstNorm = Math.max(worstNorm, norm / (c * c));
        }
        System.out.printf("Kac mass: worst |mass-1| = %.2e over %d (a,c,t); max ‖v‖²/c² = %.4f%n",
                worst, AS.length * CS.length * TS.length, worstNorm);
    }

    @Test
    void densityAtTimeZeroAndBoundaryLimits() {
        KacProcess k = KacProcess.of(2, 3);
        assertEquals(0.0, k.density(0, 0), 0.0);
        assertEquals(1.0, k.atomMass(0), 0.0);
        // at x = ±ct: (a/2c) e^{-at} (1 + at/2)
        double t = 0.7, a = 2, c = 3;
        assertEquals(a / (2 * c) * Math.exp(-a * t) * (1 + a * t / 2), k.density(t, c * t), 1e-15);
        // the velocity jumps from c·at/(at+2) just inside the cone to c on it
        assertEquals(c * a * t / (a * t + 2), k.velocity(t, Math.nextDown(c * t)), 1e-6);
        // small t: v ≈ x/(t + 2/a)
        assertEquals(1e-9 / (1e-6 + 2 / a), k.velocity(1e-6, 1e-9), 1e-15);
        // closed-form check at x = 0: p = (a/2c) e^{-at}(I0(at) + I1(at))
        double at = a * t;
        assertEquals(a / (2 * c) * Math.exp(-at) * (genflow.math.Bessel.i0(at) + genflow.math.Bessel.i1(at)), k.density(t, 0), 1e-15);
    }

    @Test
    void secondMomentMatchesQuadratureAndSamples() {
        for (double[] act : new double[][] {{1, 1, 1}, {9, 3, 0.5}, {900, 10, 1}, {0.1, 5, 0.2}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2], ct = act[1] * t;
            double quad = Quadrature.integrate(x -> x * x * k.density(t, x), -ct, ct, 1e-14, 1e-12) + ct * ct * k.atomMass(t);
            assertEquals(quad, k.secondMoment(t), 1e-10 * quad);
            RandomGenerator rng = Rngs.seeded(7);
            double s = 0;
            int n = 20000;
            for (int i = 0; i < n; i++) { double x = k.sample(t, rng); s += x * x; }
            double m = k.secondMoment(t);
            // sd of the mean of K² ≤ (ct)²/√n
            assertEquals(m, s / n, 4 * ct * ct / Math.sqrt(n), k + " t=" + t);
        }
    }

    private static double ks(KacProcess k, double t, double[] xs) {
        double ct = k.c() * t, half = 0.5 * k.atomMass(t);
        return KsTest.statistic(xs, x -> k.cdf(t, x),
                x -> k.cdf(t, x) - (x == ct || x == -ct ? half : 0));
    }

    @Test
    void exactSamplerAgreesWithCdf() {
        int n = 4000;
        double crit = KsTest.critical1Percent(n);
        long seed = 11;
        for (double[] act : new double[][] {{1, 1, 1}, {9, 3, 1}, {900, 10, 1}, {0.5, 2, 1}, {25, 5, 0.2}, {1000, 1, 20}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2];
            double d = ks(k, t, k.sampleBatch(t, n, Rngs.seeded(seed++)));
            System.out.printf("KS sample      %s t=%s: D=%.4f (1%% crit %.4f)%n", k, t, d, crit);
            assertTrue(d < crit, k + " t=" + t + " KS D=" + d);
        }
        // the test has power: samples at a=9 do not pass as a=12
        double d = ks(KacProcess.of(12, 3), 1, KacProcess.of(9, 3).sampleBatch(1, n, Rngs.seeded(3)));
        assertTrue(d > crit, "KS cannot tell a=9 from a=12: D=" + d);
    }

    @Test
    void jumpSimulationAgreesWithCdf() {
        int n = 4000;
        double crit = KsTest.critical1Percent(n);
        long seed = 101;
        for (double[] act : new double[][] {{1, 1, 1}, {9, 3, 1}, {0.5, 2, 1}, {25, 5, 0.2}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2];
            RandomGenerator rng = Rngs.seeded(seed++);
            double[] xs = new double[n];
            for (int i = 0; i < n; i++) xs[i] = k.sampleByJumps(t, rng);
            double d = ks(k, t, xs);
            System.out.printf("KS jumps       %s t=%s: D=%.4f (1%% crit %.4f)%n", k, t, d, crit);
            assertTrue(d < crit, k + " t=" + t + " KS D=" + d);
        }
    }

    @Test
    void atomsHaveTheRightFrequency() {
        KacProcess k = KacProcess.of(1, 2);
        int n = 20000, atoms = 0, atomsJ = 0;
        RandomGenerator r1 = Rngs.seeded(5), r2 = Rngs.seeded(6);
        for (int i = 0; i < n; i++) {
            if (Math.abs(k.sample(1, r1)) == 2.0) atoms++;
            if (Math.abs(k.sampleByJumps(1, r2)) == 2.0) atomsJ++;
        }
        double p = Math.exp(-1), sd = Math.sqrt(p * (1 - p) / n);
        assertEquals(p, (double) atoms / n, 4 * sd);
        assertEquals(p, (double) atomsJ / n, 4 * sd);
    }

    @Test
    void velocitySatisfiesContinuityEquation() {
        // integrated CE: ∂_t F(t, x) = −p_t(x) v_t(x) for |x| < ct (flux through x; atoms stay on one side)
        for (double[] act : new double[][] {{1, 1, 1}, {9, 3, 0.5}, {100, 10, 1}, {0.5, 2, 2}, {900, 10, 0.3}}) {
            KacProcess k = KacProcess.of(act[0], act[1]);
            double t = act[2], ct = act[1] * t, h = 1e-4 * t;
            double worst = 0, scale = 0, worstWrong = 0;
            for (double u = -0.95; u <= 0.951; u += 0.05) {
                double x = u * ct;
                double dF = (k.cdf(t + h, x) - k.cdf(t - h, x)) / (2 * h);
                double flux = k.density(t, x) * k.velocity(t, x);
                // a plausible typo for contrast: I_1/I_0 instead of I_0/I_1 in the denominator
                double r = Math.sqrt(ct * ct - x * x), z = k.a() / k.c() * r;
                double wrongV = x / (t + r / k.c() * genflow.math.Bessel.ratioI1I0(z));
                double diffusionFlux = k.density(t, x) * wrongV;
                worst = Math.max(worst, Math.abs(dF + flux));
                worstWrong = Math.max(worstWrong, Math.abs(dF + diffusionFlux));
                scale = Math.max(scale, Math.abs(dF));
            }
            System.out.printf("CE %s t=%s: max|∂tF + p v| = %.2e, max|∂tF| = %.2e, with I1/I0 swapped: %.2e%n",
                    k, t, worst, scale, worstWrong);
            assertTrue(worst < 1e-6 * scale, k + " CE residual " + worst + " vs " + scale);
            assertTrue(worstWrong > 100 * worst && worstWrong > 1e-4 * scale, "the check must reject the swapped ratio");
        }
    }

    @Test
    void approachesHeatKernelAsRatesGrow() {
        // a, c → ∞ with σ² = c²/a = 1 fixed: density → N(0, σ² t) (seed 001, Griego–Hersh); L2 distance at t = 1
        double t = 1, prev = Double.POSITIVE_INFINITY;
        StringBuilder sb = new StringBuilder("Kac → heat kernel, L2 distance at t=1, c²/a=1:");
        for (double a : new double[] {1, 4, 16, 64, 256}) {
            KacProcess k = KacProcess.of(a, Math.sqrt(a));
            double ct = k.c() * t;
            DoubleUnaryOperator g = x -> Math.exp(-x * x / (2 * t)) / Math.sqrt(2 * Math.PI * t);
            double inside = Quadrature.integrate(x -> { double d = k.density(t, x) - g.applyAsDouble(x); return d * d; }, -ct, ct, 1e-14, 1e-10);
            double outside = 2 * Quadrature.integrate(x -> { double v = g.applyAsDouble(x); return v * v; }, ct, ct + 40, 1e-16, 1e-10);
            double l2 = Math.sqrt(inside + outside);
            sb.append(String.format(" a=%s: %.3e;", (int) a, l2));
            assertTrue(l2 < prev, "L2 distance did not decrease at a=" + a);
            prev = l2;
        }
        System.out.println(sb);
        assertTrue(prev < 0.01, "still far from the heat kernel at a=256: " + prev);
    }

    @Test
    void exactSamplerCostDoesNotGrowWithAt() {
        StringBuilder sb = new StringBuilder("Kac exact sampler, RNG draws per sample (jumps sampler in brackets):");
        for (double a : new double[] {0.1, 1, 10, 100, 1000, 1e4}) {
            KacProcess k = KacProcess.of(a, 1);
            CountingRng rng = new CountingRng(Rngs.seeded(9));
            int n = 20000;
            for (int i = 0; i < n; i++) k.sample(1, rng);
            double perSample = (double) rng.total() / n;
            sb.append(String.format(" a=%s: %.2f", a, perSample));
            assertTrue(perSample < 7, "a=" + a + ": " + perSample + " draws per sample");
            if (a <= 100) {
                CountingRng r2 = new CountingRng(Rngs.seeded(9));
                for (int i = 0; i < 2000; i++) k.sampleByJumps(1, r2);
                sb.append(String.format(" [%.1f]", (double) r2.total() / 2000));
            }
            sb.append(';');
        }
        System.out.println(sb);
    }

    @Test
    void multidimensionalHelpers() {
        KacProcess k = KacProcess.of(4, 2);
        double[] y = k.sample(0.5, 3, Rngs.seeded(1));
        assertEquals(3, y.length);
        for (double v : y) assertTrue(Math.abs(v) <= 1.0);
        double[] x = {0.3, -0.2, 5}, x0 = {0.1, 0.1, 0};
        double[] v = k.conditionalVelocity(0.5, x, x0);
        for (int i = 0; i < 3; i++) assertEquals(k.velocity(0.5, x[i] - x0[i]), v[i], 0.0);
        assertEquals(2.0, v[2], 0.0); // outside the light cone: +c
        assertThrows(IllegalArgumentException.class, () -> k.conditionalVelocity(0.5, x, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> k.sample(0.5, 0, Rngs.seeded(1)));
    }

    @Test
    void badInputNamesTheParameter() {
        assertMessage("a", () -> KacProcess.of(0, 1));
        assertMessage("a", () -> KacProcess.of(-1, 1));
        assertMessage("a", () -> KacProcess.of(Double.NaN, 1));
        assertMessage("c", () -> KacProcess.of(1, 0));
        assertMessage("c", () -> KacProcess.of(1, Double.POSITIVE_INFINITY));
        KacProcess k = KacProcess.of(1, 1);
        assertMessage("t", () -> k.density(-1, 0));
        assertMessage("t", () -> k.velocity(Double.NaN, 0));
        assertMessage("t", () -> k.sample(-0.1, Rngs.seeded(1)));
        assertMessage("t", () -> k.sampleByJumps(-0.1, Rngs.seeded(1)));
        assertMessage("t", () -> k.cdf(-1, 0));
        assertMessage("t", () -> k.atomMass(-1));
        assertMessage("x", () -> k.density(1, Double.NaN));
        assertMessage("x", () -> k.velocity(1, Double.NaN));
        assertMessage("rng", () -> k.sample(1, null));
        assertMessage("n", () -> k.sampleBatch(1, -1, Rngs.seeded(1)));
    }

    static void assertMessage(String param, org.junit.jupiter.api.function.Executable e) {
        var ex = assertThrows(IllegalArgumentException.class, e);
        assertTrue(ex.getMessage().startsWith(param + " ") || ex.getMessage().startsWith(param + "["),
                "message should name " + param + ": " + ex.getMessage());
    }
}
