package genflow.random;

import genflow.math.SpecialFunctions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Moment checks use tolerances of 5 standard errors from the CLT: for n draws,
 * SE(mean) = σ/√n and SE(sample variance) ≈ √((μ₄ − σ⁴)/n).
 */
class DrawsTest {
    private static final double Z = 5.0;

    /** Wilson–Hilferty upper quantile of χ²_df at tail probability α. */
    static double chiSquareCritical(int df, double alpha) {
        double z = SpecialFunctions.normalQuantile(1 - alpha);
        double h = 2.0 / (9.0 * df);
        return df * Math.pow(1 - h + z * Math.sqrt(h), 3);
    }

    /** Pearson χ² of counts against probabilities, bins merged from the left until expected ≥ 5. */
    static double[] pearson(long[] counts, double[] probs, long n) {
        List<double[]> bins = new ArrayList<>();
        double e = 0, o = 0;
        for (int i = 0; i < probs.length; i++) {
            e += probs[i] * n;
            o += counts[i];
            if (e >= 5) { bins.add(new double[]{o, e}); e = 0; o = 0; }
        }
        if (e > 0 || o > 0) { double[] last = bins.get(bins.size() - 1); last[0] += o; last[1] += e; }
        double chi = 0;
        for (double[] b : bins) chi += (b[0] - b[1]) * (b[0] - b[1]) / b[1];
        return new double[]{chi, bins.size() - 1};
    }

    private static double[] meanVar(double[] x) {
        double m = 0;
        for (double v : x) m += v;
        m /= x.length;
        double s = 0;
        for (double v : x) s += (v - m) * (v - m);
        return new double[]{m, s / (x.length - 1)};
    }

    private static void assertMoments(double[] x, double mean, double var, double mu4, String what) {
        int n = x.length;
        double[] mv = meanVar(x);
        assertEquals(mean, mv[0], Z * Math.sqrt(var / n), what + ": mean");
        assertEquals(var, mv[1], Z * Math.sqrt((mu4 - var * var) / n), what + ": variance");
    }

    // ---------------- Poisson ----------------

    @Test
    void poissonMomentsAcrossBothAlgorithms() {
        RandomGenerator rng = Rngs.seeded(11);
        int n = 20000;
        for (double lam : new double[]{0.2, 3.0, 9.99, 10.0, 37.5, 1000.0, 1e6}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = Draws.poisson(lam, rng);
            // Poisson: variance λ, fourth central moment λ(1 + 3λ)
            assertMoments(x, lam, lam, lam * (1 + 3 * lam), "Poisson(" + lam + ")");
        }
        assertEquals(0L, Draws.poisson(0.0, rng));
    }

    @Test
    void poissonPmfPassesChiSquare() {
        RandomGenerator rng = Rngs.seeded(12);
        int n = 40000;
        for (double lam : new double[]{1.7, 6.5, 10.5, 40.0, 250.0}) {
            int kmax = (int) (lam + 12 * Math.sqrt(lam) + 20);
            long[] counts = new long[kmax + 1];
            for (int i = 0; i < n; i++) {
                long k = Draws.poisson(lam, rng);
                counts[(int) Math.min(k, kmax)]++;
            }
            double[] probs = new double[kmax + 1];
            double tail = 1;
            for (int k = 0; k < kmax; k++) {
                probs[k] = Math.exp(-lam + k * Math.log(lam) - SpecialFunctions.logGamma(k + 1.0));
                tail -= probs[k];
            }
            probs[kmax] = Math.max(tail, 0);
            double[] r = pearson(counts, probs, n);
            double crit = chiSquareCritical((int) r[1], 1e-4);
            assertTrue(r[0] < crit, "Poisson(" + lam + "): chi2 = " + r[0] + " on " + r[1] + " df, critical " + crit);
        }
    }

