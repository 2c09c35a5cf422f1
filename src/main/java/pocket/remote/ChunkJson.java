package pocket.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.workflow.Chunk;

/** Chunks as JSON for the plan a remote worker reads: exactly the fields of {@link Chunk}. */
public final class ChunkJson {
    private ChunkJson() {}

    public static JsonObject toJson(Chunk c) {
        JsonObject o = new JsonObject();
        o.addProperty("dataset", c.dataset());
        o.addProperty("file", c.file());
        o.addProperty("tree", c.tree());
        o.addProperty("start", c.start());
        o.addProperty("stop", c.stop());
        JsonObject m = new JsonObject();
        new java.util.TreeMap<>(c.metadata()).forEach(m::addProperty);
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
        for (Chunk c : chunks) a.add(toJson(c));
        return a;
    }

    public static List<Chunk> fromJson(JsonArray a) {
        List<Chunk> out = new ArrayList<>(a.size());
        for (var e : a) out.add(fromJson(e.getAsJsonObject()));
        return out;
    }
}
