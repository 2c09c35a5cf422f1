package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.ConfigException;
import pocket.config.Dataset;
import pocket.generate.EventGenerator;
import pocket.generate.Sample;
import pocket.hist.Hist;
import pocket.notebook.Result;
import pocket.rootio.ColumnArray;
import pocket.rootio.Tree;
import pocket.rootio.file.RootFile;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.WriteOptions;
import pocket.testing.PocketCli;
import pocket.testing.TestData;

/**
 * Column sums and ranges over the real DY and dimuon NanoAOD samples, run as typed: the values
 * equal a loop over the raw branches read with the ROOT reader; futures and iterative write the
 * same bytes; two disjoint runs merged equal one run byte for byte; a dataset whose file has no
 * entry and one whose events all fail the preselection are in every key with zeros; an unknown
 * column is refused naming it and the nearest branches.
 */
class ColumnSumsRunTest {
    static final List<String> CATS = List.of("baseline", "highMET");
    @TempDir static Path dir;
    static Path cfg, futures, iterative;

    @BeforeAll static void runBoth() throws Exception {
        // a NanoAOD-like file with the generator's branches and no entry, written by pocket's writer
        Path empty = dir.resolve("empty.root");
        try (RootFileWriter w = RootFileWriter.create(empty, WriteOptions.defaults())) {
            w.tree("Events", new EventGenerator(Sample.ZMUMU, 1).schema());
        }
        try (RootFile f = RootFile.open(empty.toString())) { assertEquals(0, f.tree("Events").entries(), "the empty sample has no entry"); }
        String dy = TestData.file("nano_dy.root").toString(), mu = TestData.file("nano_dimuon.root").toString();
        Files.writeString(dir.resolve("datasets.json"), """
                {"DY": {"metadata": {"sample": "DY", "year": "2018", "isMC": "True", "xsec": "6077.22"}, "files": ["%s"]},
                 "DATA": {"metadata": {"sample": "DATA", "year": "2018", "isMC": "False"}, "files": ["%s"]},
                 "DY_none_pass": {"metadata": {"sample": "DYnone", "year": "2018", "isMC": "True", "xsec": "1.0"}, "files": ["%s"]},
                 "DY_empty": {"metadata": {"sample": "DYempty", "year": "2018", "isMC": "True", "xsec": "1.0"}, "files": ["%s"]}}
                """.formatted(dy, mu, dy, empty));
        cfg = Files.writeString(dir.resolve("analysis.jsh"), config("ColumnSum.of(\"PV.npvs\")"));
        futures = run("futures", "-e", "futures", "-s", "3");
        iterative = run("iterative", "-e", "iterative");
    }

    /** Two muons (none for DY_none_pass), categories baseline and MET > 50; the sums and ranges asked. */
    static String config(String firstSum) {
        return """
                Cut twoMuons = Cut.of("two_muons", (ev, ctx) -> {
                    int[] n = ev.collection("Muon").counts();
                    boolean[] m = new boolean[n.length];
                    for (int i = 0; i < m.length; i++) m[i] = n[i] >= 2 && !ctx.dataset().equals("DY_none_pass");
                    return m;
                });
                var cfg = Configurator.builder()
                    .datasets(DatasetsConfig.jsons("datasets.json"))
                    .preselections(twoMuons)
                    .categories(Categories.standard().add("baseline", Cuts.passthrough)
                        .add("highMET", Cut.of("met50", (ev, ctx) -> Masks.gt(ev.get("MET_pt"), 50))))
                    .weights(WeightsConfig.inclusive("genWeight"))
                    .variable("MET_pt", HistConf.of(Axis.of("events", "MET_pt", 20, 0, 200)))
                    .columnSums(%s, ColumnSum.of("MET.pt"), ColumnSum.of("MET.pt").weighted(), ColumnSum.of("Muon.pt").weighted())
                    .columnRanges(ColumnRange.of("PV.npvs"), ColumnRange.of("Muon.pt"), ColumnRange.of("MET.pt"))
                    .build();
                """.formatted(firstSum);
    }

