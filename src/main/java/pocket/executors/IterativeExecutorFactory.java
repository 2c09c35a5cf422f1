package pocket.executors;

import pocket.run.ChunkExecutor;
import pocket.run.ExecutorFactory;

/** The factory of the {@code iterative} executor: nothing to set up. */
public final class IterativeExecutorFactory implements ExecutorFactory {
    @Override public void setup() {}
    @Override public ChunkExecutor get() { return new IterativeExecutor(); }
    @Override public void close() {}
}
