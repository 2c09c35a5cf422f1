package pocket.run;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;

/**
 * The one place that decides what becomes of a chunk (or a file being counted) that threw:
 * retried, failed at once, or skipped; every executor, the planner and the batch worker ask it.
 */
public final class FailurePolicy {
    /** What kind of error ended an attempt. */
    public enum Kind {
        /** Network or remote file service trouble: worth another attempt, up to {@code retries}. */
        TRANSIENT,
        /** The same input gives the same error (a missing branch, a config or programming error): failed at once. */
        DETERMINISTIC,
        /** The input file cannot be opened or read: skipped with {@code skip-bad-files}, else failed at once. */
        BAD_FILE
    }

    private final int retries;
    private final boolean skipBadFiles;

    public FailurePolicy(int retries, boolean skipBadFiles) {
        if (retries < 0) throw new IllegalArgumentException("run option 'retries' must be 0 or more, got " + retries);
        this.retries = retries;
        this.skipBadFiles = skipBadFiles;
    }

    /** The policy of run options {@code retries} and {@code skip-bad-files}. */
    public static FailurePolicy of(RunOptions options) {
        return new FailurePolicy(options.getInt("retries", 0), options.getBool("skip-bad-files", false));
    }

    public int retries() { return retries; }

    public boolean skipBadFiles() { return skipBadFiles; }

    /**
     * The kind of an error, from its cause chain: a socket-level failure anywhere is transient (remote
     * readers wrap them in their own exceptions); else a ROOT-file or missing-file error is a bad file;
     * else any other I/O error is transient; everything else is deterministic.
     */
    public static Kind classify(Throwable e) {
        boolean io = false, bad = false;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SocketException || t instanceof SocketTimeoutException || t instanceof UnknownHostException)
                return Kind.TRANSIENT;
            if (t instanceof RootIOException || t instanceof NoSuchFileException || t instanceof FileNotFoundException
                    || t instanceof EOFException || t instanceof AccessDeniedException) bad = true;
            if (t instanceof IOException || t instanceof UncheckedIOException) io = true;
        }
        return bad ? Kind.BAD_FILE : io ? Kind.TRANSIENT : Kind.DETERMINISTIC;
    }

    /** Whether an attempt that threw {@code e}, the {@code attempts}-th, is followed by another. */
    /** How long to wait before attempt {@code attempts + 1} of a transient error: 0.1 s, doubling, at most 5 s (a busy server gets air). */
    public static long backoffMillis(int attempts) {
        return Math.min(5000L, 100L << Math.min(Math.max(attempts - 1, 0), 16));
    }

    public boolean retry(Throwable e, int attempts) {
        return !(e instanceof InterruptedException) && classify(e) == Kind.TRANSIENT && attempts <= retries;
    }

    /** The fate of a chunk whose last attempt threw {@code e}. */
    public ChunkFate fate(Chunk chunk, Throwable e, int attempts, double seconds) {
        Kind kind = classify(e);
        boolean skip = kind == Kind.BAD_FILE && skipBadFiles;
        String reason = (kind == Kind.BAD_FILE ? "cannot read " + chunk.file() + ": " : "") + describe(e);
        return new ChunkFate(chunk, skip ? ChunkFate.Status.SKIPPED : ChunkFate.Status.FAILED, reason, traceback(e), attempts, seconds, kind);
    }

    /** The reason a person reads (no class name unless POCKET_DEBUG; the traceback keeps it). */
    static String describe(Throwable e) {
        return pocket.util.UserMessages.of(e);
    }

    static String traceback(Throwable e) {
        StringWriter w = new StringWriter();
        e.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