    @Test
    void chiSquareTestDetectsAWrongMean() {
        // the same test must reject Poisson(40.8) data as Poisson(40): it is not toothless
        RandomGenerator rng = Rngs.seeded(13);
        int n = 40000, kmax = 140;
        long[] counts = new long[kmax + 1];
        for (int i = 0; i < n; i++) counts[(int) Math.min(Draws.poisson(40.8, rng), kmax)]++;
        double[] probs = new double[kmax + 1];
        for (int k = 0; k <= kmax; k++) probs[k] = Math.exp(-40 + k * Math.log(40) - SpecialFunctions.logGamma(k + 1.0));
        double[] r = pearson(counts, probs, n);
        assertTrue(r[0] > chiSquareCritical((int) r[1], 1e-4), "chi2 = " + r[0]);
    }

    // ---------------- continuous ----------------

    @Test
    void exponentialMomentsAndTail() {
        RandomGenerator rng = Rngs.seeded(21);
        int n = 40000;
        double rate = 2.5;
        double[] x = new double[n];
        int above = 0;
        for (int i = 0; i < n; i++) {
            x[i] = Draws.exponential(rate, rng);
            assertTrue(x[i] >= 0);
            if (x[i] > 1 / rate) above++;
        }
        // Exp(λ): mean 1/λ, var 1/λ², μ₄ = 9/λ⁴
        assertMoments(x, 1 / rate, 1 / (rate * rate), 9 / Math.pow(rate, 4), "Exp");
        double p = Math.exp(-1);
        assertEquals(p, above / (double) n, Z * Math.sqrt(p * (1 - p) / n));
    }

