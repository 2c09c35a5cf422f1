package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.Dataset;
import pocket.rootio.RootIOException;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

class RunnerTest {
    static final Map<String, Long> SIZES = Map.of("a1.root", 2500L, "a2.root", 1000L, "a3.root", 400L, "b1.root", 900L, "b2.root", 1234L);
    static final List<Dataset> DATASETS = List.of(
            new Dataset("DY_2018", List.of("a1.root", "a2.root", "a3.root"), Map.of("sample", "DY", "year", "2018", "isMC", "true")),
            new Dataset("DATA_2017", List.of("b1.root", "b2.root"), Map.of("sample", "DATA", "year", "2017", "isMC", "false")));

    /** Per chunk: the entries, and the sum of entry indices, per dataset: both independent of how files are chunked. */
    static Output process(Chunk c) {
        double sumIdx = (c.start() + c.stop() - 1) * (double) c.entries() / 2;
        return RunTestOutputs.sums(Map.of("events:" + c.dataset(), (double) c.entries(), "idx:" + c.dataset() + ":" + c.file(), sumIdx));
    }

    static Map<String, Double> expected(List<Dataset> ds) {
        Map<String, Double> m = new java.util.TreeMap<>();
        for (Dataset d : ds)
            for (String f : d.files()) {
                long n = SIZES.get(f);
                m.merge("events:" + d.name(), (double) n, Double::sum);
                m.put("idx:" + d.name() + ":" + f, n * (n - 1) / 2.0);
            }
        return m;
    }

    static RunRequest.Builder request(Path out, ChunkProcessor p, EntryCounter counter, String executor, Object... kv) {
        RunOptions o = RunOptionsResolver.defaults().resolve(executor).with("chunksize", 300).with("retries", 1).with("scaleout", 2);
        for (int i = 0; i < kv.length; i += 2) o = o.with((String) kv[i], kv[i + 1]);
        return RunRequest.builder(null, out).datasets(DATASETS).processor(p).executor(executor).options(o)
                .entries(counter).progress(ProgressListener.NONE);
    }

    static final EntryCounter SIZES_COUNTER = (f, t) -> {
        Long n = SIZES.get(f);
        if (n == null) throw new RootIOException("rootio: " + f + " not found");
        return n;
    };

    static Map<String, Double> raw(Path out, String name) throws Exception {
        return RunTestOutputs.read(Output.fromJson(RunFolder.readJson(out.resolve("output_" + name + ".raw.json"))));
    }

    @Test
    void iterativeAndFuturesGiveTheSameOutputAndTheExpectedSums(@TempDir Path dir) throws Exception {
        RunResult it = Runner.run(request(dir.resolve("it"), RunnerTest::process, SIZES_COUNTER, "iterative").build());
        RunResult fu = Runner.run(request(dir.resolve("fu"), RunnerTest::process, SIZES_COUNTER, "futures", "tree-reduction", 3).build());
        assertTrue(it.complete() && fu.complete());
        assertEquals(0, it.exitCode());
        assertEquals(expected(DATASETS), raw(dir.resolve("it"), "all"));
        assertEquals(Files.readString(dir.resolve("it/output_all.raw.json")), Files.readString(dir.resolve("fu/output_all.raw.json")));
        assertEquals(Files.readString(dir.resolve("it/output_all.json")), Files.readString(dir.resolve("fu/output_all.json")));
        // chunks per file by the rule with chunksize 300: 2500->8, 1000->3, 400->1, 900->3, 1234->4
        assertEquals(19, it.fates().size());
        assertEquals(19, it.count(ChunkFate.Status.PROCESSED));
        for (ChunkFate f : fu.fates()) assertEquals(ChunkFate.Status.PROCESSED, f.status());
    }

