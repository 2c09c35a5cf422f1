package pocket.generate;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.rootio.write.Compression;
import pocket.rootio.write.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

import static org.junit.jupiter.api.Assertions.*;

/** Generated files, read with pocket's reader, hold what a fresh generator with the same seed makes. */
class GeneratedFilesReadBackTest {
    @TempDir Path dir;

    @Test
    void everyBranchOfEveryFileMatchesTheGenerator() throws Exception {
        for (Sample s : Sample.values()) {
            SampleWriter.Result r = new SampleWriter(s, 3001, 2, 123, WriteOptions.defaults().withCompression(Compression.zstd(5)), "2018").write(dir.resolve(s.cliName()));
            EventGenerator fresh = new EventGenerator(s, 123);
            var files = JsonParser.parseString(Files.readString(r.json())).getAsJsonObject()
                    .getAsJsonObject(r.datasetKey()).getAsJsonArray("files");
            long first = 0;
            double sumw = 0;
            for (var rel : files) {
                try (RootFile f = RootFile.open(r.json().getParent().resolve(rel.getAsString()).toString())) {
                    Tree t = f.tree("Events");
                    int n = (int) t.entries();
                    Map<String, ColumnArray> want = fresh.events(first, n);
                    assertEquals(want.keySet().stream().toList(), t.branchNames(), s + " branches");
                    for (String b : want.keySet()) {
                        ColumnArray got = t.read(b, 0, n), w = want.get(b);
                        assertTrue(Objects.deepEquals(w.data, got.data), s + " " + b + " values");
                        assertArrayEquals(w.offsets, got.offsets, s + " " + b + " offsets");
                    }
                    Tree runs = f.tree("Runs");
                    if (s.isMC) {
                        double fileSum = 0;
                        for (float x : t.read("genWeight", 0, n).floats()) fileSum += x;
                        assertEquals(fileSum, runs.read("genEventSumw", 0, 1).doubles()[0], 1e-9);
                        assertEquals(n, runs.read("genEventCount", 0, 1).longs()[0]);
                        sumw += fileSum;
                    } else {
                        assertFalse(runs.hasBranch("genEventSumw"));
                        assertEquals(316_000, runs.read("run", 0, 1).ints()[0]);
                    }
                    first += n;
                }
            }
            assertEquals(3001, first, s + " events over the files");
            if (s.isMC) assertEquals(sumw, r.sumGenWeights(), 1e-9);
        }
    }

    @Test
    void zPeakInTheWrittenFile() throws Exception {
        SampleWriter.Result r = new SampleWriter(Sample.ZMUMU, 20_000, 1, 77, WriteOptions.defaults().withCompression(Compression.lz4(4)), "2018").write(dir);
        try (RootFile f = RootFile.open(r.files().get(0).toString())) {
            Tree t = f.tree("Events");
            Map<String, ColumnArray> c = t.read(java.util.List.of("Muon_pt", "Muon_eta", "Muon_phi", "Muon_charge", "Muon_tightId", "HLT_IsoMu24"), 0, t.entries());
            int[] off = c.get("Muon_pt").offsets;
            float[] pt = c.get("Muon_pt").floats(), eta = c.get("Muon_eta").floats(), phi = c.get("Muon_phi").floats();
            int[] q = c.get("Muon_charge").ints();
            boolean[] tight = c.get("Muon_tightId").bools(), hlt = c.get("HLT_IsoMu24").bools();
            double sum = 0;
            int n = 0, triggered = 0;
            for (int i = 0; i < t.entries(); i++) {
                if (hlt[i]) triggered++;
                if (off[i + 1] - off[i] < 2) continue;
                int a = off[i], b = a + 1;
                if (q[a] * q[b] > 0 || !tight[a] || !tight[b] || pt[a] < 25) continue;
                double m = Math.sqrt(2 * pt[a] * pt[b] * (Math.cosh(eta[a] - eta[b]) - Math.cos(phi[a] - phi[b])));
                if (m > 80 && m < 100) { sum += m; n++; }
            }
            assertTrue(n > 5000, "selected Z candidates " + n);
            assertEquals(91.1, sum / n, 0.4);
            assertTrue(triggered > 0.5 * t.entries() && triggered < t.entries(), "HLT_IsoMu24 fires for most Z events: " + triggered);
        }
    }
}
