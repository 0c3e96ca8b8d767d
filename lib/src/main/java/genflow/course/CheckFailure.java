package genflow.course;

/**
 * Thrown by a failing exercise {@link Check}. Its message starts with {@code "Check failed: "}
 * and says in words what is wrong; the notebook runner recognises it by that prefix.
 */
public final class CheckFailure extends AssertionError {
    private static final long serialVersionUID = 1L;

    public CheckFailure(String message) {
        super("Check failed: " + message);
    }
}
