package genflow.nn;

/**
 * Something with a flat vector of trainable parameters. {@link #parameters()} returns the LIVE
 * array: optimizers such as {@link Adam} update it in place, and the model sees the change on
 * its next evaluation.
 */
public interface Parametric {
    /** The live parameter vector (not a copy). */
    double[] parameters();

    /** Number of parameters, {@code parameters().length}. */
    default int numParameters() {
        return parameters().length;
    }
}
