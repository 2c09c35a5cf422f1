package pocket.results;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import pocket.run.ChunkFate;
import pocket.run.RunFolder;
import pocket.workflow.Output;

/**
 * The outputs of several runs of one config added as one run: the raw sums added exactly, then
 * normalised once (never normalised outputs added, which would divide by the sum of generator
 * weights twice). Refuses outputs of different configs and a chunk counted twice.
 */
public final class Merge {
    private final List<OutputFolder> inputs;
    private final Map<String, Output> raw;
    private final SortedSet<String> chunkIds;

    private Merge(List<OutputFolder> inputs, Map<String, Output> raw, SortedSet<String> chunkIds) {
        this.inputs = List.copyOf(inputs); this.raw = raw; this.chunkIds = chunkIds;
    }

    /** Checks that the folders can be added and adds them; an IllegalArgumentException says why not. */
    public static Merge of(List<OutputFolder> inputs) throws IOException {
        if (inputs.size() < 2) throw new IllegalArgumentException("merge: give at least two output folders to add, got " + inputs.size());
        checkSameConfig(inputs);
        SortedSet<String> ids = checkDisjointChunks(inputs);
        // a -ps folder keeps one output per dataset; merged with a folder of one output "all", everything goes into "all"
        boolean allInOne = inputs.stream().anyMatch(f -> f.groups().equals(List.of("all")));
        Map<String, Output> raw = new TreeMap<>();
        for (OutputFolder f : inputs) {
            if (allInOne) raw.merge("all", f.raw(), Output::add);
            else for (Map.Entry<String, Output> g : f.rawByGroup().entrySet()) raw.merge(g.getKey(), g.getValue(), Output::add);
        }
        return new Merge(inputs, raw, ids);
    }

    private static void checkSameConfig(List<OutputFolder> inputs) {
        OutputFolder first = null;
        for (OutputFolder f : inputs) {
            if (f.configHash() == null)
                throw new IllegalArgumentException("merge: " + f.dir().resolve(RunFolder.CONFIG) + " not found: pocket cannot check that "
                        + f.dir() + " ran the same config as the others; merge only folders written by pocket run");
            if (first == null) { first = f; continue; }
            if (!first.configHash().equals(f.configHash()))
                throw new IllegalArgumentException("merge: " + f.dir() + " and " + first.dir() + " ran different configs (config hash "
                        + f.configHash() + " vs " + first.configHash() + "; they differ in " + differingKeys(first.config(), f.config())
                        + " of config.json); only outputs of one config add up");
        }
    }

    private static List<String> differingKeys(JsonObject a, JsonObject b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        keys.remove("datasets");
        List<String> out = new ArrayList<>();
        for (String k : keys) if (!java.util.Objects.equals(a.get(k), b.get(k))) out.add("'" + k + "'");
        return out;
    }

    /** The union of the folders' chunk ids, or null when some folder does not list its chunks (allowed only for disjoint datasets). */
    private static SortedSet<String> checkDisjointChunks(List<OutputFolder> inputs) {
        Map<String, OutputFolder> owner = new LinkedHashMap<>();
        boolean known = true;
        for (OutputFolder f : inputs) known &= f.chunkIds() != null;
        if (!known) {
            Map<String, OutputFolder> datasetOwner = new LinkedHashMap<>();
            for (OutputFolder f : inputs)
                for (String d : f.datasets().keySet()) {
                    OutputFolder other = datasetOwner.putIfAbsent(d, f);
                    if (other != null)
                        throw new IllegalArgumentException("merge: " + other.dir() + " and " + f.dir() + " both hold dataset '" + d + "' and "
                                + (other.chunkIds() == null ? other.dir() : f.dir()) + " has no " + RunFolder.CHUNKS
                                + ", so pocket cannot tell whether a chunk would be added twice");
                }
            return null;
        }
        SortedSet<String> all = new TreeSet<>();
        for (OutputFolder f : inputs) {
            List<String> twice = new ArrayList<>();
            OutputFolder other = null;
            for (String id : f.chunkIds()) {
                OutputFolder o = owner.putIfAbsent(id, f);
                if (o != null) { twice.add(id); other = o; }
            }
            if (!twice.isEmpty())
                throw new IllegalArgumentException("merge: " + twice.size() + " chunk(s) are in both " + other.dir() + " and " + f.dir()
                        + ", e.g. " + twice.subList(0, Math.min(3, twice.size())) + "; adding them would count their events twice");
            all.addAll(f.chunkIds());
        }
        return all;
    }

