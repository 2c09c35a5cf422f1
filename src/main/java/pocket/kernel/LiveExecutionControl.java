package pocket.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's local execution (snippets run in this JVM, on a thread of their own) that keeps each
 * snippet's value as a live object, so the kernel can render a Hist or a plot rather than its
 * toString, and that stops a running cell: interrupt first, then Thread.stop for busy loops.
 */
final class LiveExecutionControl extends DirectExecutionControl {
    /** Prefix of the value strings that stand for a kept object. */
    static final String KEY_PREFIX = "pocket-value:";
    private static final long STOP_GRACE_MS = 1000;

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private volatile Thread running;
    private volatile boolean stopRequested;

    /** The object a snippet evaluated to, once; null when the key is not one of ours. */
    Object takeValue(String key) {
        return key == null ? null : values.remove(key);
    }

    boolean wasStopped() { return stopRequested; }

    void clearStop() { stopRequested = false; }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object[] result = new Object[1];
        Throwable[] failure = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                result[0] = doit.invoke(null);
            } catch (Throwable e) {
                failure[0] = e;
            }
        }, "pocket-cell");
        t.setDaemon(true);
        t.setContextClassLoader(Thread.currentThread().getContextClassLoader());
        running = t;
        try {
            t.start();
            t.join();
        } finally {
            running = null;
        }
        if (stopRequested) throw new ExecutionControl.StoppedException();
        if (failure[0] instanceof InvocationTargetException ite) throw ite;
        if (failure[0] instanceof Exception e) throw e;
        if (failure[0] != null) throw new InvocationTargetException(failure[0]);
        String key = KEY_PREFIX + ids.incrementAndGet();
        if (result[0] != null) values.put(key, result[0]);
        return key;
    }

    @Override
    @SuppressWarnings({"deprecation", "removal"})
    public void stop() {
        Thread t = running;
        if (t == null) return;
        stopRequested = true;
        t.interrupt();
        try {
            t.join(STOP_GRACE_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A loop that never checks for interruption only ends this way (still supported on Java 17).
        if (t.isAlive()) t.stop();
    }

    /** Hands JShell this control: pass it to {@code JShell.builder().executionEngine(provider, Map.of())}. */
    static final class Provider implements ExecutionControlProvider {
        private final LiveExecutionControl control = new LiveExecutionControl();

        LiveExecutionControl control() { return control; }

        @Override public String name() { return "pocket-local"; }

        @Override
        public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
            return control;
        }
    }
}
