package pocket.run;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Progress for people: on a terminal a live bar (chunks done/total, events/s, ETA) under the
 * log lines, whose last state stays on screen; elsewhere a plain log line every tenth of the
 * chunks or every 10 s. Either way a one-line summary ends the group: "N chunks, E events in
 * T s, F failed".
 */
final class ConsoleProgress implements ProgressListener {
    private final RunLog log;
    private final boolean terminal;
    private volatile int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private final AtomicInteger failed = new AtomicInteger();
    private volatile long t0;
    private long lastDraw, lastLine;
    private int lastDecile;

    public ConsoleProgress(RunLog log, boolean terminal) {
        this.log = log;
        this.terminal = terminal;
    }

    /** A bar when System.console() is there, log lines otherwise. */
    public static ConsoleProgress auto(RunLog log) { return new ConsoleProgress(log, System.console() != null); }

    @Override
    public void started(int chunks, long totalEvents) {
        total = chunks;
        done.set(0);
        events.set(0);
        failed.set(0);
        t0 = System.nanoTime();
        lastDecile = 0;
        lastLine = t0;
        if (terminal && chunks > 0) log.status(this::bar);
    }

    @Override
    public void chunkDone(ChunkFate fate) {
        int d = done.incrementAndGet();
        if (fate.status() == ChunkFate.Status.PROCESSED) events.addAndGet(fate.chunk().entries());
        if (fate.status() == ChunkFate.Status.FAILED) failed.incrementAndGet();
        long now = System.nanoTime();
        synchronized (this) {
            if (terminal) {
                if (now - lastDraw > 100_000_000L || d == total) { lastDraw = now; log.redraw(); }
                if (d == total) {
                    log.status(null);
                    log.print(bar());   // the last state stays on screen, above the summary
                    log.info(summary());
                }
                return;
            }
            int decile = total == 0 ? 10 : d * 10 / total;
            if (decile > lastDecile || now - lastLine > 10_000_000_000L || d == total) {
                lastDecile = decile;
                lastLine = now;
                log.info(line());
                if (d == total) log.info(summary());
            }
        }
    }

    @Override
    public void message(String text) { log.info(text); }

    String line() {
        int d = done.get();
        double s = (System.nanoTime() - t0) / 1e9;
        double rate = s > 0 ? events.get() / s : 0;
        return String.format("chunks %d/%d (%d%%), %s events/s, ETA %s", d, total, total == 0 ? 100 : d * 100 / total,
                human(rate), eta(d, s));
    }

    /** "12 chunks, 1,800,000 events in 41.3 s, 0 failed". */
    String summary() {
        double s = (System.nanoTime() - t0) / 1e9;
        return String.format(java.util.Locale.ROOT, "%d chunks, %,d events in %.1f s, %d failed", done.get(), events.get(), s, failed.get());
    }

    String bar() {
        int d = done.get();
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) d * width / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line();
    }

    private String eta(int d, double s) {
        if (d == 0) return "?";
        long sec = Math.round(s / d * (total - d));
        return String.format("%d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60);
    }

    static String human(double v) {
        if (v >= 1e6) return String.format("%.2fM", v / 1e6);
        if (v >= 1e3) return String.format("%.1fk", v / 1e3);
        return String.format("%.0f", v);
    }
}
