package pocket.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.hist.Hist;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.workflow.Output;

/**
 * notebooks/ttbar over the real NanoAODv12 and v15 tt samples: cartesian categories, three
 * subsamples and a per-category weight with variations, checked against a direct loop.
 */
class TTbarExampleTest {
    static Configurator cfg;
    static Output whole;

    @BeforeAll static void run() throws Exception {
        cfg = Configurator.load(ExampleRun.example("ttbar"));
        whole = ExampleRun.sum(ExampleRun.chunkOutputs(cfg, 1));
    }

    static final List<String> SUBS = List.of("TTbar", "TTbar__semilep_ele", "TTbar__semilep_mu", "TTbar__had");

    /** category → sample name → {events, Σw, Σw²}, computed from raw branches. */
    static Map<String, Map<String, double[]>> direct(Dataset d, double lumi, long[] steps) throws Exception {
        Map<String, Map<String, double[]>> out = new LinkedHashMap<>();
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            int n = (int) t.entries();
            double[] pv = t.read("PV_npvsGood", 0, n).toDoubles(), gw = t.read("genWeight", 0, n).toDoubles();
            ColumnArray m = t.read("Muon_pt", 0, n), e = t.read("Electron_pt", 0, n), j = t.read("Jet_pt", 0, n);
            double[] mpt = m.toDoubles(), meta = t.read("Muon_eta", 0, n).toDoubles(), mphi = t.read("Muon_phi", 0, n).toDoubles(),
                    mtight = t.read("Muon_tightId", 0, n).toDoubles(), miso = t.read("Muon_pfRelIso04_all", 0, n).toDoubles();
            double[] ept = e.toDoubles(), eeta = t.read("Electron_eta", 0, n).toDoubles(), ephi = t.read("Electron_phi", 0, n).toDoubles(),
                    ecb = t.read("Electron_cutBased", 0, n).toDoubles();
            double[] jpt = j.toDoubles(), jeta = t.read("Jet_eta", 0, n).toDoubles(), jphi = t.read("Jet_phi", 0, n).toDoubles(),
                    jb = t.read("Jet_btagDeepFlavB", 0, n).toDoubles();
            double xs = Double.parseDouble(d.metadata().get("xsec"));
            steps[0] = n;
            for (int i = 0; i < n; i++) {
                int n25 = 0;
                for (int k = j.offsets[i]; k < j.offsets[i + 1]; k++) if (jpt[k] > 25) n25++;
                if (!(pv[i] >= 1 && n25 >= 4)) continue;
                steps[1]++;
                List<double[]> leptons = new ArrayList<>();
                int nmu = 0, nele = 0;
                for (int k = m.offsets[i]; k < m.offsets[i + 1]; k++)
                    if (mpt[k] > 30 && Math.abs(meta[k]) < 2.4 && mtight[k] != 0 && miso[k] < 0.15) { nmu++; leptons.add(new double[]{meta[k], mphi[k]}); }
                for (int k = e.offsets[i]; k < e.offsets[i + 1]; k++)
                    if (ept[k] > 30 && Math.abs(eeta[k]) < 2.4 && ecb[k] >= 4) { nele++; leptons.add(new double[]{eeta[k], ephi[k]}); }
                int nj = 0, nb = 0;
                for (int k = j.offsets[i]; k < j.offsets[i + 1]; k++) {
                    if (!(jpt[k] > 30 && Math.abs(jeta[k]) < 2.4)) continue;
                    boolean clean = true;
                    for (double[] l : leptons) if (Math.hypot(jeta[k] - l[0], Math.IEEEremainder(jphi[k] - l[1], 2 * Math.PI)) <= 0.4) clean = false;
                    if (!clean) continue;
                    nj++;
                    if (jb[k] > 0.3) nb++;
                }
                if (nj < 4) continue;
                steps[2]++;
                int nlep = nmu + nele;
                List<String> cats = new ArrayList<>(List.of("baseline"));
                if (nlep == 1) cats.add("1lep");
                cats.add((nj == 4 ? "4j" : nj == 5 ? "5j" : "ge6j") + "_" + (nb == 0 ? "0b" : nb == 1 ? "1b" : "ge2b"));
                List<String> names = new ArrayList<>(List.of("TTbar"));
                if (nlep == 1 && nele == 1) names.add("TTbar__semilep_ele");
                if (nlep == 1 && nmu == 1) names.add("TTbar__semilep_mu");
                if (nlep == 0) names.add("TTbar__had");
                for (String c : cats) {
                    double w = gw[i] * lumi * xs * (c.endsWith("b") && !c.endsWith("0b") ? Math.pow(0.97, nb) : 1);
                    for (String s : names) {
                        double[] acc = out.computeIfAbsent(c, k -> new LinkedHashMap<>()).computeIfAbsent(s, k -> new double[3]);
                        acc[0]++; acc[1] += w; acc[2] += w * w;
                    }
                }
            }
        }
        return out;
    }

    @Test void categoriesSubsamplesAndSumsMatchADirectLoop() throws Exception {
        List<String> cats = cfg.categories().names();
        assertEquals(List.of("baseline", "1lep", "4j_0b", "4j_1b", "4j_ge2b", "5j_0b", "5j_1b", "5j_ge2b", "ge6j_0b", "ge6j_1b", "ge6j_ge2b"),
                cats, "common categories first, then the cartesian product row by row");
        for (Dataset d : cfg.datasets()) {
            long[] steps = new long[3];
            var exp = direct(d, cfg.parameters().getDouble("lumi.picobarns." + d.year() + ".tot"), steps);
            String ds = d.name();
            assertEquals(steps[0], whole.cutflowStep("initial").get(ds));
            assertEquals(steps[1], whole.cutflowStep("skim").get(ds));
            assertEquals(steps[2], whole.cutflowStep("presel").get(ds));
            assertTrue(steps[2] > 0, ds + " selects events");
            for (String c : cats)
                for (String s : SUBS) {
                    double[] x = exp.getOrDefault(c, Map.of()).getOrDefault(s, new double[3]);
                    assertEquals((long) x[0], whole.cutflow().get(c).get(ds).get(s), c + " " + s + " " + ds);
                    assertEquals(x[1], whole.sumw().get(c).get(ds).get(s), Math.abs(x[1]) * 1e-12, "sumw " + c + " " + s);
                    assertEquals(x[2], whole.sumw2().get(c).get(ds).get(s), Math.abs(x[2]) * 1e-12, "sumw2 " + c + " " + s);
                }
            // histograms exist per subsample only (PocketCoffea: sample__subsample), filled with the category weights
            assertFalse(whole.variables().get("nJetGood").containsKey("TTbar"));
            for (String s : SUBS.subList(1, 4)) {
                Hist h = whole.histogram("nJetGood", s, ds);
                for (String c : List.of("baseline", "4j_1b", "5j_ge2b")) {
                    double[] x = exp.getOrDefault(c, Map.of()).getOrDefault(s, new double[3]);
                    assertEquals(x[1], h.select("cat", c).select("variation", "nominal").sum(true), Math.abs(x[1]) * 1e-12 + 1e-300, c + " " + s);
                }
            }
        }
    }

    @Test void weightVariationAppliesOnlyWhereTheWeightDoes() {
        Dataset d = cfg.datasets().get(0);
        Hist h = whole.histogram("nJetGood", "TTbar__had", d.name());
        for (String c : List.of("4j_0b", "baseline")) {
            Hist hc = h.select("cat", c);
            assertEquals(hc.select("variation", "nominal"), hc.select("variation", "sf_btagUp"), c + ": sf_btag not applied here");
        }
        Hist b = h.select("cat", "5j_ge2b");
        double nom = b.select("variation", "nominal").sum(true), up = b.select("variation", "sf_btagUp").sum(true), down = b.select("variation", "sf_btagDown").sum(true);
        assertTrue(nom > 0 && up > nom && down < nom, nom + " " + up + " " + down);
    }

    @Test void fourSplitsAddUpToTheWhole() throws Exception {
        Output sum = ExampleRun.sum(ExampleRun.chunkOutputs(cfg, 4));
        assertEquals(whole.cutflow(), sum.cutflow());
        for (String s : Output.STEPS) assertEquals(whole.cutflowStep(s), sum.cutflowStep(s));
        for (var v : whole.variables().entrySet())
            for (var s : v.getValue().entrySet())
                for (var ds : s.getValue().entrySet()) {
                    double[] a = ds.getValue().values(true), b = sum.histogram(v.getKey(), s.getKey(), ds.getKey()).values(true);
                    for (int i = 0; i < a.length; i++) assertEquals(a[i], b[i], Math.abs(a[i]) * 1e-12, v.getKey());
                }
        for (var cat : whole.sumw().entrySet())
            for (var ds : cat.getValue().entrySet())
                for (var s : ds.getValue().entrySet())
                    assertEquals(s.getValue(), sum.sumw().get(cat.getKey()).get(ds.getKey()).get(s.getKey()), Math.abs(s.getValue()) * 1e-12);
    }

    @Test void outputJsonRoundTripAndPeriods() {
        Output post = whole.postprocess();
        assertEquals(post, Output.fromJson(post.toJson()));
        var periods = post.toJson().getAsJsonObject("datasets_metadata").getAsJsonObject("by_datataking_period");
        assertTrue(periods.getAsJsonObject("2024").has("TTbar__had"), periods.toString());
        assertTrue(periods.getAsJsonObject("2022_postEE").has("TTbar__semilep_mu"), periods.toString());
    }
}
