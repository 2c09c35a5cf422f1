package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.rootio.file.RootFile;
import pocket.run.RunFolder;
import pocket.testing.TestData;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/** `pocket run` end to end on real NanoAOD files (datasets and a processor given directly: sums of nMuon per dataset). */
class RunCommandRunTest {
    /** Reads nMuon of the chunk's entries with pocket's reader: a real read of the real file. */
    static final ChunkProcessor MUONS = c -> {
        try (RootFile f = RootFile.open(c.file())) {
            double[] n = f.tree(c.tree()).read("nMuon", c.start(), c.stop()).toDoubles();
            long sum = 0;
            for (double x : n) sum += (long) x;
            return pocket.run.RunTestOutputs.sums(Map.of("events:" + c.dataset(), (double) n.length, "nMuon:" + c.dataset(), (double) sum));
        }
    };

    @AfterEach
    void restoreStart() { RunCommand.start = (cfg, out) -> pocket.run.RunRequest.builder(Configurator.load(cfg), out); }

    static long nMuonSum(Path file) throws Exception {
        try (RootFile f = RootFile.open(file.toString())) {
            var t = f.tree("Events");
            double[] n = t.read("nMuon", 0, t.entries()).toDoubles();
            long s = 0;
            for (double x : n) s += (long) x;
            return s;
        }
    }

    int run(Path cfg, List<Dataset> ds, String... args) {
        RunCommand.start = (cfg_, out) -> pocket.run.RunRequest.builder(null, out).datasets(ds).processor(MUONS);
        RunCommand c = new RunCommand();
        c.out = new PrintStream(new ByteArrayOutputStream(), true);
        String[] all = new String[args.length + 2];
        all[0] = "--cfg";
        all[1] = cfg.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new CommandLine(c).execute(all);
    }

