package genflow.metrics;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class KolmogorovSmirnovTest {

    @Test
    void twoSampleStatisticMatchesHandComputation() {
        // merged order: 0.1x 0.2y 0.3y 0.4x 0.5y 0.7x 0.9y → |F−G| = 1/3, 1/12, 1/6, 1/6, 1/12, 1/4, 0
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.twoSample(new double[] {0.7, 0.1, 0.4}, new double[] {0.9, 0.2, 0.5, 0.3});
        assertEquals(1.0 / 3, r.statistic(), 1e-15);
        assertEquals(12.0 / 7, r.effectiveSize(), 1e-15);
        // ties across samples are stepped over together: identical samples give D = 0, p = 1
        KolmogorovSmirnov.Result same = KolmogorovSmirnov.twoSample(new double[] {1, 2, 2, 3}, new double[] {3, 2, 1, 2});
        assertEquals(0.0, same.statistic());
        assertEquals(1.0, same.pValue(), 1e-15);
    }

    @Test
    void oneSampleStatisticMatchesHandComputation() {
        // F(t) = t on [0,1], x = 0.1 0.5 0.6 0.95: max over i of i/n − F, F − (i−1)/n = 0.25 (at 0.5)
        KolmogorovSmirnov.Result r = KolmogorovSmirnov.oneSample(new double[] {0.95, 0.5, 0.1, 0.6}, t -> Math.max(0, Math.min(1, t)));
        assertEquals(0.25, r.statistic(), 1e-15);
        // p = Q_KS((2 + 0.12 + 0.055) · 0.25)
        assertEquals(KolmogorovSmirnov.kolmogorovSurvival((2 + 0.12 + 0.11 / 2) * 0.25), r.pValue(), 1e-15);
    }

    @Test
    void kolmogorovDistributionMatchesPublishedQuantiles() {
        // Critical values of sqrt(n)·D_n in the limit (e.g. Smirnov 1948 tables; Massey 1951):
        // 1.2238 → 0.90, 1.3581 → 0.95, 1.4802 → 0.975, 1.6276 → 0.99, 1.9495 → 0.999
        assertEquals(0.90, KolmogorovSmirnov.kolmogorovCdf(1.2238), 1e-4);
        assertEquals(0.95, KolmogorovSmirnov.kolmogorovCdf(1.3581), 1e-4);
        assertEquals(0.95, KolmogorovSmirnov.kolmogorovCdf(1.36), 1e-3);
        assertEquals(0.975, KolmogorovSmirnov.kolmogorovCdf(1.4802), 1e-4);
        assertEquals(0.99, KolmogorovSmirnov.kolmogorovCdf(1.6276), 1e-4);
        assertEquals(0.999, KolmogorovSmirnov.kolmogorovCdf(1.9495), 1e-4);
        // small-λ branch: P(K ≤ 1) = 0.7300, P(K ≤ 0.5) = 0.0361
        assertEquals(0.7300, KolmogorovSmirnov.kolmogorovCdf(1.0), 1e-4);
        assertEquals(0.0361, KolmogorovSmirnov.kolmogorovCdf(0.5), 1e-4);
        // the two series agree where they switch
        assertEquals(KolmogorovSmirnov.kolmogorovCdf(1.18), KolmogorovSmirnov.kolmogorovCdf(Math.nextDown(1.18)), 1e-12);
        assertEquals(0.0, KolmogorovSmirnov.kolmogorovCdf(0.0));
        assertEquals(1.0, KolmogorovSmirnov.kolmogorovCdf(10.0), 1e-15);
        assertEquals(0.05, KolmogorovSmirnov.kolmogorovSurvival(1.3581), 1e-4);
    }

    @Test
    void pValuesAreCalibratedUnderTheNullAndSmallUnderAnAlternative() {
        RandomGenerator rng = Rngs.seeded(404);
        int reps = 600, rejectOne = 0, rejectTwo = 0;
        for (int r = 0; r < reps; r++) {
            double[] x = new double[40], y = new double[60];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextDouble();
            for (int i = 0; i < y.length; i++) y[i] = rng.nextDouble();
            if (KolmogorovSmirnov.oneSample(x, t -> Math.max(0, Math.min(1, t))).pValue() < 0.05) rejectOne++;
            if (KolmogorovSmirnov.twoSample(x, y).pValue() < 0.05) rejectTwo++;
        }
        // rejection rate ≈ 0.05: binomial sd over 600 reps ≈ 0.009
        assertEquals(0.05, rejectOne / (double) reps, 0.03);
        assertEquals(0.05, rejectTwo / (double) reps, 0.03);
        // N(0,1) vs N(0.5,1): population D = 2Φ(0.25) − 1 ≈ 0.197, λ ≈ sqrt(250)·0.197 ≈ 3.1 → p ≈ 1e-8
        double[] a = WassersteinTest.normal(rng, 500, 0, 1), b = WassersteinTest.normal(rng, 500, 0.5, 1);
        KolmogorovSmirnov.Result alt = KolmogorovSmirnov.twoSample(a, b);
        assertTrue(alt.pValue() < 1e-3, alt.toString());
    }

    @Test
    void rejectsBadInput() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.twoSample(new double[0], new double[] {1}));
        assertTrue(e.getMessage().contains("x"));
        e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.oneSample(new double[] {0.5}, t -> 2.0));
        assertTrue(e.getMessage().contains("cdf"));
        e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.oneSample(new double[] {0.5}, t -> Double.NaN));
        assertTrue(e.getMessage().contains("cdf"));
        e = assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.kolmogorovCdf(-1));
        assertTrue(e.getMessage().contains("lambda"));
        assertThrows(IllegalArgumentException.class, () -> KolmogorovSmirnov.oneSample(new double[] {0.5}, null));
    }
}
