package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.workflow.Chunk;

class ConsoleProgressTest {
    static ChunkFate done(int i) { return ChunkFate.processed(new Chunk("DY", "f.root", "Events", i * 100L, i * 100L + 100, Map.of()), 1, 0.01); }

    @Test
    void plainLinesWhenNotATerminal() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (RunLog log = new RunLog(null, "INFO", new PrintStream(buf, true))) {
            ConsoleProgress p = new ConsoleProgress(log, false);
            p.started(20, 2000);
            for (int i = 0; i < 20; i++) p.chunkDone(done(i));
        }
        String s = buf.toString();
        assertFalse(s.contains("\r"), s);
        long lines = s.lines().filter(l -> l.startsWith("[INFO    ] chunks ")).count();
        assertEquals(10, lines, s);   // one per tenth
        assertTrue(s.contains("chunks 20/20 (100%)"), s);
        assertTrue(s.contains("chunks 2/20 (10%)"), s);
        assertTrue(s.matches("(?s).*chunks 20/20 \\(100%\\)[^\\n]*\\n\\[INFO    \\] 20 chunks, 2,000 events in \\d+\\.\\d s, 0 failed\\n"), s);
    }

    @Test
    void theLastBarAndASummaryStayOnATerminal() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (RunLog log = new RunLog(null, "INFO", new PrintStream(buf, true))) {
            ConsoleProgress p = new ConsoleProgress(log, true);
            p.started(3, 300);
            p.chunkDone(done(0));
            p.chunkDone(new ChunkFate(done(1).chunk(), ChunkFate.Status.FAILED, "boom", null, 11, 0.1, FailurePolicy.Kind.TRANSIENT));
            p.chunkDone(done(2));
        }
        String s = buf.toString();
        // after the last erase: the full bar as a line of its own, then the summary (processed events only)
        String tail = s.substring(s.lastIndexOf("\r\033[K") + 4);
        assertTrue(tail.matches("\\[#{30}\\] chunks 3/3 \\(100%\\), \\S+ events/s, ETA 0:00:00\\n"
                + "\\[INFO    \\] 3 chunks, 200 events in \\d+\\.\\d s, 1 failed\\n"), tail);
    }

    @Test
    void liveBarOnATerminalKeepsLogLinesAbove() throws Exception {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try (RunLog log = new RunLog(null, "INFO", new PrintStream(buf, true))) {
            ConsoleProgress p = new ConsoleProgress(log, true);
            p.started(4, 400);
            p.chunkDone(done(0));
            p.chunkDone(done(1));
            assertTrue(p.bar().startsWith("[###############...............] chunks 2/4 (50%)"), p.bar());
            log.warning("something happened");
            p.chunkDone(done(2));
            p.chunkDone(done(3));
        }
        String s = buf.toString();
        assertTrue(s.contains("\r\033[K[WARNING ] something happened\n[###"), s);
        assertTrue(s.contains("chunks 4/4 (100%)"), s);
        assertTrue(s.contains("ETA"), s);
    }
}
