package genflow.nn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class AdamTest {
    static Parametric block(double... p) {
        return () -> p;
    }

    @Test
    void firstTwoStepsMatchTheBiasCorrectedFormula() {
        Parametric b = block(1.0, -2.0);
        Adam a = Adam.builder().learningRate(0.1).beta1(0.9).beta2(0.99).epsilon(1e-8).build(b);
        a.step(new double[][]{{0.5, -3}});
        // step 1: m̂ = g, v̂ = g² ⇒ θ −= lr g/(|g| + ε)
        assertEquals(1.0 - 0.1 * 0.5 / (0.5 + 1e-8), b.parameters()[0], 1e-15);
        assertEquals(-2.0 + 0.1 * 3 / (3 + 1e-8), b.parameters()[1], 1e-15);
        double p0 = b.parameters()[0];
        a.step(new double[][]{{1.5, 0}});
        double m = 0.9 * 0.1 * 0.5 + 0.1 * 1.5, v = 0.99 * 0.01 * 0.25 + 0.01 * 2.25;
        double mh = m / (1 - 0.81), vh = v / (1 - 0.9801);
        assertEquals(p0 - 0.1 * mh / (Math.sqrt(vh) + 1e-8), b.parameters()[0], 1e-14);
        assertEquals(2, a.steps());
    }

    @Test
    void decoupledWeightDecayShrinksWithZeroGradient() {
        Parametric b = block(2.0);
        Adam a = Adam.builder().learningRate(0.01).weightDecay(0.5).build(b);
        a.step(new double[][]{{0}});
        assertEquals(2.0 * (1 - 0.005), b.parameters()[0], 1e-15);
    }

    @Test
    void minimisesAQuadratic() {
        Parametric b = block(5, -7, 0.5);
        double[] c = {1, 2, 3};
        Adam a = Adam.builder().learningRate(0.05).build(b);
        for (int k = 0; k < 3000; k++) {
            double[] g = new double[3];
            for (int i = 0; i < 3; i++) g[i] = 2 * (b.parameters()[i] - c[i]);
            a.step(new double[][]{g});
        }
        assertArrayEquals(c, b.parameters(), 1e-3);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().learningRate(0));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().beta1(1));
        assertThrows(IllegalArgumentException.class, () -> Adam.builder().weightDecay(-1));
        Adam a = Adam.builder().build(block(1, 2));
        assertThrows(IllegalArgumentException.class, () -> a.step(new double[][]{{1}}));
        assertThrows(IllegalArgumentException.class, () -> a.step(new double[][]{{1, Double.NaN}}));
    }
}
