package pocket.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import pocket.util.Names;

/**
 * Finds the executor factory for an executor string ({@code name} or {@code name@site}): a
 * user's custom setup first, then the {@link ExecutorProvider}s registered with ServiceLoader
 * (the built-in {@code iterative} and {@code futures}, the batch sites, user jars).
 */
public final class ExecutorProviders {
    private ExecutorProviders() {}

    public static ExecutorFactory lookup(String executor, RunOptions options) {
        return lookup(executor, options, null);
    }

    /** @param customSetup a .jsh script or a .jar from {@code --executor-custom-setup}, or null */
    public static ExecutorFactory lookup(String executor, RunOptions options, Path customSetup) {
        if (executor == null || executor.isBlank()) throw new IllegalArgumentException("no executor given; available: " + String.join(", ", available(null)));
        if (customSetup != null) {
            ExecutorFactory f = CustomExecutorSetup.load(customSetup).create(executor, options);
            if (f != null) return f;
        }
        for (ExecutorProvider p : providers(null)) {
            if (!p.accepts(executor)) continue;
            try {
                return p.create(executor, options);
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalArgumentException("executor '" + executor + "' could not be created: " + e.getMessage(), e);
            }
        }
        List<String> known = available(customSetup);
        throw new IllegalArgumentException("unknown executor '" + executor + "'" + Names.nearestHint(executor, known)
                + "; available: " + String.join(", ", known)
                + (customSetup == null ? " (or give --executor-custom-setup FILE)" : ""));
    }

    /** Every executor string known here, as the providers list them (built-ins first). */
    public static List<String> available(Path customSetup) {
        Set<String> names = new LinkedHashSet<>();
        for (ExecutorProvider p : providers(null)) names.addAll(p.names());
        if (customSetup != null) names.add("(anything " + customSetup.getFileName() + " accepts)");
        return new ArrayList<>(names);
    }

    static List<ExecutorProvider> providers(ClassLoader loader) {
        List<ExecutorProvider> out = new ArrayList<>();
        ServiceLoader<ExecutorProvider> sl = loader == null
                ? ServiceLoader.load(ExecutorProvider.class, ExecutorProviders.class.getClassLoader())
                : ServiceLoader.load(ExecutorProvider.class, loader);
        sl.forEach(out::add);
        return out;
    }
}