    @Test
    void outputFolderHoldsEverything(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("out");
        Runner.run(request(out, RunnerTest::process, SIZES_COUNTER, "futures").build());
        for (String f : List.of("output_all.json", "output_all.raw.json", "config.json", "run_options.yaml", "logfile.log",
                "failed_chunks.json", "performance.json"))
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        JsonObject doc = RunFolder.readJson(out.resolve("output_all.json"));
        assertTrue(doc.getAsJsonObject("pocket_run").get("complete").getAsBoolean());
        assertEquals(19, doc.getAsJsonObject("pocket_run").get("processed_chunks").getAsInt());
        assertTrue(Files.readString(out.resolve("run_options.yaml")).contains("chunksize: 300"));
        String log = Files.readString(out.resolve("logfile.log"));
        assertTrue(log.contains("[INFO    ] Running with executor futures"), log);
        assertFalse(log.contains("[DEBUG"), log);
        JsonObject perf = RunFolder.readJson(out.resolve("performance.json"));
        assertEquals(2500 + 1000 + 400, perf.getAsJsonObject("datasets").getAsJsonObject("DY_2018").get("events").getAsLong());
        assertEquals(900 + 1234, perf.getAsJsonObject("datasets").getAsJsonObject("DATA_2017").get("events").getAsLong());
        assertEquals(6034, perf.getAsJsonObject("total").get("events").getAsLong());
        assertEquals(19, perf.getAsJsonArray("chunks").size());
        assertTrue(RunFolder.readJson(out.resolve("failed_chunks.json")).get("complete").getAsBoolean());
    }

    @Test
    void failedChunksLeaveAPartialOutputAndResubmitCompletesItExactly(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean"), out = dir.resolve("out");
        Runner.run(request(clean, RunnerTest::process, SIZES_COUNTER, "futures").build());
        AtomicBoolean broken = new AtomicBoolean(true);
        ChunkProcessor flaky = c -> {
            if (broken.get() && c.file().equals("a1.root") && c.start() > 0) throw new IllegalStateException("muon SF lookup failed");
            return process(c);
        };
        RunResult r = Runner.run(request(out, flaky, SIZES_COUNTER, "futures").build());
        assertFalse(r.complete());
        assertEquals(1, r.exitCode());
        assertEquals(7, r.failed().size());      // a1.root has 8 chunks; all but the first fail
        for (ChunkFate f : r.failed()) assertEquals(1, f.attempts());   // deterministic: failed at once, though retries = 1
        JsonObject doc = RunFolder.readJson(out.resolve("output_all.json"));
        assertFalse(doc.getAsJsonObject("pocket_run").get("complete").getAsBoolean());
        assertEquals(7, doc.getAsJsonObject("pocket_run").get("failed_chunks").getAsInt());
        JsonObject failed = RunFolder.readJson(out.resolve("failed_chunks.json"));
        assertFalse(failed.get("complete").getAsBoolean());
        assertEquals(7, failed.getAsJsonArray("failed").size());
        String tb = failed.getAsJsonArray("failed").get(0).getAsJsonObject().get("traceback").getAsString();
        assertTrue(Files.readString(out.resolve(tb)).contains("muon SF lookup failed"));
        // the partial output lacks exactly the failed entries
        Map<String, Double> partial = raw(out, "all");
        assertEquals(expected(DATASETS).get("events:DY_2018") - (2500 - 313), partial.get("events:DY_2018"));

        broken.set(false);
        RunResult again = Runner.run(request(out, flaky, SIZES_COUNTER, "futures").resubmitFailed(true).build());
        assertTrue(again.complete());
        assertEquals(7, again.fates().size());   // only the failed chunks ran
        assertEquals(raw(clean, "all"), raw(out, "all"));
        assertEquals(Files.readString(clean.resolve("output_all.json")).replace("\"resubmitted\": false", ""),
                Files.readString(out.resolve("output_all.json")).replace("\"resubmitted\": true", ""));
        assertTrue(RunFolder.readJson(out.resolve("failed_chunks.json")).get("complete").getAsBoolean());
        assertTrue(RunFolder.readJson(out.resolve("failed_chunks.json")).getAsJsonArray("failed").isEmpty());
    }

