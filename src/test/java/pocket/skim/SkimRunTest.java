package pocket.skim;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.Categories;
import pocket.workflow.Configurator;
import pocket.config.Cuts;
import pocket.config.DatasetsConfig;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.run.ProgressListener;
import pocket.run.RunFolder;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;
import pocket.testing.TestData;
import pocket.workflow.Output;

/** A config with saveSkimmedFiles, run in chunks by the Runner: the skims hold exactly the passing events. */
class SkimRunTest {
    @Test
    void savedSkimsHoldExactlyThePassingEventsAndAreListed(@TempDir Path dir) throws Exception {
        Path sample = TestData.file("nano_dy.root").toAbsolutePath();
        Files.writeString(dir.resolve("dy.json"), "{\"DY_2018\": {\"metadata\": {\"sample\": \"DY\", \"year\": \"2018\", \"isMC\": \"True\","
                + " \"xsec\": \"6077.22\"}, \"files\": [\"" + sample + "\"]}}");
        Configurator cfg = Configurator.builder().baseDir(dir)
                .datasets(DatasetsConfig.jsons("dy.json"))
                .skim(Cuts.get_nObj_min(2, 15.0, "Muon"))
                .saveSkimmedFiles("skims")
                .categories(Categories.standard().add("baseline", Cuts.passthrough))
                .build();

        // the selection computed apart: at least two muons above 15 GeV, straight from the raw arrays
        List<Long> expected = new ArrayList<>();
        TreeMap<Long, Double> genWeightOf = new TreeMap<>();
        long entries;
        try (RootFile f = RootFile.open(sample.toString())) {
            Tree t = f.tree("Events");
            entries = t.entries();
            ColumnArray pt = t.read("Muon_pt", 0, entries);
            long[] event = t.read("event", 0, entries).longs();
            float[] gw = t.read("genWeight", 0, entries).floats();
            for (int i = 0; i < entries; i++) {
                int n = 0;
                for (int j = pt.offsets[i]; j < pt.offsets[i + 1]; j++) if (pt.floats()[j] > 15.0f) n++;
                if (n >= 2) { expected.add(event[i]); genWeightOf.put(event[i], (double) gw[i]); }
            }
        }
        assertTrue(expected.size() > 0 && expected.size() < entries, "the skim must keep some events and drop some");

        RunOptions o = RunOptionsResolver.defaults().resolve("futures").with("chunksize", 7).with("scaleout", 2).with("retries", 0);
        Path out = dir.resolve("out");
        RunResult r = Runner.run(RunRequest.builder(cfg, out).executor("futures").options(o).logLevel("WARNING").progress(ProgressListener.NONE).build());
        assertTrue(r.complete());

        Path skims = dir.resolve("skims/DY_2018");
        List<Path> files;
        try (var s = Files.list(skims)) { files = s.sorted().toList(); }
        assertTrue(files.size() >= 2, "several chunks wrote skims: " + files);
        List<Long> got = new ArrayList<>();
        double sumwSkimmed = 0;
        int sourceBranches;
        try (RootFile f = RootFile.open(sample.toString())) { sourceBranches = f.tree("Events").branchNames().size(); }
        for (Path p : files) {
            assertTrue(p.getFileName().toString().matches("nano_dy_\\d+-\\d+\\.root"), p.toString());
            try (RootFile f = RootFile.open(p.toString())) {
                Tree t = f.tree("Events");
                assertEquals(sourceBranches, t.branchNames().size(), "every branch is kept in " + p);
                for (long e : t.read("event", 0, t.entries()).longs()) { got.add(e); sumwSkimmed += genWeightOf.getOrDefault(e, Double.NaN); }
            }
        }
        // files sorted by name are not sorted by start entry; compare as sorted lists of events
        assertEquals(expected.stream().sorted().toList(), got.stream().sorted().toList());
        assertEquals(expected.size(), got.stream().distinct().count());

        JsonObject def = RunFolder.readJson(out.resolve(Runner.SKIMMED_DATASET_DEFINITION));
        JsonObject ds = def.getAsJsonObject("DY_2018");
        JsonObject meta = ds.getAsJsonObject("metadata");
        assertEquals(Long.toString(expected.size()), meta.get("nevents").getAsString());
        assertEquals("True", meta.get("isSkim").getAsString());
        assertEquals("DY", meta.get("sample").getAsString());
        assertEquals((double) expected.size() / entries, Double.parseDouble(meta.get("skim_efficiency").getAsString()), 1e-12);
        double sumw = 0;
        try (RootFile f = RootFile.open(sample.toString())) { for (float w : f.tree("Events").read("genWeight", 0, entries).floats()) sumw += w; }
        assertEquals(sumw / sumwSkimmed, Double.parseDouble(meta.get("skim_rescale_genweights").getAsString()), 1e-9 * Math.abs(sumw / sumwSkimmed));
        JsonArray listed = ds.getAsJsonArray("files");
        List<String> listedFiles = new ArrayList<>();
        listed.forEach(x -> listedFiles.add(x.getAsString()));
        assertEquals(files.stream().map(p -> p.toAbsolutePath().toString()).sorted().toList(), listedFiles.stream().sorted().toList());

        // the raw output records the same files and counts, and survives its JSON round trip
        Output raw = Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json")));
        assertEquals(files.size(), raw.skimmedFiles().size());
        assertEquals(expected.size(), raw.skimmedFiles().values().stream().mapToLong(Output.SkimmedFile::nevents).sum());
        assertEquals(expected.size(), raw.cutflowStep("skim").get("DY_2018"));
    }
}
