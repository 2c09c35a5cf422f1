package pocket.run;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import pocket.util.AtomicFiles;
import pocket.workflow.Output;

/**
 * The files of a run's output folder: output_&lt;name&gt;.json (postprocessed, with the run
 * status under {@code pocket_run}), output_&lt;name&gt;.raw.json (the plain merged sum that
 * --resubmit-failed adds to), config.json, chunks.json (the ids of the chunks in the outputs, so
 * that {@code pocket merge} can refuse to add a chunk twice), run_options.yaml,
 * failed_chunks.json, error/ and performance.json.
 */
public final class RunFolder {
    public static final String FAILED_CHUNKS = "failed_chunks.json", RUN_OPTIONS = "run_options.yaml",
            CONFIG = "config.json", CHUNKS = "chunks.json", PERFORMANCE = "performance.json", LOGFILE = "logfile.log", ERRORS = "error";

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().disableHtmlEscaping()
            .serializeSpecialFloatingPointValues().create();

    private final Path dir;

    public RunFolder(Path dir) { this.dir = dir; }

    public Path dir() { return dir; }

    /**
     * Drops the checkpoint of a run whose complete output another process wrote (attach after the
     * driver died): the folder then holds a finished run, which a new run may replace.
     */
    public void dropCheckpoint() throws IOException { new Checkpoint(dir).delete(); }
    public Path output(String name) { return dir.resolve("output_" + safe(name) + ".json"); }
    public Path rawOutput(String name) { return dir.resolve("output_" + safe(name) + ".raw.json"); }

    public void writeJson(Path file, JsonElement json) throws IOException {
        AtomicFiles.write(file, GSON.toJson(json));
    }

