package genflow.kernel;

import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Kernel launcher: {@code java -cp ... genflow.kernel.Main <connection-file>}, as written by the
 * kernelspec that {@code ./course} installs. Connects the sockets first (so the client's first
 * kernel_info request is answered as soon as possible), then warms up JShell.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: genflow.kernel.Main <connection-file.json>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        GenflowKernel kernel = GenflowKernel.create();
        JupyterConnection connection = new JupyterConnection(props);
        System.setOut(new GenflowKernel.LineBufferedPrintStream(kernel.getIO().out));
        System.setErr(new GenflowKernel.LineBufferedPrintStream(kernel.getIO().err));
        System.setIn(kernel.getIO().in);
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        Thread warm = new Thread(kernel::warmUp, "genflow-warm-up");
        warm.setDaemon(true);
        warm.start();
        connection.waitUntilClose();
    }
}
