package genflow.nn;

import genflow.math.Require;
import genflow.ode.VectorField;
import genflow.random.Rngs;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A multilayer perceptron v_θ(t, x): R^d × [0, 1] → R^d for velocity or score fields. Input row
 * {@code [x, e(t)]} with a {@link TimeEmbedding} e, hidden layers of the given widths with an
 * {@link Activation}, linear output of dimension d. Time direction: whatever the loss that trains
 * it says (the CFM losses here use t = 0 noise, t = 1 data).
 *
 * <p>Parameters are stored flat in double (per layer: W row-major [in × out], then b [out]) and
 * initialised like PyTorch's {@code nn.Linear}: W, b ~ U(−1/√in, 1/√in), from an explicit seed.
 * The configuration is immutable; the parameter vector is live ({@link #parameters()}) so that an
 * optimizer can train it. Forward/backward run in fused SIMD kernels ({@link Precision}).
 */
public final class Mlp implements FieldModel {
    private static final int MAGIC = 0x474D4C50; // "GMLP"

    /**
     * Largest layer width, input width (d + time features) included: the kernels keep a
     * width × width buffer in one Java array, so width² must be an array length (46340² &lt; 2³¹ − 8).
     */
    public static final int MAX_WIDTH = 46_340;

    /** Largest number of hidden layers (as a saved file may declare). */
    public static final int MAX_LAYERS = 1024;

    private final int dim;
    private final int[] hidden;
    private final Activation activation;
    private final TimeEmbedding embedding;
    private final Precision precision;
    private final int threads;
    private final long seed;
    private final int[] sizes, wOff, bOff;
    private final double[] params;

    private Mlp(Builder b, double[] params) {
        this.dim = b.dim;
        this.hidden = b.hidden.clone();
        this.activation = b.activation;
        this.embedding = b.embedding;
        this.precision = b.precision;
        this.threads = b.threads;
        this.seed = b.seed;
        int layers = hidden.length + 1;
        if ((long) dim + embedding.size() > MAX_WIDTH) {
            throw new IllegalArgumentException("dim = " + dim + " plus " + embedding.size() + " time features exceeds the largest layer width " + MAX_WIDTH);
        }
        long count = parameterCount(dim + embedding.size(), hidden, dim);
        String config = "hidden = " + Arrays.toString(hidden) + " with dim = " + dim;
        if (count > ModelFiles.MAX_PARAMETERS) {
            throw new IllegalArgumentException(config + " gives a net with " + count + " parameters, more than " + ModelFiles.MAX_PARAMETERS);
        }
        Require.doubles(config, count);
        sizes = new int[layers + 1];
        sizes[0] = dim + embedding.size();
        for (int i = 0; i < hidden.length; i++) sizes[i + 1] = hidden[i];
        sizes[layers] = dim;
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

    /** Starts a builder for a net on R^{dim}. Defaults: hidden 3×128, SiLU, raw time, FLOAT, 2 threads, seed 0. */
    public static Builder builder(int dim) {
        return new Builder(dim);
    }

    /** Builder of {@link Mlp}. */
    public static final class Builder {
        private final int dim;
        private int[] hidden = {128, 128, 128};
        private Activation activation = Activation.SILU;
        private TimeEmbedding embedding = TimeEmbedding.raw();
        private Precision precision = Precision.FLOAT;
        private int threads = 2;
        private long seed = 0;

        private Builder(int dim) {
            Require.atLeast("dim", dim, 1);
            if (dim > MAX_WIDTH) throw new IllegalArgumentException("dim = " + dim + " exceeds the largest layer width " + MAX_WIDTH);
            this.dim = dim;
        }

        /**
         * Hidden layer widths: 1 to {@value #MAX_LAYERS} layers, each width in [1, {@value #MAX_WIDTH}];
         * the whole net may have at most 2^27 parameters (checked by {@link #build}).
         */
        public Builder hidden(int... hidden) {
            if (hidden == null || hidden.length == 0) throw new IllegalArgumentException("hidden must list at least one width");
            if (hidden.length > MAX_LAYERS) throw new IllegalArgumentException("hidden lists " + hidden.length + " widths, at most " + MAX_LAYERS);
            for (int i = 0; i < hidden.length; i++) {
                Require.atLeast("hidden[" + i + "]", hidden[i], 1);
                if (hidden[i] > MAX_WIDTH) throw new IllegalArgumentException("hidden[" + i + "] = " + hidden[i] + " exceeds the largest layer width " + MAX_WIDTH);
            }
            this.hidden = hidden.clone();
            return this;
        }

        public Builder activation(Activation activation) {
            if (activation == null) throw new IllegalArgumentException("activation must not be null");
            this.activation = activation;
            return this;
        }

        public Builder timeEmbedding(TimeEmbedding timeEmbedding) {
            if (timeEmbedding == null) throw new IllegalArgumentException("timeEmbedding must not be null");
            this.embedding = timeEmbedding;
            return this;
        }

        public Builder precision(Precision precision) {
            if (precision == null) throw new IllegalArgumentException("precision must not be null");
            this.precision = precision;
            return this;
        }

        /** Threads for large matrix products: 1 or 2 (the second runs in the common fork-join pool). */
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

        public Mlp build() {
            return new Mlp(this, null);
        }
    }

    @Override
    public int dim() { return dim; }

    public int[] hidden() { return hidden.clone(); }

    public Activation activation() { return activation; }

    public TimeEmbedding timeEmbedding() { return embedding; }

    public Precision precision() { return precision; }

    public long seed() { return seed; }

    @Override
    public double[] parameters() {
        return params;
    }

    /** A net with the same configuration and a copy of the parameters, computing in {@code precision}. */
    public Mlp withPrecision(Precision precision) {
        Builder b = toBuilder().precision(precision);
        return new Mlp(b, params.clone());
    }

    /** A deep copy (configuration and parameters). */
    public Mlp copy() {
        return new Mlp(toBuilder(), params.clone());
    }

    private Builder toBuilder() {
        return builder(dim).hidden(hidden).activation(activation).timeEmbedding(embedding)
                .precision(precision).threads(threads).seed(seed);
    }

    /** A new workspace: reusable buffers for forward and backward passes (not thread-safe). */
    @Override
    public Workspace workspace() {
        return new Workspace();
    }

    /**
     * Evaluates v_θ(t_i, x_i) for every row.
     *
     * @param t times in [0, 1], {@code n} elements (any shape), or a single element for all rows
     * @param x points [n, d]
     * @return [n, d] (double)
     */
    public INDArray forward(INDArray t, INDArray x) {
        double[] xs = flat("x", x);
        int n = xs.length / dim;
        double[] ts = Nd4jBridge.toDoubles("t", t);
        if (ts.length == 1 && n != 1) {
            double v = ts[0];
            ts = new double[n];
            Arrays.fill(ts, v);
        }
        if (ts.length != n) throw new IllegalArgumentException("t has " + ts.length + " elements, expected 1 or " + n);
        double[] out = workspace().forward(ts, xs, n);
        return Nd4j.create(Arrays.copyOf(out, n * dim), new long[]{n, dim}, DataType.DOUBLE);
    }

    /** Evaluates v_θ(t, x_i) for every row of x [n, d] at one time t ∈ [0, 1]. */
    public INDArray forward(double t, INDArray x) {
        return forward(Nd4j.scalar(t), x);
    }

    /** Evaluates v_θ(t, x_i) for every row of x [n][d] at one time t ∈ [0, 1]. */
    public double[][] forward(double t, double[][] x) {
        return asVectorField().apply(t, x);
    }

    /**
     * This net as a {@link VectorField} so that any integrator in {@code genflow.ode} can sample
     * with it. The field owns one workspace: do not call it from several threads at once.
     */
    @Override
    public VectorField asVectorField() {
        Workspace ws = workspace();
        return (t, x) -> {
            t = Require.time("t", t); // a solver's stage time a hair outside [0, 1] is clamped
            if (x == null || x.length == 0) throw new IllegalArgumentException("x must be a non-empty batch");
            Require.batch("x", x, dim);
            int n = x.length;
            double[] xs = new double[n * dim];
            for (int i = 0; i < n; i++) System.arraycopy(x[i], 0, xs, i * dim, dim);
            double[] ts = new double[n];
            Arrays.fill(ts, t);
            double[] out = ws.forward(ts, xs, n);
            double[][] r = new double[n][dim];
            for (int i = 0; i < n; i++) System.arraycopy(out, i * dim, r[i], 0, dim);
            return r;
        };
    }

    private double[] flat(String name, INDArray x) {
        if (x == null) throw new IllegalArgumentException(name + " must not be null");
        if (x.rank() != 2 || x.columns() != dim || x.rows() < 1) {
            throw new IllegalArgumentException(name + " has shape " + Arrays.toString(x.shape()) + ", expected [n, " + dim + "]");
        }
        return Nd4jBridge.toDoubles(name, x);
    }

    /**
     * Reusable buffers for the fused forward/backward pass on flat row-major batches. The output of
     * {@link #forward} is an internal buffer valid until the next call. Not thread-safe.
     */
    public final class Workspace implements FieldModel.Workspace {
        private final CoreD cd;
        private final CoreF cf;
        private int n = -1;
        private float[] fOut, fIn;

        private Workspace() {
            int act = activation.code;
            if (precision == Precision.DOUBLE) {
                cd = new CoreD(sizes, act, wOff, bOff, params.length, threads);
                cf = null;
            } else {
                cf = new CoreF(sizes, act, wOff, bOff, params.length, threads);
                cd = null;
            }
        }

        /** The net this workspace evaluates. */
        public Mlp model() {
            return Mlp.this;
        }

        /**
         * Forward pass: {@code t} (n times in [0, 1]) and {@code x} (n × d, row-major) →
         * v_θ(t_i, x_i) as n × d row-major (internal buffer). Keeps the activations for {@link #backward}.
         */
        @Override
        public double[] forward(double[] t, double[] x, int n) {
            Require.atLeast("n", n, 1);
            long m = (long) n * dim;
            if (t == null || t.length < n) throw new IllegalArgumentException("t must hold n = " + n + " times");
            if (x == null || x.length < m) throw new IllegalArgumentException("x must hold n*d = " + m + " values");
            if (n > cap()) Require.cells("n", n, "the widest layer", maxWidth());
            int s0 = sizes[0], ed = embedding.size();
            double[] row = new double[ed];
            for (int i = 0; i < n; i++) {
                double ti = t[i];
                if (!(ti >= 0 && ti <= 1)) Require.time("t[" + i + "]", ti); // rejects all but a stage time a hair outside [0, 1]
            }
            for (int k = 0; k < m; k++) {
                if (!Double.isFinite(x[k])) throw new IllegalArgumentException("x[" + k / dim + "][" + k % dim + "] = " + x[k] + " must be a finite number");
            }
            if (cf != null) {
                for (int k = 0; k < m; k++) {
                    if (Float.isInfinite((float) x[k])) {
                        throw new IllegalArgumentException("x[" + k / dim + "][" + k % dim + "] = " + x[k] + " exceeds the float range (about ±3.4e38) of this"
                                + " FLOAT net; rescale the data or use Precision.DOUBLE");
                    }
                }
            }
            this.n = n;
            int layers = sizes.length - 1;
            if (cd != null) {
                cd.ensure(n);
                System.arraycopy(params, 0, cd.p, 0, params.length);
                double[] in = cd.a[0];
                for (int i = 0; i < n; i++) {
                    System.arraycopy(x, i * dim, in, i * s0, dim);
                    embedding.embed(clamp(t[i]), in, i * s0 + dim);
                }
                cd.forward(n);
                return finiteOutput(cd.a[layers], t, x, n);
            }
            cf.ensure(n);
            float[] p = cf.p;
            for (int i = 0; i < params.length; i++) p[i] = (float) params[i];
            float[] in = cf.a[0];
            for (int i = 0; i < n; i++) {
                int o = i * s0;
                for (int j = 0; j < dim; j++) in[o + j] = (float) x[i * dim + j];
                embedding.embed(clamp(t[i]), row, 0);
                for (int j = 0; j < ed; j++) in[o + dim + j] = (float) row[j];
            }
            cf.forward(n);
            float[] o = cf.a[layers];
            double[] res = outBuffer(n * dim);
            for (int i = 0; i < n * dim; i++) res[i] = o[i];
            return finiteOutput(res, t, x, n);
        }

        /**
         * The output of a finite input must be finite: else x is too large for the net's arithmetic
         * (e.g. |x| near 1e300 in double, 1e38 in float) or its parameters are (a diverged training).
         */
        private double[] finiteOutput(double[] out, double[] t, double[] x, int n) {
            for (int k = 0; k < n * dim; k++) {
                if (!Double.isFinite(out[k])) {
                    int i = k / dim;
                    throw new IllegalArgumentException("the net's output v(t, x) is not finite at row " + i + " ([" + k % dim + "] = " + out[k] + "; t = " + t[i]
                            + ", x = " + Arrays.toString(Arrays.copyOfRange(x, i * dim, i * dim + dim)) + "): x is too large for this " + precision
                            + " net, or its parameters are (a diverged training: lower the learning rate)");
                }
            }
            return out;
        }

        private double[] dOutBuf, dInBuf;

        private int cap() {
            return cd != null ? cd.cap : cf.cap;
        }

        private int maxWidth() {
            int w = 0;
            for (int s : sizes) w = Math.max(w, s);
            return w;
        }

        private double[] outBuffer(int m) {
            if (dOutBuf == null || dOutBuf.length < m) dOutBuf = new double[m];
            return dOutBuf;
        }

        /**
         * Backward pass of the last {@link #forward}: given ∂L/∂v (n × d), writes ∂L/∂θ into
         * {@code grad} (overwritten, length {@link #numParameters()}) and, if {@code dX} is not
         * null, ∂L/∂x (n × d; the time input is not differentiated).
         */
        @Override
        public void backward(double[] dOut, double[] grad, double[] dX) {
            if (n < 0) throw new IllegalStateException("backward called before forward");
            if (dOut == null || dOut.length < n * dim) throw new IllegalArgumentException("dOut must hold n*d = " + n * dim + " values");
            if (grad == null || grad.length != params.length) throw new IllegalArgumentException("grad must have length " + params.length);
            if (dX != null && dX.length < n * dim) throw new IllegalArgumentException("dX must hold n*d = " + n * dim + " values");
            for (int k = 0; k < n * dim; k++) {
                if (!Double.isFinite(dOut[k])) throw new IllegalArgumentException("dOut[" + k + "] = " + dOut[k] + " must be a finite number");
            }
            int s0 = sizes[0];
            if (cd != null) {
                if (dX != null && (dInBuf == null || dInBuf.length < n * s0)) dInBuf = new double[cd.cap * s0];
                double[] din = dX == null ? null : dInBuf;
                cd.backward(n, dOut, din);
                System.arraycopy(cd.g, 0, grad, 0, grad.length);
                if (dX != null) for (int i = 0; i < n; i++) System.arraycopy(din, i * s0, dX, i * dim, dim);
                return;
            }
            if (fOut == null || fOut.length < n * dim) fOut = new float[cf.cap * dim];
            for (int i = 0; i < n * dim; i++) fOut[i] = (float) dOut[i];
            float[] din = null;
            if (dX != null) {
                if (fIn == null || fIn.length < n * s0) fIn = new float[cf.cap * s0];
                din = fIn;
            }
            cf.backward(n, fOut, din);
            float[] g = cf.g;
            for (int i = 0; i < grad.length; i++) grad[i] = g[i];
            if (dX != null) for (int i = 0; i < n; i++) for (int j = 0; j < dim; j++) dX[i * dim + j] = din[i * s0 + j];
        }
    }

    /**
     * Saves configuration and parameters as raw IEEE-754 bits. A {@link Precision#DOUBLE} net stores its
     * parameters as doubles (format version 1): the round trip is bit-exact. A {@link Precision#FLOAT} net
     * stores them as float32 (version 2) — exactly the values its float kernels compute with (they round
     * the double parameters Adam keeps to float on every pass), so the loaded net gives bit-identical
     * outputs in half the bytes; only resuming training from the file starts from the rounded values.
     */
    public void save(Path file) {
        ModelFiles.checkWritable(file);
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            boolean asFloat = precision == Precision.FLOAT;
            out.writeInt(MAGIC);
            out.writeInt(asFloat ? 2 : 1);
            out.writeInt(dim);
            out.writeInt(hidden.length);
            for (int h : hidden) out.writeInt(h);
            out.writeUTF(activation.name());
            out.writeInt(embedding.frequencies());
            out.writeUTF(precision.name());
            out.writeInt(threads);
            out.writeLong(seed);
            out.writeInt(params.length);
            if (asFloat) for (double v : params) out.writeInt(Float.floatToRawIntBits((float) v));
            else for (double v : params) out.writeLong(Double.doubleToRawLongBits(v));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save Mlp to " + file, e);
        }
    }

    /**
     * Loads a net written by {@link #save}, validating the file: magic number and version, every
     * size against the constructor's constraints before anything is allocated, the parameter count
     * against the configuration, and every parameter finite. A foreign, truncated or corrupt file
     * gives an {@link IllegalArgumentException} naming the file and the field.
     */
    public static Mlp load(Path file) {
        return ModelFiles.load(file, "Mlp", in -> {
            in.magic(MAGIC);
            int version = in.versionIn(1, 2);   // 1: double parameters, 2: float32 parameters (FLOAT nets)
            int dim = in.intIn("dim", 1, 1 << 20);
            int[] h = new int[in.intIn("number of hidden layers", 1, MAX_LAYERS)];
            for (int i = 0; i < h.length; i++) h[i] = in.intIn("hidden[" + i + "]", 1, 1 << 20);
            Activation act = in.enumValue("activation", Activation.class);
            int k = in.intIn("time-embedding frequencies", 0, 16);
            Precision precision = in.enumValue("precision", Precision.class);
            int threads = in.intIn("threads", 1, 2);
            long seed = in.readLong();
            long expected = parameterCount(dim + 1 + 2 * k, h, dim);
            if (expected > ModelFiles.MAX_PARAMETERS) throw in.bad("describes a net with " + expected + " parameters (more than " + ModelFiles.MAX_PARAMETERS + ")");
            int count = in.intIn("parameter count", 0, Integer.MAX_VALUE);
            if (count != expected) {
                throw in.bad("declares " + count + " parameters, but dim = " + dim + ", hidden = " + Arrays.toString(h)
                        + ", " + (k == 0 ? "raw time" : k + " time frequencies") + " need " + expected);
            }
            if (dim + 1 + 2 * k > MAX_WIDTH) throw in.bad("has dim = " + dim + ", more than the largest layer width " + MAX_WIDTH + " with the time features");
            for (int i = 0; i < h.length; i++) {
                if (h[i] > MAX_WIDTH) throw in.bad("has hidden[" + i + "] = " + h[i] + ", more than the largest layer width " + MAX_WIDTH);
            }
            if (version == 2 && precision != Precision.FLOAT) throw in.bad("stores float32 parameters for a " + precision + " net");
            double[] p = version == 2 ? in.finiteFloats("parameter", count) : in.finiteDoubles("parameter", count);
            Builder b = builder(dim).hidden(h).activation(act).timeEmbedding(k == 0 ? TimeEmbedding.raw() : TimeEmbedding.sinusoidal(k))
                    .precision(precision).threads(threads).seed(seed);
            return new Mlp(b, p);
        });
    }

    /** A time checked by {@link Require#time}: clamped into [0, 1], unchanged when inside. */
    private static double clamp(double t) {
        return t >= 0 && t <= 1 ? t : t < 0 ? 0 : 1;
    }

    /** Σ_l (in_l · out_l + out_l) for layer sizes in, hidden..., out (in long: no overflow for validated sizes). */
    static long parameterCount(int in, int[] hidden, int out) {
        long total = 0, prev = in;
        for (int w : hidden) {
            total += prev * w + w;
            prev = w;
        }
        return total + prev * out + out;
    }

    @Override
    public String toString() {
        return "Mlp(dim=" + dim + ", hidden=" + Arrays.toString(hidden) + ", " + activation + ", time=" + embedding
                + ", " + precision + ", params=" + params.length + ")";
    }
}
