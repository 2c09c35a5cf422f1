package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

class ChunkAttemptsTest {
    static final Chunk CHUNK = new Chunk("DY", "f.root", "Events", 0, 10, Map.of());

    @Test
    void retriesUntilItWorks() {
        AtomicInteger calls = new AtomicInteger();
        var d = ChunkAttempts.run(CHUNK, c -> {
            if (calls.incrementAndGet() < 3) throw new IllegalStateException("flaky");
            return Output.empty();
        }, 5, false);
        assertEquals(ChunkFate.Status.PROCESSED, d.fate().status());
        assertEquals(3, d.fate().attempts());
        assertNotNull(d.output());
    }

    @Test
    void failsAfterRetriesWithTheException() {
        AtomicInteger calls = new AtomicInteger();
        var d = ChunkAttempts.run(CHUNK, c -> { calls.incrementAndGet(); throw new ArithmeticException("boom"); }, 2, true);
        assertEquals(3, calls.get());
        assertEquals(ChunkFate.Status.FAILED, d.fate().status());   // not an I/O error: never skipped
        assertTrue(d.fate().reason().contains("boom"));
        assertTrue(d.fate().traceback().contains("ArithmeticException"));
        assertNull(d.output());
    }

    @Test
    void unreadableFileIsSkippedOnlyWithSkipBadFiles() {
        var failed = ChunkAttempts.run(CHUNK, c -> { throw new RuntimeException(new RootIOException("rootio: basket 3 truncated")); }, 0, false);
        assertEquals(ChunkFate.Status.FAILED, failed.fate().status());
        var skipped = ChunkAttempts.run(CHUNK, c -> { throw new RootIOException("rootio: basket 3 truncated"); }, 1, true);
        assertEquals(ChunkFate.Status.SKIPPED, skipped.fate().status());
        assertEquals(2, skipped.fate().attempts());
        assertTrue(skipped.fate().reason().contains("f.root") && skipped.fate().reason().contains("truncated"), skipped.fate().reason());
    }
}
