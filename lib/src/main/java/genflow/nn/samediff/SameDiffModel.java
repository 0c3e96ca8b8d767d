package genflow.nn.samediff;

import genflow.math.Require;
import genflow.nn.FieldModel;
import genflow.nn.Precision;
import genflow.ode.VectorField;
import genflow.random.Rngs;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A time-conditioned field v_θ(t, x): [0, 1] × R^d → R^d (velocity, score, …) that a student
 * declares as an ND4J SameDiff graph in a few lines:
 * <pre>{@code
 *   SameDiffModel net = SameDiffModel.builder(2).seed(1).network(g -> {
 *       SDVariable h = g.concat(g.x(), g.timeFeatures(TimeEmbedding.sinusoidal(4)));
 *       h = g.silu(g.dense(h, 64));
 *       h = g.silu(g.dense(h, 64));
 *       return g.dense(h, 2);
 *   }).build();
 *   System.out.println(net.summary());          // the graph: variables, shapes, operations
 * }</pre>
 * It is a {@link FieldModel}: the losses of {@code genflow.loss} train it, {@link #asVectorField()}
 * samples it with any solver of {@code genflow.ode}, and {@link SameDiffObjective} trains it on a
 * loss written as a SameDiff expression. Gradients come from SameDiff's automatic
 * differentiation.
 *
 * <p>The graph has the placeholders {@code t} [n, 1] and {@code x} [n, d]; its output must have
 * shape [n, d] (checked when built). A <b>conditional</b> model v_θ(t, x | y) (chapter 10: label-
 * conditioned flow matching and classifier-free guidance) declares a third input with
 * {@link Builder#condition(int)}: the placeholder {@value #CONDITION} [n, c] — e.g. a one-hot label,
 * with the null label ∅ as a row of zeros — read by the network as {@link NetworkGraph#y()},
 * filled during training by the batch ({@code batch.with("y", rows)}) and given at evaluation
 * time: {@link #forward(double, double[][], double[][])}, {@link #asVectorField(double[])} (one
 * condition for every point) or {@link #asVectorField(double[][])} (one per row). Every SameDiff variable of type VARIABLE is a parameter; θ is
 * kept as ONE live {@code double[]} ({@link #parameters()}, the variables flattened row-major in
 * creation order) that {@link genflow.nn.Adam} updates in place and that is copied into the graph
 * before each evaluation — so training is seeded and reproducible bit for bit like the fused
 * {@link genflow.nn.Mlp}, and a model with the Mlp's architecture has the Mlp's parameter layout.
 * FLOAT (default) computes in 32-bit like the fused kernels; DOUBLE in 64-bit for checks.
 * Not thread-safe per workspace; each {@link #workspace()} owns a copy of the graph.
 */
public final class SameDiffModel implements FieldModel {
    static final int PROBE_ROWS = 3;
    /** Name of the condition placeholder y [n, c] of a conditional model. */
    public static final String CONDITION = "y";
    private static final int MAGIC = 0x4753444D; // "GSDM"
    private static final int VERSION = 1;             // unconditional models (unchanged format)
    private static final int VERSION_CONDITIONAL = 2; // + the number of condition columns after d
    private static final long MAX_PARAMETERS = 1L << 27;
    private static final int MAX_DIM = 1 << 20;

    private final int dim;
    private final int conditionColumns;
    private final Precision precision;
    private final long seed;
    private final SameDiff template;
    private final String output;
    private final String[] names;
    private final long[][] shapes;
    private final int[] offsets;
    private final double[] params;
    private Workspace single;

    /** How the network maps the inputs to its output; see {@link NetworkGraph}. */
    @FunctionalInterface
    public interface Network {
        /** Builds the network on {@code g} and returns its output variable, shape [n, d]. */
        SDVariable define(NetworkGraph g);
    }

    /** Starts a model on R^{dim}. Defaults: FLOAT, seed 0; the network must be set. */
    public static Builder builder(int dim) {
        return new Builder(dim);
    }

    /** Builder of {@link SameDiffModel}. */
    public static final class Builder {
        private final int dim;
        private int condition;
        private Precision precision = Precision.FLOAT;
        private long seed;
        private Network network;

        private Builder(int dim) {
            Require.atLeast("dim", dim, 1);
            if (dim > MAX_DIM) throw new IllegalArgumentException("dim = " + dim + " exceeds " + MAX_DIM + " (the largest dimension a model file holds)");
            this.dim = dim;
        }

        /** FLOAT (default, fast) or DOUBLE (for gradient checks). */
        public Builder precision(Precision precision) {
            if (precision == null) throw new IllegalArgumentException("precision must not be null");
            this.precision = precision;
            return this;
        }

        /**
         * Makes the model conditional: a third input y [n, columns] (placeholder {@value #CONDITION},
         * read as {@link NetworkGraph#y()}), e.g. the one-hot code of a class label with a row of
         * zeros for the null label ∅ of classifier-free guidance. Default: no condition.
         */
        public Builder condition(int columns) {
            this.condition = Require.atLeast("condition columns", columns, 1);
            return this;
        }

        /** Seed of the initialisation of the layers made by {@link NetworkGraph#dense}. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** The network definition (run once, when the model is built). */
        public Builder network(Network network) {
            if (network == null) throw new IllegalArgumentException("network must not be null");
            this.network = network;
            return this;
        }

        /**
         * Builds the graph and checks it: it must have parameters and map a batch t [n, 1],
         * x [n, d] to an output of shape [n, d].
         */
        public SameDiffModel build() {
            if (network == null) throw new IllegalArgumentException("network must be set (builder.network(g -> ...))");
            DataType type = Nd.type(precision);
            SameDiff sd = SameDiff.create();
            SDVariable t = sd.placeHolder("t", type, -1, 1), x = sd.placeHolder("x", type, -1, dim);
            SDVariable y = condition > 0 ? sd.placeHolder(CONDITION, type, -1, condition) : null;
            NetworkGraph g = new NetworkGraph(sd, t, x, y, dim, condition, type, Rngs.seeded(seed));
            SDVariable out = Nd.run("the network definition failed", () -> network.define(g));
            if (out == null) throw new IllegalArgumentException("the network definition must return its output variable (shape [n, " + dim + "])");
            if (out.getSameDiff() != sd) throw new IllegalArgumentException("the network's output " + out.name() + " belongs to another graph");
            SameDiffModel m = new SameDiffModel(dim, condition, precision, seed, sd, out.name(), g.created(), null);
            // the master vector keeps the initial values in double (as the fused Mlp), not their float rounding
            for (int i = 0; i < m.names.length; i++) {
                double[] init = g.initial().get(m.names[i]);
                if (init != null) System.arraycopy(init, 0, m.params, m.offsets[i], init.length);
            }
            return m;
        }
    }

    /**
     * @param order parameter names in the order of θ: these first, then any other VARIABLE of the
     *              graph in name order
     */
    private SameDiffModel(int dim, int conditionColumns, Precision precision, long seed, SameDiff template, String output, List<String> order,
                          double[] loaded) {
        this.dim = dim;
        this.conditionColumns = conditionColumns;
        this.precision = precision;
        this.seed = seed;
        this.template = template;
        this.output = output;
        List<SDVariable> vars = new ArrayList<>();
        for (String name : order) vars.add(template.getVariable(name));
        List<String> others = new ArrayList<>();
        for (SDVariable v : template.variables()) {
            if (v.getVariableType() == VariableType.VARIABLE && !order.contains(v.name())) others.add(v.name());
        }
        java.util.Collections.sort(others);
        for (String name : others) vars.add(template.getVariable(name));
        if (vars.isEmpty()) {
            throw new IllegalArgumentException("the network has no trainable parameters (create layers with g.dense(h, width) or variables with g.sd().var(...))");
        }
        names = new String[vars.size()];
        shapes = new long[vars.size()][];
        offsets = new int[vars.size() + 1];
        long total = 0;
        for (int i = 0; i < names.length; i++) {
            names[i] = vars.get(i).name();
            INDArray a = template.getArrForVarName(names[i]);
            if (a == null) throw new IllegalArgumentException("parameter " + names[i] + " has no value");
            if (a.dataType() != Nd.type(precision)) {
                throw new IllegalArgumentException("parameter " + names[i] + " has type " + a.dataType() + ", expected " + Nd.type(precision) + " (the model's precision)");
            }
            shapes[i] = a.shape();
            offsets[i] = (int) total;
            total += a.length();
            if (total > MAX_PARAMETERS) throw new IllegalArgumentException("the network has more than " + MAX_PARAMETERS + " parameters");
        }
        offsets[names.length] = (int) total;
        if (loaded != null) {
            if (loaded.length != total) throw new IllegalArgumentException("parameter vector has length " + loaded.length + ", the graph needs " + total);
            params = loaded;
        } else {
            params = new double[(int) total];
            for (int i = 0; i < names.length; i++) Nd.copyTo(template.getArrForVarName(names[i]), params, offsets[i]);
        }
        checkOutputShape();
    }

    /**
     * Placeholder values of a small batch used to check shapes: t = 0.25, 0.5, 0.75, small x and,
     * for {@code condition} &gt; 0 columns, a condition y (one-hot rows and a zero row).
     */
    static Map<String, INDArray> probe(int dim, int condition, DataType type) {
        double[] t = new double[PROBE_ROWS], x = new double[PROBE_ROWS * dim];
        for (int i = 0; i < PROBE_ROWS; i++) {
            t[i] = 0.25 * (i + 1);
            for (int j = 0; j < dim; j++) x[i * dim + j] = 0.1 * (i + 1) - 0.05 * j;
        }
        Map<String, INDArray> m = new HashMap<>();
        m.put("t", Nd.matrix(t, PROBE_ROWS, 1, type));
        m.put("x", Nd.matrix(x, PROBE_ROWS, dim, type));
        if (condition > 0) {
            double[] y = new double[PROBE_ROWS * condition];
            for (int i = 0; i < PROBE_ROWS - 1; i++) y[i * condition + i % condition] = 1;
            m.put(CONDITION, Nd.matrix(y, PROBE_ROWS, condition, type));
        }
        return m;
    }

    private void checkOutputShape() {
        INDArray o = Nd.output(template, probe(dim, conditionColumns, Nd.type(precision)), List.of(output),
                "the network cannot be evaluated on a batch t [" + PROBE_ROWS + ", 1], x [" + PROBE_ROWS + ", " + dim + "]"
                        + (conditionColumns > 0 ? ", y [" + PROBE_ROWS + ", " + conditionColumns + "]" : "")).get(output);
        long[] s = o.shape();
        if (s.length != 2 || s[0] != PROBE_ROWS || s[1] != dim) {
            throw new IllegalArgumentException("the network output " + output + " has shape " + Arrays.toString(s) + " for a batch of "
                    + PROBE_ROWS + " points; expected [n, d] = [" + PROBE_ROWS + ", " + dim + "] (one row of dimension d = " + dim + " per point)");
        }
    }

    @Override
    public int dim() { return dim; }

    /** Number of columns c of the condition input y [n, c]; 0 for an unconditional model. */
    public int conditionColumns() { return conditionColumns; }

    /** Whether the model takes a condition y ({@link Builder#condition(int)}). */
    public boolean isConditional() { return conditionColumns > 0; }

    public Precision precision() { return precision; }

    /** Seed of the initialisation. */
    public long seed() { return seed; }

    /** The live parameter vector θ: the graph's VARIABLEs flattened row-major, in creation order. */
    @Override
    public double[] parameters() { return params; }

    /** Names of the parameter variables, in the order of {@link #parameters()}. */
    public List<String> parameterNames() { return List.of(names); }

    /** Shape of parameter {@code i}. */
    public long[] parameterShape(int i) {
        if (i < 0 || i >= names.length) throw new IllegalArgumentException("i = " + i + " is outside [0, " + (names.length - 1) + "]");
        return shapes[i].clone();
    }

    /** Name of the output variable. */
    public String outputName() { return output; }

    /** The graph as text: every variable with shape and type, every operation with inputs and outputs. */
    public String summary() {
        return template.summary();
    }

    /** A copy of the network graph (placeholders t, x; output {@link #outputName()}), e.g. to add a loss by hand. */
    public SameDiff graph() {
        SameDiff g = template.dup();
        sync(g);
        return g;
    }

    /** A deep copy: same graph, a copy of the parameters. */
    public SameDiffModel copy() {
        return new SameDiffModel(dim, conditionColumns, precision, seed, template.dup(), output, List.of(names), params.clone());
    }

    /** Writes θ into the parameter arrays of {@code g} (a copy of the template). */
    void sync(SameDiff g) {
        for (int i = 0; i < names.length; i++) Nd.copyFrom(params, offsets[i], g.getArrForVarName(names[i]));
    }

    int offset(int i) { return offsets[i]; }

    String[] names() { return names; }

    DataType type() { return Nd.type(precision); }

    SameDiff copyOfTemplate() { return template.dup(); }

    @Override
    public Workspace workspace() {
        return new Workspace();
    }

    /**
     * Forward passes by SameDiff inference; backward passes (vector–Jacobian products for the
     * losses of {@code genflow.loss}) by the gradient of Σ m_θ(t, x) ⊙ ∂L/∂m in a second copy
     * of the graph. Owns its graphs; not thread-safe.
     */
    public final class Workspace implements FieldModel.Workspace {
        private static final String UPSTREAM = "genflow_upstream";
        private final SameDiff forwardGraph = template.dup();
        private SameDiff vjpGrad;
        private List<String> vjpOutputs;
        private String[] gradNames;
        private String xGrad;
        private INDArray lastT, lastX, lastY;
        private int lastN = -1;
        private double[] out;

        private Workspace() {}

        /**
         * {@inheritDoc} For an unconditional model only; a conditional one needs its condition:
         * {@link #forward(double[], double[], double[], int)}.
         */
        @Override
        public double[] forward(double[] t, double[] x, int n) {
            if (conditionColumns > 0) {
                throw new IllegalArgumentException("this model is conditional (input y [n, " + conditionColumns
                        + "]): evaluate it with forward(t, x, y, n), forward(t, x, y) or asVectorField(y)");
            }
            return run(t, x, null, n);
        }

        /**
         * v_θ(t_i, x_i | y_i) for i &lt; n of a conditional model, as n × d row-major values (valid
         * until the next call); keeps what {@link #backward} needs.
         *
         * @param y n × c condition values, row-major (c = {@link #conditionColumns()})
         */
        public double[] forward(double[] t, double[] x, double[] y, int n) {
            if (conditionColumns == 0) throw new IllegalArgumentException("this model has no condition input; use forward(t, x, n)");
            Require.atLeast("n", n, 1);
            if (y == null || y.length < (long) n * conditionColumns) {
                throw new IllegalArgumentException("y must hold n*c = " + (long) n * conditionColumns + " condition values");
            }
            return run(t, x, y, n);
        }

        private double[] run(double[] t, double[] x, double[] y, int n) {
            Require.atLeast("n", n, 1);
            if (t == null || t.length < n) throw new IllegalArgumentException("t must hold n = " + n + " times");
            if (x == null || x.length < (long) n * dim) throw new IllegalArgumentException("x must hold n*d = " + (long) n * dim + " values");
            Require.cells("n", n, "d", dim);
            double[] tc = Arrays.copyOf(t, n), xc = Arrays.copyOf(x, n * dim);
            for (int i = 0; i < n; i++) {
                if (!(tc[i] >= 0 && tc[i] <= 1)) tc[i] = Require.time("t[" + i + "]", tc[i]); // a stage time a hair outside [0, 1] is clamped
            }
            for (int i = 0; i < xc.length; i++) {
                if (!Double.isFinite(xc[i])) throw new IllegalArgumentException("x[" + i / dim + "][" + i % dim + "] = " + xc[i] + " must be a finite number");
                if (precision == Precision.FLOAT && Float.isInfinite((float) xc[i])) {
                    throw new IllegalArgumentException("x[" + i / dim + "][" + i % dim + "] = " + xc[i] + " exceeds the float range (about ±3.4e38) of this"
                            + " FLOAT model; rescale the data or use Precision.DOUBLE");
                }
            }
            lastT = Nd.matrix(tc, n, 1, type());
            lastX = Nd.matrix(xc, n, dim, type());
            lastY = null;
            if (y != null) {
                double[] yc = Arrays.copyOf(y, n * conditionColumns);
                for (int i = 0; i < yc.length; i++) {
                    if (!Double.isFinite(yc[i])) {
                        throw new IllegalArgumentException("y[" + i / conditionColumns + "][" + i % conditionColumns + "] = " + yc[i] + " must be a finite number");
                    }
                }
                lastY = Nd.matrix(yc, n, conditionColumns, type());
            }
            lastN = n;
            sync(forwardGraph);
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("t", lastT);
            ph.put("x", lastX);
            if (lastY != null) ph.put(CONDITION, lastY);
            INDArray o = Nd.output(forwardGraph, ph, List.of(output), "cannot evaluate the network").get(output);
            if (out == null || out.length < n * dim) out = new double[n * dim];
            Nd.copyTo(o, out, 0);
            for (int k = 0; k < n * dim; k++) {
                if (!Double.isFinite(out[k])) {
                    int i = k / dim;
                    throw new IllegalArgumentException("the model's output v(t, x) is not finite at row " + i + " ([" + k % dim + "] = " + out[k] + "; t = "
                            + tc[i] + ", x = " + Arrays.toString(Arrays.copyOfRange(xc, i * dim, i * dim + dim)) + "): x is too large for this " + precision
                            + " model, or its parameters are (a diverged training: lower the learning rate)");
                }
            }
            return out;
        }

        @Override
        public void backward(double[] dOut, double[] grad, double[] dX) {
            if (lastN < 0) throw new IllegalStateException("backward called before forward");
            int n = lastN;
            if (dOut == null || dOut.length < n * dim) throw new IllegalArgumentException("dOut must hold n*d = " + n * dim + " values");
            if (grad == null || grad.length != params.length) throw new IllegalArgumentException("grad must have length " + params.length);
            if (dX != null && dX.length < n * dim) throw new IllegalArgumentException("dX must hold n*d = " + n * dim + " values");
            for (int i = 0; i < n * dim; i++) {
                if (!Double.isFinite(dOut[i])) throw new IllegalArgumentException("dOut[" + i + "] = " + dOut[i] + " must be a finite number");
            }
            if (vjpGrad == null) buildVjp();
            sync(vjpGrad);
            Map<String, INDArray> ph = new HashMap<>();
            ph.put("t", lastT);
            ph.put("x", lastX);
            if (lastY != null) ph.put(CONDITION, lastY);
            ph.put(UPSTREAM, Nd.matrix(Arrays.copyOf(dOut, n * dim), n, dim, type()));
            Map<String, INDArray> r = Nd.output(vjpGrad, ph, vjpOutputs, "cannot differentiate the network");
            for (int i = 0; i < names.length; i++) {
                if (gradNames[i] == null) Arrays.fill(grad, offsets[i], offsets[i + 1], 0);
                else Nd.copyTo(r.get(gradNames[i]), grad, offsets[i]);
            }
            if (dX != null) {
                if (xGrad == null) Arrays.fill(dX, 0, n * dim, 0);
                else Nd.copyTo(r.get(xGrad), dX, 0);
            }
        }

        private void buildVjp() {
            SameDiff g = template.dup();
            SDVariable up = g.placeHolder(UPSTREAM, type(), -1, dim);
            SDVariable vjp = g.getVariable(output).mul(up).sum().rename("genflow_vjp");
            g.setLossVariables(vjp.name());
            Nd.createGradFunction(g, "x");
            gradNames = new String[names.length];
            vjpOutputs = new ArrayList<>();
            for (int i = 0; i < names.length; i++) {
                SDVariable gv = g.getVariable(names[i]).getGradient();
                gradNames[i] = gv == null ? null : gv.name();
                if (gv != null) vjpOutputs.add(gv.name());
            }
            SDVariable gx = g.getVariable("x").getGradient();
            xGrad = gx == null ? null : gx.name();
            if (xGrad != null) vjpOutputs.add(xGrad);
            if (vjpOutputs.isEmpty()) vjpOutputs.add(vjp.name());
            vjpGrad = g.getFunction("grad");
        }
    }

    /**
     * This model as a {@link VectorField} (t, x) ↦ v_θ(t, x), t in [0, 1], for every solver,
     * metric and plot. It owns one workspace: do not call it from several threads at once.
     * A conditional model needs its condition: {@link #asVectorField(double[])}.
     */
    @Override
    public VectorField asVectorField() {
        requireUnconditional();
        Workspace ws = workspace();
        return (t, x) -> apply(ws, t, x, null);
    }

    /**
     * The field (t, x) ↦ v_θ(t, x | y) of a conditional model with ONE condition y (c values, e.g.
     * the one-hot code of a label, or zeros for ∅) for every point. Owns one workspace.
     */
    public VectorField asVectorField(double[] y) {
        requireConditional();
        double[] yc = Require.finite("y", Require.dim("y", y, conditionColumns)).clone();
        Workspace ws = workspace();
        return (t, x) -> {
            double[][] rows = new double[x == null ? 0 : x.length][];
            Arrays.fill(rows, yc);
            return apply(ws, t, x, rows);
        };
    }

    /**
     * The field (t, x) ↦ v_θ(t, x_i | y_i) of a conditional model with one condition per row:
     * every batch x must have y.length rows (e.g. a sampler started from n points with n labels).
     * Owns one workspace.
     */
    public VectorField asVectorField(double[][] y) {
        requireConditional();
        Require.nonEmptyBatch("y", y, conditionColumns);
        double[][] yc = new double[y.length][];
        for (int i = 0; i < y.length; i++) yc[i] = Require.finite("y[" + i + "]", y[i]).clone();
        Workspace ws = workspace();
        return (t, x) -> {
            if (x != null && x.length != yc.length) {
                throw new IllegalArgumentException("x has " + x.length + " rows, but the field was made with " + yc.length + " condition rows y");
            }
            return apply(ws, t, x, yc);
        };
    }

    /** v_θ(t, x_i) for every row of x [n][d] at one time t ∈ [0, 1] (unconditional models). */
    public double[][] forward(double t, double[][] x) {
        requireUnconditional();
        if (single == null) single = workspace();
        return apply(single, t, x, null);
    }

    /** v_θ(t, x_i | y_i) for every row of x [n][d] and y [n][c] at one time t ∈ [0, 1] (conditional models). */
    public double[][] forward(double t, double[][] x, double[][] y) {
        requireConditional();
        Require.nonEmptyBatch("y", y, conditionColumns);
        if (x != null && x.length != y.length) throw new IllegalArgumentException("x has " + x.length + " rows, y has " + y.length + "; give one condition per row");
        if (single == null) single = workspace();
        return apply(single, t, x, y);
    }

    private void requireUnconditional() {
        if (conditionColumns > 0) {
            throw new IllegalArgumentException("this model is conditional (input y [n, " + conditionColumns
                    + "]): give the condition, e.g. asVectorField(y) or forward(t, x, y)");
        }
    }

    private void requireConditional() {
        if (conditionColumns == 0) throw new IllegalArgumentException("this model has no condition input (build it with builder.condition(columns))");
    }

    private double[][] apply(Workspace ws, double t, double[][] x, double[][] y) {
        t = Require.time("t", t); // a solver's stage time a hair outside [0, 1] is clamped
        Require.nonEmptyBatch("x", x, dim);
        int n = x.length;
        double[] flat = new double[n * dim], ts = new double[n];
        for (int i = 0; i < n; i++) System.arraycopy(x[i], 0, flat, i * dim, dim);
        Arrays.fill(ts, t);
        double[] o;
        if (y == null) {
            o = ws.forward(ts, flat, n);
        } else {
            double[] yf = new double[n * conditionColumns];
            for (int i = 0; i < n; i++) System.arraycopy(y[i], 0, yf, i * conditionColumns, conditionColumns);
            o = ws.forward(ts, flat, yf, n);
        }
        double[][] r = new double[n][dim];
        for (int i = 0; i < n; i++) System.arraycopy(o, i * dim, r[i], 0, dim);
        return r;
    }

    /**
     * Saves the model: a header (format version, d, precision, seed, output name, every parameter's
     * name and shape), θ as raw IEEE-754 doubles (bit-exact), and the graph in SameDiff's
     * FlatBuffers form, so {@link #load} rebuilds it without the code that defined it. The same
     * model gives the same bytes (the file is a function of graph and θ only). A conditional model
     * (format version 2: the condition columns follow d) stores its graph GZIP-compressed with the
     * parameter arrays zeroed — θ is in the file once, which halves it.
     */
    public void save(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("file = " + file + " is a folder; name a file to write the model to");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) throw new IllegalArgumentException("file = " + file + ": the folder " + parent + " does not exist");
        SameDiff g = graph();
        boolean compact = conditionColumns > 0;
        if (compact) for (String name : names) g.getArrForVarName(name).assign(0);   // θ is in the header already
        ByteArrayOutputStream graphBytes = new ByteArrayOutputStream();
        Nd.run("cannot serialise the graph", () -> {
            if (!compact) {
                g.save(graphBytes, false);
                return null;
            }
            try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(graphBytes)) {
                g.save(z, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        try (OutputStream os = Files.newOutputStream(file); DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(os))) {
            out.writeInt(MAGIC);
            out.writeInt(conditionColumns > 0 ? VERSION_CONDITIONAL : VERSION);
            out.writeInt(dim);
            if (conditionColumns > 0) out.writeInt(conditionColumns);
            out.writeUTF(precision.name());
            out.writeLong(seed);
            out.writeUTF(output);
            out.writeInt(names.length);
            for (int i = 0; i < names.length; i++) {
                out.writeUTF(names[i]);
                out.writeInt(shapes[i].length);
                for (long s : shapes[i]) out.writeLong(s);
            }
            out.writeInt(params.length);
            for (double v : params) out.writeLong(Double.doubleToRawLongBits(v));
            byte[] b = graphBytes.toByteArray();
            out.writeInt(b.length);
            out.write(b);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save SameDiffModel to " + file, e);
        }
    }

    /**
     * Loads a model written by {@link #save}, validating everything before use: magic number and
     * version, sizes before allocation, the declared parameter names and shapes against the graph,
     * every parameter finite, the placeholders t [n, 1], x [n, d], and the output shape [n, d]. A
     * foreign, truncated or corrupt file gives an {@link IllegalArgumentException} naming the file
     * and what is wrong.
     */
    public static SameDiffModel load(Path file) {
        if (file == null) throw new IllegalArgumentException("file must not be null");
        if (Files.isDirectory(file)) throw new IllegalArgumentException("file = " + file + " is a folder, not a saved model");
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException(file + " is not a saved genflow SameDiffModel");
            int version = in.readInt();
            if (version != VERSION && version != VERSION_CONDITIONAL) {
                throw bad(file, "has version " + version + "; this genflow reads versions " + VERSION + " and " + VERSION_CONDITIONAL);
            }
            int dim = in.readInt();
            if (dim < 1 || dim > (1 << 20)) throw bad(file, "has dim = " + dim + ", allowed [1, " + (1 << 20) + "]");
            int condition = 0;
            if (version == VERSION_CONDITIONAL) {
                condition = in.readInt();
                if (condition < 1 || condition > (1 << 20)) throw bad(file, "has " + condition + " condition columns, allowed [1, " + (1 << 20) + "]");
            }
            String p = in.readUTF();
            Precision precision;
            try {
                precision = Precision.valueOf(p);
            } catch (IllegalArgumentException e) {
                throw bad(file, "has precision = \"" + p + "\", allowed " + Arrays.toString(Precision.values()));
            }
            long seed = in.readLong();
            String output = in.readUTF();
            int count = in.readInt();
            if (count < 1 || count > 100_000) throw bad(file, "declares " + count + " parameter variables, allowed [1, 100000]");
            String[] names = new String[count];
            long[][] shapes = new long[count][];
            long total = 0;
            for (int i = 0; i < count; i++) {
                names[i] = in.readUTF();
                int rank = in.readInt();
                if (rank < 0 || rank > 8) throw bad(file, "has rank " + rank + " for parameter " + names[i] + ", allowed [0, 8]");
                shapes[i] = new long[rank];
                long size = 1;
                for (int k = 0; k < rank; k++) {
                    long s = in.readLong();
                    if (s < 1 || s > MAX_PARAMETERS) throw bad(file, "has size " + s + " in the shape of parameter " + names[i]);
                    shapes[i][k] = s;
                    size *= s;
                    if (size > MAX_PARAMETERS) throw bad(file, "has a parameter " + names[i] + " with more than " + MAX_PARAMETERS + " entries");
                }
                total += size;
                if (total > MAX_PARAMETERS) throw bad(file, "declares more than " + MAX_PARAMETERS + " parameters");
            }
            int n = in.readInt();
            if (n != total) throw bad(file, "holds " + n + " parameter values, but the declared shapes need " + total);
            double[] params = new double[n];
            for (int i = 0; i < n; i++) {
                double v = Double.longBitsToDouble(in.readLong());
                if (!Double.isFinite(v)) throw bad(file, "has parameter value [" + i + "] = " + v + ", which must be finite");
                params[i] = v;
            }
            int len = in.readInt();
            if (len < 1 || len > (1 << 28)) throw bad(file, "has a graph of " + len + " bytes, allowed [1, " + (1 << 28) + "]");
            byte[] stored = in.readNBytes(len);
            if (stored.length != len) throw new EOFException();
            if (in.read() != -1) throw bad(file, "has bytes after the end of the model");
            byte[] bytes = version == VERSION_CONDITIONAL ? gunzip(file, stored) : stored;
            SameDiff g = Nd.run(file + ": the graph cannot be read", () -> {
                try {
                    return SameDiff.load(new ByteArrayInputStream(bytes), false);
                } catch (Exception e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
            checkGraph(file, g, dim, condition, precision, output, names, shapes);
            try {
                return new SameDiffModel(dim, condition, precision, seed, g, output, List.of(names), params);
            } catch (IllegalArgumentException e) {
                throw bad(file, "does not hold a valid model: " + e.getMessage());
            }
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + ": the SameDiffModel file ends early (truncated or not a SameDiffModel file)");
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load SameDiffModel from " + file, e);
        }
    }

    private static void checkGraph(Path file, SameDiff g, int dim, int condition, Precision precision, String output, String[] names, long[][] shapes) {
        DataType type = Nd.type(precision);
        for (String ph : condition > 0 ? new String[]{"t", "x", CONDITION} : new String[]{"t", "x"}) {
            SDVariable v = g.hasVariable(ph) ? g.getVariable(ph) : null;
            long cols = ph.equals("t") ? 1 : ph.equals("x") ? dim : condition;
            long[] shape = v == null ? null : v.getShape();
            if (v == null || v.getVariableType() != VariableType.PLACEHOLDER || v.dataType() != type
                    || (shape != null && (shape.length != 2 || shape[1] != cols))) {
                throw bad(file, "has no " + type + " placeholder " + ph + " [n, " + cols + "]");
            }
        }
        if (condition == 0 && g.hasVariable(CONDITION) && g.getVariable(CONDITION).getVariableType() == VariableType.PLACEHOLDER) {
            throw bad(file, "has a condition placeholder " + CONDITION + " but declares no condition columns");
        }
        if (!g.hasVariable(output)) throw bad(file, "names output " + output + ", which the graph does not have");
        java.util.Set<String> vars = new java.util.TreeSet<>();
        for (SDVariable v : g.variables()) if (v.getVariableType() == VariableType.VARIABLE) vars.add(v.name());
        if (!vars.equals(new java.util.TreeSet<>(List.of(names))) || vars.size() != names.length) {
            throw bad(file, "declares parameters " + List.of(names) + ", but the graph has " + vars);
        }
        for (int i = 0; i < names.length; i++) {
            INDArray a = g.getArrForVarName(names[i]);
            if (a == null || !Arrays.equals(a.shape(), shapes[i])) {
                throw bad(file, "declares parameter " + names[i] + " with shape " + Arrays.toString(shapes[i]) + ", but the graph has "
                        + (a == null ? "no value" : Arrays.toString(a.shape())));
            }
        }
    }

    /** The graph bytes of a version-2 file (GZIP), at most 2^28 bytes unpacked. */
    private static byte[] gunzip(Path file, byte[] packed) {
        try (java.util.zip.GZIPInputStream z = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(packed))) {
            byte[] out = z.readNBytes(1 << 28);
            if (z.read() != -1) throw bad(file, "has a graph of more than " + (1 << 28) + " bytes");
            return out;
        } catch (IOException e) {
            throw bad(file, "has a damaged compressed graph (" + e.getMessage() + ")");
        }
    }

    private static IllegalArgumentException bad(Path file, String message) {
        return new IllegalArgumentException(file + ": SameDiffModel file " + message);
    }

    @Override
    public String toString() {
        return "SameDiffModel(dim=" + dim + (conditionColumns > 0 ? ", condition y [n, " + conditionColumns + "]" : "") + ", " + precision + ", parameters " + List.of(names) + " (" + params.length + " values), output " + output + ")";
    }
}
