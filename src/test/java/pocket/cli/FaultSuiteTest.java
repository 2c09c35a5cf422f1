package pocket.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.notebook.Pocket;
import pocket.notebook.Result;

/**
 * The fault suite: {@code pocket run} of the Z→μμ example on generated demo samples with the
 * futures executor, killed with SIGKILL and interrupted with SIGINT (Ctrl-C) after different
 * numbers of finished chunks, then resumed with {@code --resume} (once from a notebook's
 * {@code Pocket...resume()}); every resumed output must equal the uninterrupted run's byte for
 * byte. Each run is a separate JVM started as {@code bin/pocket} starts it.
 */
class FaultSuiteTest {
    private static final int KILLS = 20, INTERRUPTS = 20, CHUNKSIZE = 4000;
    private static final long SEED = 20261207L;

    @TempDir static Path tmp;
    private static Path samples;
    private static byte[] cleanOutput, cleanRaw;
    private static int chunks;
    private static pocket.workflow.Configurator config;

    @BeforeAll
    static void cleanRun() throws Exception {
        samples = tmp.resolve("samples");
        StringWriter log = new StringWriter();
        new DemoSamples(samples, 120_000).ensure(new PrintWriter(log));
        Path clean = tmp.resolve("clean");
        Run r = Run.start(clean).waitFor();
        assertEquals(0, r.exit, r.output());
        cleanOutput = Files.readAllBytes(clean.resolve("output_all.json"));
        cleanRaw = Files.readAllBytes(clean.resolve("output_all.raw.json"));
        chunks = pocket.run.RunFolder.readJson(clean.resolve("failed_chunks.json")).getAsJsonObject("processed_chunks_per_dataset")
                .entrySet().stream().mapToInt(e -> e.getValue().getAsInt()).sum();
        assertTrue(chunks >= 20, "the demo samples give " + chunks + " chunks; the suite needs at least 20 to stop at");
        assertFalse(Files.exists(clean.resolve("checkpoint")), "a finished run leaves no checkpoint");
        assertFalse(Files.exists(clean.resolve("pocket_run.lock")), "a finished run leaves no marker");
    }

    @Test
    void killedAndInterruptedRunsResumeToTheSameOutput() throws Exception {
        Random rnd = new Random(SEED);
        int killsEqual = 0, interruptsEqual = 0, interruptsClean = 0, interruptsMidRun = 0;
        List<Integer> stoppedAfter = new ArrayList<>();
        for (int i = 0; i < KILLS + INTERRUPTS; i++) {
            boolean kill = i < KILLS;
            Path out = tmp.resolve((kill ? "kill-" : "int-") + i);
            // the first of each kind stops while the JVM starts, before any chunk is done
            int after = (i == 0 || i == KILLS) ? -1 : 1 + rnd.nextInt(chunks - 2);
            Run r = Run.start(out);
            int done = after < 0 ? r.sleep(300 + rnd.nextInt(1500)) : r.waitForChunks(out, after);
            if (kill) r.kill(); else r.interrupt();
            r.waitFor();
            stoppedAfter.add(done);
            if (!kill && after > 0 && r.exit != 0) {
                interruptsMidRun++;
                if (r.exit == 130 && r.err.contains("run the same command with --resume")) interruptsClean++;
                else System.out.println("fault suite: Ctrl-C run " + i + " ended so: " + r.output());
            }
            // every other one resumes from a notebook's Pocket...resume() in this JVM, the rest with pocket run --resume
            if (i % 2 == 1) assertTrue(resumeInProcess(out).complete(), "run " + i + " resumed in process");
            else {
                Run resumed = Run.start(out, "--resume").waitFor();
                assertTrue(resumed.exit == 0 || (resumed.exit == 2 && resumed.err.contains("nothing to resume") && r.exit == 0),
                        "resume after stopping at " + done + " chunks: " + resumed.output());
            }
            boolean equal = java.util.Arrays.equals(cleanOutput, Files.readAllBytes(out.resolve("output_all.json")))
                    && java.util.Arrays.equals(cleanRaw, Files.readAllBytes(out.resolve("output_all.raw.json")));
            assertTrue(equal, "run " + i + " stopped after " + done + " chunks, resumed: output differs from the uninterrupted run");
            assertFalse(Files.exists(out.resolve("checkpoint")), "run " + i + ": checkpoint left after the resumed run ended");
            assertFalse(Files.exists(out.resolve("pocket_run.lock")), "run " + i + ": marker left after the resumed run ended");
            if (kill) killsEqual++; else interruptsEqual++;
        }
        System.out.printf("fault suite: %d/%d kills resumed equal, %d/%d Ctrl-C resumed equal, %d/%d Ctrl-C during the run ended with exit 130"
                + " and the --resume hint; stopped after %s of %d chunks%n", killsEqual, KILLS, interruptsEqual, INTERRUPTS,
                interruptsClean, interruptsMidRun, stoppedAfter, chunks);
        assertEquals(KILLS, killsEqual);
        assertEquals(INTERRUPTS, interruptsEqual);
        assertEquals(interruptsMidRun, interruptsClean, "Ctrl-C during a run must end it with exit 130 and say how to resume");
        assertTrue(interruptsMidRun >= INTERRUPTS - 3, "Ctrl-C landed during " + interruptsMidRun + " runs only");
        assertTrue(stoppedAfter.stream().distinct().count() >= 10, "stops at different chunk counts: " + stoppedAfter);
    }