    static Path run(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--cfg", cfg.toString(), "-o", dir.resolve(name).toString(),
                "--chunksize", "7", "--tree-reduction=2"));
        args.addAll(List.of(more));
        PocketCli.Ran r = PocketCli.run(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.toString());
        return dir.resolve(name);
    }

    static JsonObject json(Path folder, String file) throws Exception {
        return JsonParser.parseString(Files.readString(folder.resolve(file))).getAsJsonObject();
    }

    /** The branches of a file read directly, and the selection redone by hand. */
    record ByHand(double[] met, double[] npvs, double[] gw, double[] muPt, int[] off, boolean[] twoMu) {
        static ByHand read(String file, boolean mc) throws Exception {
            try (RootFile f = RootFile.open(TestData.file(file).toString())) {
                Tree t = f.tree("Events");
                List<String> names = new ArrayList<>(List.of("MET_pt", "PV_npvs", "Muon_pt"));
                if (mc) names.add("genWeight");
                Map<String, ColumnArray> c = t.read(names, 0, t.entries());
                ColumnArray pt = c.get("Muon_pt");
                int n = (int) t.entries();
                boolean[] two = new boolean[n];
                for (int i = 0; i < n; i++) two[i] = pt.offsets[i + 1] - pt.offsets[i] >= 2;
                double[] gw = mc ? c.get("genWeight").toDoubles() : null;
                return new ByHand(c.get("MET_pt").toDoubles(), c.get("PV_npvs").toDoubles(), gw, pt.toDoubles(), pt.offsets, two);
            }
        }

        boolean in(int i, String cat) { return twoMu[i] && (cat.equals("baseline") || met[i] > 50); }
        double w(int i) { return gw == null ? 1 : gw[i]; }
        double sumGenweights() { double s = 0; for (double x : gw) s += x; return s; }
    }

    @Test void sumsAndRangesEqualALoopOverTheBranches() throws Exception {
        JsonObject raw = json(futures, "output_all.raw.json"), post = json(futures, "output_all.json");
        for (String ds : List.of("DY", "DATA")) {
            boolean mc = ds.equals("DY");
            ByHand h = ByHand.read(mc ? "nano_dy.root" : "nano_dimuon.root", mc);
            for (String cat : CATS) {
                double npvs = 0, met = 0, metW = 0, muW = 0;
                long events = 0, muons = 0;
                double npvsMin = Double.POSITIVE_INFINITY, npvsMax = Double.NEGATIVE_INFINITY, ptMin = npvsMin, ptMax = npvsMax, metMin = npvsMin, metMax = npvsMax;
                for (int i = 0; i < h.met.length; i++) {
                    if (!h.in(i, cat)) continue;
                    events++;
                    npvs += h.npvs[i]; met += h.met[i]; metW += h.w(i) * h.met[i];
                    npvsMin = Math.min(npvsMin, h.npvs[i]); npvsMax = Math.max(npvsMax, h.npvs[i]);
                    metMin = Math.min(metMin, h.met[i]); metMax = Math.max(metMax, h.met[i]);
                    for (int o = h.off[i]; o < h.off[i + 1]; o++) {
                        muons++; muW += h.w(i) * h.muPt[o];
                        ptMin = Math.min(ptMin, h.muPt[o]); ptMax = Math.max(ptMax, h.muPt[o]);
                    }
                }
                assertTrue(events > 0, ds + " " + cat + " selects events");
                String where = ds + " " + cat + ": ";
                JsonObject sums = raw.getAsJsonObject("column_sums").getAsJsonObject(ds).getAsJsonObject(cat);
                assertSum(sums, "PV.npvs", npvs, events, false, where);
                assertSum(sums, "MET.pt", met, events, false, where);
                assertSum(sums, "MET.pt:weighted", metW, events, true, where);
                assertSum(sums, "Muon.pt:weighted", muW, muons, true, where);
                JsonObject ranges = raw.getAsJsonObject("column_ranges").getAsJsonObject(ds).getAsJsonObject(cat);
                assertRange(ranges, "PV.npvs", npvsMin, npvsMax, events, where);
                assertRange(ranges, "Muon.pt", ptMin, ptMax, muons, where);
                assertRange(ranges, "MET.pt", metMin, metMax, events, where);
                assertEquals(events, post.getAsJsonObject("cutflow").getAsJsonObject(cat).getAsJsonObject(ds).get(mc ? "DY" : "DATA").getAsLong());
                // normalised: weighted MC sums divided by sum_genweights like sumw; unweighted ones and data untouched
                JsonObject norm = post.getAsJsonObject("column_sums").getAsJsonObject(ds).getAsJsonObject(cat);
                double f = mc ? h.sumGenweights() : 1;
                assertEquals(metW / f, norm.getAsJsonObject("MET.pt:weighted").get("sum").getAsDouble(), 1e-12 * Math.abs(metW / f), where);
                assertEquals(muW / f, norm.getAsJsonObject("Muon.pt:weighted").get("sum").getAsDouble(), 1e-12 * Math.abs(muW / f), where);
                assertEquals(sums.get("MET.pt"), norm.get("MET.pt"), where + "unweighted sums are not normalised");
                assertEquals(ranges, post.getAsJsonObject("column_ranges").getAsJsonObject(ds).getAsJsonObject(cat), where + "ranges are not normalised");
                if (mc) {
                    double sumw = post.getAsJsonObject("sumw").getAsJsonObject(cat).getAsJsonObject(ds).get("DY").getAsDouble();
                    assertNotEquals(1.0, f, "a real normalisation");
                    assertTrue(Math.abs(sumw) > 0 && Math.abs(sumw) < 1.01, "sumw normalised too: " + sumw);
                }
            }
        }
    }

    static void assertSum(JsonObject sums, String name, double want, long entries, boolean weighted, String where) {
        JsonObject s = sums.getAsJsonObject(name);
        assertNotNull(s, where + name + " in " + sums.keySet());
        assertEquals(want, s.get("sum").getAsDouble(), 1e-12 * Math.abs(want), where + name);
        assertEquals(entries, s.get("entries").getAsLong(), where + name + " entries");
        assertEquals(weighted, s.get("weighted").getAsBoolean(), where + name);
    }

    static void assertRange(JsonObject ranges, String name, double min, double max, long entries, String where) {
        JsonObject r = ranges.getAsJsonObject(name);
        assertEquals(min, r.get("min").getAsDouble(), 0, where + name + " min");
        assertEquals(max, r.get("max").getAsDouble(), 0, where + name + " max");
        assertEquals(entries, r.get("entries").getAsLong(), where + name + " entries");
    }

    @Test void futuresAndIterativeWriteTheSameBytes() throws Exception {
        for (String f : List.of("output_all.raw.json", "output_all.json"))
            assertEquals(Files.readString(iterative.resolve(f)), Files.readString(futures.resolve(f)), f);
        assertTrue(Files.readString(futures.resolve("output_all.json")).contains("\"column_sums\""));
    }

    @Test void disjointRunsMergedEqualOneRunByteForByte() throws Exception {
        Path a = run("part-a", "-e", "futures", "-s", "2", "--filter-datasets", "DATA,DY_empty");
        Path b = run("part-b", "-e", "iterative", "--filter-datasets", "DY,DY_none_pass");
        Path merged = dir.resolve("merged");
        PocketCli.Ran r = PocketCli.run("merge", b.toString(), a.toString(), "-o", merged.toString());
        assertEquals(0, r.code(), r.toString());
        for (String f : List.of("output_all.raw.json", "output_all.json"))
            assertEquals(Files.readString(futures.resolve(f)), Files.readString(merged.resolve(f)), f + " of the merge differs from the one run's");
        // read back as a notebook does: the same sums and ranges as the run returned
        Output loaded = Result.load(merged).output();
        Output direct = Output.fromJson(json(futures, "output_all.json"));
        assertEquals(direct.columnSums(), loaded.columnSums());
        assertEquals(direct.columnRanges(), loaded.columnRanges());
        assertTrue(loaded.columnSums().get("DATA").get("baseline").get("PV.npvs").sum() > 0);
    }

    @Test void anEmptyDatasetAndOneWhoseEventsAllFailHaveZerosInEveryKey() throws Exception {
        JsonObject post = json(futures, "output_all.json");
        for (String ds : List.of("DY_empty", "DY_none_pass")) {
            String sample = ds.equals("DY_empty") ? "DYempty" : "DYnone";
            long initial = ds.equals("DY_empty") ? 0 : 40;
            JsonObject cf = post.getAsJsonObject("cutflow");
            assertEquals(initial, cf.getAsJsonObject("initial").get(ds).getAsLong(), ds);
            assertEquals(initial, cf.getAsJsonObject("skim").get(ds).getAsLong(), ds);
            assertEquals(0, cf.getAsJsonObject("presel").get(ds).getAsLong(), ds);
            assertTrue(post.getAsJsonObject("sum_genweights").has(ds), ds);
            assertTrue(post.getAsJsonObject("datasets_metadata").getAsJsonObject("by_dataset").has(ds), ds);
            for (String cat : CATS) {
                assertEquals(0, cf.getAsJsonObject(cat).getAsJsonObject(ds).get(sample).getAsLong(), ds + " " + cat);
                assertEquals(0.0, post.getAsJsonObject("sumw").getAsJsonObject(cat).getAsJsonObject(ds).get(sample).getAsDouble(), ds);
                assertEquals(0.0, post.getAsJsonObject("sumw2").getAsJsonObject(cat).getAsJsonObject(ds).get(sample).getAsDouble(), ds);
                JsonObject sums = post.getAsJsonObject("column_sums").getAsJsonObject(ds).getAsJsonObject(cat);
                assertEquals(List.of("MET.pt", "MET.pt:weighted", "Muon.pt:weighted", "PV.npvs"), List.copyOf(sums.keySet()), ds);
                for (var s : sums.entrySet()) {
                    assertEquals(0.0, s.getValue().getAsJsonObject().get("sum").getAsDouble(), ds + " " + s.getKey());
                    assertEquals(0, s.getValue().getAsJsonObject().get("entries").getAsLong(), ds + " " + s.getKey());
                }
                JsonObject ranges = post.getAsJsonObject("column_ranges").getAsJsonObject(ds).getAsJsonObject(cat);
                assertEquals(3, ranges.size(), ds);
                for (var r : ranges.entrySet()) {
                    assertTrue(r.getValue().getAsJsonObject().get("min").isJsonNull(), ds + " " + r.getKey() + ": no value, min null");
                    assertTrue(r.getValue().getAsJsonObject().get("max").isJsonNull(), ds + " " + r.getKey());
                    assertEquals(0, r.getValue().getAsJsonObject().get("entries").getAsLong());
                }
            }
            Hist h = Output.fromJson(post).histogram("MET_pt", sample, ds);
            assertEquals(CATS, ((pocket.hist.StrCategoryAxis) h.axis("cat")).categories(), ds + ": every category");
            assertEquals(List.of("nominal"), ((pocket.hist.StrCategoryAxis) h.axis("variation")).categories(), ds);
            assertEquals(0.0, h.sum(true), ds + ": a zero histogram");
            for (double v : h.variances(true)) assertEquals(0.0, v, ds);
            Hist filled = Output.fromJson(post).histogram("MET_pt", "DY", "DY");
            assertEquals(filled.axes(), h.axes(), ds + ": the same axes as a filled one (all categories and variations)");
        }
    }

    @Test void sumsAddRangesMergeAndAnEmptyRangeIsWrittenAsNull() {
        Output.Sum a = new Output.Sum("MET.pt", true, 0.1, 2), b = new Output.Sum("MET.pt", true, 0.2, 3);
        assertEquals(new Output.Sum("MET.pt", true, 0.1 + 0.2, 5), a.add(b));
        assertThrows(IllegalArgumentException.class, () -> a.add(new Output.Sum("MET.pt", false, 1, 1)));
        Output.Range none = new Output.Range("Muon.pt", Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0), r = new Output.Range("Muon.pt", -0.0, 7, 4);
        assertEquals(r, none.add(r));
        assertEquals(r, r.add(none));
        assertEquals(new Output.Range("Muon.pt", -0.0, 9, 5), new Output.Range("Muon.pt", 0.0, 9, 1).add(r), "-0.0 is below 0.0 in either order");
        assertEquals(new Output.Range("Muon.pt", -0.0, 9, 5), r.add(new Output.Range("Muon.pt", 0.0, 9, 1)));
        Output o = Output.empty();
        o.putRange("D", "baseline", "Muon.pt", none);
        o.putSum("D", "baseline", "MET.pt", a);
        JsonObject j = o.toJson();
        assertTrue(j.getAsJsonObject("column_ranges").getAsJsonObject("D").getAsJsonObject("baseline").getAsJsonObject("Muon.pt").get("min").isJsonNull());
        Output back = Output.fromJson(j);
        assertEquals(o, back, "read back exactly, the empty range as +inf/-inf");
        assertFalse(back.columnRanges().get("D").get("baseline").get("Muon.pt").any());
        assertFalse(Output.empty().toJson().has("column_sums"), "no key when the config asks for none");
    }

    @Test void anUnknownColumnIsRefusedNamingItAndTheNearestBranches() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.jsh"), config("ColumnSum.of(\"PV.npvz\")"));
        Configurator c = Configurator.load(bad);
        Dataset dy = c.dataset("DY");
        try (RootFile f = RootFile.open(dy.files().get(0))) {
            Tree t = f.tree("Events");
            ConfigException e = assertThrows(ConfigException.class, () -> c.process(new Chunk("DY", dy.files().get(0), "Events", 0, t.entries(), dy.metadata()), t));
            assertTrue(e.getMessage().startsWith("column sum 'PV.npvz': events: 'PV_npvz' not found") && e.getMessage().contains("PV_npvs"), e.getMessage());
        }
        Configurator c2 = Configurator.load(Files.writeString(dir.resolve("bad2.jsh"), config("ColumnSum.of(\"Muon.ptt\").named(\"muon_pt\")")));
        try (RootFile f = RootFile.open(dy.files().get(0))) {
            Tree t = f.tree("Events");
            ConfigException e = assertThrows(ConfigException.class, () -> c2.process(new Chunk("DY", dy.files().get(0), "Events", 0, t.entries(), dy.metadata()), t));
            assertTrue(e.getMessage().startsWith("column sum 'muon_pt' of 'Muon.ptt': ") && e.getMessage().contains("'Muon.ptt' not found in collection Muon") && e.getMessage().contains("nearest: Muon.pt"), e.getMessage());
        }
        PocketCli.Ran r = PocketCli.run("run", "--cfg", bad.toString(), "-o", dir.resolve("bad").toString());
        assertNotEquals(0, r.code(), r.toString());
        String said = r.out() + r.err();
        assertTrue(said.contains("PV.npvz") && said.contains("PV_npvs"), r.toString());
        assertFalse(said.contains("Exception") || said.contains("\tat "), r.toString());
        ConfigException twice = assertThrows(ConfigException.class, () -> Configurator.load(
                Files.writeString(dir.resolve("twice.jsh"), config("ColumnSum.of(\"MET.pt\")"))));
        assertTrue(twice.getMessage().contains("column sum 'MET.pt' given twice") && twice.getMessage().contains(".named("), twice.getMessage());
        ConfigException spelled = assertThrows(ConfigException.class, () -> pocket.config.ColumnRange.of("Muon..pt"));
        assertTrue(spelled.getMessage().contains("'Collection.field'"), spelled.getMessage());
    }
}
