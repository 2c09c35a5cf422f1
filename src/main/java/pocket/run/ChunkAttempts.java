package pocket.run;

import java.io.IOException;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/**
 * Processes one chunk as every executor must: up to 1 + {@code retries} attempts, then a fate.
 * A chunk whose file cannot be read (an I/O error in the cause chain) ends skipped when
 * {@code skip-bad-files} is on; any other last error ends it failed, with its traceback.
 */
public final class ChunkAttempts {
    private ChunkAttempts() {}

    /** The chunk's output (null unless processed) and its fate. */
    public record Done(Output output, ChunkFate fate) {}

    public static Done run(Chunk chunk, ChunkProcessor processor, RunOptions options) {
        return run(chunk, processor, options.getInt("retries", 0), options.getBool("skip-bad-files", false));
    }

    public static Done run(Chunk chunk, ChunkProcessor processor, int retries, boolean skipBadFiles) {
        long t0 = System.nanoTime();
        Throwable last = null;
        int attempts = 0;
        while (attempts <= retries) {
            attempts++;
            try {
                Output out = processor.process(chunk);
                if (out == null) throw new IllegalStateException("the processor returned no output (null) for chunk " + chunk.id());
                return new Done(out, ChunkFate.processed(chunk, attempts, seconds(t0)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                last = e;
                break;
            } catch (Exception | StackOverflowError | LinkageError | AssertionError e) {
                last = e;
            }
        }
        boolean badFile = isBadFile(last);
        ChunkFate.Status status = badFile && skipBadFiles ? ChunkFate.Status.SKIPPED : ChunkFate.Status.FAILED;
        String reason = (badFile ? "cannot read " + chunk.file() + ": " : "") + describe(last);
        return new Done(null, new ChunkFate(chunk, status, reason, ChunkPlan.traceback(last), attempts, seconds(t0)));
    }

    /** True when an I/O problem of the input (not a bug in the processor) caused the error. */
    public static boolean isBadFile(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof RootIOException || t instanceof IOException) return true;
        return false;
    }

    static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }
}
