package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.run.ChunkFate;
import pocket.run.FailurePolicy;
import pocket.run.PerformanceReport;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;
import pocket.workflow.Chunk;

/**
 * Batch runs end to end against a real one-node Slurm reached through a real sshd on 127.0.0.1:
 * staging, array jobs, partial outputs, retries after scancel, skipped bad files, a cut SSH
 * connection, a driver that dies and attach, --resubmit-failed. The work is {@link CountingWork},
 * whose totals have closed forms.
 */
class BatchRunSlurmTest {
    static Path tmp;
    static SlurmCluster slurm;
    static Sshd sshd;
    static Path data;

    @BeforeAll static void start() throws Exception {
        tmp = Files.createTempDirectory("pocket-batch-");
        Path slurmDir = Files.createTempDirectory(Path.of("/tmp"), "pocket-slurm-");
        slurm = SlurmCluster.start(slurmDir);
        sshd = Sshd.start(tmp.resolve("sshd"), Map.of("SLURM_CONF", slurm.conf.toString()));
        data = Files.createDirectories(tmp.resolve("data"));
    }

    @AfterAll static void stop() throws Exception {
        if (sshd != null) sshd.close();
        if (slurm != null) slurm.close();
    }

    static RunOptions options(Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ssh-host", "127.0.0.1");
        m.put("ssh-port", sshd.port);
        m.put("ssh-user", System.getProperty("user.name"));
        m.put("ssh-identity", sshd.userKey.toString());
        m.put("ssh-known-hosts", sshd.knownHosts.toString());
        m.put("ssh-config", tmp.resolve("no-ssh-config").toString());
        m.put("ssh-reconnect-first-ms", 200);
        m.put("remote-workdir", tmp.resolve("remote work").toString());
        m.put("runs-dir", tmp.resolve("runs").toString());
        m.put("java-home", System.getProperty("java.home"));
        m.put("queue", "debug");
        m.put("walltime", "00:10:00");
        m.put("mem-per-worker", "400MB");
        m.put("cores-per-worker", 1);
        m.put("scaleout", 2);
        m.put("retries", 2);
        m.put("poll-interval", 0.3);
        m.putAll(extra);
        return new RunOptions(m);
    }

    static Path file(String name, int bytes) throws Exception {
        Path f = data.resolve(name);
        Files.write(f, new byte[bytes]);
        return f;
    }

    static List<Chunk> chunks(String dataset, Path file, long entries, long size, Map<String, String> meta) {
        List<Chunk> out = new ArrayList<>();
        for (long s = 0; s < entries; s += size) out.add(new Chunk(dataset, file.toString(), "Events", s, Math.min(entries, s + size), meta));
        return out;
    }

    /** Records what the driver reports. */
    static final class Recorder implements ProgressListener {
        final List<String> messages = Collections.synchronizedList(new ArrayList<>());
        final List<ChunkFate> done = Collections.synchronizedList(new ArrayList<>());
        volatile int started = -1;
        @Override public void started(int chunks, long events) { started = chunks; }
        @Override public void chunkDone(ChunkFate f) { done.add(f); }
        @Override public void message(String text) { messages.add(text); }
    }

    static void assertTotals(JsonObject merged, String dataset, long entries, int chunks) {
        JsonObject d = merged.getAsJsonObject(dataset);
        assertEquals(entries, d.get("entries").getAsLong());
        assertEquals(entries * (entries - 1) / 2, d.get("sum").getAsLong(), "sum of entry numbers 0..N-1");
        assertEquals(chunks, d.get("chunks").getAsLong());
    }

