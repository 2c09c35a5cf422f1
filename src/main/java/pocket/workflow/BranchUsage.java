package pocket.workflow;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The branches an analysis read in earlier chunks, per tree and MC or data, so that the next
 * chunk can fetch them all in one request (a remote file: one round trip, not one per branch).
 * Kept per configuration and JVM; it only ever grows.
 */
final class BranchUsage {
    private static final Map<Configurator, BranchUsage> BY_CONFIG = Collections.synchronizedMap(new WeakHashMap<>());

    private final Map<String, Set<String>> read = new ConcurrentHashMap<>();

    static BranchUsage of(Configurator cfg) { return BY_CONFIG.computeIfAbsent(cfg, c -> new BranchUsage()); }

    Set<String> get(String key) { return read.getOrDefault(key, Set.of()); }

    void record(String key, Set<String> branches) {
        read.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).addAll(branches);
    }
}
