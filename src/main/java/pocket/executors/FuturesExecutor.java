package pocket.executors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import pocket.run.ChunkAttempts;
import pocket.run.ChunkExecutor;
import pocket.run.ChunkFate;
import pocket.run.ExecutionResult;
import pocket.run.RunContext;
import pocket.run.TreeReducer;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * coffea's futures executor on threads: chunks run on the factory's pool of {@code scaleout}
 * workers; each completed group of {@code tree-reduction} outputs is merged by the worker that
 * completed it, in chunk order, so the result equals the iterative executor's.
 */
final class FuturesExecutor implements ChunkExecutor {
    private final ExecutorService pool;

    public FuturesExecutor(ExecutorService pool) { this.pool = pool; }

    @Override
    public ExecutionResult execute(List<Chunk> chunks, RunContext ctx) throws InterruptedException {
        TreeReducer<Output> merge = new TreeReducer<>(chunks.size(), ctx.options().getInt("tree-reduction", 20), Output::add);
        ChunkFate[] fates = new ChunkFate[chunks.size()];
        List<Future<?>> futures = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            final int index = i;
            futures.add(pool.submit(() -> {
                var d = ChunkAttempts.run(chunks.get(index), ctx.processor(), ctx.options());
                fates[index] = d.fate();
                ctx.progress().chunkDone(d.fate());
                merge.offer(index, d.output());
            }));
        }
        try {
            for (Future<?> f : futures) f.get();
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(true));
            // only the merge or the progress listener can throw here: a bug, not a chunk failure
            Throwable c = e.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error err) throw err;
            throw new IllegalStateException("futures executor: " + c, c);
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            throw e;
        }
        Output out = merge.result();
        return new ExecutionResult(out == null ? Output.empty() : out, Arrays.asList(fates));
    }
}
