package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.rootio.file.RootFile;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/** The example analysis (notebooks/zmumu) through the runner: executors agree, a resubmission completes a failed run exactly. */
class ZmumuRunTest {
    static RunRequest.Builder request(Configurator cfg, Path out, String executor, ChunkProcessor p) {
        RunOptions o = RunOptionsResolver.defaults().resolve(executor).with("chunksize", 7).with("scaleout", 2).with("retries", 0)
                .with("tree-reduction", 3);
        return RunRequest.builder(cfg, out).executor(executor).options(o).processor(p).logLevel("WARNING").progress(ProgressListener.NONE);
    }

    @Test
    void zmumuRunsTheSameEverywhereAndResubmitsExactly(@TempDir Path dir) throws Exception {
        Configurator cfg = Configurator.load(Path.of("notebooks/zmumu/analysis.jsh"));
        RunResult it = Runner.run(request(cfg, dir.resolve("it"), "iterative", cfg.processor()).build());
        RunResult fu = Runner.run(request(cfg, dir.resolve("fu"), "futures", cfg.processor()).build());
        assertTrue(it.complete() && fu.complete());
        assertEquals(Files.readString(dir.resolve("it/output_all.json")), Files.readString(dir.resolve("fu/output_all.json")));
        // every entry of every file passed through: the initial cutflow equals the entries the reader counts
        Output raw = Output.fromJson(RunFolder.readJson(dir.resolve("it/output_all.raw.json")));
        for (Dataset d : cfg.datasets()) {
            long entries = 0;
            for (String f : d.files()) try (RootFile rf = RootFile.open(f)) { entries += rf.tree("Events").entries(); }
            assertEquals(entries, raw.cutflowStep("initial").get(d.name()), d.name());
        }

        AtomicBoolean broken = new AtomicBoolean(true);
        ChunkProcessor real = cfg.processor();
        ChunkProcessor flaky = c -> {
            if (broken.get() && c.start() % 14 == 7) throw new IllegalStateException("transient read error");
            return real.process(c);
        };
        Path out = dir.resolve("resubmitted");
        RunResult failed = Runner.run(request(cfg, out, "futures", flaky).build());
        assertFalse(failed.complete());
        assertTrue(failed.failed().size() >= 4);
        broken.set(false);
        RunResult done = Runner.run(request(cfg, out, "futures", flaky).resubmitFailed(true).build());
        assertTrue(done.complete());
        assertEquals(Files.readString(dir.resolve("it/output_all.raw.json")), Files.readString(out.resolve("output_all.raw.json")));
        Map<String, Double> sumw = Output.fromJson(RunFolder.readJson(out.resolve("output_all.json"))).sumGenweights();
        assertEquals(it.output().sumGenweights(), sumw);
    }
}
