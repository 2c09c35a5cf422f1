package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.hist.Hist;
import pocket.hist.HistAxis;
import pocket.notebook.Result;
import pocket.testing.Jsroot;
import pocket.testing.PocketCli;

/**
 * {@code pocket export-root} as typed, on a folder the command line wrote, read back by JSROOT:
 * the names combine looks for, and every bin and sumw2 (flow included) equal to the histograms of
 * the output's JSON; data_obs the sum of the data; refusals that name what would be valid.
 */
class ExportRootTest {
    @TempDir static Path dir;
    static Path out;
    static Histograms hists;

    @BeforeAll static void run() throws Exception {
        new DemoSamples(dir.resolve("samples"), 20_000).ensure(new PrintWriter(new StringWriter()));
        out = dir.resolve("out");
        String before = System.setProperty("pocket.zmumu.samples", dir.resolve("samples").toString());
        try {
            PocketCli.Ran r = PocketCli.run("run", "--cfg", "notebooks/zmumu/analysis.jsh", "-o", out.toString(), "-e", "futures", "--chunksize", "5000");
            assertEquals(0, r.code(), r.toString());
        } finally {
            if (before == null) System.clearProperty("pocket.zmumu.samples"); else System.setProperty("pocket.zmumu.samples", before);
        }
        OutputFolder f = OutputFolder.read(out);
        hists = new Histograms(f.postprocessed(), f.lumiFb());
    }

    /** The names combine's default shapes line would look for, derived from the output's JSON. */
    static Set<String> expectedNames(List<String> variables) {
        Set<String> names = new TreeSet<>();
        for (String v : variables)
            for (String c : hists.categories(v)) {
                boolean data = false;
                for (String s : hists.samples(v)) {
                    if (hists.isData(s)) { data = true; continue; }
                    Hist h = hists.hist(v, s);
                    for (String var : h.axis("variation").binLabels())
                        names.add(v + "_" + c + "_" + s + (var.equals("nominal") ? "" : "_" + var));
                }
                if (data) names.add(v + "_" + c + "_data_obs");
            }
        return names;
    }

    @Test void everyBinOfEveryShapeAsJsrootReadsIt() throws Exception {
        Path file = dir.resolve("shapes.root");
        PocketCli.Ran r = PocketCli.run("export-root", "-i", out.toString(), "-o", file.toString());
        assertEquals(0, r.code(), r.toString());
        Set<String> expected = expectedNames(hists.names());
        assertTrue(expected.stream().anyMatch(n -> n.endsWith("_sf_mu_idUp")), "the demo has a shape systematic: " + expected);
        assertTrue(r.out().contains("Wrote " + expected.size() + " histograms to " + file), r.out());

        JsonObject read = Jsroot.read(file, expected.toArray(String[]::new));
        Set<String> keys = new TreeSet<>();
        read.getAsJsonArray("keys").forEach(k -> keys.add(k.getAsString()));
        keys.remove("StreamerInfo");
        assertEquals(expected, keys);

        int compared = 0;
        for (String v : hists.names())
            for (String c : hists.categories(v)) {
                Hist data = null;
                for (String s : hists.samples(v)) {
                    Hist h = hists.hist(v, s).select("cat", c);
                    if (hists.isData(s)) { data = data == null ? h : data.add(h); continue; }
                    for (String var : h.axis("variation").binLabels())
                        compared += same(h.select("variation", var), object(read, v + "_" + c + "_" + s + (var.equals("nominal") ? "" : "_" + var)));
                }
                compared += same(data, object(read, v + "_" + c + "_data_obs"));
            }
        assertEquals(expected.size(), compared);
    }

    static JsonObject object(JsonObject read, String name) {
        JsonObject o = read.getAsJsonObject("objects").getAsJsonObject(name);
        assertNotNull(o, name);
        assertFalse(o.has("error"), name + ": " + o);
        return o;
    }

