package genflow.nn.samediff;

import genflow.math.Require;
import genflow.nn.Activation;
import genflow.nn.TimeEmbedding;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a student's network definition works on (see {@link SameDiffModel.Builder#network}): the
 * SameDiff graph {@link #sd()} with its inputs, the placeholders {@link #x()} [n, d] and
 * {@link #t()} [n, 1] (and {@link #y()} [n, c] in a conditional model), and a few layers that read like the lecture:
 * <pre>{@code
 *   SDVariable h = g.concat(g.x(), g.timeFeatures(TimeEmbedding.sinusoidal(4)));
 *   h = g.silu(g.dense(h, 64));
 *   h = g.silu(g.dense(h, 64));
 *   return g.dense(h, 2);
 * }</pre>
 * Every other SameDiff operation ({@code g.sd().math}, {@code g.sd().nn}, {@code h.mul(...)},
 * {@code g.sd().var(...)}) may be used as well; every variable of type VARIABLE becomes a trained
 * parameter. Layers created here are initialised like PyTorch's {@code nn.Linear} — W, b ~
 * U(−1/√in, 1/√in), W first (row-major [in × out]) then b — from the model's seeded generator, in
 * the order the layers are created; so a network x → [x, e(t)] → dense → … built here starts from
 * exactly the parameters of the fused {@link genflow.nn.Mlp} with the same widths and seed.
 */
public final class NetworkGraph {
    private final SameDiff sd;
    private final SDVariable t, x, y;
    private final int dim, condition;
    private final DataType type;
    private final RandomGenerator rng;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<String> created = new ArrayList<>();
    private final Map<String, double[]> initial = new HashMap<>();
    private int layers;

    NetworkGraph(SameDiff sd, SDVariable t, SDVariable x, SDVariable y, int dim, int condition, DataType type, RandomGenerator rng) {
        this.sd = sd;
        this.t = t;
        this.x = x;
        this.y = y;
        this.dim = dim;
        this.condition = condition;
        this.type = type;
        this.rng = rng;
        columns.put(t.name(), 1);
        columns.put(x.name(), dim);
        if (y != null) columns.put(y.name(), condition);
    }

    /** The SameDiff graph being built (every SameDiff operation is available). */
    public SameDiff sd() { return sd; }

    /** The points x, a placeholder [n, d]. */
    public SDVariable x() { return x; }

    /** The times t in [0, 1], a placeholder [n, 1]. */
    public SDVariable t() { return t; }

    /**
     * The condition y, a placeholder [n, c] — only in a model built with
     * {@link SameDiffModel.Builder#condition(int)} (e.g. a one-hot label; zeros for the null label ∅):
     * <pre>{@code
     *   SDVariable h = g.concat(g.x(), g.y(), g.timeFeatures(TimeEmbedding.sinusoidal(4)));
     * }</pre>
     */
    public SDVariable y() {
        if (y == null) throw new IllegalArgumentException("this network has no condition input y; declare it with builder.condition(columns)");
        return y;
    }

    /** Number of columns c of the condition y (0 if the model is unconditional). */
    public int conditionColumns() { return condition; }

    /** Dimension d of the points (the output must have shape [n, d]). */
    public int dim() { return dim; }

    /** FLOAT or DOUBLE, the data type of the placeholders and parameters. */
    public DataType dataType() { return type; }

    /**
     * Features of the time: [t] for the raw embedding, or
     * [t, sin(ω₀t), cos(ω₀t), …, sin(ω_{K−1}t), cos(ω_{K−1}t)] with ω_k = π 2^k — the same features
     * in the same order as {@link TimeEmbedding#embed}; shape [n, 1 + 2K].
     */
    public SDVariable timeFeatures(TimeEmbedding embedding) {
        if (embedding == null) throw new IllegalArgumentException("embedding must not be null");
        int k = embedding.frequencies();
        if (k == 0) return t;
        double[] w = new double[k];
        for (int i = 0; i < k; i++) w[i] = Math.PI * Math.pow(2, i);
        SDVariable omega = sd.constant(fresh("time_frequencies"), Nd.matrix(w, 1, k, type));
        SDVariable wt = t.mmul(omega);                                          // [n, K]
        SDVariable sc = sd.stack(2, sd.math.sin(wt), sd.math.cos(wt));          // [n, K, 2]: sin, cos per frequency
        SDVariable f = sd.concat(fresh("time_features"), 1, t, sd.reshape(sc, -1, 2L * k)); // [n, 1 + 2K]
        columns.put(f.name(), 1 + 2 * k);
        return f;
    }

    /** Columns side by side: [a, b, …], shape [n, Σ columns]. */
    public SDVariable concat(SDVariable... parts) {
        if (parts == null || parts.length == 0) throw new IllegalArgumentException("parts must list at least one variable to concat");
        int c = 0;
        for (int i = 0; i < parts.length; i++) c += columns(parts[i], "concat part " + i);
        SDVariable r = parts.length == 1 ? parts[0] : sd.concat(1, parts);
        columns.put(r.name(), c);
        return r;
    }

    /**
     * A dense (affine) layer h ↦ h W + b with W [in × width], b [1 × width], in = columns of h;
     * W, b ~ U(−1/√in, 1/√in) from the model's seed (named W1, b1, W2, b2, … in creation order).
     */
    public SDVariable dense(SDVariable h, int width) {
        if (width < 1) throw new IllegalArgumentException("width = " + width + " must be >= 1");
        int in = columns(h, "the input of dense layer " + (layers + 1));
        Require.cells("columns of h", in, "width", width);
        layers++;
        double bound = 1 / Math.sqrt(in);
        double[] w = new double[in * width], b = new double[width];
        for (int i = 0; i < w.length; i++) w[i] = bound * (2 * rng.nextDouble() - 1);
        for (int i = 0; i < b.length; i++) b[i] = bound * (2 * rng.nextDouble() - 1);
        SDVariable wv = sd.var("W" + layers, Nd.matrix(w, in, width, type));
        SDVariable bv = sd.var("b" + layers, Nd.matrix(b, 1, width, type));
        created.add(wv.name());
        created.add(bv.name());
        initial.put(wv.name(), w);
        initial.put(bv.name(), b);
        SDVariable r = h.mmul(wv).add(bv);
        columns.put(r.name(), width);
        return r;
    }

    /** SiLU (swish) z σ(z), elementwise. */
    public SDVariable silu(SDVariable h) {
        return keep(h, sd.nn.swish(own(h)));
    }

    /** ReLU max(z, 0), elementwise. */
    public SDVariable relu(SDVariable h) {
        return keep(h, sd.nn.relu(own(h), 0));
    }

    /** tanh z, elementwise. */
    public SDVariable tanh(SDVariable h) {
        return keep(h, sd.math.tanh(own(h)));
    }

    /** h must be a variable of this graph. */
    private SDVariable own(SDVariable h) {
        if (h == null) throw new IllegalArgumentException("h must not be null");
        if (h.getSameDiff() != sd) throw new IllegalArgumentException("h (" + h.name() + ") belongs to another graph");
        return h;
    }

    /** The activation {@code a} (as in {@link genflow.nn.Mlp}), elementwise. */
    public SDVariable activation(Activation a, SDVariable h) {
        if (a == null) throw new IllegalArgumentException("a (the activation) must not be null");
        return switch (a) {
            case SILU -> silu(h);
            case RELU -> relu(h);
            case TANH -> tanh(h);
        };
    }

    /** Initial values (in double, before any rounding to float) of the parameters made by {@link #dense}. */
    Map<String, double[]> initial() {
        return initial;
    }

    /** Names of the parameters made by {@link #dense}, in creation order. */
    List<String> created() {
        return created;
    }

    /** {@code base}, or base_2, base_3, … if the graph already has that name. */
    private String fresh(String base) {
        String name = base;
        for (int i = 2; sd.hasVariable(name); i++) name = base + "_" + i;
        return name;
    }

    private SDVariable keep(SDVariable in, SDVariable out) {
        Integer c = columns.get(in.name());
        if (c != null) columns.put(out.name(), c);
        return out;
    }

    /**
     * Number of columns of {@code h} [n, c]: known for everything built here, otherwise found by
     * evaluating the graph on a small batch.
     */
    public int columns(SDVariable h) {
        return columns(h, "variable");
    }

    private int columns(SDVariable h, String what) {
        if (h == null) throw new IllegalArgumentException(what + " must not be null");
        if (h.getSameDiff() != sd) throw new IllegalArgumentException(what + " " + h.name() + " belongs to another graph");
        Integer c = columns.get(h.name());
        if (c != null) return c;
        INDArray v = Nd.output(sd, SameDiffModel.probe(dim, condition, type), List.of(h.name()), "cannot evaluate " + what + " " + h.name()).get(h.name());
        if (v.rank() != 2 || v.size(0) != SameDiffModel.PROBE_ROWS) {
            throw new IllegalArgumentException(what + " " + h.name() + " has shape " + java.util.Arrays.toString(v.shape())
                    + " for a batch of " + SameDiffModel.PROBE_ROWS + " points; expected [n, columns]");
        }
        columns.put(h.name(), (int) v.size(1));
        return (int) v.size(1);
    }
}
