package pocket.run;

import java.io.PrintWriter;
import java.io.StringWriter;
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
public record ChunkPlan(List<Chunk> chunks, List<ChunkFate> unopened, Map<String, Long> eventsPerDataset) {
    public ChunkPlan {
        chunks = List.copyOf(chunks);
        unopened = List.copyOf(unopened);
        eventsPerDataset = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(eventsPerDataset));
    }

    public long events() { return chunks.stream().mapToLong(Chunk::entries).sum(); }

    /** True for the placeholder chunk that stands for a whole file that could not be opened. */
    public static boolean isWholeFile(Chunk c) { return c.start() == 0 && c.stop() == 0; }

    public static ChunkPlan of(List<Dataset> datasets, String tree, RunOptions options, EntryCounter counter) {
        long chunksize = options.getLong("chunksize", 150000);
        int limitFiles = options.has("limit-files") ? options.getInt("limit-files", 0) : Integer.MAX_VALUE;
        int limitChunks = options.has("limit-chunks") ? options.getInt("limit-chunks", 0) : Integer.MAX_VALUE;
        boolean skipBad = options.getBool("skip-bad-files", false);
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
                ChunkFate bad = chunkFile(d, file, tree, chunksize, budget, skipBad, counter, fileChunks);
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
     * it cannot be opened, else null.
     */
    public static ChunkFate chunkFile(Dataset d, String file, String tree, long chunksize, int budget,
                                      boolean skipBad, EntryCounter counter, List<Chunk> out) {
        long t0 = System.nanoTime();
        long n;
        try {
            n = counter.entries(file, tree);
        } catch (Exception | LinkageError e) {
            Chunk whole = new Chunk(d.name(), file, tree, 0, 0, d.metadata());
            String reason = "cannot open " + file + " to count the entries of '" + tree + "': " + e.getMessage();
            double s = (System.nanoTime() - t0) / 1e9;
            return new ChunkFate(whole, skipBad ? ChunkFate.Status.SKIPPED : ChunkFate.Status.FAILED, reason, traceback(e), 1, s);
        }
        long[] b = ChunkRule.boundaries(n, chunksize);
        for (int i = 0; i + 1 < b.length && out.size() < budget; i++)
            out.add(new Chunk(d.name(), file, tree, b[i], b[i + 1], d.metadata()));
        return null;
    }

    static String traceback(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