    @Test
    void aFolderHoldingAnotherRunIsRefused() throws Exception {
        Path out = tmp.resolve("refused");
        assertEquals(0, Run.start(out).waitFor().exit);
        byte[] first = Files.readAllBytes(out.resolve("output_all.json"));

        Run again = Run.start(out).waitFor();
        assertEquals(2, again.exit, again.output());
        assertTrue(again.err.contains("output folder " + out + " holds another run") && again.err.contains("--overwrite"), again.err);
        assertArrayEquals(first, Files.readAllBytes(out.resolve("output_all.json")), "the refused run touched the folder");

        Run nothing = Run.start(out, "--resume").waitFor();
        assertEquals(2, nothing.exit, nothing.output());
        assertTrue(nothing.err.contains("nothing to resume in " + out + ": the run there finished"), nothing.err);

        Run both = Run.start(out, "--resume", "--overwrite").waitFor();
        assertEquals(2, both.exit);
        assertTrue(both.err.contains("--resume and --overwrite exclude each other"), both.err);

        Files.writeString(out.resolve("my-notes.txt"), "not pocket's");
        Run over = Run.start(out, "--overwrite").waitFor();
        assertEquals(0, over.exit, over.output());
        assertArrayEquals(first, Files.readAllBytes(out.resolve("output_all.json")));
        assertEquals("not pocket's", Files.readString(out.resolve("my-notes.txt")), "--overwrite removes pocket's files only");
        assertEquals(1, Files.readAllLines(out.resolve("logfile.log")).stream().filter(l -> l.contains("Running with executor")).count(),
                "--overwrite starts a new log");
    }

