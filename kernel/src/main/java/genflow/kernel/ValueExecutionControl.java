package genflow.kernel;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell execution in the kernel's own JVM that keeps the value of each snippet as an object (not
 * only its string form), so the kernel can render charts and tables. User code runs on one dedicated
 * thread.
 * <p>
 * <b>Interrupts</b> ({@link #interruptUserCode()}), on every JDK from 17 on, in this order:
 * <ol>
 *   <li>the user thread is interrupted: library loops stop at their next
 *       {@code genflow.math.Interrupts.check()}, blocking calls ({@code sleep}, {@code wait}, I/O) throw;</li>
 *   <li>on JDKs whose JShell instruments cell code with stop checks (JDK 21 and later: every method entry and
 *       backward branch of code written in a cell), the stop flag is raised, so a cell's own
 *       {@code while (true) {}} ends at its next iteration;</li>
 *   <li>after 0.5 s, {@code Thread.stop} where the JDK still has it (up to JDK 19);</li>
 *   <li>after 2 s, if the thread still runs (native code or a library loop without a check on a new JDK),
 *       the kernel gives up on it: the cell ends with a message saying so and asking for a restart, and
 *       the next cell runs on a fresh thread. Variables are kept in every case.</li>
 * </ol>
 * <b>System.exit</b> in cell code would end the kernel (the code runs in the kernel's JVM), so calls to
 * {@code System.exit(int)} in the cell's class files are redirected to {@link CellExit#exit(int)},
 * which throws instead (see {@link ExitRedirect}).
 */
final class ValueExecutionControl extends LocalExecutionControl {
    /** Prefix of the keys returned to JShell instead of the value's string. */
    static final String KEY_PREFIX = "genflow-value-";
    static final long STOP_GRACE_MS = 500;
    static final long GIVE_UP_MS = 2000;

    enum Stop { NONE, INTERRUPTED, ABANDONED }

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile ExecutorService executor = newExecutor();
    private volatile Thread userThread;
    private volatile Future<Object> current;
    private volatile boolean cellRunning;
    private volatile Stop stop = Stop.NONE;
    private volatile boolean cancelClassChecked;
    private volatile Field cancelFlag;   // REPL.$Cancel$.allStop on JDKs whose JShell instruments cell code

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "genflow-user-code");
            t.setDaemon(true);
            userThread = t;
            return t;
        });
    }

    /** Class files of cells: System.exit redirected, then (on new JDKs) JShell's stop checks woven in. */
    @Override
    public void load(ClassBytecodes[] cbcs) throws ClassInstallException, NotImplementedException, EngineTerminationException {
        ClassBytecodes[] redirected = new ClassBytecodes[cbcs.length];
        for (int i = 0; i < cbcs.length; i++) {
            redirected[i] = new ClassBytecodes(cbcs[i].name(), ExitRedirect.rewrite(cbcs[i].bytecodes()));
        }
        super.load(redirected);
    }

    /** A no-op snippet body: running it once through JShell's own invoke installs the stop-check class on new JDKs. */
    public static void noop() {}

    private void ensureCancelClass() {
        if (cancelClassChecked) return;
        cancelClassChecked = true;
        try {
            Method noop = ValueExecutionControl.class.getMethod("noop");
            noop.setAccessible(true);
            super.invoke(noop);
            Class<?> cancel = findClass("REPL.$Cancel$");
            Field f = cancel.getDeclaredField("allStop");
            f.setAccessible(true);
            cancelFlag = f;
        } catch (ClassNotFoundException | NoSuchFieldException e) {
            cancelFlag = null;                  // JDK 17–20: no instrumentation; Thread.stop is there
        } catch (Throwable e) {
            KernelLog.warn("JShell's stop checks are not available: " + e);
            cancelFlag = null;
        }
    }

    private void setCancel(boolean on) {
        Field f = cancelFlag;
        if (f == null) return;
        try {
            f.setBoolean(null, on);
        } catch (IllegalAccessException e) {
            KernelLog.warn("cannot set JShell's stop flag: " + e);
        }
    }

    /** Marks the start of a cell (several snippets): no stop requested yet. */
    void beginCell() {
        stop = Stop.NONE;
        cellRunning = true;
    }

    void endCell() {
        cellRunning = false;
    }

    /** How the current cell was stopped, if it was. */
    Stop stopState() {
        return stop;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        ensureCancelClass();
        if (stop != Stop.NONE) throw new StoppedException();
        setCancel(false);
        Future<Object> result = executor.submit(() -> {
            Thread.interrupted();               // a late interrupt of an earlier cell must not hit this one
            return doitMethod.invoke(null);
        });
        current = result;
        Object value;
        try {
            value = result.get();
        } catch (CancellationException e) {    // given up after an interrupt: the thread may still run
            throw new StoppedException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) throw ite;
            if (cause instanceof Exception ex) throw ex;
            throw new InvocationTargetException(cause);
        } finally {
            current = null;
        }
        String key = KEY_PREFIX + counter.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    /** Takes (and forgets) the value stored under a key returned by JShell; null if none. */
    Object takeValue(String key) {
        if (key == null || !key.startsWith(KEY_PREFIX)) return null;
        Object v = values.remove(key);
        return v == NULL ? null : v;
    }

    /** Forgets stored values (called before each cell so old results can be collected). */
    void clearValues() {
        values.clear();
    }

    /**
     * Stops the running cell (see the class comment). Returns at once; the escalation runs on its own
     * thread so that the control channel stays responsive.
     */
    void interruptUserCode() {
        if (System.getenv("GENFLOW_KERNEL_DEBUG") != null) {
            KernelLog.warn("interrupt: cell running " + cellRunning + ", snippet running " + (current != null));
        }
        if (!cellRunning) return;
        stop = Stop.INTERRUPTED;
        Thread t = userThread;
        Future<Object> f = current;
        setCancel(true);
        if (t != null) t.interrupt();
        if (f == null) return;
        Thread escalate = new Thread(() -> escalate(t, f), "genflow-interrupt");
        escalate.setDaemon(true);
        escalate.start();
    }

    @SuppressWarnings({"removal", "deprecation"})
    private void escalate(Thread t, Future<Object> f) {
        if (waitDone(f, STOP_GRACE_MS)) return;
        if (t != null && t.isAlive()) {
            try {
                t.stop();                       // JDK 17–19; throws UnsupportedOperationException from JDK 20 on
            } catch (UnsupportedOperationException e) {
                // no Thread.stop on this JDK
            } catch (Throwable e) {
                KernelLog.warn("Thread.stop: " + e);
            }
        }
        if (waitDone(f, GIVE_UP_MS - STOP_GRACE_MS)) return;
        KernelLog.warn("the interrupted cell does not stop; abandoning its thread " + (t == null ? "" : t.getName()));
        stop = Stop.ABANDONED;
        ExecutorService old = executor;
        executor = newExecutor();
        old.shutdownNow();
        f.cancel(true);
    }

    private static boolean waitDone(Future<?> f, long ms) {
        long end = System.nanoTime() + ms * 1_000_000L;
        while (!f.isDone() && System.nanoTime() < end) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return f.isDone();
            }
        }
        return f.isDone();
    }

    private static final Object NULL = new Object();
}
