package genflow.nn.samediff;

import genflow.math.Require;
import genflow.nn.Objective;
import genflow.nn.Parametric;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * A training loss written by the student as a SameDiff expression, on a {@link SameDiffModel}. Two
 * pieces of code define it: a {@link BatchMaker} that turns the trainer's data and noise batch
 * into the loss's inputs (typically through a path's {@code sample(t, data, noise)}), and a
 * {@link LossExpression} on the model output v = v_θ(t, x) and those inputs. Conditional flow
 * matching, for example:
 * <pre>{@code
 *   GaussianPath path = new GaussianPath(new LinearSchedule());
 *   SameDiffObjective cfm = SameDiffObjective.of(net,
 *       (data, noise, rng) -> {
 *           double[] t = new double[data.length];
 *           for (int i = 0; i < t.length; i++) t[i] = rng.nextDouble();      // one time per row
 *           return Batch.of(t, path.sample(t, data, noise));                 // x = x_t, target = u_t
 *       },
 *       (g, v) -> v.squaredDifference(g.target()).sum(1).mean());           // mean of ‖v − u_t‖²
 *   Trainer.History h = Trainer.builder(cfm).data(target).steps(3000).seed(1).build().run();
 * }</pre>
 * It is an {@link Objective}: {@link genflow.nn.Trainer} trains it (seeded, Adam, progress, loss
 * history, stops on NaN, divergence and interrupt). Each step is ONE pass of SameDiff's gradient
 * function (loss and all parameter gradients together), the fastest correct way measured here.
 *
 * <p><b>Conditional models and labelled data</b> (chapter 10). For a model with a condition input
 * ({@link SameDiffModel.Builder#condition(int)}) every batch must fill it: {@code batch.with("y", rows)}.
 * The label usually travels with the data point: with {@link #of(SameDiffModel, int, BatchMaker, LossExpression)}
 * the trainer draws data rows of {@code dataDim} ≥ d columns — e.g. [x₁, label] from an
 * {@code Empirical} of such rows — and the batch maker splits them (noise rows keep d columns):
 * <pre>{@code
 *   SameDiffObjective cfg = SameDiffObjective.of(net, d + 1, (rows, noise, rng) -> {
 *       ... x₁ = first d columns, label = last column; drop some labels to ∅ ...
 *       return Batch.of(t, path.sample(t, x1, noise)).with("y", oneHotOrZeros);
 *   }, (g, v) -> v.squaredDifference(g.target()).sum(1).mean());
 * }</pre>
 *
 * <p>Checked when built, on a small batch: the loss is a scalar and depends on the model's
 * parameters. Checked on every batch: each input is present, has shape [n, columns] with the same
 * n as t, is finite, and t is in [0, 1] — failures are {@link IllegalArgumentException}s naming
 * the input and its expected shape.
 */
public final class SameDiffObjective implements Objective {
    /** Turns one batch of data and noise points into the loss's inputs. */
    @FunctionalInterface
    public interface BatchMaker {
        /**
         * @param data  data points x₁ [n][d] drawn by the trainer (rows of {@link #dataDim()}
         *              columns if the objective was made with a data width)
         * @param noise noise points x₀ [n][d] drawn by the trainer (standard normal by default)
         * @param rng   the trainer's generator, for times and any other randomness
         */
        Batch make(double[][] data, double[][] noise, RandomGenerator rng);
    }

    /** The loss as a SameDiff expression of the model output and the graph's inputs. */
    @FunctionalInterface
    public interface LossExpression {
        /** Returns the scalar loss variable; {@code output} is v_θ(t, x), shape [n, d]. */
        SDVariable loss(LossGraph g, SDVariable output);
    }

    private final SameDiffModel model;
    private final BatchMaker batches;
    private final SameDiff graph, gradFn;
    private final String lossName;
    private final Map<String, Integer> inputs;
    private final String[] gradNames;
    private final List<String> outputs = new ArrayList<>();
    private final int dim, dataDim;
    private final DataType type;

    private SameDiffObjective(SameDiffModel model, int dataDim, BatchMaker batches, LossExpression loss) {
        this.model = model;
        this.batches = batches;
        this.dim = model.dim();
        this.dataDim = dataDim;
        this.type = model.type();
        this.graph = model.copyOfTemplate();
        model.sync(graph);
        LossGraph g = new LossGraph(graph, dim, model.conditionColumns(), type);
        SDVariable out = graph.getVariable(model.outputName());
        SDVariable l = Nd.run("the loss definition failed", () -> loss.loss(g, out));
        if (l == null) throw new IllegalArgumentException("the loss expression must return its loss variable (a scalar)");
        if (l.getSameDiff() != graph) throw new IllegalArgumentException("the loss " + l.name() + " belongs to another graph; build it from g and v");
        this.lossName = l.name();
        this.inputs = new LinkedHashMap<>(g.inputs());
        checkScalar();
        graph.setLossVariables(lossName);
        try {
            Nd.createGradFunction(graph);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().contains("trainable")) {
                throw new IllegalArgumentException("the loss does not depend on the model's parameters; it must use the model output v");
            }
            throw e;
        }
        String[] names = model.names();
        gradNames = new String[names.length];
        outputs.add(lossName);
        for (int i = 0; i < names.length; i++) {
            SDVariable gv = graph.getVariable(names[i]).getGradient();
            gradNames[i] = gv == null ? null : gv.name();
            if (gv != null) outputs.add(gv.name());
        }
        if (outputs.size() == 1) {
            throw new IllegalArgumentException("the loss does not depend on the model's parameters; it must use the model output v");
        }
        gradFn = graph.getFunction("grad");
    }

    /**
     * A loss on {@code model}: {@code batch} fills the inputs, {@code loss} is the expression.
     *
     * @throws IllegalArgumentException when the loss is not a scalar or does not depend on the model
     */
    public static SameDiffObjective of(SameDiffModel model, BatchMaker batch, LossExpression loss) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        return of(model, model.dim(), batch, loss);
    }

    /**
     * A loss on {@code model} whose data rows have {@code dataDim} ≥ d columns: the point x₁ in
     * the first d, side information after it (e.g. [x₁, label] with dataDim = d + 1). The
     * {@link genflow.nn.Trainer} then draws data rows of this width and noise rows of width d.
     *
     * @throws IllegalArgumentException when dataDim &lt; d, the loss is not a scalar or does not depend on the model
     */
    public static SameDiffObjective of(SameDiffModel model, int dataDim, BatchMaker batch, LossExpression loss) {
        if (model == null) throw new IllegalArgumentException("model must not be null");
        if (dataDim < model.dim()) {
            throw new IllegalArgumentException("dataDim = " + dataDim + " must be >= d = " + model.dim() + " (the point comes first in a data row)");
        }
        if (batch == null) throw new IllegalArgumentException("batch must not be null");
        if (loss == null) throw new IllegalArgumentException("loss must not be null");
        return new SameDiffObjective(model, dataDim, batch, loss);
    }

    private void checkScalar() {
        Map<String, INDArray> ph = SameDiffModel.probe(dim, model.conditionColumns(), type);
        int n = SameDiffModel.PROBE_ROWS;
        for (var e : inputs.entrySet()) {
            double[] v = new double[n * e.getValue()];
            for (int i = 0; i < v.length; i++) v[i] = 0.1 * (i % 7) - 0.2;
            ph.put(e.getKey(), Nd.matrix(v, n, e.getValue(), type));
        }
        INDArray l = Nd.output(graph, ph, List.of(lossName), "the loss cannot be evaluated on a batch of " + n + " points (inputs t [n, 1], x [n, "
                + dim + "]" + describeCondition() + describeInputs() + ")").get(lossName);
        if (l.length() != 1) {
            throw new IllegalArgumentException("the loss must be a scalar, but it has shape " + Arrays.toString(l.shape()) + " for a batch of " + n
                    + " points; reduce it over the batch, e.g. with .mean()");
        }
    }

    private String describeCondition() {
        return model.isConditional() ? ", y [n, " + model.conditionColumns() + "]" : "";
    }

    private String describeInputs() {
        StringBuilder s = new StringBuilder();
        for (var e : inputs.entrySet()) s.append(", ").append(e.getKey()).append(" [n, ").append(e.getValue()).append("]");
        return s.toString();
    }

    /** The model being trained. */
    public SameDiffModel model() { return model; }

    /** The training graph as text: the model's graph plus the loss operations. */
    public String summary() { return graph.summary(); }

    /** Extra inputs the loss declared, with their column counts. */
    public Map<String, Integer> inputs() { return java.util.Collections.unmodifiableMap(inputs); }

    @Override
    public int dim() { return dim; }

    /** Columns of a data row: d, or the width given to {@link #of(SameDiffModel, int, BatchMaker, LossExpression)}. */
    @Override
    public int dataDim() { return dataDim; }

    @Override
    public List<Parametric> parameters() { return List.of(model); }

    /** The loss value on one batch (no gradient), e.g. to compare with a hand computation. */
    public double value(Batch batch) {
        Map<String, INDArray> ph = placeholders(batch);
        model.sync(graph);
        double loss = Nd.output(graph, ph, List.of(lossName), "cannot evaluate the loss").get(lossName).getDouble(0);
        if (!Double.isFinite(loss)) {
            throw new IllegalArgumentException("the loss " + lossName + " = " + loss + " is not finite for this batch: its inputs (t, x"
                    + (inputs.isEmpty() ? "" : ", " + String.join(", ", inputs.keySet())) + ") are too large for the model's " + model.precision()
                    + " arithmetic, or the model's parameters are");
        }
        return loss;
    }

    @Override
    public double lossAndGradient(double[] data, double[] noise, int n, RandomGenerator rng, double[][] grads) {
        Require.atLeast("n", n, 1);
        if (rng == null) throw new IllegalArgumentException("rng must not be null");
        if (data == null || data.length < (long) n * dataDim) {
            throw new IllegalArgumentException("data must hold n*dataDim = " + (long) n * dataDim + " values");
        }
        if (noise != null && noise.length < (long) n * dim) throw new IllegalArgumentException("noise must hold n*d = " + (long) n * dim + " values");
        if (grads == null || grads.length != 1 || grads[0] == null || grads[0].length != model.numParameters()) {
            throw new IllegalArgumentException("grads must hold one block of length " + model.numParameters());
        }
        for (int i = 0; i < n * dataDim; i++) {
            if (!Double.isFinite(data[i])) throw new IllegalArgumentException("data[" + i / dataDim + "][" + i % dataDim + "] = " + data[i] + " must be a finite number");
        }
        for (int i = 0; noise != null && i < n * dim; i++) {
            if (!Double.isFinite(noise[i])) throw new IllegalArgumentException("noise[" + i / dim + "][" + i % dim + "] = " + noise[i] + " must be a finite number");
        }
        Batch b = batches.make(rows(data, n, dataDim), noise == null ? null : rows(noise, n, dim), rng);
        Map<String, INDArray> ph;
        try {
            ph = placeholders(b);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the batch made from this data and noise cannot be used: " + e.getMessage(), e);
        }
        model.sync(gradFn);
        Map<String, INDArray> r = Nd.output(gradFn, ph, outputs, "cannot evaluate the loss and its gradient");
        double loss = r.get(lossName).getDouble(0);
        double[] g = grads[0];
        String[] names = model.names();
        for (int i = 0; i < names.length; i++) {
            int from = model.offset(i), to = i + 1 < names.length ? model.offset(i + 1) : g.length;
            if (gradNames[i] == null) Arrays.fill(g, from, to, 0);
            else Nd.copyTo(r.get(gradNames[i]), g, from);
        }
        boolean finite = Double.isFinite(loss);
        for (int i = 0; finite && i < g.length; i++) finite = Double.isFinite(g[i]);
        if (!finite) {
            throw new IllegalArgumentException("the loss " + lossName + " = " + loss + " or its gradient is not finite for this batch: the data and noise"
                    + " are too large for the model's " + model.precision() + " arithmetic, or the model's parameters are (a diverged training: lower the learning rate)");
        }
        return loss;
    }

    private static double[][] rows(double[] flat, int n, int cols) {
        double[][] r = new double[n][cols];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * cols, r[i], 0, cols);
        return r;
    }

    private Map<String, INDArray> placeholders(Batch b) {
        if (b == null) throw new IllegalArgumentException("the batch function returned null; return Batch.of(t, x, ...)");
        int n = b.size();
        if (n < 1) throw new IllegalArgumentException("the batch has no rows (t is empty)");
        Map<String, INDArray> ph = new HashMap<>();
        double[][] t = new double[n][];
        for (int i = 0; i < n; i++) {
            double ti = b.t()[i];
            // a time a hair outside [0, 1] (a solver's stage time) is clamped; anything else is rejected below
            if (ti < 0 && ti >= -Require.TIME_TOLERANCE) ti = 0;
            else if (ti > 1 && ti <= 1 + Require.TIME_TOLERANCE) ti = 1;
            t[i] = new double[]{ti};
        }
        ph.put("t", Nd.rows("batch input t", t, n, 1, type, 0, 1));
        ph.put("x", Nd.rows("batch input x", b.x(), n, dim, type, -Double.MAX_VALUE, Double.MAX_VALUE));
        String y = SameDiffModel.CONDITION;
        if (model.isConditional()) {
            double[][] v = b.inputs().get(y);
            if (v == null) {
                throw new IllegalArgumentException("the model is conditional: the batch must fill its condition " + y + " [n, " + model.conditionColumns()
                        + "]; add it with batch.with(\"" + y + "\", rows)");
            }
            ph.put(y, Nd.rows("batch input " + y + " (the condition)", v, n, model.conditionColumns(), type, -Double.MAX_VALUE, Double.MAX_VALUE));
        }
        for (var e : inputs.entrySet()) {
            double[][] v = b.inputs().get(e.getKey());
            if (v == null) {
                throw new IllegalArgumentException("the batch does not fill the loss input " + e.getKey() + " [n, " + e.getValue()
                        + "]; add it with batch.with(\"" + e.getKey() + "\", values)");
            }
            ph.put(e.getKey(), Nd.rows("batch input " + e.getKey(), v, n, e.getValue(), type, -Double.MAX_VALUE, Double.MAX_VALUE));
        }
        for (String name : b.inputs().keySet()) {
            if (!inputs.containsKey(name) && !(model.isConditional() && name.equals(y))) {
                throw new IllegalArgumentException("the batch has an input " + name + " that the loss does not use; the loss's inputs are t [n, 1], x [n, "
                        + dim + "]" + describeCondition() + describeInputs());
            }
        }
        return ph;
    }

    @Override
    public String toString() {
        return "SameDiffObjective(loss " + lossName + " on " + model + ", inputs t, x" + describeCondition() + describeInputs()
                + (dataDim != dim ? ", data rows of " + dataDim + " columns" : "") + ")";
    }
}
