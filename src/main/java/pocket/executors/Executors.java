package pocket.executors;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import pocket.run.RunOptions;
import pocket.util.Names;

/**
 * Finds the executor factory for an executor string ({@code name} or {@code name@site}):
 * a user's custom setup first, then the ServiceLoader providers (site executors, user jars),
 * then the built-ins {@code iterative} and {@code futures}.
 */
public final class Executors {
    private Executors() {}

    public static final List<String> BUILT_IN = List.of("iterative", "futures");

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
        String name = executor.contains("@") ? executor.substring(0, executor.indexOf('@')) : executor;
        switch (name) {
            case "iterative": return new IterativeExecutorFactory();
            case "futures": return new FuturesExecutorFactory(options);
            default:
                List<String> known = available(customSetup);
                throw new IllegalArgumentException("unknown executor '" + executor + "'" + Names.nearestHint(executor, known)
                        + "; available: " + String.join(", ", known)
                        + (customSetup == null ? " (or give --executor-custom-setup FILE)" : ""));
        }
    }

    /** Every executor string known here: built-ins, then what providers list. */
    public static List<String> available(Path customSetup) {
        Set<String> names = new LinkedHashSet<>(BUILT_IN);
        for (ExecutorProvider p : providers(null)) names.addAll(p.names());
        if (customSetup != null) names.add("(anything " + customSetup.getFileName() + " accepts)");
        return new ArrayList<>(names);
    }

    static List<ExecutorProvider> providers(ClassLoader loader) {
        List<ExecutorProvider> out = new ArrayList<>();
        ServiceLoader<ExecutorProvider> sl = loader == null
                ? ServiceLoader.load(ExecutorProvider.class, Executors.class.getClassLoader())
                : ServiceLoader.load(ExecutorProvider.class, loader);
        sl.forEach(out::add);
        return out;
    }
}
