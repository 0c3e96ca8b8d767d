package genflow.nn.samediff;

import genflow.dist.GaussianMixture;
import genflow.nn.Precision;
import genflow.nn.TimeEmbedding;
import genflow.nn.Trainer;
import genflow.path.GaussianPath;
import genflow.schedule.LinearSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.autodiff.samediff.SDVariable;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.*;

/** Bad input on the SameDiff layer, quiet gradient builds, and reproducible checkpoints. */
class SameDiffInputTest {
    static final GaussianMixture DATA = GaussianMixture.isotropic(new double[][]{{-2, 0}, {2, 1}}, 0.3);

    static SameDiffModel small(long seed) {
        return SameDiffModel.builder(2).seed(seed).network(g -> {
            SDVariable h = g.concat(g.x(), g.timeFeatures(TimeEmbedding.sinusoidal(2)));
            h = g.silu(g.dense(h, 8));
            return g.dense(h, 2);
        }).build();
    }

    static void rejected(String fragment, Runnable r) {
        var e = assertThrows(IllegalArgumentException.class, r::run);
        assertTrue(e.getMessage().contains(fragment), "message '" + e.getMessage() + "' should contain '" + fragment + "'");
    }

    @Test
    void badGraphsAndBatchesGiveClearMessages() {
        // output of the wrong dimension
        rejected("has shape [3, 3] for a batch of 3 points; expected [n, d] = [3, 2]", () -> SameDiffModel.builder(2).network(g -> g.dense(g.x(), 3)).build());
        // a "network" that reduces over the batch
        rejected("expected [n, d] = [3, 2]", () -> SameDiffModel.builder(2).network(g -> g.dense(g.x(), 2).sum(0)).build());
        rejected("no trainable parameters", () -> SameDiffModel.builder(2).network(g -> g.x().mul(2.0)).build());
        rejected("network must be set", () -> SameDiffModel.builder(2).build());
        rejected("must return its output variable", () -> SameDiffModel.builder(2).network(g -> null).build());
        // an inconsistent product inside ND4J becomes an IllegalArgumentException naming the graph
        rejected("the network cannot be evaluated", () -> SameDiffModel.builder(2).network(g ->
                g.x().mmul(g.sd().var("W", org.nd4j.linalg.factory.Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 3, 2)))).build());

