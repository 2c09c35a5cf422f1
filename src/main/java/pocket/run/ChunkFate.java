package pocket.run;

import com.google.gson.JsonObject;
import pocket.workflow.Chunk;

/**
 * How one chunk ended: processed, failed or skipped, with the reason, the traceback, the
 * attempts it took and, for a failure, the {@link FailurePolicy.Kind} of its last error.
 */
public record ChunkFate(Chunk chunk, Status status, String reason, String traceback, int attempts, double seconds,
                        FailurePolicy.Kind kind) {
    public enum Status { PROCESSED, FAILED, SKIPPED }

    public static ChunkFate processed(Chunk c, int attempts, double seconds) {
        return new ChunkFate(c, Status.PROCESSED, null, null, attempts, seconds, null);
    }

    /** The fate as JSON (the chunk's own fields, then status, kind, reason, attempts, seconds); the traceback is the writer's to place. */
    public JsonObject toJson() {
        JsonObject o = chunk.toJson();
        o.addProperty("whole_file", ChunkPlan.isWholeFile(chunk));
        o.addProperty("status", status.name());
        if (kind != null) o.addProperty("kind", kind.name());
        o.addProperty("reason", reason);
        o.addProperty("attempts", attempts);
        o.addProperty("seconds", seconds);
        return o;
    }

    /** Reads {@link #toJson()}; {@code status} when the document has none (failed_chunks.json of older runs). */
    public static ChunkFate fromJson(JsonObject o, Status status, String traceback) {
        Status s = o.has("status") ? Status.valueOf(o.get("status").getAsString()) : status;
        FailurePolicy.Kind kind = o.has("kind") ? FailurePolicy.Kind.valueOf(o.get("kind").getAsString()) : null;
        String reason = o.has("reason") && !o.get("reason").isJsonNull() ? o.get("reason").getAsString() : null;
        return new ChunkFate(Chunk.fromJson(o), s, reason, traceback, o.has("attempts") ? o.get("attempts").getAsInt() : 0,
                o.has("seconds") ? o.get("seconds").getAsDouble() : 0, kind);
    }
}
