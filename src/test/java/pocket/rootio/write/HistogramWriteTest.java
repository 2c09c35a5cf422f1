package pocket.rootio.write;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.RootIOException;
import pocket.rootio.file.RootFile;
import pocket.testing.Jsroot;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** TH1D and TH2D keys written by pocket and read back by JSROOT, a reader that knows nothing of pocket: every bin, sumw2, axis and statistic. */
class HistogramWriteTest {

    static double[] random(int n, long seed, boolean squares) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = squares ? r.nextDouble() * r.nextDouble() : r.nextDouble() * 1000 - 5;
        return v;
    }

    @Test
    void jsrootReadsEveryBinOfTh1dAndTh2d(@TempDir Path dir) throws Exception {
        HistogramSpec regular = HistogramSpec.builder("mll").title("m_{#mu#mu}")
                .x(HistogramSpec.Axis.regular(40, 70, 110).withTitle("m_{#mu#mu} [GeV]"))
                .contents(random(42, 1, false)).sumw2(random(42, 2, true)).build();
        HistogramSpec variable = HistogramSpec.builder("pt_DYJets_pileupUp")
                .x(HistogramSpec.Axis.variable(0, 10, 25, 50, 100, 300))
                .contents(random(7, 3, false)).sumw2(random(7, 4, true)).build();
        HistogramSpec labelled = HistogramSpec.builder("cutflow")
                .x(HistogramSpec.Axis.categories(List.of("initial", "skim", "Z_peak")))
                .contents(new double[]{0, 100, 60, 42.5, 0}).build();
        HistogramSpec two = HistogramSpec.builder("mll_vs_ptll").title("2d")
                .x(HistogramSpec.Axis.regular(6, 60, 120).withTitle("mll")).y(HistogramSpec.Axis.variable(0, 5, 20, 100).withTitle("ptll"))
                .contents(random(8 * 5, 5, false)).sumw2(random(8 * 5, 6, true)).build();
        List<HistogramSpec> all = List.of(regular, variable, labelled, two);
        Path file = dir.resolve("shapes.root");
        try (RootFileWriter f = RootFileWriter.create(file, WriteOptions.defaults().withCompression(Compression.zlib(1)))) {
            for (HistogramSpec h : all) f.histogram(h);
        }

        JsonObject r = Jsroot.read(file, all.stream().map(HistogramSpec::name).toArray(String[]::new));
        for (HistogramSpec h : all) {
            JsonObject o = r.getAsJsonObject("objects").getAsJsonObject(h.name());
            assertFalse(o.has("error"), h.name() + ": " + o);
            assertEquals(h.className(), o.get("className").getAsString());
            assertEquals(h.title(), o.get("title").getAsString());
            assertArrayEquals(h.contents(), doubles(o.getAsJsonArray("contents")), h.name() + " contents");
            double[] sumw2 = h.sumw2() == null ? new double[0] : h.sumw2();
            assertArrayEquals(sumw2, doubles(o.getAsJsonArray("sumw2")), h.name() + " sumw2");
            assertEquals(h.entries(), o.get("entries").getAsDouble());
            double[] stats = doubles(o.getAsJsonArray("stats"));
            assertEquals(h.tsumw(), stats[0]);
            assertEquals(h.tsumwx2(), stats[3]);
            if (h.dimension() == 2) assertEquals(h.tsumwxy(), stats[6]);
            axis(h.x(), o.getAsJsonObject("x"));
            if (h.dimension() == 2) axis(h.y(), o.getAsJsonObject("y"));
        }
        // and pocket's own reader lists the same keys, with their classes
        try (RootFile f = RootFile.open(file.toString())) {
            assertEquals(List.of("TH1D", "TH1D", "TH1D", "TH2D"), f.keys().stream().map(k -> k.className()).toList());
        }
    }

    private static void axis(HistogramSpec.Axis a, JsonObject o) {
        assertEquals(a.nbins(), o.get("nbins").getAsInt());
        assertEquals(a.variable(), o.get("variable").getAsBoolean());
        assertArrayEquals(a.edges(), doubles(o.getAsJsonArray("edges")), 1e-12);
        assertEquals(a.title(), o.get("title").getAsString());
        if (a.labels() != null)
            assertEquals(a.labels(), o.getAsJsonArray("labels").asList().stream().map(e -> e.getAsString()).toList());
        else assertTrue(o.get("labels").isJsonNull());
    }

    static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).isJsonNull() ? Double.NaN : a.get(i).getAsDouble();
        return d;
    }

    @Test
    void twoHistogramsOfOneNameAreRefused(@TempDir Path dir) throws Exception {
        HistogramSpec h = HistogramSpec.builder("DY").x(HistogramSpec.Axis.regular(2, 0, 1)).build();
        try (RootFileWriter f = RootFileWriter.create(dir.resolve("s.root"))) {
            f.histogram(h);
            RootIOException e = assertThrows(RootIOException.class, () -> f.histogram(h));
            assertTrue(e.getMessage().contains("two histograms are named 'DY'"), e.getMessage());
        }
    }
}
