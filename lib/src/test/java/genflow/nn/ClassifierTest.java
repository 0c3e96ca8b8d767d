package genflow.nn;

import genflow.dist.Sampleable;
import genflow.loss.CrossEntropy;
import genflow.random.Rngs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class ClassifierTest {
    /** Independent forward pass in plain Java: returns {hidden activations of every layer..., logits}. */
    private static double[][] naive(Classifier c, double[] x) {
        int[] h = c.hidden();
        double[] p = c.parameters();
        int off = 0;
        double[] a = x.clone();
        double[][] layers = new double[h.length + 1][];
        for (int l = 0; l <= h.length; l++) {
            int in = a.length, out = l < h.length ? h[l] : c.classes();
            double[] z = new double[out];
            for (int j = 0; j < out; j++) {
                double s = p[off + in * out + j];
                for (int i = 0; i < in; i++) s += a[i] * p[off + i * out + j];
                z[j] = l < h.length ? s / (1 + Math.exp(-s)) : s;   // SiLU on hidden layers
            }
            off += in * out + out;
            layers[l] = z;
            a = z;
        }
        return layers;
    }

    @Test
    void logitsAndFeaturesMatchAPlainJavaForwardPass() {
        Classifier c = Classifier.builder(5, 3).hidden(7, 4).precision(Precision.DOUBLE).seed(11).build();
        double[][] x = new double[9][5];
        RandomGenerator r = Rngs.seeded(1);
        for (double[] row : x) for (int j = 0; j < 5; j++) row[j] = 2 * r.nextGaussian();
        double[][] logits = c.logits(x), feats = c.features(x), prob = c.probabilities(x);
        int[] pred = c.predict(x);
        assertEquals(4, c.featureSize());
        for (int i = 0; i < x.length; i++) {
            double[][] ref = naive(c, x[i]);
            assertArrayEquals(ref[2], logits[i], 1e-12);
            assertArrayEquals(ref[1], feats[i], 1e-12, "features are the last hidden layer's activations");
            double z = 0;
            for (double v : ref[2]) z += Math.exp(v);
            int best = 0;
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(ref[2][k]) / z, prob[i][k], 1e-12);
                if (ref[2][k] > ref[2][best]) best = k;
            }
            assertEquals(best, pred[i]);
        }
        // FLOAT kernels agree to float accuracy
        double[][] lf = c.withPrecision(Precision.FLOAT).logits(x);
        for (int i = 0; i < x.length; i++) assertArrayEquals(logits[i], lf[i], 1e-4);
    }

    @Test
    void batchesLargerThanOneChunkGiveTheSameRows() {
        Classifier c = Classifier.builder(3, 2).hidden(6).seed(2).build();
        double[][] x = new double[2500][3];
        for (int i = 0; i < x.length; i++) x[i] = new double[]{Math.sin(i), Math.cos(0.3 * i), i % 7 - 3};
        double[][] all = c.logits(x);
        for (int i : new int[]{0, 1023, 1024, 2047, 2048, 2499}) assertArrayEquals(c.logits(new double[][]{x[i]})[0], all[i], 1e-6);
    }

    @Test
    void crossEntropyGradientMatchesFiniteDifferences() {
        Classifier c = Classifier.builder(4, 3).hidden(6, 5).precision(Precision.DOUBLE).seed(4).build();
        int n = 7;
        double[] data = new double[n * 5];
        RandomGenerator r = Rngs.seeded(3);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) data[i * 5 + j] = r.nextGaussian();
            data[i * 5 + 4] = i % 3;
        }
        assertTrue(GradCheck.maxError(new CrossEntropy(c), data, null, n, 9, 200) < 1e-6);
    }

    @Test
    void crossEntropyOfAZeroNetIsLogC() {
        Classifier c = Classifier.builder(3, 4).hidden(5).seed(1).build();
        java.util.Arrays.fill(c.parameters(), 0);
        double[][] x = {{1, 2, 3}, {-1, 0, 4}};
        assertEquals(Math.log(4), new CrossEntropy(c).loss(x, new int[]{0, 3}), 1e-12, "uniform probabilities: −log(1/C)");
    }

    @Test
    void trainsToSeparateThreeBlobs() {
        double[][] centres = {{3, 0}, {-3, 0}, {0, 3}};
        Sampleable blobs = new Sampleable() {
            public int dim() { return 3; }
            public double[][] sample(int n, RandomGenerator rng) {
                double[][] o = new double[n][3];
                for (double[] row : o) {
                    int k = rng.nextInt(3);
                    row[0] = centres[k][0] + 0.5 * rng.nextGaussian();
                    row[1] = centres[k][1] + 0.5 * rng.nextGaussian();
                    row[2] = k;
                }
                return o;
            }
        };
        Classifier c = Classifier.builder(2, 3).hidden(16, 16).seed(5).build();
        Trainer.builder(new CrossEntropy(c)).data(blobs).steps(300).batchSize(64).learningRate(1e-2).seed(6).progressEvery(0).build().run();
        double[][] test = blobs.sample(600, Rngs.seeded(7));
        double[][] x = new double[600][];
        int[] y = new int[600];
        for (int i = 0; i < 600; i++) { x[i] = new double[]{test[i][0], test[i][1]}; y[i] = (int) test[i][2]; }
        // Bayes error of these blobs is below 1e-4 (centres ≥ 4.2 apart, σ = 0.5)
        assertTrue(c.accuracy(x, y) > 0.99, "accuracy " + c.accuracy(x, y));
    }

    @Test
    void saveAndLoadAreBitExactAndCorruptFilesAreRejected(@TempDir Path dir) throws Exception {
        Classifier c = Classifier.builder(6, 4).hidden(5, 3).activation(Activation.TANH).seed(8).build();
        c.parameters()[3] = Math.PI;
        Path f = dir.resolve("c.cls");
        c.save(f);
        Classifier back = Classifier.load(f);
        assertArrayEquals(c.parameters(), back.parameters());
        assertArrayEquals(c.hidden(), back.hidden());
        assertEquals(Activation.TANH, back.activation());
        assertEquals(c.toString(), back.toString());
        byte[] bytes = Files.readAllBytes(f);
        Files.write(dir.resolve("short.cls"), java.util.Arrays.copyOf(bytes, bytes.length - 3));
        assertThrows(IllegalArgumentException.class, () -> Classifier.load(dir.resolve("short.cls")));
        Mlp.builder(2).hidden(3).build().save(dir.resolve("mlp.bin"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Classifier.load(dir.resolve("mlp.bin")));
        assertTrue(e.getMessage().contains("not a saved genflow Classifier"), e.getMessage());
        try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(dir.resolve("huge.cls")))) {
            out.writeInt(0x47434C53);
            out.writeInt(1);
            out.writeInt(64);
            out.writeInt(1);   // classes 1 < 2
        }
        e = assertThrows(IllegalArgumentException.class, () -> Classifier.load(dir.resolve("huge.cls")));
        assertTrue(e.getMessage().contains("classes = 1"), e.getMessage());
    }

    @Test
    void badInputIsRejectedAtTheBoundary() {
        assertThrows(IllegalArgumentException.class, () -> Classifier.builder(0, 3));
        assertThrows(IllegalArgumentException.class, () -> Classifier.builder(2, 1));
        assertThrows(IllegalArgumentException.class, () -> Classifier.builder(2, 3).hidden());
        assertThrows(IllegalArgumentException.class, () -> Classifier.builder(2, 3).threads(3));
        Classifier c = Classifier.builder(2, 3).hidden(4).build();
        assertThrows(IllegalArgumentException.class, () -> c.logits(new double[][]{{1, 2, 3}}));
        assertThrows(IllegalArgumentException.class, () -> c.logits(new double[][]{{1, Double.NaN}}));
        assertThrows(IllegalArgumentException.class, () -> c.predict(new double[0][]));
        assertThrows(IllegalArgumentException.class, () -> c.accuracy(new double[][]{{1, 2}}, new int[]{3}));
        assertThrows(IllegalArgumentException.class, () -> c.accuracy(new double[][]{{1, 2}}, new int[]{0, 1}));
        CrossEntropy ce = new CrossEntropy(c);
        assertEquals(3, ce.dim());
        double[][] g = {new double[c.numParameters()]};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ce.lossAndGradient(new double[]{0.5, 0.5, 1.5}, null, 1, Rngs.seeded(1), g));
        assertTrue(e.getMessage().contains("class index"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ce.lossAndGradient(new double[]{0.5, 0.5, 3}, null, 1, Rngs.seeded(1), g));
        assertThrows(IllegalArgumentException.class, () -> CrossEntropy.labelled(new double[][]{{1}}, new int[]{-1}));
        assertThrows(IllegalArgumentException.class, () -> CrossEntropy.labelled(new double[][]{{1}}, new int[]{0, 1}));
    }
}
