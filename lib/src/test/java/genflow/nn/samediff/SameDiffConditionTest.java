package genflow.nn.samediff;

import genflow.dist.GaussianMixture;
import genflow.nn.GradCheck;
import genflow.nn.Precision;
import genflow.nn.TimeEmbedding;
import genflow.nn.Trainer;
import genflow.path.GaussianPath;
import genflow.path.LabelledGmmMarginal;
import genflow.random.Rngs;
import genflow.schedule.LinearSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;

import static genflow.nn.samediff.SameDiffInputTest.rejected;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Conditional SameDiff models v_θ(t, x | y) (a condition input y [n, c], chapter 10) and objectives
 * whose data rows carry the label ([x₁, label], {@code dataDim} = d + 1).
 */
class SameDiffConditionTest {
    static final int D = 2, K = 3;

    /** [x, y, t] → dense(8) → tanh → dense(2): small enough to compute by hand. */
    static SameDiffModel tiny(Precision p, long seed) {
        return SameDiffModel.builder(D).condition(K).precision(p).seed(seed).network(g -> {
            SDVariable h = g.concat(g.x(), g.y(), g.t());
            h = g.tanh(g.dense(h, 8));
            return g.dense(h, D);
        }).build();
    }

    /** The same network evaluated by hand from θ (W row-major [in × out], then b, per layer). */
    static double[] byHand(double[] p, double t, double[] x, double[] y) {
        double[] in = new double[D + K + 1];
        System.arraycopy(x, 0, in, 0, D);
        System.arraycopy(y, 0, in, D, K);
        in[D + K] = t;
        int nIn = in.length, w = 8, off = 0;
        double[] h = new double[w];
        for (int j = 0; j < w; j++) {
            double s = p[nIn * w + j];
            for (int i = 0; i < nIn; i++) s += in[i] * p[i * w + j];
            h[j] = Math.tanh(s);
        }
        off = nIn * w + w;
        double[] out = new double[D];
        for (int j = 0; j < D; j++) {
            double s = p[off + w * D + j];
            for (int i = 0; i < w; i++) s += h[i] * p[off + i * D + j];
            out[j] = s;
        }
        return out;
    }

    static double[] oneHot(int label) {
        double[] r = new double[K];
        if (label >= 0) r[label] = 1;
        return r;
    }

    @Test
    void conditionalForwardIsTheNetworkOfXYAndT() {
        SameDiffModel net = tiny(Precision.DOUBLE, 3);
        assertTrue(net.isConditional());
        assertEquals(K, net.conditionColumns());
        double[][] x = {{0.3, -1.2}, {1.0, 0.5}, {-0.7, 2.0}, {0.1, 0.1}};
        double[][] y = {oneHot(0), oneHot(2), oneHot(-1), {0.2, 0.3, 0.5}};
        for (double t : new double[]{0.0, 0.35, 1.0}) {
            double[][] out = net.forward(t, x, y);
            for (int i = 0; i < x.length; i++) assertArrayEquals(byHand(net.parameters(), t, x[i], y[i]), out[i], 1e-12, "row " + i);
            // one condition for all rows, and one per row, give the same numbers
            double[][] fixed = net.asVectorField(y[1]).apply(t, x), rows = net.asVectorField(y).apply(t, x);
            for (int i = 0; i < x.length; i++) {
                assertArrayEquals(byHand(net.parameters(), t, x[i], y[1]), fixed[i], 1e-12);
                assertArrayEquals(out[i], rows[i], 0.0);
            }
        }
        // the condition matters
        assertNotEquals(net.forward(0.5, x, new double[][]{oneHot(0), oneHot(0), oneHot(0), oneHot(0)})[0][0],
                net.forward(0.5, x, new double[][]{oneHot(1), oneHot(1), oneHot(1), oneHot(1)})[0][0]);
    }

    /** Labelled CFG objective on rows [x₁, label]: one-hot with dropout to zeros, CFM target. */
    static SameDiffObjective labelDropoutCfm(SameDiffModel net, double dropout) {
        GaussianPath path = new GaussianPath(new LinearSchedule());
        return SameDiffObjective.of(net, D + 1, (rows, noise, rng) -> {
            int n = rows.length;
            double[] t = new double[n];
            double[][] x1 = new double[n][], y = new double[n][];
            for (int i = 0; i < n; i++) {
                assertEquals(D + 1, rows[i].length, "data rows carry the label");
                assertEquals(D, noise[i].length, "noise rows have d columns");
                t[i] = rng.nextDouble();
                x1[i] = Arrays.copyOf(rows[i], D);
                y[i] = oneHot(rng.nextDouble() < dropout ? -1 : (int) rows[i][D]);
            }
            return Batch.of(t, path.sample(t, x1, noise)).with("y", y);
        }, (g, v) -> v.squaredDifference(g.target()).sum(1).mean());
    }

