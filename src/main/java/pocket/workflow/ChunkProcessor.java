package pocket.workflow;

/** Turns one chunk into one output; the runner, every executor and remote workers call only this. */
@FunctionalInterface
public interface ChunkProcessor {
    Output process(Chunk chunk) throws Exception;
}
