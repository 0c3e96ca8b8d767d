package genflow.metrics;

import genflow.metrics.Discrepancy.Estimator;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class DiscrepancyTest {

    static double[][] uniform(RandomGenerator rng, int n, double lo) {
        double[][] x = new double[n][1];
        for (double[] r : x) r[0] = lo + rng.nextDouble();
        return x;
    }

    @Test
    void energyDistanceIsZeroForTheSameSampleAndPositiveOtherwise() {
        RandomGenerator rng = Rngs.seeded(1);
        double[][] x = WassersteinTest.gaussian(rng, 200, 3, 1, 0);
        assertEquals(0.0, Discrepancy.energyDistance(x, x, Estimator.BIASED), 1e-12);
        assertEquals(0.0, Discrepancy.mmdSquaredGaussian(x, x, 1.0, Estimator.BIASED), 1e-12);
        double[][] y = WassersteinTest.gaussian(rng, 150, 3, 1, 1);
        assertTrue(Discrepancy.energyDistance(x, y, Estimator.BIASED) > 0.1);
        assertTrue(Discrepancy.energyDistance(x, y, Estimator.UNBIASED) > 0.1);
        assertTrue(Discrepancy.mmdSquaredGaussian(x, y, 1.0, Estimator.UNBIASED) > 0.01);
    }

    @Test
    void biasedEnergyDistanceEqualsTwiceTheCramerDistanceIn1D() {
        // Székely–Rizzo: in 1-D, E = 2 ∫ (F − G)² dx, exactly also for empirical cdfs (V-statistic).
        RandomGenerator rng = Rngs.seeded(12);
        for (int r = 0; r < 10; r++) {
            int n = 1 + rng.nextInt(30), m = 1 + rng.nextInt(30);
            double[] x = WassersteinTest.normal(rng, n, 0, 1), y = WassersteinTest.normal(rng, m, 0.7, 1.3);
            double[] all = new double[n + m];
            System.arraycopy(x, 0, all, 0, n);
            System.arraycopy(y, 0, all, n, m);
            Arrays.sort(all);
            double integral = 0;
            for (int k = 0; k + 1 < all.length; k++) {
                double t = all[k];
                double f = Arrays.stream(x).filter(v -> v <= t).count() / (double) n;
                double g = Arrays.stream(y).filter(v -> v <= t).count() / (double) m;
                integral += (f - g) * (f - g) * (all[k + 1] - all[k]);
            }
            assertEquals(2 * integral, Discrepancy.energyDistance(WassersteinTest.column(x), WassersteinTest.column(y), Estimator.BIASED), 1e-12);
        }
    }

    @Test
    void energyDistanceMatchesClosedFormForNormalsAndUniforms() {
        RandomGenerator rng = Rngs.seeded(31);
        // N(0,1) vs N(0,4): E|X−Y| = sqrt(5)·sqrt(2/π), E|X−X'| = 2/sqrt(π), E|Y−Y'| = 4/sqrt(π)
        double exactNormal = 2 * Math.sqrt(5) * Math.sqrt(2 / Math.PI) - 6 / Math.sqrt(Math.PI); // ≈ 0.1831
        double[][] x = WassersteinTest.column(WassersteinTest.normal(rng, 3000, 0, 1));
        double[][] y = WassersteinTest.column(WassersteinTest.normal(rng, 3000, 0, 2));
        assertEquals(exactNormal, Discrepancy.energyDistance(x, y, Estimator.UNBIASED), 0.015); // MC sd ≈ 0.003
        // U(0,1) vs U(c, c+1), 0 ≤ c ≤ 1: E|X−Y| = c + (1−c)³/3, E|X−X'| = 1/3 → E = 2c + 2(1−c)³/3 − 2/3
        for (double c : new double[] {0.25, 0.5, 1.0}) {
            double exact = 2 * c + 2 * Math.pow(1 - c, 3) / 3 - 2.0 / 3;
            double est = Discrepancy.energyDistance(uniform(rng, 2000, 0), uniform(rng, 2000, c), Estimator.UNBIASED);
            assertEquals(exact, est, 0.02 + 0.02 * exact, "c=" + c);
        }
    }

    @Test
    void unbiasedAndBiasedDifferByTheDiagonalTerms() {
        RandomGenerator rng = Rngs.seeded(5);
        double[][] x = WassersteinTest.gaussian(rng, 40, 2, 1, 0), y = WassersteinTest.gaussian(rng, 30, 2, 1, 0.5);
        // biased within-means are (n−1)/n times the unbiased ones (diagonal of |x−x| is 0)
        double sxx = 0, syy = 0;
        for (double[] a : x) for (double[] b : x) sxx += Math.sqrt(Checks.sq(a, b));
        for (double[] a : y) for (double[] b : y) syy += Math.sqrt(Checks.sq(a, b));
        double diff = Discrepancy.energyDistance(x, y, Estimator.BIASED) - Discrepancy.energyDistance(x, y, Estimator.UNBIASED);
        assertEquals(sxx / (40.0 * 39) - sxx / 1600.0 + syy / (30.0 * 29) - syy / 900.0, diff, 1e-12);
    }

    @Test
    void gaussianMmdMatchesClosedFormFor1DNormals() {
        // E k(X,Y) = h/sqrt(h²+s1²+s2²) · exp(−(m1−m2)²/(2(h²+s1²+s2²))) for k = exp(−(x−y)²/(2h²))
        RandomGenerator rng = Rngs.seeded(77);
        double h = 1.0, m1 = 0, s1 = 1, m2 = 1, s2 = 0.5;
        double exact = h / Math.sqrt(h * h + 2 * s1 * s1) + h / Math.sqrt(h * h + 2 * s2 * s2)
                - 2 * h / Math.sqrt(h * h + s1 * s1 + s2 * s2) * Math.exp(-(m1 - m2) * (m1 - m2) / (2 * (h * h + s1 * s1 + s2 * s2)));
        double[][] x = WassersteinTest.column(WassersteinTest.normal(rng, 2500, m1, s1));
        double[][] y = WassersteinTest.column(WassersteinTest.normal(rng, 2500, m2, s2));
        double est = Discrepancy.mmdSquaredGaussian(x, y, h, Estimator.UNBIASED);
        assertEquals(exact, est, 0.015, "exact " + exact); // MC sd ≈ 0.003
        double biased = Discrepancy.mmdSquaredGaussian(x, y, h, Estimator.BIASED);
        assertTrue(biased > est, "V-statistic adds the positive diagonal terms");
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Discrepancy.mmdSquaredGaussian(new double[2][1], new double[2][1], 0, Estimator.BIASED));
        assertTrue(e.getMessage().contains("bandwidth"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Discrepancy.energyDistance(new double[1][1], new double[2][1], Estimator.UNBIASED));
        assertTrue(e.getMessage().contains("x"));
        e = assertThrows(IllegalArgumentException.class,
                () -> Discrepancy.energyDistance(new double[2][1], new double[2][2], Estimator.BIASED));
        assertTrue(e.getMessage().contains("y[0]"));
        assertThrows(IllegalArgumentException.class, () -> Discrepancy.energyDistance(new double[2][1], new double[2][1], null));
    }
}
