package genflow.loss;

import genflow.dist.Empirical;
import genflow.dist.Gaussian;
import genflow.nn.GradCheck;
import genflow.nn.Mlp;
import genflow.nn.Precision;
import genflow.nn.Trainer;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;


import static org.junit.jupiter.api.Assertions.*;

class CoupledFlowMatchingTest {
    static final int N = 12, D = 2;
    static final double[] DATA = GradCheck.gaussian(N, D, 1, 1.0, 1.5), NOISE = GradCheck.gaussian(N, D, 2, 1.0, 0);

    /** The flat pairs [x₀ᵢ, x₁ᵢ] of NOISE and DATA. */
    static double[] flatPairs() {
        double[] p = new double[N * 2 * D];
        for (int i = 0; i < N; i++) {
            System.arraycopy(NOISE, i * D, p, i * 2 * D, D);
            System.arraycopy(DATA, i * D, p, i * 2 * D + D, D);
        }
        return p;
    }

    @Test
    void valueMatchesAHandComputationOnTheLinearPath() {
        Mlp net = LossesTest.smallNet(D, 3);
        double got = CoupledFlowMatching.of(net).lossAndGradient(flatPairs(), null, N, Rngs.seeded(5), new double[1][net.numParameters()]);
        assertEquals(LossesTest.cfmByHand(net, DATA, NOISE, N, 5), got, 1e-12);
    }

    /** On the pairs as drawn, the coupled loss IS independent CFM: same value, same gradient, bit for bit. */
    @Test
    void equalsIndependentCfmOnTheSamePairs() {
        Mlp a = LossesTest.smallNet(D, 4), b = LossesTest.smallNet(D, 4);
        double[][] ga = new double[1][a.numParameters()], gb = new double[1][b.numParameters()];
        double la = CoupledFlowMatching.of(a).lossAndGradient(flatPairs(), null, N, Rngs.seeded(9), ga);
        double lb = ConditionalFlowMatching.independent(b).lossAndGradient(DATA, NOISE, N, Rngs.seeded(9), gb);
        assertEquals(lb, la, 0.0);
        assertArrayEquals(gb[0], ga[0], 0.0);
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double e = GradCheck.maxError(CoupledFlowMatching.of(LossesTest.smallNet(D, 3)), flatPairs(), null, N, 5, 60);
        assertTrue(e < 1e-6, "coupled CFM gradient error " + e);
    }

    @Test
    void pairsPutNoiseFirstAndCopy() {
        double[][] x0 = {{1, 2}, {3, 4}}, x1 = {{5, 6}, {7, 8}};
        double[][] p = CoupledFlowMatching.pairs(x0, x1);
        assertArrayEquals(new double[]{1, 2, 5, 6}, p[0]);
        assertArrayEquals(new double[]{3, 4, 7, 8}, p[1]);
        p[0][0] = 99;
        assertEquals(1, x0[0][0]);
    }

    /**
     * A deterministic coupling whose straight segments never cross (x₁ = x₀ + c) has CFM constant
     * C = 0 and the constant field v ≡ c as its minimiser: training drives the loss to ~0 and the
     * field to c (unlike an independent coupling, whose loss stays above C &gt; 0).
     */
    @Test
    void trainingOnANonCrossingCouplingLearnsItsStraightField() {
        double[] c = {1.5, -0.5};
        double[][] x0 = Gaussian.standard(2).sample(2000, Rngs.seeded(1));
        double[][] x1 = new double[x0.length][];
        for (int i = 0; i < x0.length; i++) x1[i] = new double[]{x0[i][0] + c[0], x0[i][1] + c[1]};
        Mlp net = Mlp.builder(2).hidden(16, 16).precision(Precision.DOUBLE).seed(2).build();
        var loss = CoupledFlowMatching.of(net);
        assertEquals(4, loss.dim());
        var h = Trainer.builder(loss).data(new Empirical(CoupledFlowMatching.pairs(x0, x1))).steps(600).batchSize(64)
                .learningRate(1e-2).seed(3).progressEvery(0).build().run();
        assertTrue(h.meanOfLast(50) < 1e-3, "final loss " + h.meanOfLast(50));
        double[][] v = net.forward(0.4, new double[][]{{0, 0}, {1, -1}, {-0.5, 2}});
        for (double[] r : v) {
            assertEquals(c[0], r[0], 0.05);
            assertEquals(c[1], r[1], 0.05);
        }
    }

    @Test
    void badInputIsRejectedWithTheParameterNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoupledFlowMatching.pairs(new double[2][2], new double[3][2]));
        assertTrue(e.getMessage().contains("rows"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CoupledFlowMatching.pairs(new double[][]{{0, Double.NaN}}, new double[][]{{0, 0}}));
        assertTrue(e.getMessage().contains("noise"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CoupledFlowMatching.pairs(new double[][]{{0, 0}}, new double[][]{{0}}));
        assertTrue(e.getMessage().contains("data"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CoupledFlowMatching.of(null));
        Mlp net = LossesTest.smallNet(D, 3);
        e = assertThrows(IllegalArgumentException.class,
                () -> CoupledFlowMatching.of(net).lossAndGradient(new double[3], null, 2, Rngs.seeded(1), new double[1][net.numParameters()]));
        assertTrue(e.getMessage().contains("data"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Trainer.builder(CoupledFlowMatching.of(net)).data(Gaussian.standard(2)));
        assertTrue(e.getMessage().contains("dim"), e.getMessage());
    }
}
