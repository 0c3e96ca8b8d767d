package genflow.process;

import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class SamplePathsTest {
    @Test
    void kacWalkMovesAtSpeedCAndMatchesKacSecondMomentAndAtomMass() {
        double a = 2, c = 1.5, dt = 0.002, t = 1;
        int steps = (int) Math.round(t / dt), n = 4000;
        RandomGenerator rng = Rngs.seeded(7);
        double m2 = 0;
        int atEdge = 0;
        for (int i = 0; i < n; i++) {
            double[] s = SamplePaths.kacWalk(a, c, dt, steps, rng);
            for (int k = 1; k <= steps; k++) assertEquals(c * dt, Math.abs(s[k] - s[k - 1]), 1e-12);
            double x = s[steps];
            m2 += x * x;
            if (Math.abs(Math.abs(x) - c * t) < 1e-9) atEdge++;
        }
        m2 /= n;
        KacProcess kac = KacProcess.of(a, c);
        // E[K_1^2] = 1.5^2/2 (1 - (1-e^-4)/4) = 0.8539; sd of the estimate ≈ 0.012
        assertEquals(kac.secondMoment(t), m2, 0.05);
        // no reversal in the steps that matter: (1 - a dt)^(steps-1) ≈ e^{-at} = 0.135; binomial sd 0.0054
        assertEquals(Math.pow(1 - a * dt, steps - 1), (double) atEdge / n, 0.022);
        assertEquals(kac.atomMass(t), (double) atEdge / n, 0.025);
    }

    @Test
    void brownianHasVarianceSigma2T() {
        RandomGenerator rng = Rngs.seeded(3);
        int n = 4000, steps = 50;
        double dt = 0.04, sigma = 1.7, m2 = 0;
        for (int i = 0; i < n; i++) {
            double[] w = SamplePaths.brownian(sigma, dt, steps, rng);
            assertEquals(0, w[0]);
            m2 += w[steps] * w[steps];
        }
        // sigma^2 * 2 = 5.78, sd of the estimate ≈ 5.78*sqrt(2/4000) = 0.13
        assertEquals(sigma * sigma * steps * dt, m2 / n, 0.5);
    }

    @Test
    void timesAndValidation() {
        assertArrayEquals(new double[]{0, 0.5, 1.0}, SamplePaths.times(0.5, 2), 1e-15);
        RandomGenerator rng = Rngs.seeded(1);
        assertThrows(IllegalArgumentException.class, () -> SamplePaths.kacWalk(10, 1, 0.2, 5, rng));
        assertThrows(IllegalArgumentException.class, () -> SamplePaths.kacWalk(-1, 1, 0.01, 5, rng));
        assertThrows(IllegalArgumentException.class, () -> SamplePaths.kacWalk(1, 1, 0.01, 5, null));
        assertThrows(IllegalArgumentException.class, () -> SamplePaths.brownian(0, 0.1, 5, rng));
        assertThrows(IllegalArgumentException.class, () -> SamplePaths.brownian(1, 0.1, -1, rng));
    }
}