    /** Compares ROOT's bins (0 underflow .. n+1 overflow on each axis) with Hist.value(i) (-1 underflow .. size overflow). */
    static int same(Hist h, JsonObject o) {
        List<HistAxis> axes = h.axes();
        assertEquals(axes.size() == 1 ? "TH1D" : "TH2D", o.get("className").getAsString(), o.get("name").getAsString());
        JsonArray contents = o.getAsJsonArray("contents"), sumw2 = o.getAsJsonArray("sumw2");
        HistAxis x = axes.get(0), y = axes.size() == 2 ? axes.get(1) : null;
        int nx = x.size() + 2, ny = y == null ? 1 : y.size() + 2;
        assertEquals(nx * ny, contents.size());
        assertEquals(x.size(), o.getAsJsonObject("x").get("nbins").getAsInt());
        if (!x.isCategory()) assertArrayEquals(x.edges(), doubles(o.getAsJsonObject("x").getAsJsonArray("edges")), 1e-9);
        for (int ry = 0; ry < ny; ry++)
            for (int rx = 0; rx < nx; rx++) {
                double want = 0, wantVar = 0;
                boolean inX = present(x, rx), inY = y == null || present(y, ry);
                if (inX && inY) {
                    int[] bins = y == null ? new int[]{rx - 1} : new int[]{rx - 1, ry - 1};
                    want = h.value(bins);
                    wantVar = h.variance(bins);
                }
                int cell = rx + nx * ry;
                assertEquals(want, contents.get(cell).getAsDouble(), o.get("name").getAsString() + " bin " + rx + "," + ry);
                assertEquals(wantVar, sumw2.get(cell).getAsDouble(), o.get("name").getAsString() + " sumw2 " + rx + "," + ry);
            }
        return 1;
    }

    /** True when ROOT's bin r of this axis is a bin pocket keeps (flow bins only when the axis has them). */
    static boolean present(HistAxis a, int r) {
        if (r == 0) return a.underflow();
        if (r == a.size() + 1) return a.overflow();
        return true;
    }

    static double[] doubles(JsonArray a) {
        double[] d = new double[a.size()];
        for (int i = 0; i < d.length; i++) d[i] = a.get(i).getAsDouble();
        return d;
    }

    @Test void combinePatternsASubsetAndTheNotebookCall() throws Exception {
        Path file = dir.resolve("mll.root");
        PocketCli.Ran r = PocketCli.run("export-root", "-i", out.toString(), "-o", file.toString(), "--variables", "mll",
                "--categories", "Z_peak", "--pattern", "$CHANNEL_$PROCESS", "--syst-pattern", "$CHANNEL_$PROCESS_$SYSTEMATIC");
        assertEquals(0, r.code(), r.toString());
        Set<String> expected = new TreeSet<>();
        for (String n : expectedNames(List.of("mll"))) if (n.startsWith("mll_Z_peak_") && !n.startsWith("mll_Z_peak_1jet_")) expected.add(n.substring("mll_".length()));
        JsonObject read = Jsroot.read(file, expected.toArray(String[]::new));
        Set<String> keys = new TreeSet<>();
        read.getAsJsonArray("keys").forEach(k -> keys.add(k.getAsString()));
        keys.remove("StreamerInfo");
        assertEquals(expected, keys);

        Path nb = dir.resolve("notebook.root");
        Result.load(out).toRoot(nb);
        JsonObject all = Jsroot.read(nb);
        assertEquals(expectedNames(hists.names()).size() + 1, all.getAsJsonArray("keys").size(), "Result.toRoot writes what export-root writes");
    }

    @Test void refusalsNameWhatIsValid() throws Exception {
        String o = dir.resolve("bad.root").toString();
        PocketCli.Ran r = PocketCli.run("export-root", "-i", out.toString(), "-o", o, "--pattern", "$VARIABLE_$CATEGORY_$PROCESS");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("unknown name $CATEGORY") && r.err().contains("$CHANNEL"), r.err());
        r = PocketCli.run("export-root", "-i", out.toString(), "-o", o, "--variables", "mll", "--pattern", "$VARIABLE_$PROCESS");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("would both be named 'mll_"), r.err());
        r = PocketCli.run("export-root", "-i", out.toString(), "-o", o, "--variables", "mlll");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("no variable 'mlll'") && r.err().contains("mll"), r.err());
        r = PocketCli.run("export-root", "-i", out.toString(), "-o", o, "--syst-pattern", "$VARIABLE_$CHANNEL_$PROCESS");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("must contain $SYSTEMATIC"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

}
