package pocket.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.config.Dataset;
import pocket.workflow.Chunk;

/**
 * The work of a run: datasets → files (limit-files) → chunks by {@link ChunkRule}
 * (limit-chunks per dataset), plus the fate of every file that could not be opened to count
 * its entries (a whole-file chunk {@code [0, 0)}: skipped with skip-bad-files, failed otherwise).
 */
record ChunkPlan(List<Chunk> chunks, List<ChunkFate> unopened, Map<String, Long> eventsPerDataset) {
    public ChunkPlan {
        chunks = List.copyOf(chunks);
        unopened = List.copyOf(unopened);
        eventsPerDataset = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventsPerDataset));
    }

    public long events() { return chunks.stream().mapToLong(Chunk::entries).sum(); }

    /** True for the placeholder chunk that stands for a whole file that could not be opened. */
    public static boolean isWholeFile(Chunk c) { return c.start() == 0 && c.stop() == 0; }

    public static ChunkPlan of(List<Dataset> datasets, String tree, RunOptions options, EntryCounter counter) {
        return of(datasets, tree, options, counter, 1);
    }

    /**
     * As {@link #of(List, String, RunOptions, EntryCounter)}, opening up to {@code parallelism} files at
     * once (remote files answer slowly); the plan is the same whatever the parallelism.
     */
    public static ChunkPlan of(List<Dataset> datasets, String tree, RunOptions options, EntryCounter counter, int parallelism) {
        if (parallelism > 1) counter = prefetched(datasets, tree, options, counter, parallelism);
        long chunksize = options.getLong("chunksize", 150000);
        int limitFiles = options.has("limit-files") ? options.getInt("limit-files", 0) : Integer.MAX_VALUE;
        int limitChunks = options.has("limit-chunks") ? options.getInt("limit-chunks", 0) : Integer.MAX_VALUE;
        FailurePolicy policy = FailurePolicy.of(options);
        List<Chunk> chunks = new ArrayList<>();
        List<ChunkFate> unopened = new ArrayList<>();
        Map<String, Long> events = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            List<String> files = d.files().subList(0, Math.min(limitFiles, d.files().size()));
            int budget = limitChunks;
            long ev = 0;
            for (String file : files) {
                if (budget <= 0) break;
                List<Chunk> fileChunks = new ArrayList<>();
                ChunkFate bad = chunkFile(d, file, tree, chunksize, budget, policy, counter, fileChunks);
                if (bad != null) { unopened.add(bad); continue; }
                budget -= fileChunks.size();
                for (Chunk c : fileChunks) ev += c.entries();
                chunks.addAll(fileChunks);
            }
            events.put(d.name(), ev);
        }
        return new ChunkPlan(chunks, unopened, events);
    }

    /**
     * Chunks one file into {@code out} (at most {@code budget} chunks); returns the file's fate when
     * it cannot be opened to count its entries (as the {@link FailurePolicy} says: a transient error
     * is tried again up to {@code retries}), else null.
     */
    public static ChunkFate chunkFile(Dataset d, String file, String tree, long chunksize, int budget,
                                      FailurePolicy policy, EntryCounter counter, List<Chunk> out) {
        long t0 = System.nanoTime();
        long n;
        for (int attempts = 1; ; attempts++) {
            try {
                n = counter.entries(file, tree);
                break;
            } catch (Exception | LinkageError e) {
                if (policy.retry(e, attempts)) continue;
                Chunk whole = new Chunk(d.name(), file, tree, 0, 0, d.metadata());
                ChunkFate f = policy.fate(whole, e, attempts, (System.nanoTime() - t0) / 1e9);
                String reason = "cannot open " + file + " to count the entries of '" + tree + "': " + e.getMessage();
                return new ChunkFate(whole, f.status(), reason, f.traceback(), attempts, f.seconds(), f.kind());
            }
        }
        long[] b = ChunkRule.boundaries(n, chunksize);
        for (int i = 0; i + 1 < b.length && out.size() < budget; i++)
            out.add(new Chunk(d.name(), file, tree, b[i], b[i + 1], d.metadata()));
        return null;
    }

    /** Counts every file the plan may need on a pool, then answers from memory (errors replayed). */
    private static EntryCounter prefetched(List<Dataset> datasets, String tree, RunOptions options, EntryCounter counter, int threads) {
        int limitFiles = options.has("limit-files") ? options.getInt("limit-files", 0) : Integer.MAX_VALUE;
        java.util.Set<String> files = new java.util.LinkedHashSet<>();
        for (Dataset d : datasets) files.addAll(d.files().subList(0, Math.min(limitFiles, d.files().size())));
        if (files.size() < 2) return counter;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(threads, files.size()), r -> {
            Thread t = new Thread(r, "pocket-plan");
            t.setDaemon(true);
            return t;
        });
        Map<String, java.util.concurrent.Future<Long>> counts = new LinkedHashMap<>();
        try {
            final EntryCounter c = counter;
            for (String f : files) counts.put(f, pool.submit(() -> c.entries(f, tree)));
            for (java.util.concurrent.Future<Long> fut : counts.values()) {
                try { fut.get(); } catch (java.util.concurrent.ExecutionException ignored) { /* replayed below */ }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return counter;
        } finally {
            pool.shutdownNow();
        }
        final EntryCounter fallback = counter;
        return (file, t) -> {
            java.util.concurrent.Future<Long> fut = counts.get(file);
            if (fut == null || !t.equals(tree)) return fallback.entries(file, t);
            try { return fut.get(); }
            catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Exception ex) throw ex;
                throw e;
            }
        };
    }
}
