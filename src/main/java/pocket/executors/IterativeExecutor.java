package pocket.executors;

import java.util.List;
import java.util.ArrayList;
import pocket.run.ChunkAttempts;
import pocket.run.ChunkExecutor;
import pocket.run.ChunkFate;
import pocket.run.ExecutionResult;
import pocket.run.RunContext;
import pocket.run.TreeReducer;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/** coffea's iterative executor: one chunk at a time in the caller's thread; for debugging and tests. */
public final class IterativeExecutor implements ChunkExecutor {
    @Override
    public ExecutionResult execute(List<Chunk> chunks, RunContext ctx) {
        TreeReducer<Output> merge = new TreeReducer<>(chunks.size(), ctx.options().getInt("tree-reduction", 20), Output::add);
        List<ChunkFate> fates = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            var d = ChunkAttempts.run(chunks.get(i), ctx.processor(), ctx.options());
            fates.add(d.fate());
            ctx.progress().chunkDone(d.fate());
            merge.offer(i, d.output());
        }
        Output out = merge.result();
        return new ExecutionResult(out == null ? Output.empty() : out, fates);
    }
}
