package genflow.kernel;

import jdk.jshell.execution.LocalExecutionControl;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * JShell execution in the kernel's own JVM that keeps the value of each snippet as an object
 * (not only its string form), so the kernel can render charts and tables. User code runs on one
 * dedicated thread, which {@link #interruptUserCode()} can stop.
 */
final class ValueExecutionControl extends LocalExecutionControl {
    /** Prefix of the keys returned to JShell instead of the value's string. */
    static final String KEY_PREFIX = "genflow-value-";

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private volatile ExecutorService executor = newExecutor();
    private volatile Thread userThread;

    private ExecutorService newExecutor() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "genflow-user-code");
            t.setDaemon(true);
            userThread = t;
            return t;
        });
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Future<Object> result = executor.submit(() -> doitMethod.invoke(null));
        Object value;
        try {
            value = result.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof InvocationTargetException ite) throw ite;
            if (cause instanceof Exception ex) throw ex;
            throw new InvocationTargetException(cause);
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

    /** Forgets stored values (called after each cell so old results can be collected). */
    void clearValues() {
        values.clear();
    }

    /** Stops the running user code (best effort: the thread is stopped and replaced). */
    @SuppressWarnings("removal")
    void interruptUserCode() {
        Thread t = userThread;
        ExecutorService old = executor;
        executor = newExecutor();
        old.shutdownNow();
        if (t != null && t.isAlive()) {
            t.interrupt();
            try {
                t.join(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) t.stop();
        }
    }

    private static final Object NULL = new Object();
}
