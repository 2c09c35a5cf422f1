package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import pocket.config.ConfigException;
import pocket.events.ColumnNotFoundException;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

class ChunkAttemptsTest {
    static final Chunk CHUNK = new Chunk("DY", "f.root", "Events", 0, 10, Map.of());

    @Test
    void retriesATransientErrorUntilItWorks() {
        AtomicInteger calls = new AtomicInteger();
        var d = ChunkAttempts.run(CHUNK, c -> {
            if (calls.incrementAndGet() < 3) throw new SocketTimeoutException("read timed out");
            return Output.empty();
        }, 5, false);
        assertEquals(ChunkFate.Status.PROCESSED, d.fate().status());
        assertEquals(3, d.fate().attempts());
        assertNotNull(d.output());
    }

    @Test
    void transientRetriesBackOff() {
        assertEquals(java.util.List.of(100L, 200L, 400L, 800L, 1600L, 3200L, 5000L, 5000L),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(FailurePolicy::backoffMillis).toList());
    }

    @Test
    void failsAfterRetriesWithTheException() {
        AtomicInteger calls = new AtomicInteger();
        var d = ChunkAttempts.run(CHUNK, c -> { calls.incrementAndGet(); throw new SocketTimeoutException("boom"); }, 2, true);
        assertEquals(3, calls.get());
        assertEquals(ChunkFate.Status.FAILED, d.fate().status());   // transient, not a bad file: never skipped
        assertEquals(FailurePolicy.Kind.TRANSIENT, d.fate().kind());
        assertTrue(d.fate().reason().contains("boom"));
        assertTrue(d.fate().traceback().contains("SocketTimeoutException"));
        assertNull(d.output());
    }

    @Test
    void aDeterministicErrorFailsAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        var d = ChunkAttempts.run(CHUNK, c -> { calls.incrementAndGet(); throw new ColumnNotFoundException("Muon_ptt", "events", java.util.List.of("Muon_pt")); }, 10, true);
        assertEquals(1, calls.get(), "retrying a missing branch 11 times helps nobody");
        assertEquals(ChunkFate.Status.FAILED, d.fate().status());
        assertEquals(FailurePolicy.Kind.DETERMINISTIC, d.fate().kind());
        assertTrue(d.fate().reason().contains("Muon_ptt"), d.fate().reason());
    }

    @Test
    void unreadableFileIsSkippedOnlyWithSkipBadFiles() {
        var failed = ChunkAttempts.run(CHUNK, c -> { throw new RuntimeException(new RootIOException("rootio: basket 3 truncated")); }, 0, false);
        assertEquals(ChunkFate.Status.FAILED, failed.fate().status());
        assertEquals(FailurePolicy.Kind.BAD_FILE, failed.fate().kind());
        var skipped = ChunkAttempts.run(CHUNK, c -> { throw new RootIOException("rootio: basket 3 truncated"); }, 1, true);
        assertEquals(ChunkFate.Status.SKIPPED, skipped.fate().status());
        assertEquals(1, skipped.fate().attempts(), "a bad file is not retried");
        assertTrue(skipped.fate().reason().contains("f.root") && skipped.fate().reason().contains("truncated"), skipped.fate().reason());
    }

    @Test
    void classifiesByTheCauseChain() {
        assertEquals(FailurePolicy.Kind.BAD_FILE, FailurePolicy.classify(new NoSuchFileException("/data/nano.root")));
        assertEquals(FailurePolicy.Kind.TRANSIENT, FailurePolicy.classify(new IOException("server closed the connection")));
        // a remote reader wraps a socket failure in its own exception: still transient
        assertEquals(FailurePolicy.Kind.TRANSIENT, FailurePolicy.classify(
                new RootIOException("rootio: cannot open root://eos//f.root: reset", new java.net.SocketException("Connection reset"))));
        assertEquals(FailurePolicy.Kind.DETERMINISTIC, FailurePolicy.classify(new ConfigException("config: unknown weight")));
        assertEquals(FailurePolicy.Kind.DETERMINISTIC, FailurePolicy.classify(new ArithmeticException("/ by zero")));
        assertEquals(FailurePolicy.Kind.DETERMINISTIC, FailurePolicy.classify(new StackOverflowError()));
    }

    @Test
    void fateJsonRoundTrips() {
        ChunkFate f = new FailurePolicy(0, true).fate(CHUNK, new RootIOException("rootio: f.root is truncated"), 1, 0.25);
        ChunkFate back = ChunkFate.fromJson(f.toJson(), ChunkFate.Status.FAILED, f.traceback());
        assertEquals(f, back);
        assertEquals(ChunkFate.Status.SKIPPED, back.status());
    }
}
