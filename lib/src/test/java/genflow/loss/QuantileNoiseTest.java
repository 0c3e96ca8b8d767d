package genflow.loss;

import genflow.math.SpecialFunctions;
import genflow.nn.RqSpline;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class QuantileNoiseTest {
    @Test
    void identitySplineGivesStandardNormalMarginals() {
        QuantileNoise noise = new QuantileNoise(RqSpline.identity(2));
        double[][] y = noise.sample(20000, Rngs.seeded(11));
        for (int c = 0; c < 2; c++) {
            double m = 0, v = 0, below = 0;
            for (double[] r : y) { m += r[c]; v += r[c] * r[c]; if (r[c] <= 1.0) below++; }
            m /= y.length;
            v = v / y.length - m * m;
            assertEquals(0, m, 4 / Math.sqrt(y.length));
            assertEquals(1, v, 0.05);
            assertEquals(SpecialFunctions.normalCdf(1.0), below / y.length, 0.01);
        }
    }

    @Test
    void samplesAreReproducibleAndValidated() {
        QuantileNoise noise = new QuantileNoise(RqSpline.identity(3));
        assertEquals(3, noise.dim());
        assertArrayEquals(noise.sample(5, Rngs.seeded(1))[4], noise.sample(5, Rngs.seeded(1))[4]);
        assertThrows(IllegalArgumentException.class, () -> noise.sample(0, Rngs.seeded(1)));
        assertThrows(IllegalArgumentException.class, () -> noise.sample(3, null));
        assertThrows(IllegalArgumentException.class, () -> new QuantileNoise(null));
    }
}
