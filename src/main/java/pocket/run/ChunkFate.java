package pocket.run;

import com.google.gson.JsonObject;
import pocket.workflow.Chunk;
import pocket.util.Html;

/**
 * How one chunk ended: processed, failed or skipped, with the reason, the traceback, the
 * attempts it took and, for a failure, the {@link FailurePolicy.Kind} of its last error.
 */
public record ChunkFate(Chunk chunk, Status status, String reason, String traceback, int attempts, double seconds,
                        FailurePolicy.Kind kind) implements pocket.display.Renderable {
    public enum Status { PROCESSED, FAILED, SKIPPED }

    /** "FAILED DY_2018 a.root entries 0-1000 after 2 attempt(s): reason". */
    @Override public String toString() {
        return status + " " + chunk.dataset() + " " + chunk.file() + " entries " + chunk.start() + "-" + chunk.stop()
                + (status == Status.PROCESSED ? "" : " after " + attempts + " attempt(s)") + (reason == null ? "" : ": " + reason);
    }

    @Override public pocket.display.MimeBundle mimeBundle() { return table(java.util.List.of(this)); }

    /** Chunks' fates as one table (dataset, file, entries, status, attempts, reason), the way a notebook shows failed chunks. */
    public static pocket.display.MimeBundle table(java.util.List<ChunkFate> fates) {
        StringBuilder t = new StringBuilder(), h = new StringBuilder("<table class=\"pocket-table\"><caption>")
                .append(fates.size()).append(" chunk(s)</caption><thead><tr><th>dataset</th><th>file</th><th>entries</th><th>status</th><th>attempts</th><th>reason</th></tr></thead><tbody>");
        for (ChunkFate f : fates) {
            t.append(f).append('\n');
            h.append("<tr><td>").append(Html.escape(f.chunk.dataset())).append("</td><td>").append(Html.escape(f.chunk.file())).append("</td><td>")
                    .append(f.chunk.start()).append('-').append(f.chunk.stop()).append("</td><td>").append(f.status).append("</td><td>")
                    .append(f.attempts).append("</td><td>").append(Html.escape(f.reason == null ? "" : f.reason)).append("</td></tr>");
        }
        return pocket.display.MimeBundle.text(fates.isEmpty() ? "no chunks" : t.toString().strip()).withHtml(h.append("</tbody></table>").toString());
    }


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
