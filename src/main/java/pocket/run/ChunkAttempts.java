package pocket.run;

import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/**
 * Processes one chunk as every executor and the batch worker must: attempts while the
 * {@link FailurePolicy} says so, then a fate (processed, failed or skipped).
 */
public final class ChunkAttempts {
    private ChunkAttempts() {}

    /** One attempt at a chunk, giving what the caller keeps (an Output, or a worker's partial JSON). */
    @FunctionalInterface
    public interface Attempt<T> {
        T process(Chunk chunk) throws Exception;
    }

    /** The chunk's output (null unless processed) and its fate. */
    public record Done<T>(T output, ChunkFate fate) {}

    public static Done<Output> run(Chunk chunk, ChunkProcessor processor, RunOptions options) {
        return run(chunk, processor::process, FailurePolicy.of(options));
    }

    public static Done<Output> run(Chunk chunk, ChunkProcessor processor, int retries, boolean skipBadFiles) {
        return run(chunk, processor::process, new FailurePolicy(retries, skipBadFiles));
    }

    public static <T> Done<T> run(Chunk chunk, Attempt<T> attempt, FailurePolicy policy) {
        long t0 = System.nanoTime();
        int attempts = 0;
        while (true) {
            attempts++;
            Throwable last;
            try {
                T out = attempt.process(chunk);
                if (out == null) throw new IllegalStateException("the processor returned no output (null) for chunk " + chunk.id());
                return new Done<>(out, ChunkFate.processed(chunk, attempts, seconds(t0)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = e;
            } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
                last = e;
            } catch (OutOfMemoryError e) {
                // the chunk's columns are unreachable once we are here, so there is heap again to say what happened
                last = new ChunkOutOfMemory(chunk, e);
            }
            if (!policy.retry(last, attempts)) return new Done<>(null, policy.fate(chunk, last, attempts, seconds(t0)));
            try {
                Thread.sleep(FailurePolicy.backoffMillis(attempts));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Done<>(null, policy.fate(chunk, e, attempts, seconds(t0)));
            }
        }
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
