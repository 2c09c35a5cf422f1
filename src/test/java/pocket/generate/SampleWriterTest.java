package pocket.generate;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.write.Compression;
import pocket.rootio.write.WriteOptions;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class SampleWriterTest {
    @TempDir Path dir;

    @Test
    void writesFilesAndPocketCoffeaDatasetJson() throws Exception {
        SampleWriter w = new SampleWriter(Sample.ZMUMU, 2500, 3, 11, WriteOptions.defaults().withCompression(Compression.lz4(4)), "2018");
        SampleWriter.Result r = w.write(dir);
        assertEquals(dir.resolve("DYJetsToLL_M-50_2018.json"), r.json());
        JsonObject root = JsonParser.parseString(Files.readString(r.json())).getAsJsonObject();
        assertEquals(1, root.size());
        JsonObject ds = root.getAsJsonObject("DYJetsToLL_M-50_2018");
        assertEquals(3, ds.getAsJsonArray("files").size());
        for (var f : ds.getAsJsonArray("files")) {
            String rel = f.getAsString();
            assertFalse(Path.of(rel).isAbsolute(), rel);
            assertTrue(Files.size(dir.resolve(rel)) > 1000, rel);
        }
        JsonObject m = ds.getAsJsonObject("metadata");
        for (var e : m.entrySet()) assertTrue(e.getValue().getAsJsonPrimitive().isString(), e.getKey() + " is a string");
        assertEquals("True", m.get("isMC").getAsString());
        assertEquals("DYJetsToLL", m.get("sample").getAsString());
        assertEquals("2018", m.get("year").getAsString());
        assertEquals("2500", m.get("nevents").getAsString());
        assertEquals(6077.22, Double.parseDouble(m.get("xsec").getAsString()));
        // Σ genWeight from the generator, one event at a time
        EventGenerator g = new EventGenerator(Sample.ZMUMU, 11);
        double sum = 0;
        for (int i = 0; i < 2500; i++) sum += g.genWeight(i);
        assertEquals(sum, Double.parseDouble(m.get("sum_genweights").getAsString()), 1e-9);
        assertEquals(sum, r.sumGenWeights(), 1e-9);
    }

    @Test
    void dataJsonSaysFalseAndHasNoWeights() throws Exception {
        SampleWriter.Result r = new SampleWriter(Sample.DATA, 100, 1, 1, WriteOptions.defaults(), "2018").write(dir);
        JsonObject m = JsonParser.parseString(Files.readString(r.json())).getAsJsonObject()
                .getAsJsonObject("DATA_SingleMuon_2018_EraA").getAsJsonObject("metadata");
        assertEquals("False", m.get("isMC").getAsString());
        assertNull(m.get("sum_genweights"));
        assertNull(m.get("xsec"));
    }

    @Test
    void sameArgumentsSameBytes() throws Exception {
        WriteOptions o = WriteOptions.defaults().withCompression(Compression.zstd(3));
        SampleWriter.Result a = new SampleWriter(Sample.TTBAR, 1500, 2, 5, o, "2018").write(dir.resolve("a"));
        SampleWriter.Result b = new SampleWriter(Sample.TTBAR, 1500, 2, 5, o, "2018").write(dir.resolve("b"));
        for (int k = 0; k < 2; k++) assertArrayEquals(Files.readAllBytes(a.files().get(k)), Files.readAllBytes(b.files().get(k)));
        assertEquals(Files.readString(a.json()), Files.readString(b.json()));
        SampleWriter.Result c = new SampleWriter(Sample.TTBAR, 1500, 2, 6, o, "2018").write(dir.resolve("c"));
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.files().get(0)), Files.readAllBytes(c.files().get(0))));
    }

    @Test
    void rejectsEmptyFiles() {
        assertThrows(IllegalArgumentException.class, () -> new SampleWriter(Sample.ZMUMU, 2, 3, 1, WriteOptions.defaults(), "2018"));
    }
}
