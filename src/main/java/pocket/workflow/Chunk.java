package pocket.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One unit of work: entries {@code [start, stop)} of one tree in one file of one dataset,
 * with the dataset's metadata (sample, year, isMC, xsec, ... as strings, as in PocketCoffea's
 * dataset JSON). A plain value: it serialises to JSON so a remote worker gets exactly this.
 */
public record Chunk(String dataset, String file, String tree, long start, long stop,
                    Map<String, String> metadata) {
    public Chunk {
        if (start < 0 || stop < start)
            throw new IllegalArgumentException("chunk of " + file + ": bad entry range [" + start + ", " + stop + ")");
        metadata = Map.copyOf(metadata);
    }

    public long entries() { return stop - start; }

    /** Stable identifier used in failed_chunks.json, logs and partial-output file names. */
    public String id() { return dataset + ":" + file + ":" + tree + ":" + start + "-" + stop; }

    /** The chunk as JSON, as failed_chunks.json and a batch run's plan hold it (metadata sorted). */
    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("id", id());
        o.addProperty("dataset", dataset);
        o.addProperty("file", file);
        o.addProperty("tree", tree);
        o.addProperty("start", start);
        o.addProperty("stop", stop);
        JsonObject m = new JsonObject();
        new TreeMap<>(metadata).forEach(m::addProperty);
        o.add("metadata", m);
        return o;
    }

    public static Chunk fromJson(JsonObject o) {
        Map<String, String> meta = new LinkedHashMap<>();
        if (o.has("metadata")) o.getAsJsonObject("metadata").entrySet().forEach(e -> meta.put(e.getKey(), e.getValue().getAsString()));
        return new Chunk(o.get("dataset").getAsString(), o.get("file").getAsString(), o.get("tree").getAsString(),
                o.get("start").getAsLong(), o.get("stop").getAsLong(), meta);
    }

    public static JsonArray toJson(List<Chunk> chunks) {
        JsonArray a = new JsonArray();
        for (Chunk c : chunks) a.add(c.toJson());
        return a;
    }

    public static List<Chunk> fromJson(JsonArray a) {
        List<Chunk> out = new ArrayList<>(a.size());
        for (var e : a) out.add(fromJson(e.getAsJsonObject()));
        return out;
    }
}
