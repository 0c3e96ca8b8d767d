package genflow.nn;

import genflow.math.Require;
import genflow.random.Rngs;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron classifier f_θ: R^k → R^C (logits) for C classes, with class
 * probabilities p_θ(y | x) = softmax(f_θ(x))_y (Bishop 2006, §5.2). Input x (no time), hidden
 * layers of the given widths with an {@link Activation}, linear output of C logits. The last hidden
 * layer's activations h(x) ∈ R^{h_L} are the classifier's <em>features</em>: the representation
 * the FID (Heusel et al. 2017) takes from an Inception network, here from a small net (see
 * {@link DigitClassifier}).
 *
 * <p>Trained with {@code genflow.loss.CrossEntropy} by the {@link Trainer}. Parameters are stored
 * flat in double (per layer: W row-major [in × out], then b [out]) and initialised like PyTorch's
 * {@code nn.Linear}, W, b ~ U(−1/√in, 1/√in), from an explicit seed; the same fused SIMD kernels as
 * {@link Mlp} compute forward and backward passes ({@link Precision}). The configuration is
 * immutable, the parameter vector live ({@link #parameters()}).
 */
public final class Classifier implements Parametric {
    private static final int MAGIC = 0x47434C53; // "GCLS"
    /** Rows evaluated per pass by the batch methods (bounds the buffers). */
    private static final int CHUNK = 1024;

    private final int inputs, classes;
    private final int[] hidden;
    private final Activation activation;
    private final Precision precision;
    private final int threads;
    private final long seed;
    private final int[] sizes, wOff, bOff;
    private final double[] params;

    private Classifier(Builder b, double[] params) {
        this.inputs = b.inputs;
        this.classes = b.classes;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.precision = b.precision;
        this.threads = b.threads;
        this.seed = b.seed;
        int layers = hidden.length + 1;
        sizes = new int[layers + 1];
        sizes[0] = inputs;
        for (int i = 0; i < hidden.length; i++) sizes[i + 1] = hidden[i];
        sizes[layers] = classes;
        wOff = new int[layers];
        bOff = new int[layers];
        int off = 0;
        for (int l = 0; l < layers; l++) {
            wOff[l] = off;
            off += sizes[l] * sizes[l + 1];
            bOff[l] = off;
            off += sizes[l + 1];
        }
        if (params == null) {
            params = new double[off];
            RandomGenerator rng = Rngs.seeded(seed);
            for (int l = 0; l < layers; l++) {
                double bound = 1 / Math.sqrt(sizes[l]);
                for (int i = wOff[l]; i < bOff[l] + sizes[l + 1]; i++) params[i] = bound * (2 * rng.nextDouble() - 1);
            }
        } else if (params.length != off) {
            throw new IllegalArgumentException("params has length " + params.length + ", expected " + off);
        }
        this.params = params;
    }

    /**
     * Starts a builder for a classifier of points in R^{inputs} into {@code classes} classes.
     * Defaults: hidden 2×128, SiLU, FLOAT, 1 thread, seed 0.
     */
    public static Builder builder(int inputs, int classes) {
        return new Builder(inputs, classes);
    }

    /** Builder of {@link Classifier}. */
    public static final class Builder {
        private final int inputs, classes;
        private int[] hidden = {128, 128};
        private Activation activation = Activation.SILU;
        private Precision precision = Precision.FLOAT;
        private int threads = 1;
        private long seed = 0;

        private Builder(int inputs, int classes) {
            this.inputs = Require.atLeast("inputs", inputs, 1);
            this.classes = Require.atLeast("classes", classes, 2);
        }

        /** Hidden layer widths (at least one layer, each ≥ 1); the last one is the feature size. */
        public Builder hidden(int... widths) {
            if (widths == null || widths.length == 0) throw new IllegalArgumentException("hidden must list at least one width");
            for (int i = 0; i < widths.length; i++) Require.atLeast("hidden[" + i + "]", widths[i], 1);
            this.hidden = widths.clone();
            return this;
        }

        public Builder activation(Activation a) {
            if (a == null) throw new IllegalArgumentException("activation must not be null");
            this.activation = a;
            return this;
        }

        public Builder precision(Precision p) {
            if (p == null) throw new IllegalArgumentException("precision must not be null");
            this.precision = p;
            return this;
        }

        /** Threads for large matrix products: 1 or 2. */
        public Builder threads(int threads) {
            Require.atLeast("threads", threads, 1);
            if (threads > 2) throw new IllegalArgumentException("threads = " + threads + " must be 1 or 2");
            this.threads = threads;
            return this;
        }

        /** Seed of the parameter initialisation. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Classifier build() {
            long count = Mlp.parameterCount(inputs, hidden, classes);
            if (count > ModelFiles.MAX_PARAMETERS) throw new IllegalArgumentException("the classifier would have " + count + " parameters (more than " + ModelFiles.MAX_PARAMETERS + ")");
            return new Classifier(this, null);
        }
    }

    /** Input dimension k. */
    public int inputs() { return inputs; }

    /** Number of classes C. */
    public int classes() { return classes; }

    public int[] hidden() { return hidden.clone(); }

    /** Size of the feature vector h(x): the width of the last hidden layer. */
    public int featureSize() { return hidden[hidden.length - 1]; }

    public Activation activation() { return activation; }

    public Precision precision() { return precision; }

    public long seed() { return seed; }

    @Override
    public double[] parameters() { return params; }

    /** A deep copy (configuration and parameters). */
    public Classifier copy() {
        return new Classifier(toBuilder(), params.clone());
    }

    /** A classifier with the same configuration and a copy of the parameters, computing in {@code p}. */
    public Classifier withPrecision(Precision p) {
        return new Classifier(toBuilder().precision(p), params.clone());
    }

    private Builder toBuilder() {
        return builder(inputs, classes).hidden(hidden).activation(activation).precision(precision).threads(threads).seed(seed);
    }

    /** A new workspace: reusable buffers for forward and backward passes (not thread-safe). */
    public Workspace workspace() {
        return new Workspace();
    }

    /** The logits f_θ(x_i) ∈ R^C of every row of x [n][k]. */
    public double[][] logits(double[][] x) {
        return evaluate(x, false);
    }

    /** The features h(x_i) (activations of the last hidden layer) of every row of x [n][k], as [n][{@link #featureSize()}]. */
    public double[][] features(double[][] x) {
        return evaluate(x, true);
    }

    /** Class probabilities softmax(f_θ(x_i)) of every row, [n][C] (rows sum to 1). */
    public double[][] probabilities(double[][] x) {
        double[][] z = logits(x);
        for (double[] row : z) softmaxInPlace(row);
        return z;
    }

    /** The most probable class argmax_y f_θ(x_i)_y of every row (the smallest index on a tie). */
    public int[] predict(double[][] x) {
        double[][] z = logits(x);
        int[] y = new int[z.length];
        for (int i = 0; i < z.length; i++) {
            int best = 0;
            for (int c = 1; c < classes; c++) if (z[i][c] > z[i][best]) best = c;
            y[i] = best;
        }
        return y;
    }

    /** Fraction of rows of x whose predicted class equals the label. */
    public double accuracy(double[][] x, int[] labels) {
        if (labels == null) throw new IllegalArgumentException("labels must not be null");
        int n = Require.nonEmptyBatch("x", x, inputs).length;
        if (labels.length != n) throw new IllegalArgumentException("labels has " + labels.length + " entries, x has " + n + " rows");
        checkLabels(labels);
        int[] y = predict(x);
        int right = 0;
        for (int i = 0; i < n; i++) if (y[i] == labels[i]) right++;
        return right / (double) n;
    }

    /** Every label must be a class index 0 … C−1. */
    void checkLabels(int[] labels) {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classes) {
                throw new IllegalArgumentException("labels[" + i + "] = " + labels[i] + " is outside [0, " + (classes - 1) + "]");
            }
        }
    }

    /** softmax in place, stable: exp(z − max z) / Σ exp(z − max z). */
    static void softmaxInPlace(double[] z) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : z) m = Math.max(m, v);
        double s = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - m);
            s += z[c];
        }
        for (int c = 0; c < z.length; c++) z[c] /= s;
    }

    private double[][] evaluate(double[][] x, boolean features) {
        Require.nonEmptyBatch("x", x, inputs);
        int n = x.length, width = features ? featureSize() : classes;
        double[][] out = new double[n][width];
        Workspace ws = workspace();
        double[] flat = new double[Math.min(n, CHUNK) * inputs];
        for (int from = 0; from < n; from += CHUNK) {
            int m = Math.min(CHUNK, n - from);
            for (int i = 0; i < m; i++) System.arraycopy(x[from + i], 0, flat, i * inputs, inputs);
            double[] logits = ws.forward(flat, m);
            double[] src = features ? ws.features() : logits;
            for (int i = 0; i < m; i++) System.arraycopy(src, i * width, out[from + i], 0, width);
        }
        return out;
    }

    /**
     * Reusable buffers for the fused forward/backward pass on flat row-major batches. Outputs are
     * internal buffers valid until the next call. Not thread-safe.
     */
    public final class Workspace {
        private final CoreD cd;
        private final CoreF cf;
        private int n = -1;
        private double[] out, feat;
        private float[] fOut;

        private Workspace() {
            if (precision == Precision.DOUBLE) {
                cd = new CoreD(sizes, activation.code, wOff, bOff, params.length, threads);
                cf = null;
            } else {
                cf = new CoreF(sizes, activation.code, wOff, bOff, params.length, threads);
                cd = null;
            }
        }

        /** The classifier this workspace evaluates. */
        public Classifier model() { return Classifier.this; }

        /**
         * Forward pass: x (n × k, row-major) → logits (n × C, row-major, internal buffer). Keeps the
         * activations for {@link #backward} and {@link #features()}.
         */
        public double[] forward(double[] x, int n) {
            Require.atLeast("n", n, 1);
            if (x == null || x.length < n * inputs) throw new IllegalArgumentException("x must hold n*k = " + n * inputs + " values");
            this.n = n;
            int layers = sizes.length - 1;
            out = ensure(out, n * classes);
            if (cd != null) {
                cd.ensure(n);
                System.arraycopy(params, 0, cd.p, 0, params.length);
                System.arraycopy(x, 0, cd.a[0], 0, n * inputs);
                cd.forward(n);
                System.arraycopy(cd.a[layers], 0, out, 0, n * classes);
                return out;
            }
            cf.ensure(n);
            float[] p = cf.p;
            for (int i = 0; i < params.length; i++) p[i] = (float) params[i];
            float[] in = cf.a[0];
            for (int i = 0; i < n * inputs; i++) in[i] = (float) x[i];
            cf.forward(n);
            float[] o = cf.a[layers];
            for (int i = 0; i < n * classes; i++) out[i] = o[i];
            return out;
        }

        /** The features (last hidden layer, n × {@link #featureSize()}) of the last {@link #forward}; internal buffer. */
        public double[] features() {
            if (n < 0) throw new IllegalStateException("features called before forward");
            int h = featureSize(), last = sizes.length - 2;
            feat = ensure(feat, n * h);
            if (cd != null) System.arraycopy(cd.a[last], 0, feat, 0, n * h);
            else for (int i = 0; i < n * h; i++) feat[i] = cf.a[last][i];
            return feat;
        }

        /**
         * Backward pass of the last {@link #forward}: given ∂L/∂logits (n × C), writes ∂L/∂θ into
         * {@code grad} (overwritten, length {@link #numParameters()}).
         */
        public void backward(double[] dLogits, double[] grad) {
            if (n < 0) throw new IllegalStateException("backward called before forward");
            if (dLogits == null || dLogits.length < n * classes) throw new IllegalArgumentException("dLogits must hold n*C = " + n * classes + " values");
            if (grad == null || grad.length != params.length) throw new IllegalArgumentException("grad must have length " + params.length);
            if (cd != null) {
                cd.backward(n, dLogits, null);
                System.arraycopy(cd.g, 0, grad, 0, grad.length);
                return;
            }
            if (fOut == null || fOut.length < n * classes) fOut = new float[cf.cap * classes];
            for (int i = 0; i < n * classes; i++) fOut[i] = (float) dLogits[i];
            cf.backward(n, fOut, null);
            float[] g = cf.g;
            for (int i = 0; i < grad.length; i++) grad[i] = g[i];
        }

        private double[] ensure(double[] a, int m) {
            return a == null || a.length < m ? new double[m] : a;
        }
    }

    /** Saves configuration and parameters (raw IEEE-754 bits, so the round trip is bit-exact). */
    public void save(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(1);
            out.writeInt(inputs);
            out.writeInt(classes);
            out.writeInt(hidden.length);
            for (int h : hidden) out.writeInt(h);
            out.writeUTF(activation.name());
            out.writeUTF(precision.name());
            out.writeInt(threads);
            out.writeLong(seed);
            out.writeInt(params.length);
            for (double v : params) out.writeLong(Double.doubleToRawLongBits(v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Classifier to " + file, e);
        }
    }

    /**
     * Loads a classifier written by {@link #save}, validating the file (magic number, version,
     * every size before anything is allocated, the parameter count against the configuration,
     * every parameter finite); a foreign, truncated or corrupt file gives an
     * {@link IllegalArgumentException} naming the file and the field.
     */
    public static Classifier load(Path file) {
        return ModelFiles.load(file, "Classifier", in -> {
            in.magic(MAGIC);
            in.version(1);
            int k = in.intIn("inputs", 1, 1 << 20);
            int c = in.intIn("classes", 2, 1 << 20);
            int[] h = new int[in.intIn("number of hidden layers", 1, 1024)];
            for (int i = 0; i < h.length; i++) h[i] = in.intIn("hidden[" + i + "]", 1, 1 << 20);
            Activation act = in.enumValue("activation", Activation.class);
            Precision precision = in.enumValue("precision", Precision.class);
            int threads = in.intIn("threads", 1, 2);
            long seed = in.readLong();
            long expected = Mlp.parameterCount(k, h, c);
            if (expected > ModelFiles.MAX_PARAMETERS) throw in.bad("describes a classifier with " + expected + " parameters (more than " + ModelFiles.MAX_PARAMETERS + ")");
            int count = in.intIn("parameter count", 0, Integer.MAX_VALUE);
            if (count != expected) {
                throw in.bad("declares " + count + " parameters, but inputs = " + k + ", hidden = " + Arrays.toString(h)
                        + ", classes = " + c + " need " + expected);
            }
            double[] p = in.finiteDoubles("parameter", count);
            return new Classifier(builder(k, c).hidden(h).activation(act).precision(precision).threads(threads).seed(seed), p);
        });
    }

    @Override
    public String toString() {
        return "Classifier(inputs=" + inputs + ", classes=" + classes + ", hidden=" + Arrays.toString(hidden) + ", " + activation
                + ", " + precision + ", params=" + params.length + ")";
    }
}
