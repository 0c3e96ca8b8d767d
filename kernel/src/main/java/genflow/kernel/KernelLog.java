package genflow.kernel;

import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

/**
 * The kernel's own log: one line per event on the process's real standard error (which Jupyter
 * shows in the server's terminal), never in a notebook. {@code System.out}/{@code System.err} are
 * the cells' streams, so the log writes to file descriptor 2 directly.
 */
final class KernelLog {
    private static final PrintStream ERR = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
    private static final PrintStream OUT = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);

    private KernelLog() {}

    static void warn(String message) {
        ERR.println("[genflow kernel " + LocalTime.now().truncatedTo(ChronoUnit.MILLIS) + "] " + message);
    }

    /** The process's real standard output and error (for output written before any cell ran). */
    static PrintStream realOut() { return OUT; }

    static PrintStream realErr() { return ERR; }
}
