package pocket.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;
import pocket.workflow.ChunkProcessor;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import pocket.util.AtomicFiles;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * What a local run has finished so far, kept in {@code <outputdir>/checkpoint/} as it happens so
 * that {@code --resume} after a kill, Ctrl-C or a power cut runs only the rest: per output group
 * the plan (chunks in merge-tree leaf order), and per finished chunk its output and its fate,
 * each file written atomically. Removed when the run ends.
 */
final class Checkpoint {
    static final String DIR = "checkpoint";

    private final Path dir;
    private final AtomicInteger saved = new AtomicInteger();

    Checkpoint(Path outputDir) { this.dir = outputDir.resolve(DIR); }

    /** How many leaves this run saved as finished. */
    int saved() { return saved.get(); }

    /** A hash of what a run is (config.json is written in a stable order, so equal runs hash equal). */
    static String fingerprintOf(JsonObject run) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(run.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** The processor, saving each output of this group's chunks as it is made. */
    ChunkProcessor saving(String group, Map<Chunk, Integer> leaves, ChunkProcessor p) {
        return c -> {
            Output o = p.process(c);
            Integer leaf = leaves.get(c);
            if (leaf != null && leaf >= 0 && o != null) saveOutput(group, leaf, o);
            return o;
        };
    }

    /** The progress listener, saving each final fate of this group's chunks before passing it on. */
    ProgressListener saving(String group, Map<Chunk, Integer> leaves, ProgressListener p) {
        return new ProgressListener() {
            @Override public void started(int chunks, long events) { p.started(chunks, events); }
            @Override public void message(String text) { p.message(text); }
            @Override public void chunkDone(ChunkFate f) {
                Integer leaf = leaves.get(f.chunk());
                if (leaf != null && leaf >= 0) {
                    try { saveFate(group, leaf, f); }
                    catch (IOException e) { p.message("checkpoint: cannot save chunk " + f.chunk().id() + " (" + e.getMessage() + "); --resume would run it again"); }
                }
                p.chunkDone(f);
            }
        };
    }

    Path dir() { return dir; }

    boolean exists() { return Files.isDirectory(dir); }

    /** A group's saved plan: its chunks in leaf order, the files that could not be opened, the merge fan-in. */
    record SavedPlan(String group, List<Chunk> chunks, List<ChunkFate> unopened, Map<String, Long> events, int fanIn) {}

    /** A finished leaf: its fate, and its output when it was processed. */
    record Done(int leaf, ChunkFate fate, Output output) {}

    /** Starts a checkpoint: what the run is (to refuse resuming a different one) and its plans. */
    void start(String fingerprint, List<SavedPlan> plans) throws IOException {
        Files.createDirectories(dir);
        JsonObject run = new JsonObject();
        run.addProperty("fingerprint", fingerprint);
        JsonArray groups = new JsonArray();
        for (SavedPlan p : plans) {
            groups.add(p.group());
            JsonObject o = new JsonObject();
            o.addProperty("group", p.group());
            o.addProperty("fan_in", p.fanIn());
            o.add("chunks", Chunk.toJson(p.chunks()));
            JsonArray un = new JsonArray();
            p.unopened().forEach(f -> un.add(f.toJson()));
            o.add("unopened", un);
            JsonObject ev = new JsonObject();
            p.events().forEach(ev::addProperty);
            o.add("events", ev);
            Files.createDirectories(groupDir(p.group()));
            AtomicFiles.write(groupDir(p.group()).resolve("plan.json"), o.toString());
        }
        run.add("groups", groups);
        // run.json last: a checkpoint without it was cut off while starting and holds nothing to resume
        AtomicFiles.write(dir.resolve("run.json"), run.toString());
    }

    /** The fingerprint of the run that wrote this checkpoint; null when it never finished starting. */
    String fingerprint() throws IOException {
        Path p = dir.resolve("run.json");
        return Files.isRegularFile(p) ? read(p).get("fingerprint").getAsString() : null;
    }

    List<SavedPlan> plans() throws IOException {
        List<SavedPlan> out = new ArrayList<>();
        for (JsonElement g : read(dir.resolve("run.json")).getAsJsonArray("groups")) {
            JsonObject o = read(groupDir(g.getAsString()).resolve("plan.json"));
            List<ChunkFate> un = new ArrayList<>();
            for (JsonElement e : o.getAsJsonArray("unopened")) un.add(ChunkFate.fromJson(e.getAsJsonObject(), null, null));
            Map<String, Long> ev = new LinkedHashMap<>();
            o.getAsJsonObject("events").entrySet().forEach(e -> ev.put(e.getKey(), e.getValue().getAsLong()));
            out.add(new SavedPlan(g.getAsString(), Chunk.fromJson(o.getAsJsonArray("chunks")), un, ev, o.get("fan_in").getAsInt()));
        }
        return out;
    }

    /** Saves a processed leaf's output; its fate follows in {@link #saveFate} (a leaf counts as done only with both). */
    void saveOutput(String group, int leaf, Output o) throws IOException {
        AtomicFiles.write(leafFile(group, leaf, "output"), o.toJson().toString());
    }

    /** Saves a leaf's fate once it is final (processed or skipped; a failed leaf runs again on resume). */
    void saveFate(String group, int leaf, ChunkFate f) throws IOException {
        if (f.status() == ChunkFate.Status.FAILED) return;
        JsonObject o = f.toJson();
        if (f.traceback() != null) o.addProperty("traceback", f.traceback());
        AtomicFiles.write(leafFile(group, leaf, "fate"), o.toString());
        saved.incrementAndGet();
    }

    /** The leaves of a group finished before the interruption, in leaf order. */
    List<Done> done(String group) throws IOException {
        List<Done> out = new ArrayList<>();
        String prefix = "leaf_";
        try (Stream<Path> s = Files.list(groupDir(group))) {
            for (Path p : s.filter(p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".fate.json"))
                    .sorted(Comparator.naturalOrder()).toList()) {
                String n = p.getFileName().toString();
                int leaf = Integer.parseInt(n.substring(prefix.length(), n.length() - ".fate.json".length()));
                JsonObject fo = read(p);
                String tb = fo.has("traceback") ? fo.get("traceback").getAsString() : null;
                ChunkFate fate = ChunkFate.fromJson(fo, null, tb);
                Output output = null;
                if (fate.status() == ChunkFate.Status.PROCESSED) {
                    Path op = leafFile(group, leaf, "output");
                    if (!Files.isRegularFile(op)) continue; // cannot happen (output before fate); run it again
                    output = Output.fromJson(read(op));
                }
                out.add(new Done(leaf, fate, output));
            }
        }
        out.sort(Comparator.comparingInt(Done::leaf));
        return out;
    }

    /** Removes the checkpoint once the run's outputs are written. */
    void delete() throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    private Path groupDir(String group) { return dir.resolve("group_" + RunFolder.safe(group)); }

    private Path leafFile(String group, int leaf, String what) {
        return groupDir(group).resolve(String.format("leaf_%07d.%s.json", leaf, what));
    }

    private static JsonObject read(Path p) throws IOException {
        try {
            return JsonParser.parseString(Files.readString(p)).getAsJsonObject();
        } catch (NoSuchFileException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new IOException("checkpoint file " + p + " is damaged (" + e.getMessage() + "); start again with --overwrite", e);
        }
    }
}
