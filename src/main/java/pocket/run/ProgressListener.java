package pocket.run;

/** Receives progress from executors (called from any thread); the fronts draw bars or log lines. */
public interface ProgressListener {
    default void started(int chunks, long events) {}
    default void chunkDone(ChunkFate fate) {}
    default void message(String text) {}

    ProgressListener NONE = new ProgressListener() {};
}
