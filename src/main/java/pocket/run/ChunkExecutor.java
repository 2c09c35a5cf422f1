package pocket.run;

import java.util.List;
import pocket.workflow.Chunk;

/**
 * Runs chunks somewhere (this thread, a pool, batch jobs), retrying a failed chunk up to the
 * run option {@code retries}, and returns every chunk's fate and the merged output.
 */
public interface ChunkExecutor {
    ExecutionResult execute(List<Chunk> chunks, RunContext context) throws Exception;
}
