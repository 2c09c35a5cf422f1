package pocket.testing;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.opentest4j.TestAbortedException;

/**
 * Makes a class whose {@code @BeforeAll} aborts (a missing service, {@link Services#require})
 * count each of its tests as skipped, so Surefire's summary says "Skipped: N" instead of
 * "Tests run: 0". Registered for every test class through JUnit's extension auto-detection.
 */
public final class ServiceSkips implements LifecycleMethodExecutionExceptionHandler, ExecutionCondition {
    private static final Map<Class<?>, String> ABORTED = new ConcurrentHashMap<>();

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        Class<?> c = context.getRequiredTestClass();
        if (t instanceof TestAbortedException) { ABORTED.putIfAbsent(c, t.getMessage()); return; }
        if (ABORTED.containsKey(c)) return; // a later @BeforeAll tripping over the service that is not there
        throw t;
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable t) throws Throwable {
        // cleanup of a service that never started
        if (!ABORTED.containsKey(context.getRequiredTestClass())) throw t;
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (context.getTestMethod().map(Method::getDeclaringClass).isEmpty()) return ConditionEvaluationResult.enabled("class level");
        String why = ABORTED.get(context.getRequiredTestClass());
        return why == null ? ConditionEvaluationResult.enabled("no service missing") : ConditionEvaluationResult.disabled(why);
    }
}
