package pocket.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import pocket.run.ChunkFate;
import pocket.run.RunFolder;
import pocket.workflow.Output;

/**
 * A pocket output folder read back: its outputs (one, or one per dataset with {@code -ps}) summed
 * raw and postprocessed once, the run's status, config.json and the ids of its chunks.
 */
public final class OutputFolder {
    private final Path dir;
    private final List<String> groups;
    private final Output raw;
    private final JsonObject config;
    private final SortedSet<String> chunkIds;
    private final boolean complete;
    private final long processed, failedCount, skippedCount;
    private final List<ChunkFate> failed, skipped;

    private OutputFolder(Path dir, List<String> groups, Output raw, JsonObject config, SortedSet<String> chunkIds,
                         boolean complete, long processed, long failedCount, long skippedCount, List<ChunkFate> failed, List<ChunkFate> skipped) {
        this.dir = dir; this.groups = List.copyOf(groups); this.raw = raw; this.config = config;
        this.chunkIds = chunkIds == null ? null : Collections.unmodifiableSortedSet(chunkIds);
        this.complete = complete; this.processed = processed; this.failedCount = failedCount; this.skippedCount = skippedCount;
        this.failed = List.copyOf(failed); this.skipped = List.copyOf(skipped);
    }

    /**
     * Reads the folder a run, {@code pocket attach} or {@code pocket merge} wrote; an
     * IllegalArgumentException names the folder and what is missing when it is not one.
     */
    public static OutputFolder read(Path dir) throws IOException {
        if (!Files.isDirectory(dir))
            throw new IllegalArgumentException(dir + " is not a folder; give the output folder of a pocket run (-o of pocket run)");
        List<String> groups = new ArrayList<>();
        try (var s = Files.list(dir)) {
            for (Path p : s.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("output_") && n.endsWith(".json") && !n.endsWith(".raw.json") && !n.endsWith(".partials.json"))
                    groups.add(n.substring("output_".length(), n.length() - ".json".length()));
            }
        }
        if (groups.isEmpty()) {
            String why = Files.isDirectory(dir.resolve("checkpoint"))
                    ? "; it holds an interrupted run's checkpoint: finish it with pocket run ... --resume"
                    : "; give the output folder of a pocket run (-o of pocket run)";
            throw new IllegalArgumentException(dir + " holds no output_*.json" + why);
        }
        RunFolder folder = new RunFolder(dir);
        Output sum = null;
        boolean complete = true;
        long processed = 0, failed = 0, skipped = 0;
        for (String g : groups) {
            JsonObject doc = RunFolder.readJson(folder.output(g));
            Output raw;
            Path rawFile = folder.rawOutput(g);
            try {
                raw = Files.isRegularFile(rawFile) ? folder.readRaw(g) : null;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(rawFile + ": " + e.getMessage(), e);
            }
            if (raw == null)
                throw new IllegalArgumentException(folder.output(g) + " has no raw sums beside it (" + rawFile.getFileName()
                        + " is missing): pocket cannot add or re-normalise it; rerun to get both");
            sum = sum == null ? raw : sum.add(raw);
            JsonElement st = doc.get("pocket_run");
            if (st != null && st.isJsonObject()) {
                JsonObject o = st.getAsJsonObject();
                complete &= !o.has("complete") || o.get("complete").getAsBoolean();
                processed += longOf(o, "processed_chunks");
                failed += longOf(o, "failed_chunks");
                skipped += longOf(o, "skipped_chunks");
            }
        }
        JsonObject config = Files.isRegularFile(dir.resolve(RunFolder.CONFIG)) ? RunFolder.readJson(dir.resolve(RunFolder.CONFIG)) : null;
        List<ChunkFate> failedFates = List.of(), skippedFates = List.of();
        if (Files.isRegularFile(dir.resolve(RunFolder.FAILED_CHUNKS))) {
            RunFolder.Failures f = folder.readFailures();
            failedFates = f.failed();
            skippedFates = f.skipped();
        }
        return new OutputFolder(dir, groups, sum, config, folder.readChunkIds(), complete, processed, failed, skipped, failedFates, skippedFates);
    }

    private static long longOf(JsonObject o, String key) { return o.has(key) ? o.get(key).getAsLong() : 0; }

    public Path dir() { return dir; }
    /** The output groups: "all", or one per dataset (or group of samples) of a {@code -ps} run. */
    public List<String> groups() { return groups; }
    /** The plain sums of every group, added: what {@link Merge} adds. */
    public Output raw() { return raw; }
    /** The raw sums normalised once (MC by its sum of generator weights). */
    public Output postprocessed() { return raw.postprocess(); }
    /** False when some chunk failed: the outputs lack those chunks' events. */
    public boolean complete() { return complete; }
    public long processedChunks() { return processed; }
    public long failedChunks() { return failedCount; }
    public long skippedChunks() { return skippedCount; }
    public List<ChunkFate> failed() { return failed; }
    public List<ChunkFate> skipped() { return skipped; }
    /** config.json as the run wrote it, or null when the folder has none. */
    public JsonObject config() { return config == null ? null : config.deepCopy(); }
    /** The ids of the chunks the outputs hold, or null when the folder does not list them. */
    public SortedSet<String> chunkIds() { return chunkIds; }

    /** The datasets in the outputs, each with its metadata (sample, year, isMC, ...). */
    public Map<String, ? extends Map<String, String>> datasets() { return raw.datasetsMetadata(); }

    /** The sample a dataset is filled under. */
    public Map<String, String> sampleOfDataset() {
        Map<String, String> m = new LinkedHashMap<>();
        raw.datasetsMetadata().forEach((d, md) -> m.put(d, md.getOrDefault("sample", d)));
        return m;
    }


    /**
     * A hash of what the analysis is (config.json without its datasets), so outputs of one config
     * over different datasets hash equal; null without config.json.
     */
    public String configHash() {
        if (config == null) return null;
        JsonObject c = config.deepCopy();
        c.remove("datasets");
        c.remove("filesets");
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(c.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The integrated luminosity of the data-taking years in the outputs, in fb⁻¹, from the config's
     * parameters {@code lumi.picobarns.<year>.tot} (as PocketCoffea's plotting takes it); NaN when the config has none.
     */
    public double lumiFb() { return lumiFb(config, raw); }

    /** The luminosity in fb⁻¹ that {@code config} (config.json's shape) gives the years of the output's datasets; NaN when none. */
    public static double lumiFb(JsonObject config, Output raw) {
        if (config == null || !config.has("parameters")) return Double.NaN;
        JsonElement pb = path(config.getAsJsonObject("parameters"), "lumi", "picobarns");
        if (pb == null || !pb.isJsonObject()) return Double.NaN;
        TreeSet<String> years = new TreeSet<>();
        raw.datasetsMetadata().values().forEach(md -> { if (md.containsKey("year")) years.add(md.get("year")); });
        double sum = 0;
        boolean any = false;
        for (String y : years) {
            JsonElement tot = path(pb.getAsJsonObject(), y, "tot");
            if (tot != null && tot.isJsonPrimitive()) { sum += tot.getAsDouble(); any = true; }
        }
        return any ? sum / 1000 : Double.NaN;
    }

    private static JsonElement path(JsonObject o, String... keys) {
        JsonElement e = o;
        for (String k : keys) {
            if (e == null || !e.isJsonObject() || !e.getAsJsonObject().has(k)) return null;
            e = e.getAsJsonObject().get(k);
        }
        return e;
    }

    /** Per group, its raw sums (for writing a merged folder the same shape as its inputs). */
    Map<String, Output> rawByGroup() throws IOException {
        Map<String, Output> m = new TreeMap<>();
        RunFolder folder = new RunFolder(dir);
        for (String g : groups) m.put(g, folder.readRaw(g));
        return m;
    }

    @Override public String toString() {
        return "pocket output " + dir + (complete ? "" : " (INCOMPLETE: " + failedCount + " chunks failed)") + ": " + raw.datasetsMetadata().keySet();
    }
}
