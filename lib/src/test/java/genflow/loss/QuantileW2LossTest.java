package genflow.loss;

import genflow.dist.Gaussian;
import genflow.metrics.Wasserstein;
import genflow.nn.RqSpline;
import genflow.nn.Trainer;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class QuantileW2LossTest {

    private static double[] flat(double[][] x) {
        return Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
    }

    @Test
    void lossIsSortedW2OfSplineSamplesAndGradientMatchesFiniteDifferences() {
        RqSpline spline = RqSpline.identity(2, 8, 4);
        RandomGenerator init = Rngs.seeded(3);
        double[] p = spline.parameters();
        for (int i = 0; i < p.length; i++) p[i] += 0.3 * init.nextGaussian();
        QuantileW2Loss loss = new QuantileW2Loss(spline);
        int n = 64;
        double[] data = flat(new Gaussian(new double[]{1, -0.5}, new double[]{0.7, 1.5}).sample(n, Rngs.seeded(4)));
        double[][] g = {new double[spline.numParameters()]};
        double l0 = loss.lossAndGradient(data, null, n, Rngs.seeded(5), g);
        // independent value: draw the same uniforms, map through the spline, sorted W2 per coordinate
        RandomGenerator r = Rngs.seeded(5);
        double[][] u = new double[n][2];
        for (double[] row : u) for (int c = 0; c < 2; c++) row[c] = r.nextDouble();
        double[][] q = spline.quantile(u);
        double expect = 0;
        for (int c = 0; c < 2; c++) {
            final int cc = c;
            double[] a = Arrays.stream(q).mapToDouble(row -> row[cc]).toArray();
            double[] b = new double[n];
            for (int i = 0; i < n; i++) b[i] = data[i * 2 + c];
            expect += Wasserstein.squaredW2OneDim(a, b);
        }
        assertEquals(expect, l0, 1e-12);
        double h = 1e-6;
        double[][] dummy = {new double[spline.numParameters()]};
        for (int k : new int[]{0, 3, 9, 17, 22, 30, 40}) {
            double keep = p[k];
            p[k] = keep + h;
            double up = loss.lossAndGradient(data, null, n, Rngs.seeded(5), dummy);
            p[k] = keep - h;
            double dn = loss.lossAndGradient(data, null, n, Rngs.seeded(5), dummy);
            p[k] = keep;
            assertEquals((up - dn) / (2 * h), g[0][k], 1e-5 * Math.max(1, Math.abs(g[0][k])), "parameter " + k);
        }
    }

    @Test
    void trainingFitsAGaussianMarginalByW2Alone() {
        RqSpline spline = RqSpline.identity(1, 16, 6);
        Gaussian target = new Gaussian(new double[]{1.0}, new double[]{0.5});
        double[] ref = flat(target.sample(4000, Rngs.seeded(1)));
        double before = Wasserstein.w2OneDim(ref, flat(new QuantileNoise(spline).sample(4000, Rngs.seeded(2))));
        Trainer.builder(new QuantileW2Loss(spline)).data(target).steps(600).learningRate(3e-2).seed(7)
                .progressEvery(0).progressTo(new PrintStream(OutputStream.nullOutputStream())).build().run();
        double after = Wasserstein.w2OneDim(ref, flat(new QuantileNoise(spline).sample(4000, Rngs.seeded(2))));
        // closed form before training: W2(N(0,1), N(1, 0.25)) = sqrt(1 + 0.25) ≈ 1.118
        assertEquals(Math.sqrt(1.25), before, 0.05);
        assertTrue(after < 0.08, "W2 after training = " + after);
        // learned median ≈ 1, learned interquartile range ≈ 2·0.6745·0.5
        // (the last Adam steps at lr 3e-2 jitter the median by a few hundredths; untrained it is 0)
        assertEquals(1.0, spline.quantile(0, 0.5), 0.08);
        assertEquals(2 * 0.6744897501960817 * 0.5, spline.quantile(0, 0.75) - spline.quantile(0, 0.25), 0.06);
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> new QuantileW2Loss(null));
        QuantileW2Loss loss = new QuantileW2Loss(RqSpline.identity(1));
        double[][] g = {new double[RqSpline.identity(1).numParameters()]};
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(new double[]{Double.NaN}, null, 1, Rngs.seeded(1), g));
        assertThrows(IllegalArgumentException.class, () -> loss.lossAndGradient(new double[]{0}, null, 1, null, g));
    }
}