    public static JsonObject readJson(Path file) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(file + " is not a JSON object: " + e.getMessage(), e);
        }
    }

    public void writeRunOptions(RunOptions o) throws IOException {
        DumperOptions d = new DumperOptions();
        d.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(dir.resolve(RUN_OPTIONS), new Yaml(d).dump(pocket.util.StableOrder.sorted(o.asMap())));
    }

    /** Writes the postprocessed output with its status and the raw sum beside it. */
    public void writeOutput(String name, Output raw, Output post, RunStatus status) throws IOException {
        writeJson(rawOutput(name), raw.toJson());
        JsonObject doc = post.toJson();
        doc.add("pocket_run", status.toJson());
        writeJson(output(name), doc);
    }

    /** The un-postprocessed sum of an earlier run, or null when there is none. */
    public Output readRaw(String name) throws IOException {
        Path p = rawOutput(name);
        return Files.isRegularFile(p) ? Output.fromJson(readJson(p)) : null;
    }

    public Path partialsFile(String name) { return dir.resolve("output_" + safe(name) + ".partials.json"); }

    /** Saves the complete subtrees beside the failed chunks of a group's merge tree (or removes the file when none failed). */
    public void writePartials(String name, TreeReducer<Output> tree, Output extra) throws IOException {
        Path p = partialsFile(name);
        if (tree == null || !tree.failed()) { Files.deleteIfExists(p); return; }
        JsonObject o = new JsonObject();
        o.add("extra", extra == null ? com.google.gson.JsonNull.INSTANCE : extra.toJson());
        o.addProperty("leaves", tree.leaves());
        o.addProperty("fan_in", tree.fanIn());
        JsonArray nodes = new JsonArray();
        for (TreeReducer.Partial<Output> part : tree.partials()) {
            JsonObject n = new JsonObject();
            n.addProperty("level", part.level());
            n.addProperty("index", part.index());
            n.add("output", part.value() == null ? com.google.gson.JsonNull.INSTANCE : part.value().toJson());
            nodes.add(n);
        }
        o.add("nodes", nodes);
        writeJson(p, o);
    }

    /** An earlier run's merge tree with its partials delivered, and the outputs kept outside the tree (null: none). */
    public record Partials(TreeReducer<Output> tree, Output extra) {}

    /** The saved partials of an earlier run, or null when there are none. */
    public Partials readPartials(String name) throws IOException {
        Path p = partialsFile(name);
        if (!Files.isRegularFile(p)) return null;
        JsonObject o = readJson(p);
        TreeReducer<Output> t = new TreeReducer<>(o.get("leaves").getAsInt(), o.get("fan_in").getAsInt(), Output::add);
        for (JsonElement e : o.getAsJsonArray("nodes")) {
            JsonObject n = e.getAsJsonObject();
            JsonElement out = n.get("output");
            t.offerNode(n.get("level").getAsInt(), n.get("index").getAsInt(), out.isJsonNull() ? null : Output.fromJson(out.getAsJsonObject()));
        }
        JsonElement extra = o.get("extra");
        return new Partials(t, extra == null || extra.isJsonNull() ? null : Output.fromJson(extra.getAsJsonObject()));
    }

    /** The status written under {@code pocket_run} in every output document. */
    public record RunStatus(boolean complete, long processed, long failed, long skipped, boolean resubmitted) {
        JsonObject toJson() {
            JsonObject o = new JsonObject();
            o.addProperty("complete", complete);
            o.addProperty("processed_chunks", processed);
            o.addProperty("failed_chunks", failed);
            o.addProperty("skipped_chunks", skipped);
            o.addProperty("resubmitted", resubmitted);
            if (!complete) o.addProperty("note", "INCOMPLETE: failed chunks are listed in failed_chunks.json; complete with --resubmit-failed");
            return o;
        }
    }

    /**
     * What failed_chunks.json holds; {@code leaves} gives each failed chunk's leaf in its group's merge
     * tree (-1: a whole file that could not be opened).
     */
    public record Failures(List<ChunkFate> failed, List<Integer> leaves, List<ChunkFate> skipped, Map<String, Integer> processedPerDataset) {
        public Failures {
            if (leaves.size() != failed.size()) throw new IllegalArgumentException("one leaf index per failed chunk");
        }
    }

    /** Writes failed_chunks.json and one traceback file per failed or skipped chunk under error/. */
    public void writeFailures(Failures f) throws IOException {
        Path errors = dir.resolve(ERRORS);
        if (Files.isDirectory(errors))
            try (var s = Files.list(errors)) { for (Path p : s.toList()) Files.deleteIfExists(p); }
        JsonObject o = new JsonObject();
        o.addProperty("complete", f.failed().isEmpty());
        o.add("failed", fates(f.failed(), f.leaves(), "failed"));
        o.add("skipped", fates(f.skipped(), null, "skipped"));
        JsonObject per = new JsonObject();
        f.processedPerDataset().forEach(per::addProperty);
        o.add("processed_chunks_per_dataset", per);
        writeJson(dir.resolve(FAILED_CHUNKS), o);
    }

    private JsonArray fates(List<ChunkFate> fates, List<Integer> leaves, String kind) throws IOException {
        JsonArray a = new JsonArray();
        int i = 0;
        for (ChunkFate f : fates) {
            JsonObject c = f.toJson();
            if (leaves != null) c.addProperty("leaf", leaves.get(i));
            if (f.traceback() != null) {
                Files.createDirectories(dir.resolve(ERRORS));
                String name = String.format("%s_%04d_%s.txt", kind, i, safe(f.chunk().dataset()));
                Files.writeString(dir.resolve(ERRORS).resolve(name), f.chunk().id() + "\n" + f.reason() + "\n\n" + f.traceback());
                c.addProperty("traceback", ERRORS + "/" + name);
            }
            a.add(c);
            i++;
        }
        return a;
    }

    /** Writes chunks.json: the ids of every chunk whose output the folder's outputs hold, sorted. */
    public void writeChunkIds(java.util.Collection<String> ids) throws IOException {
        JsonObject o = new JsonObject();
        JsonArray a = new JsonArray();
        new java.util.TreeSet<>(ids).forEach(a::add);
        o.addProperty("count", a.size());
        o.add("chunks", a);
        writeJson(dir.resolve(CHUNKS), o);
    }

    /** The chunk ids of chunks.json, or null when the folder has none (written before pocket kept them). */
    public java.util.SortedSet<String> readChunkIds() throws IOException {
        Path p = dir.resolve(CHUNKS);
        if (!Files.isRegularFile(p)) return null;
        java.util.SortedSet<String> ids = new java.util.TreeSet<>();
        try {
            for (JsonElement e : readJson(p).getAsJsonArray("chunks")) ids.add(e.getAsString());
        } catch (RuntimeException e) {
            throw new IOException(p + " does not list chunk ids under \"chunks\": " + e.getMessage(), e);
        }
        return ids;
    }

    /** Reads failed_chunks.json of an earlier run. */
    public Failures readFailures() throws IOException {
        Path p = dir.resolve(FAILED_CHUNKS);
        if (!Files.isRegularFile(p))
            throw new IOException("nothing to resubmit: " + p + " not found (run without --resubmit-failed first)");
        JsonObject o = readJson(p);
        Map<String, Integer> per = new LinkedHashMap<>();
        if (o.has("processed_chunks_per_dataset"))
            o.getAsJsonObject("processed_chunks_per_dataset").entrySet().forEach(e -> per.put(e.getKey(), e.getValue().getAsInt()));
        List<ChunkFate> failed = readFates(o, "failed", ChunkFate.Status.FAILED);
        List<Integer> leaves = new ArrayList<>();
        for (JsonElement e : o.getAsJsonArray("failed")) {
            JsonObject c = e.getAsJsonObject();
            leaves.add(c.has("leaf") ? c.get("leaf").getAsInt() : -1);
        }
        return new Failures(failed, leaves, readFates(o, "skipped", ChunkFate.Status.SKIPPED), per);
    }

    private static List<ChunkFate> readFates(JsonObject o, String key, ChunkFate.Status status) {
        List<ChunkFate> out = new ArrayList<>();
        if (!o.has(key)) return out;
        for (JsonElement e : o.getAsJsonArray(key)) out.add(ChunkFate.fromJson(e.getAsJsonObject(), status, null));
        return out;
    }

    static String safe(String name) { return name.replaceAll("[^A-Za-z0-9._+-]", "_"); }
}
