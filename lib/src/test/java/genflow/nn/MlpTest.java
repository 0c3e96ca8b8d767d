package genflow.nn;

import genflow.ode.VectorField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import static org.junit.jupiter.api.Assertions.*;

class MlpTest {

    /** Independent reference forward pass with plain loops over the documented parameter layout. */
    static double[] reference(Mlp m, double[] t, double[] x, int n) {
        int d = m.dim();
        int[] h = m.hidden();
        int[] sizes = new int[h.length + 2];
        sizes[0] = d + m.timeEmbedding().size();
        System.arraycopy(h, 0, sizes, 1, h.length);
        sizes[sizes.length - 1] = d;
        double[] p = m.parameters();
        double[] out = new double[n * d];
        for (int i = 0; i < n; i++) {
            double[] a = new double[sizes[0]];
            System.arraycopy(x, i * d, a, 0, d);
            m.timeEmbedding().embed(t[i], a, d);
            int off = 0;
            for (int l = 0; l + 1 < sizes.length; l++) {
                int in = sizes[l], o = sizes[l + 1];
                double[] z = new double[o];
                for (int j = 0; j < o; j++) {
                    double s = p[off + in * o + j];
                    for (int k = 0; k < in; k++) s += a[k] * p[off + k * o + j];
                    z[j] = s;
                }
                off += in * o + o;
                if (l + 2 < sizes.length) {
                    for (int j = 0; j < o; j++) {
                        double v = z[j];
                        z[j] = switch (m.activation()) {
                            case SILU -> v / (1 + Math.exp(-v));
                            case RELU -> Math.max(v, 0);
                            case TANH -> Math.tanh(v);
                        };
                    }
                }
                a = z;
            }
            System.arraycopy(a, 0, out, i * d, d);
        }
        return out;
    }

