package genflow.nn.samediff;

import genflow.path.PathSample;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The values of one training step for a {@link SameDiffObjective}: the times t (one per row), the
 * model input x [n][d] (typically x_t from a path), and the extra inputs the loss declared, such
 * as {@code target} [n][d] or a per-row weight [n][1], and for a conditional model its condition
 * {@code y} [n][c] ({@code with("y", rows)}). Immutable; {@link #with} returns a new batch.
 * Shapes and finiteness are checked by the objective, which names the input and its expected shape.
 */
public final class Batch {
    private final double[] t;
    private final double[][] x;
    private final Map<String, double[][]> inputs;

    private Batch(double[] t, double[][] x, Map<String, double[][]> inputs) {
        this.t = t;
        this.x = x;
        this.inputs = inputs;
    }

    /** Times t (one per row, in [0, 1]) and model inputs x [n][d]. */
    public static Batch of(double[] t, double[][] x) {
        if (t == null) throw new IllegalArgumentException("t must not be null");
        if (x == null) throw new IllegalArgumentException("x must not be null");
        return new Batch(t, x, new LinkedHashMap<>());
    }

    /** Times, inputs and the regression {@code target} [n][d]. */
    public static Batch of(double[] t, double[][] x, double[][] target) {
        return of(t, x).with("target", target);
    }

    /** Times and a path sample: x = x_t and target = the path's regression target. */
    public static Batch of(double[] t, PathSample sample) {
        if (sample == null) throw new IllegalArgumentException("sample must not be null");
        return of(t, sample.xt(), sample.target());
    }

    /** This batch plus the input {@code name} [n][columns]. */
    public Batch with(String name, double[][] values) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("input name must not be blank");
        if (name.equals("t") || name.equals("x")) throw new IllegalArgumentException("input name " + name + " is reserved for the model's own inputs");
        if (values == null) throw new IllegalArgumentException("values of input " + name + " must not be null");
        Map<String, double[][]> m = new LinkedHashMap<>(inputs);
        m.put(name, values);
        return new Batch(t, x, m);
    }

    /** This batch plus the input {@code name} [n][1] from one value per row (e.g. a loss weight λ_t). */
    public Batch with(String name, double[] column) {
        if (column == null) throw new IllegalArgumentException("column (the values of input " + name + ") must not be null");
        double[][] v = new double[column.length][];
        for (int i = 0; i < v.length; i++) v[i] = new double[]{column[i]};
        return with(name, v);
    }

    /** The times (not copied). */
    public double[] t() { return t; }

    /** The model inputs (not copied). */
    public double[][] x() { return x; }

    /** The extra inputs by name (unmodifiable view). */
    public Map<String, double[][]> inputs() { return Collections.unmodifiableMap(inputs); }

    /** Number of rows n (the length of t). */
    public int size() { return t.length; }
}
