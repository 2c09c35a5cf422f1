package pocket.run;

import pocket.workflow.Chunk;

/** How one chunk ended: processed, failed (with the exception text) or skipped (with the reason). */
public record ChunkFate(Chunk chunk, Status status, String reason, String traceback, int attempts, double seconds) {
    public enum Status { PROCESSED, FAILED, SKIPPED }

    public static ChunkFate processed(Chunk c, int attempts, double seconds) {
        return new ChunkFate(c, Status.PROCESSED, null, null, attempts, seconds);
    }
}
