package pocket.skim;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.EventGenerator;
import pocket.generate.Sample;
import pocket.generate.SampleWriter;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.rootio.write.Compression;
import pocket.rootio.write.WriteOptions;
import pocket.testing.TestData;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.*;

class SkimWriterTest {
    @TempDir Path dir;

    /** The skim: a muon above 25 GeV and HLT_IsoMu24, decided from the generator's own values. */
    private static boolean passes(Map<String, ColumnArray> ev, int i) {
        if (!ev.get("HLT_IsoMu24").bools()[i]) return false;
        int[] off = ev.get("Muon_pt").offsets;
        float[] pt = ev.get("Muon_pt").floats();
        for (int j = off[i]; j < off[i + 1]; j++) if (pt[j] > 25) return true;
        return false;
    }

    @Test
    void skimHoldsExactlyThePassingEventsWithAllTheirBranches() throws Exception {
        SampleWriter.Result r = new SampleWriter(Sample.ZMUMU, 3000, 1, 21, WriteOptions.defaults().withCompression(Compression.zstd(3)), "2018").write(dir);
        EventGenerator gen = new EventGenerator(Sample.ZMUMU, 21);
        long start = 1000, stop = 2500;
        Map<String, ColumnArray> ev = gen.events(start, (int) (stop - start));
        List<Long> pass = new ArrayList<>();
        double sumw = 0, sumwSkim = 0;
        for (int i = 0; i < stop - start; i++) {
            sumw += ev.get("genWeight").floats()[i];
            if (passes(ev, i)) { pass.add(start + i); sumwSkim += ev.get("genWeight").floats()[i]; }
        }
        assertTrue(pass.size() > 300 && pass.size() < 1400, "a real selection: " + pass.size());
        long[] selected = pass.stream().mapToLong(Long::longValue).toArray();
        Path skim = dir.resolve("skim_0.root");
        try (RootFile f = RootFile.open(r.files().get(0).toString())) {
            assertEquals(selected.length, SkimWriter.write(f.tree("Events"), start, stop, selected, skim, WriteOptions.defaults().withCompression(Compression.lz4(4))));
        }
        try (RootFile f = RootFile.open(skim.toString())) {
            Tree t = f.tree("Events");
            assertEquals(selected.length, t.entries());
            assertEquals(gen.schema().names(), t.branchNames());
            long[] events = t.read("event", 0, t.entries()).longs();
            for (int k = 0; k < selected.length; k++) assertEquals(selected[k] + 1, events[k], "event number of skimmed entry " + k);
            for (int k = 0; k < selected.length; k += 37) {
                Map<String, ColumnArray> one = gen.events(selected[k], 1);
                for (String b : one.keySet()) {
                    ColumnArray got = t.read(b, k, k + 1);
                    assertTrue(Objects.deepEquals(one.get(b).data, got.data), b + " of skimmed entry " + k);
                }
            }
        }

        SkimmedDatasetDefinition def = new SkimmedDatasetDefinition()
                .add("DYJetsToLL_M-50_2018", Map.of("sample", "DYJetsToLL", "year", "2018", "isMC", "True", "xsec", "6077.22"),
                        dir.relativize(skim).toString(), stop - start, selected.length, sumw, sumwSkim);
        def.write(dir.resolve("skimmed_dataset_definition.json"));
        JsonObject m = JsonParser.parseString(Files.readString(dir.resolve("skimmed_dataset_definition.json"))).getAsJsonObject()
                .getAsJsonObject("DYJetsToLL_M-50_2018").getAsJsonObject("metadata");
        assertEquals(Integer.toString(selected.length), m.get("nevents").getAsString());
        assertEquals("True", m.get("isSkim").getAsString());
        assertEquals(sumw / sumwSkim, Double.parseDouble(m.get("skim_rescale_genweights").getAsString()), 1e-12);
        assertEquals((double) selected.length / (stop - start), Double.parseDouble(m.get("skim_efficiency").getAsString()), 1e-12);
    }

    @Test
    void skimOfARealNanoAODFile() throws Exception {
        Path src = TestData.file("nano_dy.root");
        Path skim = dir.resolve("dy_skim.root");
        long[] selected;
        try (RootFile f = RootFile.open(src.toString())) {
            Tree t = f.tree("Events");
            int[] nMuon = t.read("nMuon", 0, t.entries()).ints();
            List<Long> pass = new ArrayList<>();
            for (int i = 0; i < nMuon.length; i++) if (nMuon[i] >= 2) pass.add((long) i);
            selected = pass.stream().mapToLong(Long::longValue).toArray();
            assertTrue(selected.length > 0 && selected.length < t.entries());
            SkimWriter.write(t, 0, t.entries(), selected, skim, WriteOptions.defaults());
            try (RootFile s = RootFile.open(skim.toString())) {
                Tree k = s.tree("Events");
                assertEquals(selected.length, k.entries());
                assertEquals(t.branchNames().size(), k.branchNames().size());
                for (String b : List.of("event", "Muon_pt", "Jet_eta", "nJet", "HLT_IsoMu24", "Electron_cutBased")) {
                    if (!t.hasBranch(b)) continue;
                    ColumnArray all = t.read(b, 0, t.entries()), got = k.read(b, 0, k.entries());
                    int[] rows = new int[selected.length];
                    for (int i = 0; i < rows.length; i++) rows[i] = (int) selected[i];
                    ColumnArray want = SkimWriter.take(all, rows);
                    assertTrue(Objects.deepEquals(want.data, got.data), b);
                    assertArrayEquals(want.offsets, got.offsets, b);
                    assertEquals(t.branch(b).type(), k.branch(b).type(), b);
                }
            }
        }
    }

    @Test
    void entriesOutsideTheChunkAreRejected() throws Exception {
        SampleWriter.Result r = new SampleWriter(Sample.DATA, 100, 1, 1, WriteOptions.defaults(), "2018").write(dir);
        try (RootFile f = RootFile.open(r.files().get(0).toString())) {
            var e = assertThrows(pocket.rootio.RootIOException.class,
                    () -> SkimWriter.write(f.tree("Events"), 10, 20, new long[]{12, 25}, dir.resolve("x.root"), WriteOptions.defaults()));
            assertTrue(e.getMessage().contains("entry 25 is outside the chunk [10, 20)"), e.getMessage());
        }
    }
}