    @Test
    void corruptFileFailsTheRunCleanlyAndIsSkippedOnRequest(@TempDir Path dir) throws Exception {
        Path dy = TestData.file("nano_dy.root"), dimuon = TestData.file("nano_dimuon.root");
        byte[] bytes = Files.readAllBytes(dy);
        Path truncated = dir.resolve("nano_dy_truncated.root");
        Files.write(truncated, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Path cfg = dir.resolve("analysis.jsh");
        Files.writeString(cfg, "// stand-in\n");
        List<Dataset> ds = List.of(
                new Dataset("DY", List.of(dy.toString(), truncated.toString()), Map.of("sample", "DY", "year", "2018")),
                new Dataset("DATA", List.of(dimuon.toString()), Map.of("sample", "DATA", "year", "2018")));

        Path failed = dir.resolve("failed");
        assertEquals(1, run(cfg, ds, "-o", failed.toString(), "-e", "futures", "-s", "2", "-c", "15", "--retries=0"));
        JsonObject fc = RunFolder.readJson(failed.resolve("failed_chunks.json"));
        assertEquals(1, fc.getAsJsonArray("failed").size());
        JsonObject f0 = fc.getAsJsonArray("failed").get(0).getAsJsonObject();
        assertEquals(truncated.toString(), f0.get("file").getAsString());
        assertTrue(Files.readString(failed.resolve(f0.get("traceback").getAsString())).contains("nano_dy_truncated.root"));
        JsonObject doc = RunFolder.readJson(failed.resolve("output_all.json"));
        assertFalse(doc.getAsJsonObject("pocket_run").get("complete").getAsBoolean());
        // the partial output holds the good files in full
        Map<String, Double> partial = pocket.run.RunTestOutputs.read(Output.fromJson(RunFolder.readJson(failed.resolve("output_all.raw.json"))));
        assertEquals((double) nMuonSum(dy), partial.get("nMuon:DY"));
        assertEquals((double) nMuonSum(dimuon), partial.get("nMuon:DATA"));
        assertEquals(80.0, partial.get("events:DY") + partial.get("events:DATA"));

        Path skipped = dir.resolve("skipped");
        assertEquals(0, run(cfg, ds, "-o", skipped.toString(), "-e", "futures", "-s", "2", "-c", "15", "--skip-bad-files"));
        JsonObject sc = RunFolder.readJson(skipped.resolve("failed_chunks.json"));
        assertTrue(sc.get("complete").getAsBoolean());
        assertEquals(1, sc.getAsJsonArray("skipped").size());
        assertTrue(Files.readString(skipped.resolve("logfile.log")).contains("SKIPPED"));
        assertEquals(Files.readString(failed.resolve("output_all.raw.json")), Files.readString(skipped.resolve("output_all.raw.json")));

        // the file comes back whole: --resubmit-failed completes the failed run to the clean result
        Files.copy(dy, truncated, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertEquals(0, run(cfg, ds, "-o", failed.toString(), "-e", "futures", "-s", "2", "-c", "15", "--resubmit-failed"));
        Path clean = dir.resolve("clean");
        assertEquals(0, run(cfg, ds, "-o", clean.toString(), "-c", "15"));
        assertEquals(Files.readString(clean.resolve("output_all.raw.json")), Files.readString(failed.resolve("output_all.raw.json")));
        assertEquals(2.0 * nMuonSum(dy), pocket.run.RunTestOutputs.read(Output.fromJson(RunFolder.readJson(clean.resolve("output_all.raw.json")))).get("nMuon:DY"));
    }

    @Test
    void testModeRunsOneChunkPerDataset(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("analysis.jsh");
        Files.writeString(cfg, "// stand-in\n");
        List<Dataset> ds = List.of(new Dataset("DY", List.of(TestData.file("nano_dy.root").toString(), TestData.file("nano_dy.root").toString()), Map.of()),
                new Dataset("TT", List.of(TestData.file("nano_tt_v12.root").toString()), Map.of()));
        Path out = dir.resolve("test");
        assertEquals(0, run(cfg, ds, "-o", out.toString(), "--test", "-c", "15"));
        Map<String, Double> r = pocket.run.RunTestOutputs.read(Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json"))));
        // 40 entries / 15 -> round(2.67) = 3 chunks of 14; 200 / 15 -> 13 chunks of 16: the first chunk of the first file only
        assertEquals(14.0, r.get("events:DY"));
        assertEquals(16.0, r.get("events:TT"));
        assertTrue(Files.readString(out.resolve("run_options.yaml")).contains("limit-chunks: 1"));
    }

    @Test
    void unreadableBasketsFailTheChunksOrSkipThem(@TempDir Path dir) throws Exception {
        Path dy = TestData.file("nano_dy.root");
        byte[] bytes = Files.readAllBytes(dy);
        // garbage over the middle of the file: the header and the keys at the end stay, the baskets there do not
        for (int i = bytes.length / 5; i < bytes.length * 3 / 5; i++) bytes[i] = (byte) (i * 7);
        Path damaged = dir.resolve("nano_dy_damaged.root");
        Files.write(damaged, bytes);
        Path cfg = dir.resolve("analysis.jsh");
        Files.writeString(cfg, "// stand-in\n");
        List<Dataset> ds = List.of(new Dataset("DY", List.of(damaged.toString()), Map.of()));
        Path failed = dir.resolve("failed"), skipped = dir.resolve("skipped");
        assertEquals(1, run(cfg, ds, "-o", failed.toString(), "-c", "15", "--retries=1"));
        JsonObject fc = RunFolder.readJson(failed.resolve("failed_chunks.json"));
        assertFalse(fc.getAsJsonArray("failed").isEmpty());
        JsonObject first = fc.getAsJsonArray("failed").get(0).getAsJsonObject();
        assertEquals(1, first.get("attempts").getAsInt());   // a bad file is not retried (FailurePolicy)
        assertEquals("BAD_FILE", first.get("kind").getAsString());
        assertTrue(first.get("reason").getAsString().contains("nano_dy_damaged.root"), first.toString());
        assertEquals(0, run(cfg, ds, "-o", skipped.toString(), "-c", "15", "--skip-bad-files", "--retries=0"));
        JsonObject sc = RunFolder.readJson(skipped.resolve("failed_chunks.json"));
        assertEquals(fc.getAsJsonArray("failed").size(), sc.getAsJsonArray("skipped").size());
    }

    @Test
    void aMissingFileIsAnErrorOrSkippedAndResubmitTriesItAgain(@TempDir Path dir) throws Exception {
        Path dy = TestData.file("nano_dy.root"), dimuon = TestData.file("nano_dimuon.root");
        Path later = dir.resolve("arrives_later.root");
        Path cfg = dir.resolve("analysis.jsh");
        Files.writeString(cfg, "// stand-in\n");
        List<Dataset> ds = List.of(
                new Dataset("DY", List.of(dy.toString(), later.toString()), Map.of("sample", "DY", "year", "2018")),
                new Dataset("DATA", List.of(dimuon.toString()), Map.of("sample", "DATA", "year", "2018")));
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream before = System.err;
        Path out = dir.resolve("out");
        int rc;
        System.setErr(new java.io.PrintStream(err, true));
        try { rc = run(cfg, ds, "-o", out.toString(), "-c", "15"); } finally { System.setErr(before); }
        assertEquals(2, rc, err.toString());
        assertTrue(err.toString().contains("dataset 'DY': file " + later + " is not a readable file") && err.toString().contains("--skip-bad-files"), err.toString());
        assertFalse(Files.exists(out.resolve("output_all.json")));

        assertEquals(0, run(cfg, ds, "-o", out.toString(), "-c", "15", "--skip-bad-files", "--overwrite"));
        JsonObject sc = RunFolder.readJson(out.resolve("failed_chunks.json"));
        assertEquals(1, sc.getAsJsonArray("skipped").size());
        JsonObject s0 = sc.getAsJsonArray("skipped").get(0).getAsJsonObject();
        assertEquals(later.toString(), s0.get("file").getAsString());
        assertEquals("BAD_FILE", s0.get("kind").getAsString());
        assertEquals((double) nMuonSum(dy), pocket.run.RunTestOutputs.read(Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json")))).get("nMuon:DY"));

        // the file arrives: --resubmit-failed tries the skipped file again and adds it
        Files.copy(dy, later);
        assertEquals(0, run(cfg, ds, "-o", out.toString(), "-c", "15", "--resubmit-failed"));
        JsonObject rc2 = RunFolder.readJson(out.resolve("failed_chunks.json"));
        assertEquals(0, rc2.getAsJsonArray("skipped").size(), rc2.toString());
        Map<String, Double> sums = pocket.run.RunTestOutputs.read(Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json"))));
        assertEquals(2.0 * nMuonSum(dy), sums.get("nMuon:DY"));
        assertEquals((double) nMuonSum(dimuon), sums.get("nMuon:DATA"));
        assertEquals(120.0, sums.get("events:DY") + sums.get("events:DATA"));
    }
}
