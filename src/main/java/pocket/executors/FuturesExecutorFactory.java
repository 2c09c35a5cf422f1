package pocket.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pocket.run.ChunkExecutor;
import pocket.run.ExecutorFactory;
import pocket.run.RunOptions;

/** The factory of the {@code futures} executor: a fork-join pool of {@code scaleout} daemon threads, shut down on close. */
final class FuturesExecutorFactory implements ExecutorFactory {
    private final int workers;
    private ExecutorService pool;

    FuturesExecutorFactory(RunOptions options) { this.workers = options.getInt("scaleout", 1); }

    @Override
    public void setup() {
        if (pool != null) return;
        AtomicInteger n = new AtomicInteger();
        // the config's classes may come from a notebook's or script's class loader: the workers see it too
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        // a fork-join pool: the readers fork their basket decompression into it, so chunks and
        // decompression share the scaleout cores, never more
        pool = new ForkJoinPool(workers, p -> {
            ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("pocket-futures-" + n.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        }, null, false);
    }

    @Override
    public ChunkExecutor get() {
        if (pool == null) throw new IllegalStateException("futures executor: call setup() before get()");
        return new FuturesExecutor(pool);
    }

    @Override
    public void close() {
        if (pool == null) return;
        pool.shutdownNow();
        try { pool.awaitTermination(10, TimeUnit.SECONDS); }
        catch (InterruptedException e) { Thread.currentThread().interrupt(); }
        pool = null;
    }
}