    @Test void runsChunksAsArrayJobsAndMergesExactly() throws Exception {
        List<Chunk> plan = new ArrayList<>(chunks("DY_2018", file("it's $(touch pwned) dy.root", 100), 1000, 300, Map.of("year", "2018")));
        plan.addAll(chunks("TT", file("tt.root", 100), 500, 250, Map.of()));
        Recorder rec = new Recorder();
        BatchRun.Result r = BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null,
                options(Map.of("scaleout", 3)), null, rec);
        assertTotals(r.merged(), "DY_2018", 1000, 4);
        assertTotals(r.merged(), "TT", 500, 2);
        assertEquals(6, r.fates().size());
        assertTrue(r.fates().stream().allMatch(f -> f.status() == ChunkFate.Status.PROCESSED && f.attempts() == 1), r.fates().toString());
        assertEquals(6, rec.started);
        assertEquals(6, rec.done.size());
        assertFalse(Files.exists(Path.of(System.getProperty("user.home"), "pwned")));
        // the job really went through Slurm as one array of 3 tasks
        String jobcomp = Files.readString(slurm.dir.resolve("log/jobcomp.txt"));
        assertEquals(3, jobcomp.lines().filter(l -> l.contains("Name=pocket-" + r.runId()) && l.contains("JobState=COMPLETED")).count(), jobcomp);
        // the run folder holds no key material
        Path runDir = tmp.resolve("remote work").resolve(r.runId());
        try (var s = Files.walk(runDir)) {
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".jar")).toList())
                assertFalse(Files.readString(p).contains("PRIVATE KEY"), p.toString());
        }
        String sbatch = Files.readString(runDir.resolve("job-0.sbatch"));
        assertTrue(sbatch.contains("#SBATCH --array=0-2\n") && sbatch.contains("#SBATCH --partition=debug\n")
                && sbatch.contains("#SBATCH --time=00:10:00\n") && sbatch.contains("#SBATCH --mem=400M\n")
                && sbatch.contains("#SBATCH --cpus-per-task=1\n"), sbatch);
    }

    @Test void aCancelledJobIsResubmittedAndTheResultStaysExact() throws Exception {
        List<Chunk> plan = chunks("DY", file("dy-cancel.root", 100), 800, 100, Map.of("sleep_ms", "700"));
        Recorder rec = new Recorder();
        BatchRun run = BatchRun.submit("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null,
                options(Map.of()), null, rec);
        String job = jobIdOf(rec);
        // cancel the whole job once its first chunk is done: the remaining chunks are lost and must be redone
        Path out = tmp.resolve("remote work").resolve(run.runId()).resolve("out");
        long end = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < end && (!Files.isDirectory(out) || Files.list(out).noneMatch(p -> p.getFileName().toString().startsWith("chunk-"))))
            Thread.sleep(50);
        slurm.command("scancel", job);
        BatchRun.Result r = run.watch();
        assertTotals(r.merged(), "DY", 800, 8);
        assertTrue(r.fates().stream().allMatch(f -> f.status() == ChunkFate.Status.PROCESSED));
        assertTrue(r.fates().stream().anyMatch(f -> f.attempts() == 2), "some chunks ran twice: " + r.fates());
        assertTrue(rec.messages.stream().anyMatch(m -> m.contains("ended without finishing") && m.contains("resubmitting")), rec.messages.toString());
        assertTrue(slurm.command("squeue", "-h", "-t", "all", "-j", job, "-o", "%T").contains("CANCELLED"));
    }

    @Test void aBadFileIsSkippedWithSkipBadFilesAndFailsWithout() throws Exception {
        Path good = file("good.root", 100), bad = file("corrupt.root", 3);
        List<Chunk> plan = new ArrayList<>(chunks("DY", good, 200, 100, Map.of()));
        plan.addAll(chunks("DY", bad, 100, 100, Map.of()));
        BatchRun.Result skipped = BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null,
                options(Map.of("skip-bad-files", true)), null, new Recorder());
        assertTotals(skipped.merged(), "DY", 200, 2);
        ChunkFate f = skipped.fates().get(2);
        assertEquals(ChunkFate.Status.SKIPPED, f.status());
        assertTrue(f.reason().contains("corrupt.root") && f.reason().contains("truncated"), f.reason());
        assertEquals(1, f.attempts(), "a skipped file is not retried");

        BatchRun.Result failed = BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null,
                options(Map.of("retries", 1)), null, new Recorder());
        ChunkFate g = failed.fates().get(2);
        assertEquals(ChunkFate.Status.FAILED, g.status());
        assertEquals(1, g.attempts(), "a bad file fails at once: no job is resubmitted for it");
        assertEquals(FailurePolicy.Kind.BAD_FILE, g.kind());
        assertTrue(g.traceback().contains("EOFException"), g.traceback());
        assertTotals(failed.merged(), "DY", 200, 2);
    }

    @Test void watchingSurvivesACutConnection() throws Exception {
        List<Chunk> plan = chunks("DY", file("dy-cut.root", 100), 600, 100, Map.of("sleep_ms", "500"));
        Recorder rec = new Recorder();
        AtomicReference<Object> result = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            try { result.set(BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null, options(Map.of()), null, rec)); }
            catch (Throwable t) { result.set(t); }
        });
        driver.start();
        long end = System.nanoTime() + 60_000_000_000L;
        while (rec.done.isEmpty() && System.nanoTime() < end) Thread.sleep(50);
        assertTrue(sshd.cutSessions() >= 1);
        driver.join(120_000);
        assertInstanceOf(BatchRun.Result.class, result.get(), String.valueOf(result.get()));
        assertTotals(((BatchRun.Result) result.get()).merged(), "DY", 600, 6);
        assertTrue(rec.messages.stream().anyMatch(m -> m.contains("re-established")), rec.messages.toString());
    }

    @Test void attachFinishesARunWhoseDriverDied() throws Exception {
        List<Chunk> plan = chunks("DY", file("dy-attach.root", 100), 600, 100, Map.of("sleep_ms", "400"));
        Recorder rec = new Recorder();
        RunOptions o = options(Map.of());
        BatchRun run = BatchRun.submit("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null, o, null, rec);
        AtomicReference<Throwable> died = new AtomicReference<>();
        Thread driver = new Thread(() -> {
            try { run.watch(); } catch (Throwable t) { died.set(t); }
        });
        driver.start();
        long end = System.nanoTime() + 60_000_000_000L;
        while (rec.done.isEmpty() && System.nanoTime() < end) Thread.sleep(20);
        driver.interrupt();   // the driver goes away mid-run; the jobs keep running
        driver.join(30_000);
        assertNotNull(died.get(), "the driver stopped with an exception");
        assertTrue(rec.done.size() < 6, "stopped before the end: " + rec.done.size());

        // `pocket attach RUN_ID` finishes it
        java.io.StringWriter cliOut = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new pocket.cli.AttachCommand());
        cl.setOut(new java.io.PrintWriter(cliOut));
        assertEquals(0, cl.execute(run.runId(), "--runs-dir", o.get("runs-dir").toString()), cliOut.toString());
        assertTrue(cliOut.toString().contains("[6/6] PROCESSED") && cliOut.toString().contains("complete"), cliOut.toString());
        JsonObject merged = com.google.gson.JsonParser.parseString(Files.readString(Path.of(o.get("runs-dir").toString(), run.runId(), "merged.json"))).getAsJsonObject();
        assertTotals(merged, "DY", 600, 6);
        // and attaching to the finished run again gives the same result without new jobs
        Recorder again = new Recorder();
        BatchRun.Result r = RemoteRuns.attach(run.runId(), new RunOptions(Map.of("runs-dir", o.get("runs-dir"))), false, again);
        assertTotals(r.merged(), "DY", 600, 6);
        assertEquals(6, again.done.size(), "attach reports every chunk, done before or after");
    }

    @Test void aWorkerThatCannotStartJavaSaysWhy() throws Exception {
        List<Chunk> plan = chunks("DY", file("dy-nojava.root", 100), 200, 100, Map.of());
        RunOptions o = options(Map.of("retries", 0, "java-home", "/nonexistent/jdk-17"));
        BatchRun.Result r = BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null, o, null, new Recorder());
        assertEquals(2, r.fates().size());
        for (ChunkFate f : r.fates()) {
            assertEquals(ChunkFate.Status.FAILED, f.status());
            assertTrue(f.reason().contains("its stderr (logs/round-0-") && f.reason().contains("/nonexistent/jdk-17/bin/java"), f.reason());
            assertTrue(f.reason().contains("No such file or directory"), f.reason());
            assertFalse(f.reason().contains("cancelled, killed or out of time"), f.reason());
        }
    }

    @Test void resubmitFailedCompletesAFailedRun() throws Exception {
        Path trap = tmp.resolve("trap");
        Files.writeString(trap, "x");
        List<Chunk> plan = new ArrayList<>(chunks("DY", file("dy-ok.root", 100), 300, 100, Map.of()));
        plan.addAll(chunks("TT", file("tt-trap.root", 100), 200, 100, Map.of("fail_if_exists", trap.toString())));
        RunOptions o = options(Map.of("retries", 0));
        BatchRun.Result first = BatchRun.start("slurm@127.0.0.1", "slurm", plan, CountingWork.class.getName(), null, o, null, new Recorder());
        assertEquals(2, first.fates().stream().filter(f -> f.status() == ChunkFate.Status.FAILED).count());
        assertFalse(first.merged().has("TT"));
        Files.delete(trap);
        BatchRun.Result second = RemoteRuns.attach(first.runId(), new RunOptions(Map.of("runs-dir", o.get("runs-dir"))), true, new Recorder());
        assertTotals(second.merged(), "DY", 300, 3);
        assertTotals(second.merged(), "TT", 200, 2);
        assertTrue(second.fates().stream().allMatch(f -> f.status() == ChunkFate.Status.PROCESSED));
    }

    /** The Z->mumu example through dask@T3_CH_PSI (pointed at the test Slurm) gives exactly the futures executor's output. */
    @Test void zmumuOnTheT3ExecutorEqualsFutures() throws Exception {
        Path script = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh").toAbsolutePath();
        pocket.workflow.Configurator cfg = pocket.workflow.Configurator.load(script);
        Map<String, Object> small = Map.of("chunksize", 15, "scaleout", 2, "tree-reduction", 2);
        RunOptions futures = futuresWith(small);
        Map<String, Object> site = t3With(small);
        Path outF = tmp.resolve("zmumu-futures"), outB = tmp.resolve("zmumu-t3");
        pocket.run.RunResult a = pocket.run.Runner.run(pocket.run.RunRequest.builder(cfg, outF).configScript(script)
                .executor("futures").options(futures).progress(ProgressListener.NONE).build());
        Recorder rec = new Recorder();
        pocket.run.RunResult b = pocket.run.Runner.run(pocket.run.RunRequest.builder(cfg, outB).configScript(script)
                .executor("dask@T3_CH_PSI").options(new RunOptions(site)).progress(rec).build());
        assertTrue(a.fates().size() > 2, "several chunks: " + a.fates().size());
        assertEquals(a.fates().size(), b.fates().size());
        assertTrue(b.fates().stream().allMatch(f -> f.status() == ChunkFate.Status.PROCESSED), b.fates().toString());
        assertTrue(rec.messages.stream().anyMatch(m -> m.contains("as slurm job")), rec.messages.toString());
        assertEquals(a.output().toJson(), b.output().toJson());
        assertEquals(com.google.gson.JsonParser.parseString(Files.readString(outF.resolve("output_all.json"))).getAsJsonObject().get("variables"),
                com.google.gson.JsonParser.parseString(Files.readString(outB.resolve("output_all.json"))).getAsJsonObject().get("variables"));

        // `pocket attach` completes an output folder like every run: outputs, performance.json, logfile.log
        String runId = rec.messages.stream().map(m -> java.util.regex.Pattern.compile("batch run (\\S+) \\(").matcher(m))
                .filter(java.util.regex.Matcher::find).map(x -> x.group(1)).findFirst().orElseThrow(() -> new AssertionError(rec.messages));
        Path outA = tmp.resolve("zmumu-attached");
        String logBefore = Files.readString(outB.resolve("logfile.log"));
        pocket.cli.PocketCli.Result at = pocket.cli.PocketCli.run("attach", runId, "--runs-dir", site.get("runs-dir").toString(), "-o", outA.toString());
        assertEquals(0, at.code(), at.toString());
        assertEquals(com.google.gson.JsonParser.parseString(Files.readString(outB.resolve("output_all.json"))).getAsJsonObject().get("variables"),
                com.google.gson.JsonParser.parseString(Files.readString(outA.resolve("output_all.json"))).getAsJsonObject().get("variables"));
        JsonObject perfA = pocket.run.RunFolder.readJson(outA.resolve("performance.json"));
        JsonObject perfB = pocket.run.RunFolder.readJson(outB.resolve("performance.json"));
        // the same chunks and events as the run's own performance.json (times differ)
        JsonObject totA = perfA.getAsJsonObject("total"), totB = perfB.getAsJsonObject("total");
        assertEquals(new PerformanceReport(b.fates(), 1, 1).events(), totA.get("events").getAsLong(), perfA.toString());
        assertTrue(totA.get("events").getAsLong() > 0, perfA.toString());
        assertEquals(totB.get("events"), totA.get("events"));
        assertEquals(totB.get("chunks"), totA.get("chunks"));
        assertEquals(perfB.getAsJsonObject("datasets").keySet(), perfA.getAsJsonObject("datasets").keySet());
        String logA = Files.readString(outA.resolve("logfile.log"));
        assertTrue(logA.startsWith("[INFO    ] pocket attach " + runId + ": "), logA);
        assertTrue(logA.contains("[INFO    ] Run complete: " + b.fates().size() + " chunks processed"), logA);
        // attaching again without -o completes the folder the run was started with: its log grows, nothing before is lost
        pocket.cli.PocketCli.Result again = pocket.cli.PocketCli.run("attach", runId, "--runs-dir", site.get("runs-dir").toString());
        assertEquals(0, again.code(), again.toString());
        String logAfter = Files.readString(outB.resolve("logfile.log"));
        assertTrue(logAfter.startsWith(logBefore) && logAfter.substring(logBefore.length()).startsWith("[INFO    ] pocket attach " + runId), logAfter);
    }

    /**
     * A config that reads a system property (the Z→μμ example's pocket.zmumu.samples, which the
     * tutorial and cluster notebooks set to generated samples) builds the same analysis on the
     * workers as on the driver: the driver's pocket.* properties travel in the plan. Without them
     * the workers would evaluate the script on the 40-event real samples instead.
     */
    @Test void theDriversPocketPropertiesReachTheWorkers() throws Exception {
        Path script = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh").toAbsolutePath();
        Path samples = tmp.resolve("generated-samples");
        new pocket.generate.DemoSamples(samples, 3000).ensure(new java.io.PrintWriter(java.io.Writer.nullWriter()));
        String before = System.getProperty("pocket.zmumu.samples");
        System.setProperty("pocket.zmumu.samples", samples.toString());
        try {
            pocket.workflow.Configurator cfg = pocket.workflow.Configurator.load(script);
            Map<String, Object> small = Map.of("chunksize", 400, "scaleout", 2, "tree-reduction", 2);
            RunOptions futures = futuresWith(small);
            Map<String, Object> site = t3With(small);
            Path outF = tmp.resolve("generated-futures"), outB = tmp.resolve("generated-t3");
            pocket.run.RunResult a = pocket.run.Runner.run(pocket.run.RunRequest.builder(cfg, outF).configScript(script)
                    .executor("futures").options(futures).progress(ProgressListener.NONE).build());
            pocket.run.RunResult b = pocket.run.Runner.run(pocket.run.RunRequest.builder(cfg, outB).configScript(script)
                    .executor("dask@T3_CH_PSI").options(new RunOptions(site)).progress(ProgressListener.NONE).build());
            // 3000 generated events in 400-event chunks: far more chunks than the 40-event real files make
            long events = a.fates().stream().mapToLong(f -> f.chunk().stop() - f.chunk().start()).sum();
            assertEquals(3000, events, "futures read every generated event");
            assertTrue(b.fates().stream().allMatch(f -> f.status() == ChunkFate.Status.PROCESSED), b.fates().toString());
            // the sums of weights first: they show at a glance which luminosity and samples the workers used
            assertEquals(a.output().toJson().get("sumw").toString(), b.output().toJson().get("sumw").toString());
            assertTrue(a.output().toJson().equals(b.output().toJson()), "the batch run's output differs from the futures run's");
        } finally {
            if (before == null) System.clearProperty("pocket.zmumu.samples"); else System.setProperty("pocket.zmumu.samples", before);
        }
    }

    /**
     * docs/sites.md, "Adding a site", as written: a -ro YAML with a slurm@HOST section (here
     * slurm@127.0.0.1, holding ssh-port and the rest) and pocket run -e slurm@HOST -ro it. The
     * section's values are used (the port above all: without it the login is refused) and the
     * result equals the futures executor's.
     */
    @Test void addingASiteAsDocsSitesMdSays() throws Exception {
        String script = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh").toAbsolutePath().toString();
        Path ro = tmp.resolve("mysite.yaml");
        Files.writeString(ro, "chunksize: 15\n"
                + "slurm@127.0.0.1:\n"
                + "  queue: debug\n"
                + "  walltime: \"00:10:00\"\n"
                + "  mem-per-worker: 400MB\n"
                + "  java-home: " + System.getProperty("java.home") + "\n"
                + "  custom-setup-commands: [\"echo site setup done\"]\n"
                + "  ssh-port: " + sshd.port + "\n"
                + "  ssh-user: " + System.getProperty("user.name") + "\n"
                + "  ssh-identity: " + sshd.userKey + "\n"
                + "  ssh-known-hosts: " + sshd.knownHosts + "\n"
                + "  ssh-config: " + tmp.resolve("no-ssh-config") + "\n"
                + "  remote-workdir: " + tmp.resolve("site work") + "\n"
                + "  runs-dir: " + tmp.resolve("site runs") + "\n"
                + "  poll-interval: 1\n"
                + "futures:\n"
                + "  chunksize: 999\n");    // another executor's section: not applied
        Path dry = tmp.resolve("site-dry"), site = tmp.resolve("site-out"), futures = tmp.resolve("site-futures");
        pocket.testing.PocketCli.Ran plan = pocket.testing.PocketCli.run("run", "--cfg", script, "-o", dry.toString(), "-e", "slurm@127.0.0.1",
                "-ro", ro.toString(), "-s", "2", "--dry-run");
        assertEquals(0, plan.code(), plan.toString());
        assertTrue(plan.out().matches("(?s).*\\n  ssh-port +" + sshd.port + " +-ro " + java.util.regex.Pattern.quote(ro.toString()) + " \\[slurm@127\\.0\\.0\\.1\\]\\n.*"), plan.out());
        assertTrue(plan.out().matches("(?s).*\\n  ssh-host +127\\.0\\.0\\.1 +executor slurm@127\\.0\\.0\\.1\\n.*"), plan.out());
        assertTrue(plan.out().contains("6 chunk(s), 80 events"), plan.out());
        assertFalse(Files.exists(dry));

        pocket.testing.PocketCli.Ran r = pocket.testing.PocketCli.run("run", "--cfg", script, "-o", site.toString(), "-e", "slurm@127.0.0.1",
                "-ro", ro.toString(), "-s", "2");
        assertEquals(0, r.code(), r.toString());
        assertTrue(Files.readString(site.resolve(pocket.run.RunFolder.RUN_OPTIONS)).contains("ssh-port: " + sshd.port));
        pocket.testing.PocketCli.Ran f = pocket.testing.PocketCli.run("run", "--cfg", script, "-o", futures.toString(), "-e", "futures",
                "-s", "2", "-c", "15");
        assertEquals(0, f.code(), f.toString());
        assertEquals(com.google.gson.JsonParser.parseString(Files.readString(futures.resolve("output_all.json"))).getAsJsonObject().get("variables"),
                com.google.gson.JsonParser.parseString(Files.readString(site.resolve("output_all.json"))).getAsJsonObject().get("variables"));
        try (var logs = Files.walk(tmp.resolve("site work"))) {
            assertTrue(logs.filter(p -> p.toString().endsWith(".out")).anyMatch(p -> {
                try { return Files.readString(p).contains("site setup done"); } catch (java.io.IOException e) { return false; }
            }), "custom-setup-commands ran on the workers");
        }
    }

    /** The futures executor's defaults with {@code small} on top. */
    static RunOptions futuresWith(Map<String, Object> small) {
        return new RunOptions(merge(pocket.run.RunOptionsResolver.defaults().resolve("futures").asMap(), small));
    }

    /** dask@T3_CH_PSI's defaults pointed at the test Slurm through the test sshd, with {@code small} on top. */
    static Map<String, Object> t3With(Map<String, Object> small) {
        Map<String, Object> site = new LinkedHashMap<>(pocket.run.RunOptionsResolver.defaults().resolve("dask@T3_CH_PSI").asMap());
        site.putAll(options(Map.of()).asMap());
        site.putAll(small);
        site.put("queue", "debug");
        return site;
    }

    static Map<String, Object> merge(Map<String, Object> a, Map<String, Object> b) {
        Map<String, Object> m = new LinkedHashMap<>(a);
        m.putAll(b);
        return m;
    }

    static String jobIdOf(Recorder rec) {
        for (String m : rec.messages) {
            var x = java.util.regex.Pattern.compile("as slurm job (\\d+)").matcher(m);
            if (x.find()) return x.group(1);
        }
        throw new AssertionError("no job id in " + rec.messages);
    }
}