    @Test
    void unreadableFileFailsTheRunOrIsSkipped(@TempDir Path dir) throws Exception {
        AtomicBoolean corrupt = new AtomicBoolean(true);
        EntryCounter counter = (f, t) -> {
            if (corrupt.get() && f.equals("b2.root")) throw new RootIOException("rootio: b2.root: not a ROOT file (truncated)");
            return SIZES_COUNTER.entries(f, t);
        };
        Path failedRun = dir.resolve("failed"), skippedRun = dir.resolve("skipped");
        RunResult r = Runner.run(request(failedRun, RunnerTest::process, counter, "iterative").build());
        assertFalse(r.complete());
        assertEquals(1, r.failed().size());
        assertTrue(r.failed().get(0).reason().contains("b2.root"));
        assertTrue(Files.isRegularFile(failedRun.resolve("output_all.json")));

        RunResult s = Runner.run(request(skippedRun, RunnerTest::process, counter, "iterative", "skip-bad-files", true).build());
        assertTrue(s.complete());
        assertEquals(0, s.exitCode());
        assertEquals(1, s.skipped().size());
        JsonObject fc = RunFolder.readJson(skippedRun.resolve("failed_chunks.json"));
        assertEquals(1, fc.getAsJsonArray("skipped").size());
        assertTrue(fc.getAsJsonArray("skipped").get(0).getAsJsonObject().get("whole_file").getAsBoolean());
        assertEquals(1, RunFolder.readJson(skippedRun.resolve("output_all.json")).getAsJsonObject("pocket_run").get("skipped_chunks").getAsInt());
        assertTrue(Files.readString(skippedRun.resolve("logfile.log")).contains("SKIPPED"));

        // the file is repaired: resubmitting the failed run chunks it anew and completes it
        corrupt.set(false);
        RunResult again = Runner.run(request(failedRun, RunnerTest::process, counter, "iterative").resubmitFailed(true).build());
        assertTrue(again.complete());
        assertEquals(4, again.fates().size());   // 1234 entries / 300 -> 4 chunks
        assertEquals(expected(DATASETS), raw(failedRun, "all"));
    }

    @Test
    void processSeparatelyFiltersAndLimits(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("ps");
        RunResult r = Runner.run(request(out, RunnerTest::process, SIZES_COUNTER, "iterative", "limit-files", 2, "limit-chunks", 5)
                .processSeparately(true).build());
        assertTrue(Files.isRegularFile(out.resolve("output_DY_2018.json")));
        assertTrue(Files.isRegularFile(out.resolve("output_DATA_2017.json")));
        assertFalse(Files.exists(out.resolve("output_all.json")));
        assertEquals(Map.of("DY_2018", true, "DATA_2017", true), Map.of("DY_2018", r.outputs().containsKey("DY_2018"), "DATA_2017", r.outputs().containsKey("DATA_2017")));
        // DY: a1 gives 8 chunks but limit-chunks 5 -> 5 chunks of 313 (last of a1 is 309, not reached); DATA: b1 3 + b2 2
        Map<String, Double> dy = raw(out, "DY_2018");
        assertEquals(5 * 313.0, dy.get("events:DY_2018"));
        assertEquals(900 + 2 * 309.0, raw(out, "DATA_2017").get("events:DATA_2017"));

        Path f = dir.resolve("filtered");
        Runner.run(request(f, RunnerTest::process, SIZES_COUNTER, "iterative").filterYears(List.of("2017")).build());
        assertEquals(expected(DATASETS.subList(1, 2)), raw(f, "all"));
        Runner.run(request(dir.resolve("f2"), RunnerTest::process, SIZES_COUNTER, "iterative").filterSamples(List.of("DY")).build());
        assertEquals(expected(DATASETS.subList(0, 1)), raw(dir.resolve("f2"), "all"));
        var e = assertThrows(IllegalArgumentException.class, () -> Runner.run(
                request(dir.resolve("none"), RunnerTest::process, SIZES_COUNTER, "iterative").filterDatasets(List.of("DY_2019")).build()));
        assertTrue(e.getMessage().contains("No datasets to process"), e.getMessage());
    }