    @Test
    void conditionalObjectiveGradientMatchesFiniteDifferences() {
        SameDiffModel net = tiny(Precision.DOUBLE, 4);
        SameDiffObjective o = labelDropoutCfm(net, 0.3);
        assertEquals(D, o.dim());
        assertEquals(D + 1, o.dataDim());
        int n = 10;
        double[] rows = new double[n * (D + 1)];
        RandomGenerator r = Rngs.seeded(2);
        for (int i = 0; i < n; i++) {
            rows[i * (D + 1)] = r.nextGaussian();
            rows[i * (D + 1) + 1] = r.nextGaussian();
            rows[i * (D + 1) + 2] = i % K;
        }
        double[] noise = GradCheck.gaussian(n, D, 5, 1, 0);
        assertTrue(GradCheck.maxError(o, rows, noise, n, 7, 60) < 1e-6);
        // the workspace's vector–Jacobian product of a conditional model agrees with finite differences too
        var ws = net.workspace();
        double[] t = {0.2, 0.6}, x = {0.3, -0.4, 1.1, 0.2}, y = {1, 0, 0, 0, 0, 1}, up = {0.7, -1.3, 0.4, 2.0};
        ws.forward(t, x, y, 2);
        double[] grad = new double[net.numParameters()];
        ws.backward(up, grad, null);
        double[] p = net.parameters();
        for (int i : new int[]{0, 5, 17, 33, grad.length - 1}) {
            double keep = p[i], h = 1e-6;
            p[i] = keep + h;
            double a = dot(ws.forward(t, x, y, 2), up);
            p[i] = keep - h;
            double b = dot(ws.forward(t, x, y, 2), up);
            p[i] = keep;
            assertEquals((a - b) / (2 * h), grad[i], 1e-6 * Math.max(1, Math.abs(grad[i])), "parameter " + i);
        }
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < b.length; i++) s += a[i] * b[i];
        return s;
    }

    /**
     * Label-conditioned flow matching with 20 % label dropout learns BOTH fields of a labelled GMM:
     * v_θ(t, x | y) ≈ u_t(x | y) for every class and v_θ(t, x | ∅) ≈ u_t(x), on points of p_t,
     * measured as the mean squared error relative to the mean squared exact velocity.
     */
    @Test
    void labelDropoutTrainingLearnsTheConditionalAndTheUnconditionalField() {
        GaussianMixture mix = GaussianMixture.isotropic(new double[]{0.3, 0.3, 0.4}, new double[][]{{-2, 0}, {2, 0.5}, {0, 2.5}}, new double[]{0.4, 0.4, 0.4});
        LabelledGmmMarginal exact = new LabelledGmmMarginal(mix, new int[]{0, 1, 2}, new LinearSchedule());
        SameDiffModel net = SameDiffModel.builder(D).condition(K).seed(1).network(g -> {
            SDVariable h = g.concat(g.x(), g.y(), g.timeFeatures(TimeEmbedding.sinusoidal(3)));
            h = g.silu(g.dense(h, 64));
            h = g.silu(g.dense(h, 64));
            return g.dense(h, D);
        }).build();
        Trainer.builder(labelDropoutCfm(net, 0.2)).data(exact.labelledData()).steps(2500).batchSize(256).learningRate(3e-3)
                .seed(2).progressEvery(0).build().run();
        for (double t : new double[]{0.3, 0.7}) {
            double[][] x = exact.unconditional().marginal(t).sample(400, Rngs.seeded(8));
            for (int label = -1; label < K; label++) {
                double[][] v = net.asVectorField(oneHot(label)).apply(t, x);
                double err = 0, norm = 0;
                for (int i = 0; i < x.length; i++) {
                    double[] u = label < 0 ? exact.velocity(t, x[i]) : exact.velocity(t, x[i], label);
                    for (int j = 0; j < D; j++) {
                        err += Math.pow(v[i][j] - u[j], 2);
                        norm += u[j] * u[j];
                    }
                }
                // the other class's exact field (or, for ∅, class 0's) as a wrong answer for scale
                double wrong = 0;
                for (int i = 0; i < x.length; i++) {
                    double[] u = label < 0 ? exact.velocity(t, x[i]) : exact.velocity(t, x[i], label);
                    double[] other = label < 0 ? exact.velocity(t, x[i], 0) : exact.velocity(t, x[i]);
                    for (int j = 0; j < D; j++) wrong += Math.pow(other[j] - u[j], 2);
                }
                System.out.printf("t=%.1f label %d: relative squared error %.4f (unconditional/conditional swapped: %.4f)%n", t, label, err / norm, wrong / norm);
                assertTrue(err / norm < 0.2, "t=" + t + " label " + label + ": relative squared error " + err / norm);
            }
        }
    }

    @Test
    void conditionalModelsRoundTripAndUnconditionalFilesKeepVersionOne(@TempDir Path dir) throws IOException {
        SameDiffModel net = tiny(Precision.FLOAT, 6);
        Path f = dir.resolve("c.sdm"), g = dir.resolve("c2.sdm"), u = dir.resolve("u.sdm");
        net.save(f);
        SameDiffModel back = SameDiffModel.load(f);
        assertEquals(K, back.conditionColumns());
        assertArrayEquals(net.parameters(), back.parameters(), 0.0);
        double[][] x = {{0.3, -1.2}, {1.0, 0.5}}, y = {oneHot(1), oneHot(-1)};
        double[][] a = net.forward(0.4, x, y), b = back.forward(0.4, x, y);
        for (int i = 0; i < 2; i++) assertArrayEquals(a[i], b[i], 0.0);
        back.save(g);
        assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(g), "save → load → save gives the same bytes");
        assertEquals(2, version(f));
        SameDiffInputTest.small(1).save(u);
        assertEquals(1, version(u));
        assertFalse(SameDiffModel.load(u).isConditional());
        assertEquals(K, net.copy().conditionColumns());
        // θ is stored once (the graph is compressed without its parameter values): a wide model's file is about 8 bytes per parameter
        SameDiffModel wide = SameDiffModel.builder(D).condition(K).seed(2).network(q -> q.dense(q.silu(q.dense(q.concat(q.x(), q.y(), q.t()), 256)), D)).build();
        Path w = dir.resolve("wide.sdm");
        wide.save(w);
        long size = Files.size(w), params = wide.numParameters();
        assertTrue(size < 8 * params + 16_384, "file of " + size + " bytes for " + params + " parameters");
        assertArrayEquals(wide.parameters(), SameDiffModel.load(w).parameters(), 0.0);
        // a damaged compressed graph is reported, not thrown from inside the unzipper
        byte[] bytes = Files.readAllBytes(w);
        bytes[bytes.length - 30] ^= 0x5A;
        Path broken = dir.resolve("broken.sdm");
        Files.write(broken, bytes);
        rejected("broken.sdm", () -> SameDiffModel.load(broken));
    }

    static int version(Path f) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(f))) {
            in.readInt();
            return in.readInt();
        }
    }

    @Test
    void missingOrMisshapenConditionsGiveClearMessages() {
        SameDiffModel net = tiny(Precision.FLOAT, 7);
        double[][] x = {{0.3, -1.2}, {1.0, 0.5}};
        rejected("this model is conditional", () -> net.asVectorField());
        rejected("this model is conditional", () -> net.forward(0.5, x));
        rejected("this model is conditional", () -> net.workspace().forward(new double[]{0.5}, new double[]{0, 0}, 1));
        rejected("y has dimension 2, expected 3", () -> net.asVectorField(new double[]{1, 0}));
        rejected("x has 2 rows, but the field was made with 1 condition rows", () -> net.asVectorField(new double[][]{oneHot(0)}).apply(0.5, x));
        rejected("y[0][1] = NaN", () -> net.workspace().forward(new double[]{0.5}, new double[]{0, 0}, new double[]{0, Double.NaN, 0}, 1));
        rejected("condition columns", () -> SameDiffModel.builder(2).condition(0));
        rejected("no condition input y", () -> SameDiffModel.builder(2).network(g -> g.dense(g.concat(g.x(), g.y()), 2)).build());
        rejected("has no condition input", () -> SameDiffInputTest.small(1).asVectorField(new double[]{1}));
        rejected("dataDim = 1 must be >= d = 2", () -> SameDiffObjective.of(net, 1, (r, z, g) -> null, (g, v) -> v.mean()));
        GaussianPath path = new GaussianPath(new LinearSchedule());
        SameDiffObjective noY = SameDiffObjective.of(net, (d, z, r) -> Batch.of(new double[d.length], path.sample(new double[d.length], d, z)),
                (g, v) -> v.squaredDifference(g.target()).sum(1).mean());
        double[] t = {0.2, 0.7};
        rejected("the batch must fill its condition y [n, 3]", () -> noY.value(Batch.of(t, x, x)));
        rejected("batch input y (the condition)[1] has 2 columns", () -> noY.value(Batch.of(t, x, x).with("y", new double[][]{oneHot(0), {0, 1}})));
        rejected("has no condition input", () -> SameDiffInputTest.small(1).workspace().forward(new double[]{0.5}, new double[]{0, 0}, new double[]{1}, 1));
        // the trainer draws data rows of the objective's data width
        SameDiffObjective labelled = labelDropoutCfm(net, 0.1);
        rejected("data has dim 2, objective expects 3", () -> Trainer.builder(labelled).data(GaussianMixture.isotropic(new double[][]{{0, 0}}, 1)));
    }
}
