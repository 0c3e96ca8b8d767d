package genflow.nn.samediff;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a student's loss expression works on (see {@link SameDiffObjective#of}): a copy of the
 * model's graph with its inputs {@link #t()} [n, 1] and {@link #x()} [n, d], and the extra inputs
 * the loss needs, declared by name and number of columns and filled from each {@link Batch}:
 * <pre>{@code
 *   (g, v) -> v.squaredDifference(g.target()).sum(1).mean()      // CFM: mean over the batch of ‖v − target‖²
 * }</pre>
 * The loss must be a scalar (reduce over the batch, e.g. with {@code .mean()}).
 */
public final class LossGraph {
    private final SameDiff sd;
    private final int dim, condition;
    private final DataType type;
    private final Map<String, Integer> inputs = new LinkedHashMap<>();

    LossGraph(SameDiff sd, int dim, int condition, DataType type) {
        this.sd = sd;
        this.dim = dim;
        this.condition = condition;
        this.type = type;
    }

    /** The graph (every SameDiff operation is available). */
    public SameDiff sd() { return sd; }

    /** The times, placeholder [n, 1]. */
    public SDVariable t() { return sd.getVariable("t"); }

    /** The model input, placeholder [n, d] (x_t when the batch comes from a path). */
    public SDVariable x() { return sd.getVariable("x"); }

    /** The condition of a conditional model, placeholder [n, c] (filled by {@code batch.with("y", rows)}). */
    public SDVariable y() {
        if (condition == 0) throw new IllegalArgumentException("the model has no condition input y");
        return sd.getVariable(SameDiffModel.CONDITION);
    }

    /** Dimension d. */
    public int dim() { return dim; }

    /** The regression target, the input {@code "target"} [n, d]. */
    public SDVariable target() { return input("target", dim); }

    /**
     * The extra input {@code name} with shape [n, columns], declared on first use; each batch must
     * fill it ({@link Batch#with}).
     */
    public SDVariable input(String name, int columns) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("input name must not be blank");
        if (name.equals("t") || name.equals("x")) throw new IllegalArgumentException("input " + name + " is the model's own; use t() or x()");
        if (columns < 1) throw new IllegalArgumentException("columns = " + columns + " must be >= 1 (input " + name + ")");
        if (columns > (1 << 20)) throw new IllegalArgumentException("columns = " + columns + " must be <= " + (1 << 20) + " (input " + name + ")");
        Integer c = inputs.get(name);
        if (c != null) {
            if (c != columns) throw new IllegalArgumentException("input " + name + " was declared with " + c + " columns, now asked with " + columns);
            return sd.getVariable(name);
        }
        if (sd.hasVariable(name)) throw new IllegalArgumentException("the name " + name + " is already used in the model's graph; choose another input name");
        inputs.put(name, columns);
        return sd.placeHolder(name, type, -1, columns);
    }

    /** The declared extra inputs and their column counts, in declaration order. */
    Map<String, Integer> inputs() { return Collections.unmodifiableMap(inputs); }
}