    @Test
    void customExecutorScriptRunsTheChunks(@TempDir Path dir) throws Exception {
        Path script = dir.resolve("exec.jsh");
        Files.writeString(script, """
                ExecutorFactory getExecutorFactory(String name, RunOptions options) {
                    if (!name.equals("reversed")) return null;
                    return new ExecutorFactory() {
                        public void setup() {}
                        public ChunkExecutor get() {
                            return (chunks, ctx) -> {
                                java.util.List<Chunk> rev = new java.util.ArrayList<>(chunks);
                                java.util.Collections.reverse(rev);
                                System.setProperty("pocket.test.reversed", String.valueOf(rev.size()));
                                return new IterativeExecutor().execute(rev, ctx);
                            };
                        }
                        public void close() {}
                    };
                }
                """);
        Path out = dir.resolve("custom");
        RunResult r = Runner.run(request(out, RunnerTest::process, SIZES_COUNTER, "reversed").executorCustomSetup(script).build());
        assertEquals("19", System.getProperty("pocket.test.reversed"));
        assertTrue(r.complete());
        assertEquals(expected(DATASETS), raw(out, "all"));
    }

    @Test
    void explicitChunksRunAsARemoteWorkerWould(@TempDir Path dir) throws Exception {
        ChunkPlan plan = ChunkPlan.of(DATASETS, "Events", RunOptionsResolver.defaults().resolve("iterative").with("chunksize", 300), SIZES_COUNTER);
        List<Chunk> all = plan.chunks();
        List<Chunk> first = all.subList(0, 7), second = new java.util.ArrayList<>(all.subList(7, all.size()));
        Runner.run(request(dir.resolve("w1"), RunnerTest::process, SIZES_COUNTER, "iterative").chunks(first).build());
        RunResult w2 = Runner.run(request(dir.resolve("w2"), RunnerTest::process, SIZES_COUNTER, "futures").chunks(second).build());
        assertEquals(all.size() - 7, w2.fates().size());
        Map<String, Double> sum = new java.util.TreeMap<>(raw(dir.resolve("w1"), "all"));
        raw(dir.resolve("w2"), "all").forEach((k, v) -> sum.merge(k, v, Double::sum));
        assertEquals(expected(DATASETS), sum);
        Chunk stranger = new Chunk("TTbar", "t.root", "Events", 0, 5, Map.of());
        var e = assertThrows(IllegalArgumentException.class, () -> Runner.run(
                request(dir.resolve("w3"), RunnerTest::process, SIZES_COUNTER, "iterative").chunks(List.of(stranger)).build()));
        assertTrue(e.getMessage().contains("TTbar"), e.getMessage());
    }

    /** Values of very different sizes: their floating-point sum depends on the order of the additions. */
    static Output roundingSensitive(Chunk c) {
        // 2^53 once, then ones: a one added to 2^53 alone is rounded away, ones summed first are not
        double v = c.file().equals("a1.root") && c.start() == 0 ? 0x1p53 : 1.0;
        return RunTestOutputs.sums(Map.of("x", v, "events:" + c.dataset(), (double) c.entries()));
    }