        SameDiffModel net = small(1);
        GaussianPath path = new GaussianPath(new LinearSchedule());
        // a loss that is not a scalar
        rejected("the loss must be a scalar, but it has shape [3]", () -> SameDiffObjective.of(net,
                (d, z, r) -> Batch.of(new double[d.length], path.sample(new double[d.length], d, z)),
                (g, v) -> v.squaredDifference(g.target()).sum(1)));
        rejected("does not depend on the model's parameters", () -> SameDiffObjective.of(net,
                (d, z, r) -> Batch.of(new double[d.length], d, d), (g, v) -> g.target().mul(g.target()).mean()));
        SameDiffObjective cfm = SameDiffModelTest.studentCfm(net);
        double[][] one = {{0.5, 0.5}, {1, -1}};
        double[] t = {0.2, 0.7};
        // NaN in a batch
        rejected("batch input target[1][0] = NaN must be a finite number", () -> cfm.value(Batch.of(t, one, new double[][]{{0, 0}, {Double.NaN, 0}})));
        rejected("batch input x[0][1] = Infinity", () -> cfm.value(Batch.of(t, new double[][]{{0, Double.POSITIVE_INFINITY}, {0, 0}}, one)));
        rejected("batch input t[1][0] = 1.5 is outside [0.0, 1.0]", () -> cfm.value(Batch.of(new double[]{0.2, 1.5}, one, one)));
        // a missing placeholder, a misshapen one, an unknown one
        rejected("the batch does not fill the loss input target [n, 2]", () -> cfm.value(Batch.of(t, one)));
        rejected("batch input target[0] has 3 columns, expected shape [2, 2]", () -> cfm.value(Batch.of(t, one, new double[][]{{0, 0, 0}, {0, 0, 0}})));
        rejected("batch input target has 1 rows, expected [2, 2]", () -> cfm.value(Batch.of(t, one, new double[][]{{0, 0}})));
        rejected("the batch has an input weight that the loss does not use", () -> cfm.value(Batch.of(t, one, one).with("weight", new double[]{1, 2})));
        // the model itself
        var ws = net.workspace();
        rejected("t[0] = -0.5 is outside [0, 1]", () -> ws.forward(new double[]{-0.5}, new double[]{0, 0}, 1));
        rejected("x[0][1] = NaN", () -> net.asVectorField().apply(0.5, new double[][]{{0, Double.NaN}}));
        rejected("x[0] has dimension 3, expected 2", () -> net.asVectorField().apply(0.5, new double[][]{{0, 0, 0}}));
        assertThrows(IllegalStateException.class, () -> net.workspace().backward(new double[2], new double[net.numParameters()], null));
    }

    /** SameDiff prints "Added differentiated op …" with System.out.println on every gradient build: filtered. */
    @Test
    void gradientBuildsPrintNothing() {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        try {
            SameDiffModel net = small(2);
            SameDiffObjective cfm = SameDiffModelTest.studentCfm(net);
            Trainer.builder(cfm).data(DATA).steps(3).batchSize(8).progressEvery(0).build().run();
            genflow.loss.ConditionalFlowMatching.independent(net).lossAndGradient(new double[]{1, 2}, new double[]{0, 0}, 1,
                    genflow.random.Rngs.seeded(1), new double[1][net.numParameters()]);
            System.out.println("after");
        } finally {
            System.setOut(old);
        }
        assertEquals("after" + System.lineSeparator(), buf.toString(StandardCharsets.UTF_8));
        assertSame(old, System.out);
    }

    /** Same seed → same loss history bit for bit, same parameter bytes, same checkpoint bytes; load validates. */
    @Test
    void sameSeedSameHistoryParametersAndFileBytes(@TempDir Path dir) throws IOException {
        double[][] histories = new double[2][];
        SameDiffModel[] nets = new SameDiffModel[2];
        for (int r = 0; r < 2; r++) {
            nets[r] = small(5);
            histories[r] = Trainer.builder(SameDiffModelTest.studentCfm(nets[r])).data(DATA).steps(40).batchSize(32)
                    .learningRate(3e-3).seed(9).progressEvery(0).build().run().losses();
            nets[r].save(dir.resolve("m" + r + ".bin"));
        }
        for (int k = 0; k < 40; k++) assertEquals(Double.doubleToRawLongBits(histories[0][k]), Double.doubleToRawLongBits(histories[1][k]), "step " + k);
        assertArrayEquals(nets[0].parameters(), nets[1].parameters(), 0.0);
        byte[] a = Files.readAllBytes(dir.resolve("m0.bin")), b = Files.readAllBytes(dir.resolve("m1.bin"));
        assertArrayEquals(a, b, "same seed, same checkpoint bytes");
        SameDiffModel back = SameDiffModel.load(dir.resolve("m0.bin"));
        for (int i = 0; i < back.numParameters(); i++) {
            assertEquals(Double.doubleToRawLongBits(nets[0].parameters()[i]), Double.doubleToRawLongBits(back.parameters()[i]));
        }
        double[][] x = {{0.3, -1}, {2, 0.5}};
        assertArrayEquals(nets[0].forward(0.6, x)[1], back.forward(0.6, x)[1], 0.0);
        assertEquals(nets[0].parameterNames(), back.parameterNames());
        back.save(dir.resolve("again.bin"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("again.bin")), "load + save reproduces the bytes");

        // corrupt files: version, a NaN parameter, a shape that does not match the graph, truncation
        rejected("has version 9", () -> SameDiffModel.load(patchInt(dir, a, 4, 9)));
        int firstParam = headerLength(nets[0]);
        byte[] nan = a.clone();
        long bits = Double.doubleToRawLongBits(Double.NaN);
        for (int k = 0; k < 8; k++) nan[firstParam + k] = (byte) (bits >>> (56 - 8 * k));
        rejected("parameter value [0] = NaN", () -> SameDiffModel.load(write(dir, "nan.bin", nan)));
        rejected("ends early", () -> SameDiffModel.load(write(dir, "short.bin", Arrays.copyOf(a, a.length - 10))));
        rejected("is not a saved genflow SameDiffModel", () -> SameDiffModel.load(write(dir, "foreign.bin", new byte[]{1, 2, 3, 4, 5})));
        byte[] shape = a.clone();
        int w1Rows = indexOfShape(a, "W1");
        shape[w1Rows + 7] = 8; // W1 declared [8, 8] instead of [7, 8]: the declared count no longer matches
        rejected("SameDiffModel file", () -> SameDiffModel.load(write(dir, "shape.bin", shape)));
    }

    static Path write(Path dir, String name, byte[] b) {
        Path f = dir.resolve(name);
        try {
            Files.write(f, b);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return f;
    }

    static Path patchInt(Path dir, byte[] a, int at, int value) {
        byte[] b = a.clone();
        for (int k = 0; k < 4; k++) b[at + k] = (byte) (value >>> (24 - 8 * k));
        return write(dir, "patched.bin", b);
    }

    /** Bytes before the first parameter value in a file written by {@link SameDiffModel#save}. */
    static int headerLength(SameDiffModel m) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0);
        out.writeInt(0);
        out.writeInt(0);
        out.writeUTF(m.precision().name());
        out.writeLong(0);
        out.writeUTF(m.outputName());
        out.writeInt(0);
        for (int i = 0; i < m.parameterNames().size(); i++) {
            out.writeUTF(m.parameterNames().get(i));
            out.writeInt(0);
            for (long ignored : m.parameterShape(i)) out.writeLong(0);
        }
        out.writeInt(0);
        return b.size();
    }

    /** Offset of the first shape entry (a long) of parameter {@code name} in the file bytes. */
    static int indexOfShape(byte[] a, String name) {
        byte[] key = name.getBytes(StandardCharsets.UTF_8);
        outer:
        for (int i = 2; i + key.length < a.length; i++) {
            if (a[i - 2] != 0 || a[i - 1] != key.length) continue;
            for (int k = 0; k < key.length; k++) if (a[i + k] != key[k]) continue outer;
            return i + key.length + 4;
        }
        throw new AssertionError(name + " not found");
    }

    @Test
    void doublePrecisionModelRoundTrips(@TempDir Path dir) {
        SameDiffModel m = SameDiffModel.builder(3).precision(Precision.DOUBLE).seed(3).network(g -> g.dense(g.tanh(g.dense(g.concat(g.x(), g.t()), 5)), 3)).build();
        m.parameters()[0] = Math.nextUp(1.0 / 3);
        m.save(dir.resolve("d.bin"));
        SameDiffModel back = SameDiffModel.load(dir.resolve("d.bin"));
        assertEquals(Precision.DOUBLE, back.precision());
        assertEquals(Math.nextUp(1.0 / 3), back.parameters()[0], 0.0);
        double[][] x = {{0.1, 0.2, 0.3}};
        assertArrayEquals(m.forward(0.5, x)[0], back.forward(0.5, x)[0], 0.0);
    }
}