    @Test
    void aFolderInUseIsRefusedEvenWithResume() throws Exception {
        Path out = tmp.resolve("in-use");
        // starting-time keeps the first run waiting in its folder, as a run scheduled for the night does
        String later = java.time.LocalDateTime.now().plusMinutes(10).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        Run first = Run.start(out, "--starting-time=" + later);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.isRegularFile(out.resolve("run_options.yaml")) && System.nanoTime() < deadline) Thread.sleep(20);
        Run second = Run.start(out, "--resume").waitFor();
        assertTrue(first.process.isAlive(), "the first run is still waiting");
        first.kill();
        first.waitFor();
        assertEquals(2, second.exit, second.output());
        assertTrue(second.err.contains("output folder " + out + " is in use by run") && second.err.contains("pid " + first.process.pid()), second.err);
        // the first run is dead now: its marker is stale and --resume goes on (from the start: it had planned nothing)
        Run resumed = Run.start(out, "--resume").waitFor();
        assertEquals(0, resumed.exit, resumed.output());
        assertArrayEquals(cleanOutput, Files.readAllBytes(out.resolve("output_all.json")));
    }

    @Test
    void aDifferentRunIsNotResumedIntoTheCheckpoint() throws Exception {
        Path out = tmp.resolve("changed");
        Run r = Run.start(out);
        r.waitForChunks(out, 3);
        r.kill();
        r.waitFor();
        Run other = Run.start(out, "--resume", "--chunksize", "5000").waitFor();
        assertEquals(2, other.exit, other.output());
        assertTrue(other.err.contains("cannot resume the run in " + out) && other.err.contains("chunksize"), other.err);
        assertEquals(0, Run.start(out, "--resume").waitFor().exit);
        assertArrayEquals(cleanOutput, Files.readAllBytes(out.resolve("output_all.json")));
    }

    /** Bad input at the command line: exit 2, a message naming the bad thing, and the folder untouched. */
    @Test
    void badInputExitsTwoNamingIt() throws Exception {
        Path out = tmp.resolve("bad-input");
        Path ro = tmp.resolve("ro.yaml");
        Files.writeString(ro, "chunksze: 10\n");
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        // a copy of the samples' dataset JSON whose DY dataset lists a file that is not there
        Path broken = Files.createDirectories(tmp.resolve("samples-missing"));
        com.google.gson.JsonObject ds = pocket.run.RunFolder.readJson(samples.resolve("datasets.json"));
        for (var e : ds.entrySet()) {
            com.google.gson.JsonArray files = new com.google.gson.JsonArray();
            for (var f : e.getValue().getAsJsonObject().getAsJsonArray("files")) files.add(samples.resolve(f.getAsString()).toString());
            if (e.getKey().startsWith("DY")) files.add(samples.resolve("zmumu/not_there.root").toString());
            e.getValue().getAsJsonObject().add("files", files);
        }
        Files.writeString(broken.resolve("datasets.json"), ds.toString());
        Files.copy(samples.resolve("params_lumi.yaml"), broken.resolve("params_lumi.yaml"));

        record Case(String what, List<String> args, Path samplesDir, List<String> named) {}
        List<Case> cases = List.of(
                new Case("misspelt flag", List.of("--exector", "iterative"), samples, List.of("'--exector'", "--executor")),
                new Case("misspelt boolean flag", List.of("--skip-bad-file"), samples, List.of("'--skip-bad-file'", "--skip-bad-files")),
                new Case("misspelt option flag", List.of("--chunksiz", "10"), samples, List.of("'--chunksiz'", "--chunksize")),
                new Case("misspelt -ro key", List.of("-ro", ro.toString()), samples, List.of("'chunksze'", "chunksize")),
                new Case("misspelt free --key=value", List.of("--retires=3"), samples, List.of("retires", "retries")),
                new Case("-o names a file", List.of("-o", file.toString()), samples, List.of(file.toString(), "is a file")),
                new Case("a dataset file missing", List.of(), broken, List.of("not_there.root", "--skip-bad-files")),
                new Case("--resume with nothing to resume", List.of("--resume"), samples, List.of("nothing to resume", "--resubmit-failed")),
                new Case("--resume with --overwrite", List.of("--resume", "--overwrite"), samples, List.of("exclude each other")));
        int named = 0;
        for (Case c : cases) {
            Files.createDirectories(out);
            Files.writeString(out.resolve("output_all.json"), "{\"from\": \"an earlier run\"}");
            Run r = Run.start(c.samplesDir(), out, c.args().toArray(String[]::new)).waitFor();
            assertEquals(2, r.exit, c.what() + ": " + r.output());
            for (String n : c.named()) assertTrue(r.err.contains(n), c.what() + ": the message names " + n + ": " + r.err);
            assertFalse(r.err.contains("Exception") || r.err.contains("\tat pocket."), c.what() + ": no class name, no stack trace: " + r.err);
            assertEquals("{\"from\": \"an earlier run\"}", Files.readString(out.resolve("output_all.json")), c.what() + ": folder untouched");
            named++;
        }
        System.out.printf("fault suite: %d/%d bad inputs gave exit 2 and named the bad thing%n", named, cases.size());
    }

    /** The notebook's way: {@code Pocket...outputDir(dir).resume()} in this JVM. */
    private static Result resumeInProcess(Path out) {
        if (config == null) config = DemoCommand.load(Path.of(DemoCommand.EXAMPLE), samples);
        return Pocket.config(config).executor("futures").scaleout(2).chunksize(CHUNKSIZE).outputDir(out).logLevel("WARNING").resume();
    }

    /** One {@code pocket run} in its own JVM. */
    private static final class Run {
        final Process process;
        final Path log, errLog;
        int exit = -1;
        boolean alive = true;
        String err = "";

        private Run(Process p, Path log, Path errLog) { this.process = p; this.log = log; this.errLog = errLog; }

        static Run start(Path out, String... extra) throws IOException { return start(samples, out, extra); }

        static Run start(Path samplesDir, Path out, String... extra) throws IOException {
            // env --default-signal=INT: SIGINT reaches the JVM as from a terminal, even when this test runs in a background job (which ignores it)
            List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Dpocket.zmumu.samples=" + samplesDir, "pocket.cli.PocketCommand",
                    "run", "--cfg", DemoCommand.EXAMPLE, "-o", out.toString(), "-e", "futures", "-s", "2", "--chunksize", String.valueOf(CHUNKSIZE)));
            List<String> more = List.of(extra);
            if (more.contains("--chunksize") || more.contains("--chunksiz")) cmd.subList(cmd.size() - 2, cmd.size()).clear();
            if (more.contains("-o")) cmd.subList(cmd.indexOf("-o"), cmd.indexOf("-o") + 2).clear();
            cmd.addAll(more);
            Path log = Files.createTempFile(tmp, "run", ".log"), errLog = Files.createTempFile(tmp, "run", ".err");
            // files, not pipes: killing a process closes its pipes on our side
            Process p = new ProcessBuilder(cmd).redirectOutput(log.toFile()).redirectError(errLog.toFile()).start();
            return new Run(p, log, errLog);
        }

        /** Waits until the checkpoint holds {@code n} finished chunks (or the run ended); returns how many it holds. */
        int waitForChunks(Path out, int n) throws Exception {
            Path dir = out.resolve("checkpoint").resolve("group_all");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                int have = fates(dir);
                if (have >= n || !process.isAlive()) return have;
                Thread.sleep(5);
            }
            throw new AssertionError("no " + n + " finished chunks after 120 s");
        }

        int sleep(int ms) throws Exception {
            Thread.sleep(ms);
            return 0;
        }

        private static int fates(Path dir) throws IOException {
            if (!Files.isDirectory(dir)) return 0;
            try (Stream<Path> s = Files.list(dir)) { return (int) s.filter(p -> p.toString().endsWith(".fate.json")).count(); }
        }

        void kill() { process.destroyForcibly(); }

        void interrupt() throws Exception {
            new ProcessBuilder("kill", "-INT", String.valueOf(process.pid())).start().waitFor();
        }

        Run waitFor() throws Exception {
            if (!process.waitFor(300, TimeUnit.SECONDS)) { process.destroyForcibly(); throw new AssertionError("run did not end in 300 s"); }
            err = Files.readString(errLog);
            exit = process.exitValue();
            alive = false;
            return this;
        }

        String output() throws IOException { return "exit " + exit + "\n" + Files.readString(log) + "\n" + err; }
    }
}
