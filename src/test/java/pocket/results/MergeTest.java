package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.testing.PocketCli;

/**
 * {@code pocket merge} as typed: two runs over disjoint datasets merged equal one run over all of
 * them, byte for byte (with a merge-tree fan-in of 2, so the datasets' chunks would be associated
 * differently if the tree did not align them); a chunk twice, another config, a used folder refused.
 */
class MergeTest {
    @TempDir static Path dir;
    static Path all, dy, rest;

    @BeforeAll static void runThree() throws Exception {
        new DemoSamples(dir.resolve("samples"), 40_000).ensure(new PrintWriter(new StringWriter()));
        // ttbar first: the one run then plans DY's many weighted chunks after ttbar's, at an odd leaf
        Path json = dir.resolve("samples/datasets.json");
        JsonObject ds = JsonParser.parseString(Files.readString(json)).getAsJsonObject(), reordered = new JsonObject();
        reordered.add("TTToSemiLeptonic_2018", ds.remove("TTToSemiLeptonic_2018"));
        ds.entrySet().forEach(e -> reordered.add(e.getKey(), e.getValue()));
        Files.writeString(json, reordered.toString());
        all = run("all", null);
        dy = run("dy", "DYJetsToLL_M-50_2018");
        rest = run("rest", "TTToSemiLeptonic_2018,DATA_SingleMuon_2018_EraA");
    }

    static Path run(String name, String datasets) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "--cfg", "notebooks/zmumu/analysis.jsh", "-o", out.toString(),
                "-e", "futures", "-s", "2", "--chunksize", "900", "--tree-reduction=2"));
        if (datasets != null) { args.add("--filter-datasets"); args.add(datasets); }
        String before = System.setProperty("pocket.zmumu.samples", dir.resolve("samples").toString());
        try {
            PocketCli.Ran r = PocketCli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.toString());
        } finally {
            if (before == null) System.clearProperty("pocket.zmumu.samples"); else System.setProperty("pocket.zmumu.samples", before);
        }
        return out;
    }

    @Test void disjointRunsMergedEqualOneRunByteForByte() throws Exception {
        Path merged = dir.resolve("merged");
        PocketCli.Ran r = PocketCli.run("merge", rest.toString(), dy.toString(), "-o", merged.toString());
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("Merged 2 outputs into " + merged), r.out());
        // the split really has chunks of both datasets beside each other in a tree of fan-in 2
        SortedSet<String> dyChunks = OutputFolder.read(dy).chunkIds(), restChunks = OutputFolder.read(rest).chunkIds();
        long ttChunks = restChunks.stream().filter(id -> id.startsWith("TTToSemiLeptonic")).count();
        assertTrue(dyChunks.size() > 8 && ttChunks % 2 == 1, dyChunks.size() + " DY chunks after an odd number of ttbar chunks: " + ttChunks);
        assertTrue(restChunks.size() > 3, restChunks.toString());
        for (String f : List.of("output_all.raw.json", "output_all.json", "chunks.json"))
            assertEquals(Files.readString(all.resolve(f)), Files.readString(merged.resolve(f)), f + " of the merge differs from the one run's");
        OutputFolder m = OutputFolder.read(merged);
        assertTrue(m.complete());
        assertEquals(dyChunks.size() + restChunks.size(), m.processedChunks());
        // and the merged folder reads and merges like any other (raw sums kept, normalised once)
        assertEquals(OutputFolder.read(all).postprocessed(), m.postprocessed());
    }

    @Test void theSameChunkTwiceIsRefused() throws Exception {
        Path out = dir.resolve("twice");
        PocketCli.Ran r = PocketCli.run("merge", dy.toString(), all.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.toString());
        int n = OutputFolder.read(dy).chunkIds().size();
        assertTrue(r.err().contains("pocket merge: " + n + " chunk(s) are in both " + dy + " and " + all), r.err());
        assertTrue(r.err().contains("count their events twice"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test void anotherConfigIsRefusedNamingWhatDiffers() throws Exception {
        Path other = dir.resolve("other");
        Files.createDirectories(other);
        for (String f : List.of("output_all.json", "output_all.raw.json", "chunks.json")) Files.copy(rest.resolve(f), other.resolve(f));
        // the same run with another category: what a changed config script writes into config.json
        Files.writeString(other.resolve("config.json"), Files.readString(rest.resolve("config.json"))
                .replace("\"Z_peak_1jet\"", "\"Z_peak_2jet\""));
        PocketCli.Ran r = PocketCli.run("merge", dy.toString(), other.toString(), "-o", dir.resolve("x").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("ran different configs") && r.err().contains("'categories'"), r.err());
        assertFalse(r.err().contains("'parameters'"), r.err());
    }

    @Test void aFolderHoldingOutputsIsNotOverwritten() throws Exception {
        String before = Files.readString(all.resolve("output_all.json"));
        PocketCli.Ran r = PocketCli.run("merge", dy.toString(), rest.toString(), "-o", all.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(all + " already holds [config.json, output_all.json"), r.err());
        assertEquals(before, Files.readString(all.resolve("output_all.json")));
    }

    @Test void badInputsNameTheFolder() {
        PocketCli.Ran r = PocketCli.run("merge", dy.toString(), dir.resolve("nope").toString(), "-o", dir.resolve("y").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(dir.resolve("nope") + " is not a folder"), r.err());
        PocketCli.Ran one = PocketCli.run("merge", dy.toString(), "-o", dir.resolve("y").toString());
        assertEquals(2, one.code(), one.toString());
    }
}
