package genflow.kernel;

import org.dflib.jjava.jupyter.kernel.KernelConnectionProperties;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Kernel launcher: {@code java -cp ... genflow.kernel.Main <connection-file>}, as written by the
 * kernelspec that {@code ./course} installs. Order of start-up:
 * <ol>
 *   <li>a watchdog that ends the kernel when the process that started it ({@code JPY_PARENT_PID}) is gone;</li>
 *   <li>JShell starts and the warm-up thread takes the kernel's lock (imports, compiler);</li>
 *   <li>the sockets are bound; kernel_info is answered at once, requests that need JShell wait for the warm-up;</li>
 *   <li>at the end of the warm-up, still before any cell can run, ND4J's load (native libraries) starts on a
 *       thread of its own, so that no interrupt of a cell can break it; it overlaps with the first cells.</li>
 * </ol>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: genflow.kernel.Main <connection-file.json>");
            System.exit(2);
        }
        System.setProperty("java.awt.headless", "true");
        // printf and String.format in cells use the default locale: fix it, so stored outputs are the same on every machine
        java.util.Locale.setDefault(java.util.Locale.ROOT);
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        watchParent(System.getenv("JPY_PARENT_PID"));

        GenflowKernel kernel = GenflowKernel.create();
        GenflowConnection connection = new GenflowConnection(props);
        CellOutput output = new CellOutput();
        kernel.useOutput(output);
        System.setOut(output.out());
        System.setErr(output.err());
        System.setIn(kernel.getIO().in);
        kernel.becomeHandlerForConnection(connection);

        CountDownLatch locked = new CountDownLatch(1);
        Thread warm = new Thread(() -> {
            try {
                kernel.warmUp(locked::countDown, Main::preloadNd4j);
            } catch (Throwable e) {
                locked.countDown();
                KernelLog.warn("warm-up failed: " + e);
            }
        }, "genflow-warm-up");
        warm.setDaemon(true);
        warm.start();
        locked.await();
        connection.connect();
        connection.waitUntilClose();
        Thread halt = new Thread(() -> {
            try {
                Thread.sleep(2000);
            } catch (InterruptedException ignored) {
                // exit now
            }
            Runtime.getRuntime().halt(0);
        }, "genflow-exit");
        halt.setDaemon(true);
        halt.start();
        System.exit(0);
    }

    /**
     * Ends this JVM when the process {@code JPY_PARENT_PID} (the notebook server or runner that started
     * the kernel) has exited, as ipykernel does, so a killed runner leaves no kernel behind. Checked
     * once a second; the parent's start time guards against a reused process id.
     */
    static void watchParent(String pid) {
        if (pid == null || pid.isBlank()) return;
        long id;
        try {
            id = Long.parseLong(pid.strip());
        } catch (NumberFormatException e) {
            KernelLog.warn("JPY_PARENT_PID is not a process id: " + pid);
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(id);
        if (parent.isEmpty()) {
            KernelLog.warn("parent process " + id + " is already gone; exiting");
            Runtime.getRuntime().halt(0);
        }
        Optional<Instant> started = parent.get().info().startInstant();
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                Optional<ProcessHandle> now = ProcessHandle.of(id);
                boolean gone = now.isEmpty() || !now.get().isAlive()
                        || (started.isPresent() && !started.equals(now.get().info().startInstant()));
                if (gone) {
                    KernelLog.warn("parent process " + id + " has exited; the kernel exits too");
                    Runtime.getRuntime().halt(0);
                }
            }
        }, "genflow-parent-watch");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Loads ND4J (and its native libraries) on its own thread. Interrupting a cell during ND4J's first load
     * used to leave ND4J broken until a restart; the load now never runs on a cell's thread (a cell that
     * needs ND4J meanwhile waits for it). Set {@code GENFLOW_PRELOAD_ND4J=0} to skip.
     */
    static void preloadNd4j() {
        if ("0".equals(System.getenv("GENFLOW_PRELOAD_ND4J"))) return;
        CountDownLatch started = new CountDownLatch(1);
        Thread t = new Thread(() -> {
            try {
                started.countDown();
                Class.forName("org.nd4j.linalg.factory.Nd4j").getMethod("scalar", double.class).invoke(null, 0.0);
            } catch (Throwable e) {
                KernelLog.warn("ND4J preload failed (cells that use ND4J will try again): " + e);
            }
        }, "genflow-nd4j-preload");
        t.setDaemon(true);
        t.start();
        try {
            started.await();   // the load is under way (it holds ND4J's class initialization) before a cell can run
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