    @Test
    void uniformMomentsAndRange() {
        RandomGenerator rng = Rngs.seeded(22);
        int n = 40000;
        double a = -3, b = 5;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Draws.uniform(a, b, rng);
            assertTrue(x[i] >= a && x[i] < b);
        }
        double w = b - a;
        assertMoments(x, (a + b) / 2, w * w / 12, Math.pow(w, 4) / 80, "U[a,b]");
    }

    @Test
    void gammaMomentsForSmallAndLargeShapes() {
        RandomGenerator rng = Rngs.seeded(23);
        int n = 40000;
        for (double k : new double[]{0.3, 1.0, 2.5, 50.0}) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) x[i] = Draws.gamma(k, rng);
            // Gamma(k,1): mean k, variance k, μ₄ = 3k² + 6k
            assertMoments(x, k, k, 3 * k * k + 6 * k, "Gamma(" + k + ")");
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Draws.gamma(2.0, 0.5, rng);
        assertMoments(y, 1.0, 0.5, (3 * 4 + 12) * Math.pow(0.5, 4), "Gamma(2, scale 0.5)");
    }

    @Test
    void studentTMomentsAndCdf() {
        RandomGenerator rng = Rngs.seeded(24);
        int n = 40000;
        double nu = 9;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = Draws.studentT(nu, rng);
        // t_ν: var ν/(ν−2), μ₄ = 3ν²/((ν−2)(ν−4)) for ν > 4
        assertMoments(x, 0, nu / (nu - 2), 3 * nu * nu / ((nu - 2) * (nu - 4)), "t_9");
        // heavy tails: P(T ≤ c) against numerical integration of the exact density
        for (double v : new double[]{0.4, 1.0, 2.5}) {
            for (double c : new double[]{-3.0, 0.7, 10.0}) {
                int below = 0;
                for (int i = 0; i < n; i++) if (Draws.studentT(v, rng) <= c) below++;
                double p = tCdf(c, v);
                assertEquals(p, below / (double) n, Z * Math.sqrt(p * (1 - p) / n), "t_" + v + " cdf at " + c);
            }
        }
        assertEquals(0.75, tCdf(1.0, 1.0), 1e-9); // the reference itself: Cauchy cdf at 1
        // tiny ν: never NaN
        for (int i = 0; i < 1000; i++) assertFalse(Double.isNaN(Draws.studentT(0.02, rng)));
    }

    /** P(T ≤ c) for t_ν: midpoint rule in θ with x = tan θ (smooth integrand on (−π/2, atan c)). */
    private static double tCdf(double c, double nu) {
        int m = 200000;
        double lo = -Math.PI / 2, hi = Math.atan(c), h = (hi - lo) / m, s = 0;
        for (int i = 0; i < m; i++) {
            double x = Math.tan(lo + (i + 0.5) * h);
            s += Math.exp(SpecialFunctions.studentTLogDensity(x, nu)) * (1 + x * x);
        }
        return s * h;
    }

    @Test
    void gaussianVectorsHaveRightMomentsAndNoCorrelation() {
        RandomGenerator rng = Rngs.seeded(25);
        int n = 20000;
        double[] mean = {1, -2, 0.5};
        double[] std = {0.5, 2, 1};
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) x[i] = Draws.gaussianVector(mean, std, rng);
        for (int j = 0; j < 3; j++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) col[i] = x[i][j];
            double v = std[j] * std[j];
            assertMoments(col, mean[j], v, 3 * v * v, "coordinate " + j);
        }
        double c = 0;
        for (int i = 0; i < n; i++) c += (x[i][0] - mean[0]) / std[0] * (x[i][1] - mean[1]) / std[1];
        assertEquals(0.0, c / n, Z / Math.sqrt(n), "correlation of coordinates 0 and 1");
        assertEquals(4, Draws.gaussianVector(4, rng).length);
    }

    @Test
    void categoricalFrequenciesPassChiSquareAndSkipZeroWeights() {
        RandomGenerator rng = Rngs.seeded(26);
        double[] w = {1, 0, 2, 3.5, 0};
        int n = 30000;
        long[] counts = new long[w.length];
        for (int i = 0; i < n; i++) counts[Draws.categorical(w, rng)]++;
        assertEquals(0, counts[1]);
        assertEquals(0, counts[4]);
        double[] p = {1 / 6.5, 2 / 6.5, 3.5 / 6.5};
        long[] c = {counts[0], counts[2], counts[3]};
        double[] r = pearson(c, p, n);
        assertTrue(r[0] < chiSquareCritical(2, 1e-4), "chi2 = " + r[0]);
        assertEquals(0, Draws.categorical(new double[]{5}, rng));
    }

    @Test
    void sameSeedGivesSameNumbers() {
        for (int rep = 0; rep < 2; rep++) {
            RandomGenerator a = Rngs.seeded(99), b = Rngs.seeded(99);
            for (int i = 0; i < 200; i++) {
                assertEquals(Draws.poisson(3.3, a), Draws.poisson(3.3, b));
                assertEquals(Draws.poisson(333, a), Draws.poisson(333, b));
                assertEquals(Draws.gamma(0.7, a), Draws.gamma(0.7, b));
                assertEquals(Draws.studentT(3, a), Draws.studentT(3, b));
                assertEquals(Draws.exponential(1, a), Draws.exponential(1, b));
                assertEquals(Draws.categorical(new double[]{1, 2}, a), Draws.categorical(new double[]{1, 2}, b));
                assertArrayEquals(Draws.gaussianVector(3, a), Draws.gaussianVector(3, b));
                assertEquals(Draws.uniform(0, 1, a), Draws.uniform(0, 1, b));
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        RandomGenerator rng = Rngs.seeded(1);
        assertThrows(IllegalArgumentException.class, () -> Draws.poisson(-1, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.poisson(Double.NaN, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.poisson(Double.POSITIVE_INFINITY, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.poisson(1, null));
        assertThrows(IllegalArgumentException.class, () -> Draws.exponential(0, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.uniform(1, 1, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.uniform(0, Double.NaN, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.gamma(0, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.gamma(1, -1, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.studentT(-2, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.gaussianVector(0, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.gaussianVector(new double[]{0, 0}, new double[]{1}, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.gaussianVector(new double[]{0}, new double[]{-1}, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.categorical(new double[]{0, 0}, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.categorical(new double[]{1, -1}, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.categorical(new double[]{1, Double.NaN}, rng));
        assertThrows(IllegalArgumentException.class, () -> Draws.categorical(new double[0], rng));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Draws.poisson(-1, rng));
        assertTrue(e.getMessage().startsWith("mean = -1"), e.getMessage());
    }
}
