package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.config.Dataset;
import pocket.rootio.RootIOException;

class ChunkPlanTest {
    static final Map<String, Long> SIZES = Map.of("a1.root", 250L, "a2.root", 100L, "a3.root", 40L, "b1.root", 90L);
    static final EntryCounter COUNTER = (file, tree) -> {
        if (file.equals("bad.root")) throw new RootIOException("rootio: bad.root is not a ROOT file");
        return SIZES.get(file);
    };
    static final List<Dataset> DATASETS = List.of(
            new Dataset("A", List.of("a1.root", "a2.root", "a3.root"), Map.of("year", "2018")),
            new Dataset("B", List.of("bad.root", "b1.root"), Map.of("year", "2017")));

    static RunOptions opts(Object... kv) {
        RunOptions o = RunOptionsResolver.defaults().resolve("iterative").with("chunksize", 100);
        for (int i = 0; i < kv.length; i += 2) o = o.with((String) kv[i], kv[i + 1]);
        return o;
    }

    @Test
    void chunksFollowTheRulePerFileAndNeverCrossFiles() {
        ChunkPlan p = ChunkPlan.of(DATASETS, "Events", opts(), COUNTER);
        // a1: 250/100 = 2.5 -> 2 chunks of 125; a2: 1 chunk; a3: 1 chunk; b1: 1 chunk
        assertEquals(List.of("A:a1.root:Events:0-125", "A:a1.root:Events:125-250", "A:a2.root:Events:0-100",
                "A:a3.root:Events:0-40", "B:b1.root:Events:0-90"), p.chunks().stream().map(c -> c.id()).toList());
        assertEquals(Map.of("A", 390L, "B", 90L), p.eventsPerDataset());
        assertEquals("2018", p.chunks().get(0).metadata().get("year"));
        assertEquals(1, p.unopened().size());
        ChunkFate bad = p.unopened().get(0);
        assertEquals(ChunkFate.Status.FAILED, bad.status());
        assertTrue(ChunkPlan.isWholeFile(bad.chunk()));
        assertTrue(bad.reason().contains("bad.root"), bad.reason());
    }

    @Test
    void limitsArePerDataset() {
        ChunkPlan p = ChunkPlan.of(DATASETS, "Events", opts("limit-files", 1, "limit-chunks", 1), COUNTER);
        // A: only a1, only its first chunk; B: only bad.root, which fails
        assertEquals(List.of("A:a1.root:Events:0-125"), p.chunks().stream().map(c -> c.id()).toList());
        assertEquals(1, p.unopened().size());
        ChunkPlan p2 = ChunkPlan.of(DATASETS, "Events", opts("limit-chunks", 3), COUNTER);
        assertEquals(List.of("A:a1.root:Events:0-125", "A:a1.root:Events:125-250", "A:a2.root:Events:0-100",
                "B:b1.root:Events:0-90"), p2.chunks().stream().map(c -> c.id()).toList());
    }

    @Test
    void badFileIsSkippedWithSkipBadFiles() {
        ChunkPlan p = ChunkPlan.of(DATASETS, "Events", opts("skip-bad-files", true), COUNTER);
        assertEquals(ChunkFate.Status.SKIPPED, p.unopened().get(0).status());
        assertEquals(5, p.chunks().size());
    }

    @Test
    void parallelCountingGivesTheSamePlan() {
        java.util.concurrent.atomic.AtomicInteger opens = new java.util.concurrent.atomic.AtomicInteger();
        EntryCounter counting = (f, t) -> { opens.incrementAndGet(); return COUNTER.entries(f, t); };
        ChunkPlan serial = ChunkPlan.of(DATASETS, "Events", opts(), COUNTER);
        ChunkPlan parallel = ChunkPlan.of(DATASETS, "Events", opts(), counting, 4);
        assertEquals(serial.chunks(), parallel.chunks());
        assertEquals(serial.unopened().size(), parallel.unopened().size());
        assertEquals(serial.unopened().get(0).reason(), parallel.unopened().get(0).reason());
        assertEquals(5, opens.get());   // each file opened once
    }
}
