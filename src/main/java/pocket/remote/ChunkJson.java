package pocket.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import pocket.run.RunFolder;
import pocket.workflow.Chunk;

/** Lists of chunks as JSON for the plan a remote worker reads, in the run folder's chunk format. */
public final class ChunkJson {
    private ChunkJson() {}

    public static JsonObject toJson(Chunk c) { return RunFolder.chunkJson(c); }

    public static Chunk fromJson(JsonObject o) { return RunFolder.chunkFromJson(o); }

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
