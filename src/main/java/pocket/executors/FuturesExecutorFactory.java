package pocket.executors;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import pocket.run.ChunkExecutor;
import pocket.run.ExecutorFactory;
import pocket.run.RunOptions;

/** The factory of the {@code futures} executor: a pool of {@code scaleout} daemon threads, shut down on close. */
final class FuturesExecutorFactory implements ExecutorFactory {
    private final int workers;
    private ExecutorService pool;

    FuturesExecutorFactory(RunOptions options) { this.workers = options.getInt("scaleout", 1); }

    @Override
    public void setup() {
        if (pool != null) return;
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "pocket-futures-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
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
