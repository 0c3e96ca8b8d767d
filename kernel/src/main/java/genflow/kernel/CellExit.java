package genflow.kernel;

/**
 * What {@code System.exit(status)} in a cell calls instead (see {@link ExitRedirect}): the kernel keeps
 * running, and the cell ends with this error.
 */
public final class CellExit {
    private CellExit() {}

    /** Thrown in place of ending the kernel's JVM. */
    public static final class SystemExitInCell extends RuntimeException {
        SystemExitInCell(int status) {
            super("System.exit(" + status + ") was called in a cell. It would end the kernel (and lose every variable), "
                    + "so the kernel stopped the cell instead. To end a computation early, return or throw; "
                    + "to start afresh, use Kernel \u2192 Restart.");
        }
    }

    /** Replaces {@code System.exit(int)} in cell code: throws {@link SystemExitInCell}. */
    public static void exit(int status) {
        throw new SystemExitInCell(status);
    }
}