    @Test
    void resubmissionRebuildsTheCleanMergeBitForBit(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean"), out = dir.resolve("out");
        Runner.run(request(clean, RunnerTest::roundingSensitive, SIZES_COUNTER, "futures", "tree-reduction", 3, "chunksize", 100).build());
        java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        for (String id : List.of("DY_2018:a1.root:Events:100-200", "DY_2018:a1.root:Events:1700-1800", "DATA_2017:b2.root:Events:1133-1234",
                "DY_2018:a3.root:Events:0-100"))
            failing.add(id);
        ChunkProcessor flaky = c -> {
            if (failing.contains(c.id())) throw new IllegalStateException("transient");
            return roundingSensitive(c);
        };
        RunResult r1 = Runner.run(request(out, flaky, SIZES_COUNTER, "futures", "tree-reduction", 3, "chunksize", 100).build());
        assertEquals(4, r1.failed().size());
        assertTrue(Files.isRegularFile(out.resolve("output_all.partials.json")));
        // the partial sum plus the missing chunks, added afterwards, is NOT the clean sum bit for bit...
        double naive = raw(out, "all").get("x");
        for (ChunkFate f : r1.failed()) naive += RunTestOutputs.read(roundingSensitive(f.chunk())).get("x");
        assertNotEquals(raw(clean, "all").get("x"), naive, "the test values must make the order of additions matter");
        // ...the resubmission rebuilds the clean tree: a second one still fails one chunk, a third completes
        failing.remove("DY_2018:a1.root:Events:100-200");
        failing.remove("DATA_2017:b2.root:Events:1133-1234");
        failing.remove("DY_2018:a3.root:Events:0-100");
        RunResult r2 = Runner.run(request(out, flaky, SIZES_COUNTER, "iterative", "tree-reduction", 3, "chunksize", 100).resubmitFailed(true).build());
        assertEquals(1, r2.failed().size());
        failing.clear();
        RunResult r3 = Runner.run(request(out, flaky, SIZES_COUNTER, "futures", "tree-reduction", 3, "chunksize", 100).resubmitFailed(true).build());
        assertTrue(r3.complete());
        assertEquals(Files.readString(clean.resolve("output_all.raw.json")), Files.readString(out.resolve("output_all.raw.json")));
        assertFalse(Files.exists(out.resolve("output_all.partials.json")));
    }

    @Test
    void processSeparatelyResubmitsPerDatasetAndGroupsSamples(@TempDir Path dir) throws Exception {
        Path clean = dir.resolve("clean"), out = dir.resolve("out");
        Runner.run(request(clean, RunnerTest::roundingSensitive, SIZES_COUNTER, "futures", "chunksize", 100).processSeparately(true).build());
        AtomicBoolean broken = new AtomicBoolean(true);
        ChunkProcessor flaky = c -> {
            if (broken.get() && c.dataset().equals("DATA_2017") && c.start() == 0) throw new IllegalStateException("transient");
            return roundingSensitive(c);
        };
        RunResult r = Runner.run(request(out, flaky, SIZES_COUNTER, "futures", "chunksize", 100).processSeparately(true).build());
        assertEquals(2, r.failed().size());   // the first chunk of b1 and of b2
        assertTrue(RunFolder.readJson(out.resolve("output_DY_2018.json")).getAsJsonObject("pocket_run").get("complete").getAsBoolean());
        assertFalse(RunFolder.readJson(out.resolve("output_DATA_2017.json")).getAsJsonObject("pocket_run").get("complete").getAsBoolean());
        broken.set(false);
        RunResult again = Runner.run(request(out, flaky, SIZES_COUNTER, "futures", "chunksize", 100).processSeparately(true).resubmitFailed(true).build());
        assertEquals(2, again.fates().size());
        assertEquals(java.util.Set.of("DATA_2017"), again.outputs().keySet());   // DY had nothing to redo
        for (String d : List.of("DY_2018", "DATA_2017"))
            assertEquals(Files.readString(clean.resolve("output_" + d + ".raw.json")), Files.readString(out.resolve("output_" + d + ".raw.json")), d);

        Path grouped = dir.resolve("grouped");
        RunResult g = Runner.run(request(grouped, RunnerTest::process, SIZES_COUNTER, "iterative",
                "group-samples", Map.of("everything", List.of("DY", "DATA"))).processSeparately(true).build());
        assertEquals(java.util.Set.of("everything"), g.outputs().keySet());
        assertEquals(expected(DATASETS), raw(grouped, "everything"));
    }
}
