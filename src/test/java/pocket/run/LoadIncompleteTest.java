package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.notebook.Result;
import pocket.workflow.ChunkProcessor;

/** A run with failed chunks, read back with Result.load: marked incomplete, its failed chunks listed, then complete after --resubmit-failed. */
class LoadIncompleteTest {
    @Test void anIncompleteRunLoadsAsIncomplete(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        java.util.concurrent.atomic.AtomicBoolean broken = new java.util.concurrent.atomic.AtomicBoolean(true);
        ChunkProcessor flaky = c -> {
            if (broken.get() && c.file().equals("a1.root") && c.start() > 0) throw new IllegalStateException("muon SF lookup failed");
            return RunnerTest.process(c);
        };
        RunResult r = Runner.run(RunnerTest.request(out, flaky, RunnerTest.SIZES_COUNTER, "futures").build());
        Result loaded = Result.load(out);
        assertFalse(loaded.complete());
        assertEquals(r.failed().size(), loaded.failedChunks().size());
        assertEquals(r.failed().get(0).chunk().id(), loaded.failedChunks().get(0).chunk().id());
        assertEquals(r.output(), loaded.output(), "the partial output as the run returned it");
        assertTrue(loaded.toString().startsWith("pocket output INCOMPLETE: " + r.count(ChunkFate.Status.PROCESSED) + " chunks processed, 7 failed"), loaded.toString());
        assertTrue(loaded.mimeBundle().toString().contains("INCOMPLETE") || loaded.mimeBundle().data().toString().contains("INCOMPLETE"));

        broken.set(false);
        Runner.run(RunnerTest.request(out, flaky, RunnerTest.SIZES_COUNTER, "futures").resubmitFailed(true).build());
        Result again = Result.load(out);
        assertTrue(again.complete());
        assertTrue(again.failedChunks().isEmpty());
    }
}