    static double[] times(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] t = new double[n];
        for (int i = 0; i < n; i++) t[i] = r.nextDouble();
        return t;
    }

    @Test
    void forwardMatchesReferenceForEveryActivationAndOddShapes() {
        for (Activation act : Activation.values()) {
            for (int n : new int[]{1, 7, 33}) {
                Mlp m = Mlp.builder(3).hidden(9, 20, 16).activation(act).timeEmbedding(TimeEmbedding.sinusoidal(2))
                        .precision(Precision.DOUBLE).seed(5).build();
                double[] x = GradCheck.gaussian(n, 3, 11, 1.5, 0), t = times(n, 12);
                double[] got = m.workspace().forward(t, x, n), want = reference(m, t, x, n);
                for (int i = 0; i < n * 3; i++) assertEquals(want[i], got[i], 1e-12 * (1 + Math.abs(want[i])), act + " n=" + n);
                Mlp f = m.withPrecision(Precision.FLOAT);
                double[] gf = f.workspace().forward(t, x, n);
                for (int i = 0; i < n * 3; i++) assertEquals(want[i], gf[i], 2e-5 * (1 + Math.abs(want[i])), "float " + act);
            }
        }
    }

    @Test
    void twoThreadSplitGivesTheSameNumbers() {
        Mlp one = Mlp.builder(2).hidden(128, 128).precision(Precision.DOUBLE).threads(1).seed(3).build();
        Mlp two = Mlp.builder(2).hidden(128, 128).precision(Precision.DOUBLE).threads(2).seed(3).build();
        int n = 522; // > 2^23 multiply-adds in the 128x128 layer (the split threshold), and not a multiple of 4
        double[] x = GradCheck.gaussian(n, 2, 1, 1, 0), t = times(n, 2);
        double[] a = one.workspace().forward(t, x, n).clone(), b = two.workspace().forward(t, x, n);
        assertArrayEquals(a, b, 0.0);
        double[] want = reference(one, t, x, n);
        for (int i = 0; i < a.length; i++) assertEquals(want[i], a[i], 1e-12);
    }

    /** Loss L = Σ w ⊙ v(t, x) with fixed random weights w: checks ∂L/∂θ and ∂L/∂x. */
    @Test
    void gradientsMatchFiniteDifferences() {
        for (Activation act : Activation.values()) {
            Mlp m = Mlp.builder(2).hidden(12, 10).activation(act).timeEmbedding(TimeEmbedding.sinusoidal(1))
                    .precision(Precision.DOUBLE).seed(7).build();
            int n = 6;
            double[] x = GradCheck.gaussian(n, 2, 3, 1, 0), t = times(n, 4), w = GradCheck.gaussian(n, 2, 5, 1, 0);
            Objective o = new Objective() {
                final Mlp.Workspace ws = m.workspace();
                public int dim() { return 2; }
                public List<Parametric> parameters() { return List.of(m); }
                public double lossAndGradient(double[] data, double[] noise, int k, RandomGenerator rng, double[][] g) {
                    double[] v = ws.forward(t, data, k);
                    double s = 0;
                    for (int i = 0; i < k * 2; i++) s += w[i] * v[i];
                    ws.backward(w, g[0], null);
                    return s;
                }
            };
            double err = GradCheck.maxError(o, x, null, n, 1, 10_000);
            assertTrue(err < 1e-6, act + " parameter gradient error " + err);
            // input gradient
            Mlp.Workspace ws = m.workspace();
            ws.forward(t, x, n);
            double[] dx = new double[n * 2];
            ws.backward(w, new double[m.numParameters()], dx);
            for (int i = 0; i < n * 2; i++) {
                double keep = x[i], h = 1e-6;
                x[i] = keep + h;
                double up = dot(w, m.workspace().forward(t, x, n));
                x[i] = keep - h;
                double down = dot(w, m.workspace().forward(t, x, n));
                x[i] = keep;
                double fd = (up - down) / (2 * h);
                assertEquals(fd, dx[i], 1e-7 * (1 + Math.abs(fd)), act + " input gradient " + i);
            }
        }
    }

    @Test
    void floatGradientsAgreeWithDouble() {
        Mlp d = Mlp.builder(2).hidden(32, 32).precision(Precision.DOUBLE).seed(9).build();
        Mlp f = d.withPrecision(Precision.FLOAT);
        int n = 40;
        double[] x = GradCheck.gaussian(n, 2, 3, 1, 0), t = times(n, 4), w = GradCheck.gaussian(n, 2, 5, 1, 0);
        double[] gd = new double[d.numParameters()], gf = new double[d.numParameters()];
        Mlp.Workspace a = d.workspace(), b = f.workspace();
        a.forward(t, x, n);
        a.backward(w, gd, null);
        b.forward(t, x, n);
        b.backward(w, gf, null);
        double scale = Arrays.stream(gd).map(Math::abs).max().orElseThrow();
        for (int i = 0; i < gd.length; i++) assertEquals(gd[i], gf[i], 1e-4 * scale);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += a[i] * b[i];
        return s;
    }

    @Test
    void seededInitIsReproducibleAndBoundedLikeTorch() {
        Mlp a = Mlp.builder(2).hidden(16).seed(42).build(), b = Mlp.builder(2).hidden(16).seed(42).build();
        Mlp c = Mlp.builder(2).hidden(16).seed(43).build();
        assertArrayEquals(a.parameters(), b.parameters(), 0.0);
        assertFalse(Arrays.equals(a.parameters(), c.parameters()));
        // first layer: in = 2 + 1, bound 1/sqrt(3); entries fill the range
        double max = 0;
        for (int i = 0; i < 3 * 16 + 16; i++) max = Math.max(max, Math.abs(a.parameters()[i]));
        assertTrue(max <= 1 / Math.sqrt(3) && max > 0.8 / Math.sqrt(3), "max " + max);
        assertEquals((3 * 16 + 16) + (16 * 2 + 2), a.numParameters());
    }

    @Test
    void floatNetsAreSavedAsFloat32AndGiveBitIdenticalOutputs(@TempDir Path dir) throws java.io.IOException {
        Mlp m = Mlp.builder(3).hidden(8, 5).activation(Activation.SILU).timeEmbedding(TimeEmbedding.sinusoidal(3)).seed(17).build();
        assertEquals(Precision.FLOAT, m.precision());
        m.parameters()[4] = Math.nextUp(1.0 / 3);          // not representable in float: stored rounded
        Path f = dir.resolve("m.bin"), d = dir.resolve("d.bin");
        m.save(f);
        m.withPrecision(Precision.DOUBLE).save(d);
        // 4 bytes per parameter instead of 8 (and the header's precision name FLOAT is one letter shorter than DOUBLE)
        assertEquals(java.nio.file.Files.size(d) - 4L * m.numParameters() - 1, java.nio.file.Files.size(f));
        Mlp r = Mlp.load(f);
        assertEquals(m.toString(), r.toString());
        for (int i = 0; i < m.parameters().length; i++) assertEquals((double) (float) m.parameters()[i], r.parameters()[i], 0.0);
        assertNotEquals(m.parameters()[4], r.parameters()[4]);
        double[][] x = {{0.1, -2, 3}, {1, 1, 1}, {-0.7, 0.2, 5}};
        for (double t : new double[] {0, 0.3, 1}) {
            double[][] a = m.forward(t, x), b = r.forward(t, x);
            for (int i = 0; i < x.length; i++) assertArrayEquals(a[i], b[i], 0.0);   // the float kernels see the same floats
        }
        // saving the loaded net again gives the same bytes
        Path g = dir.resolve("again.bin");
        r.save(g);
        assertArrayEquals(java.nio.file.Files.readAllBytes(f), java.nio.file.Files.readAllBytes(g));
    }

    @Test
    void saveLoadRoundTripIsBitExact(@TempDir Path dir) {
        Mlp m = Mlp.builder(3).hidden(8, 5).activation(Activation.TANH).timeEmbedding(TimeEmbedding.sinusoidal(3)).precision(Precision.DOUBLE).seed(17).build();
        m.parameters()[4] = Math.nextUp(1.0 / 3);
        Path f = dir.resolve("m.bin");
        m.save(f);
        Mlp r = Mlp.load(f);
        assertEquals(m.toString(), r.toString());
        assertEquals(m.parameters().length, r.parameters().length);
        for (int i = 0; i < m.parameters().length; i++) {
            assertEquals(Double.doubleToRawLongBits(m.parameters()[i]), Double.doubleToRawLongBits(r.parameters()[i]));
        }
        double[][] x = {{0.1, -2, 3}, {1, 1, 1}};
        assertArrayEquals(m.forward(0.3, x)[1], r.forward(0.3, x)[1], 0.0);
    }

    @Test
    void vectorFieldAndIndArrayFormsAgree() {
        Mlp m = Mlp.builder(2).hidden(8).precision(Precision.DOUBLE).seed(1).build();
        double[][] x = {{0.5, -1}, {2, 0.25}, {0, 0}};
        VectorField v = m.asVectorField();
        double[][] a = v.apply(0.7, x);
        var b = m.forward(0.7, Nd4j.create(x));
        var c = m.forward(Nd4j.create(new double[]{0.7, 0.7, 0.7}), Nd4j.create(x));
        double[] ref = reference(m, new double[]{0.7, 0.7, 0.7}, new double[]{0.5, -1, 2, 0.25, 0, 0}, 3);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 2; j++) {
                assertEquals(ref[i * 2 + j], a[i][j], 1e-12);
                assertEquals(ref[i * 2 + j], b.getDouble(i, j), 1e-12);
                assertEquals(ref[i * 2 + j], c.getDouble(i, j), 1e-12);
            }
        }
    }

    @Test
    void rejectsBadArguments() {
        Mlp m = Mlp.builder(2).hidden(4).seed(1).build();
        VectorField v = m.asVectorField();
        assertThrows(IllegalArgumentException.class, () -> v.apply(1.5, new double[][]{{0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> v.apply(0.5, new double[][]{{0, 0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> v.apply(0.5, new double[][]{{Double.NaN, 0}}));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(0));
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(2).hidden());
        assertThrows(IllegalArgumentException.class, () -> Mlp.builder(2).threads(3));
        assertThrows(IllegalArgumentException.class, () -> m.forward(0.5, Nd4j.zeros(3, 3)));
        assertThrows(IllegalStateException.class, () -> m.workspace().backward(new double[2], new double[m.numParameters()], null));
        assertThrows(IllegalArgumentException.class, () -> TimeEmbedding.sinusoidal(0));
    }
}
