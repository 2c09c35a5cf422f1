package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.run.RunFolder;
import pocket.testing.PocketCli;

/** `pocket run --dry-run`: the plan a real run then processes, the options with their sources, nothing written. */
class DryRunTest {
    static final String CFG = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh").toString();

    @TempDir Path tmp;

    @Test
    void planEqualsWhatTheRunProcessesAndNothingIsWritten() throws Exception {
        Path ro = tmp.resolve("ro.yaml");
        Files.writeString(ro, "retries: 5\nfutures:\n  tree-reduction: 4\niterative:\n  tree-reduction: 9\n");
        String[] run = {"run", "--cfg", CFG, "-e", "futures", "-s", "2", "-c", "15", "-lc", "2", "-ro", ro.toString(), "--retries=3"};
        Path dryOut = tmp.resolve("dry");
        long t0 = System.nanoTime();
        PocketCli.Ran dry = PocketCli.run(StrictInputTest.concat(run, new String[] {"-o", dryOut.toString(), "--dry-run"}));
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(0, dry.code(), dry.toString());
        assertFalse(Files.exists(dryOut), "a dry run creates no output folder");
        assertTrue(dry.out().contains("output_all.json: 2 dataset(s), 2 file(s), 4 chunk(s), "), dry.out());

        Map<String, long[]> plan = new LinkedHashMap<>();   // dataset -> files, chunks, events
        Matcher m = Pattern.compile("(?m)^  (\\S+) +(\\d+) +(\\d+) +(\\d+)$").matcher(dry.out());
        while (m.find()) plan.put(m.group(1), new long[] {Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4))});
        assertEquals(2, plan.size(), dry.out());

        Path out = tmp.resolve("real");
        PocketCli.Ran real = PocketCli.run(StrictInputTest.concat(run, new String[] {"-o", out.toString()}));
        assertEquals(0, real.code(), real.toString());
        JsonObject initial = RunFolder.readJson(out.resolve("output_all.json")).getAsJsonObject("cutflow").getAsJsonObject("initial");
        JsonObject chunks = RunFolder.readJson(out.resolve(RunFolder.FAILED_CHUNKS)).getAsJsonObject("processed_chunks_per_dataset");
        assertEquals(initial.keySet(), plan.keySet());
        for (var e : plan.entrySet()) {
            assertEquals(initial.get(e.getKey()).getAsLong(), e.getValue()[2], "events of " + e.getKey());
            assertEquals(chunks.get(e.getKey()).getAsLong(), e.getValue()[1], "chunks of " + e.getKey());
            assertEquals(1, e.getValue()[0], "files of " + e.getKey());
            assertTrue(e.getValue()[2] < 40, "limit-chunks 2 of 3 chunks leaves fewer than the 40 events: " + e.getValue()[2]);
        }

        // each option's value and where it came from
        assertOption(dry.out(), "chunksize", "15", "-c/--chunksize");
        assertOption(dry.out(), "scaleout", "2", "-s/--scaleout");
        assertOption(dry.out(), "limit-chunks", "2", "-lc/--limit-chunks");
        assertOption(dry.out(), "retries", "3", "--retries=3");
        assertOption(dry.out(), "tree-reduction", "4", "-ro " + ro + " [futures]");
        assertOption(dry.out(), "skip-bad-files", "false", "defaults [general]");
        assertTrue(Files.readString(out.resolve(RunFolder.RUN_OPTIONS)).contains("tree-reduction: 4"));
        assertTrue(seconds < 20, "dry run took " + seconds + " s");
    }

    @Test
    void unopenableFilesAreListedAsTheRunWouldTreatThem() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("zmumu"));
        Path src = Path.of(CFG).getParent();
        for (String f : new String[] {"analysis.jsh", "params.yaml", "DATA_SingleMuon_2018.json"}) Files.copy(src.resolve(f), dir.resolve(f));
        Path broken = dir.resolve("broken.root");
        Files.write(broken, new byte[100]);
        Files.writeString(dir.resolve("DATA_SingleMuon_2018.json"), Files.readString(src.resolve("DATA_SingleMuon_2018.json"))
                .replace("../../../shared/data/nanoaod/nano_dimuon.root", broken.toString()));
        Files.writeString(dir.resolve("DYJetsToLL_M-50_2018.json"), Files.readString(src.resolve("DYJetsToLL_M-50_2018.json"))
                .replace("../../../shared/data/nanoaod/", pocket.testing.TestData.dir() + "/"));
        PocketCli.Ran r = PocketCli.run("run", "--cfg", dir.resolve("analysis.jsh").toString(), "-o", tmp.resolve("o").toString(),
                "--skip-bad-files", "--dry-run");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Files that cannot be opened (skipped):\n  DATA_SingleMuon_2018_EraA: cannot open " + broken), r.out());
        assertTrue(r.out().matches("(?s).*\\n  DATA_SingleMuon_2018_EraA +1 +0 +0\\n.*"), r.out());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    static void assertOption(String out, String key, String value, String from) {
        assertTrue(Pattern.compile("(?m)^  " + Pattern.quote(key) + " +" + Pattern.quote(value) + " +" + Pattern.quote(from) + "$").matcher(out).find(),
                key + " = " + value + " from " + from + " in\n" + out);
    }
}