    /** The added raw sums by output group ("all", or per dataset when every input was run with -ps). */
    public Map<String, Output> raw() { return java.util.Collections.unmodifiableMap(raw); }

    /** The merged output of group "all" (or of every group added), normalised once. */
    public Output output() {
        Output sum = null;
        for (Output o : raw.values()) sum = sum == null ? o : sum.add(o);
        return sum.postprocess();
    }

    public boolean complete() { return inputs.stream().allMatch(OutputFolder::complete); }

    /**
     * Writes the merged folder as a run writes its own: output_&lt;group&gt;.json with raw sums,
     * config.json, chunks.json, failed_chunks.json and merged_from.json (the inputs). The folder
     * must be new or empty of outputs, so nothing is overwritten.
     */
    public Path writeTo(Path dir) throws IOException {
        for (OutputFolder f : inputs)
            if (Files.isDirectory(dir) && Files.isSameFile(dir, f.dir()))
                throw new IllegalArgumentException("merge: the merged folder " + dir + " is one of the inputs; give a new folder with -o");
        if (Files.isDirectory(dir))
            try (var s = Files.list(dir)) {
                List<String> taken = s.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("output_") || n.equals(RunFolder.CONFIG)).sorted().toList();
                if (!taken.isEmpty())
                    throw new IllegalArgumentException("merge: " + dir + " already holds " + taken + "; give a new or empty folder with -o");
            }
        Files.createDirectories(dir);
        RunFolder out = new RunFolder(dir);
        out.writeJson(dir.resolve(RunFolder.CONFIG), inputs.get(0).config());
        if (chunkIds != null) out.writeChunkIds(chunkIds);
        List<ChunkFate> failed = new ArrayList<>(), skipped = new ArrayList<>();
        Map<String, Integer> perDataset = new TreeMap<>();
        for (OutputFolder f : inputs) { failed.addAll(f.failed()); skipped.addAll(f.skipped()); }
        if (chunkIds != null) for (String id : chunkIds) perDataset.merge(id.substring(0, id.indexOf(':')), 1, Integer::sum);
        out.writeFailures(new RunFolder.Failures(failed, failed.stream().map(x -> -1).toList(), skipped, perDataset));
        JsonObject from = new JsonObject();
        JsonArray a = new JsonArray();
        for (OutputFolder f : inputs) {
            JsonObject i = new JsonObject();
            i.addProperty("folder", f.dir().toAbsolutePath().normalize().toString());
            i.addProperty("datasets", String.join(",", f.datasets().keySet()));
            i.addProperty("complete", f.complete());
            a.add(i);
        }
        from.add("inputs", a);
        from.addProperty("config_hash", inputs.get(0).configHash());
        out.writeJson(dir.resolve("merged_from.json"), from);
        // the outputs last, as a run writes them
        for (Map.Entry<String, Output> g : raw.entrySet()) {
            Set<String> ds = g.getValue().datasetsMetadata().keySet();
            long processed = 0, nFailed, nSkipped;
            boolean complete = true;
            for (OutputFolder f : inputs) {
                if (!f.datasets().keySet().stream().anyMatch(ds::contains)) continue;
                processed += f.processedChunks();
                complete &= f.complete();
            }
            nFailed = failed.stream().filter(x -> ds.contains(x.chunk().dataset())).count();
            nSkipped = skipped.stream().filter(x -> ds.contains(x.chunk().dataset())).count();
            if (raw.size() > 1 && chunkIds != null)
                processed = chunkIds.stream().filter(id -> ds.contains(id.substring(0, id.indexOf(':')))).count();
            out.writeOutput(g.getKey(), g.getValue(), g.getValue().postprocess(),
                    new RunFolder.RunStatus(complete && nFailed == 0, processed, nFailed, nSkipped, false));
        }
        return dir;
    }
}
