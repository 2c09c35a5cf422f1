package pocket.notebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import pocket.kernel.Display;
import pocket.display.MimeBundle;
import pocket.run.ChunkFate;
import pocket.run.ProgressListener;
import pocket.run.RunResult;

/** The progress bar of a notebook run: one display that updates in place (at most 5 times a second). */
final class NotebookProgress implements ProgressListener {
    private static final int MAX_NOTES = 6;
    private final AtomicInteger done = new AtomicInteger(), failed = new AtomicInteger(), skipped = new AtomicInteger();
    private final AtomicLong events = new AtomicLong();
    private volatile int total;
    private volatile long totalEvents;
    private volatile long t0 = System.nanoTime();
    private volatile String id;
    private long lastUpdate;
    /** The run's messages (a batch run's id, staging, submissions): the first and the latest shown under the bar. */
    private final List<String> notes = new ArrayList<>();

    @Override
    public synchronized void started(int chunks, long evts) {
        total += chunks;
        totalEvents += evts;
        if (id == null) {
            t0 = System.nanoTime();
            id = Display.showUpdatable(bundle(false));
        } else {
            Display.update(id, bundle(false));
        }
    }

    @Override
    public void chunkDone(ChunkFate f) {
        done.incrementAndGet();
        switch (f.status()) {
            case PROCESSED -> events.addAndGet(f.chunk().entries());
            case FAILED -> failed.incrementAndGet();
            case SKIPPED -> skipped.incrementAndGet();
        }
        long now = System.nanoTime();
        synchronized (this) {
            if (id == null || now - lastUpdate < 200_000_000L) return;
            lastUpdate = now;
            Display.update(id, bundle(false));
        }
    }

    /** A line from the run: the first (a batch run's id and its state folder) stays, with the latest few. */
    @Override
    public synchronized void message(String text) {
        notes.add(text);
        if (id != null) Display.update(id, bundle(false));
    }

    private synchronized List<String> shownNotes() {
        if (notes.size() <= MAX_NOTES) return List.copyOf(notes);
        List<String> shown = new ArrayList<>();
        shown.add(notes.get(0));
        shown.add("...");
        shown.addAll(notes.subList(notes.size() - (MAX_NOTES - 2), notes.size()));
        return shown;
    }

    synchronized void finished(RunResult r) {
        if (id != null) Display.update(id, bundle(true));
    }

    MimeBundle bundle(boolean end) {
        int d = done.get(), t = Math.max(total, d);
        double secs = (System.nanoTime() - t0) / 1e9;
        double rate = secs > 0 ? events.get() / secs : 0;
        String text = String.format(Locale.ROOT, "%s %d/%d chunks, %,d/%,d events, %.1f s, %.3g events/s%s%s",
                end ? "Done:" : "Running:", d, t, events.get(), totalEvents, secs, rate,
                failed.get() > 0 ? ", " + failed.get() + " FAILED" : "", skipped.get() > 0 ? ", " + skipped.get() + " skipped" : "");
        String color = failed.get() > 0 ? "#e42536" : (end ? "#3f90da" : "#5790fc");
        List<String> lines = shownNotes();
        int pct = t == 0 ? (end ? 100 : 0) : (int) Math.round(100.0 * d / t);
        String html = "<div style=\"font-family:monospace\"><div style=\"display:inline-block;width:300px;height:12px;"
                + "border:1px solid #999;vertical-align:middle\"><div style=\"width:" + pct + "%;height:100%;background:" + color
                + "\"></div></div> " + escape(text) + lines.stream().map(n -> "<br>" + escape(n)).collect(Collectors.joining()) + "</div>";
        return MimeBundle.text(lines.isEmpty() ? text : text + "\n" + String.join("\n", lines)).withHtml(html);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;");
    }
}
