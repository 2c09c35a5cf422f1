package pocket.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.hist.Hist;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/**
 * notebooks/zmumu over the real DY and dimuon samples: every number checked against a direct
 * loop over the raw arrays read with RootFile, written here without the events layer.
 */
class ZmumuExampleTest {
    static Configurator cfg;
    static Output whole;

    @BeforeAll static void run() throws Exception {
        cfg = Configurator.load(ExampleRun.example("zmumu"));
        whole = ExampleRun.sum(ExampleRun.chunkOutputs(cfg, 1));
    }

    /** What the selection gives, computed by hand from raw branches. */
    record Expected(long initial, long skim, long presel, long zPeak, long zPeak1j, double sumGenw, double sumwBaseline,
                    double sumwZ, double sumw2Z, double sumwZUp, double sumwZDown, List<Double> mllData, List<Double> mllWeights) {}

    static Expected direct(Dataset d, double lumi) throws Exception {
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            int n = (int) t.entries();
            double[] pv = t.read("PV_npvsGood", 0, n).toDoubles();
            double[] hlt = t.read("HLT_IsoMu24", 0, n).toDoubles();
            ColumnArray mpt = t.read("Muon_pt", 0, n);
            int[] mo = mpt.offsets;
            double[] pt = mpt.toDoubles(), eta = t.read("Muon_eta", 0, n).toDoubles(), phi = t.read("Muon_phi", 0, n).toDoubles(),
                    mass = t.read("Muon_mass", 0, n).toDoubles(), q = t.read("Muon_charge", 0, n).toDoubles(),
                    tight = t.read("Muon_tightId", 0, n).toDoubles(), iso = t.read("Muon_pfRelIso04_all", 0, n).toDoubles();
            ColumnArray jpt = t.read("Jet_pt", 0, n);
            int[] jo = jpt.offsets;
            double[] jp = jpt.toDoubles(), je = t.read("Jet_eta", 0, n).toDoubles(), jf = t.read("Jet_phi", 0, n).toDoubles(),
                    jid = t.read("Jet_jetId", 0, n).toDoubles();
            double[] gw = d.isMC() ? t.read("genWeight", 0, n).toDoubles() : null;
            double xs = d.isMC() ? Double.parseDouble(d.metadata().get("xsec")) : 0;
            long skim = 0, presel = 0, z = 0, z1 = 0;
            double sumGenw = 0, swBase = 0, swZ = 0, sw2Z = 0, swZUp = 0, swZDown = 0;
            List<Double> mlls = new ArrayList<>(), ws = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (gw != null) sumGenw += gw[i];
                int n15 = 0;
                for (int k = mo[i]; k < mo[i + 1]; k++) if (pt[k] > 15) n15++;
                if (!(pv[i] >= 1 && n15 >= 2 && hlt[i] != 0)) continue;
                skim++;
                List<Integer> good = new ArrayList<>();
                for (int k = mo[i]; k < mo[i + 1]; k++)
                    if (pt[k] > 15 && Math.abs(eta[k]) < 2.4 && tight[k] != 0 && iso[k] < 0.15) good.add(k);
                if (good.size() < 2) continue;
                int a = good.get(0), b = good.get(1);
                if (!(pt[a] > 25 && q[a] * q[b] < 0)) continue;
                presel++;
                double e1 = Math.sqrt(Math.pow(pt[a] * Math.cosh(eta[a]), 2) + mass[a] * mass[a]);
                double e2 = Math.sqrt(Math.pow(pt[b] * Math.cosh(eta[b]), 2) + mass[b] * mass[b]);
                double pdot = pt[a] * pt[b] * (Math.cos(phi[a] - phi[b]) + Math.sinh(eta[a]) * Math.sinh(eta[b]));
                double mll = Math.sqrt(mass[a] * mass[a] + mass[b] * mass[b] + 2 * (e1 * e2 - pdot));
                double w = gw == null ? 1 : gw[i] * lumi * xs;
                double wNom = gw == null ? 1 : w * Math.pow(0.99, good.size()), wUp = w, wDown = gw == null ? 1 : w * Math.pow(0.98, good.size());
                swBase += wNom;
                if (mll > 80 && mll < 100) {
                    z++; swZ += wNom; sw2Z += wNom * wNom; swZUp += wUp; swZDown += wDown;
                    mlls.add(mll); ws.add(wNom);
                    boolean jet = false;
                    for (int k = jo[i]; k < jo[i + 1]; k++) {
                        if (!(jp[k] > 30 && Math.abs(je[k]) < 2.4 && jid[k] >= 2)) continue;
                        double minDr = Double.POSITIVE_INFINITY;
                        for (int g : good) {
                            double dphi = Math.IEEEremainder(jf[k] - phi[g], 2 * Math.PI);
                            minDr = Math.min(minDr, Math.hypot(je[k] - eta[g], dphi));
                        }
                        if (minDr > 0.4) jet = true;
                    }
                    if (jet) z1++;
                }
            }
            return new Expected(n, skim, presel, z, z1, sumGenw, swBase, swZ, sw2Z, swZUp, swZDown, mlls, ws);
        }
    }

    static void close(double expected, double actual, String what) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-12 + 1e-300, what);
    }

    @Test void cutflowAndSumsMatchADirectLoop() throws Exception {
        double lumi = cfg.parameters().getDouble("lumi.picobarns.2018.tot");
        for (Dataset d : cfg.datasets()) {
            Expected e = direct(d, lumi);
            String ds = d.name(), s = d.sample();
            assertEquals(e.initial(), whole.cutflowStep("initial").get(ds), ds);
            assertEquals(e.skim(), whole.cutflowStep("skim").get(ds), ds);
            assertEquals(e.presel(), whole.cutflowStep("presel").get(ds), ds);
            assertEquals(e.presel(), whole.cutflow().get("baseline").get(ds).get(s), ds);
            assertEquals(e.zPeak(), whole.cutflow().get("Z_peak").get(ds).get(s), ds);
            assertEquals(e.zPeak1j(), whole.cutflow().get("Z_peak_1jet").get(ds).get(s), ds);
            assertTrue(e.presel() > 0, "the example selects some events of " + ds);
            Hist mll = whole.histogram("mll", s, ds);
            if (d.isMC()) {
                close(e.sumGenw(), whole.sumGenweights().get(ds), "sum_genweights");
                close(e.sumwBaseline(), whole.sumw().get("baseline").get(ds).get(s), "sumw baseline");
                close(e.sumwZ(), whole.sumw().get("Z_peak").get(ds).get(s), "sumw Z_peak");
                close(e.sumw2Z(), whole.sumw2().get("Z_peak").get(ds).get(s), "sumw2 Z_peak");
                Hist z = mll.select("cat", "Z_peak");
                close(e.sumwZ(), z.select("variation", "nominal").sum(true), "mll nominal");
                close(e.sumwZUp(), z.select("variation", "sf_mu_idUp").sum(true), "mll sf_mu_idUp");
                close(e.sumwZDown(), z.select("variation", "sf_mu_idDown").sum(true), "mll sf_mu_idDown");
            } else {
                assertFalse(whole.sumw().containsKey("baseline") && whole.sumw().get("baseline").containsKey(ds), "no sumw for data");
                assertEquals(List.of("cat", "events.mll"), mll.axes().stream().map(pocket.hist.HistAxis::name).toList(), "data: no variation axis");
            }
            // bin by bin: fill a histogram with the directly computed masses and weights
            Hist expected = Hist.builder().reg(60, 60, 120, "events.mll", "m").weight();
            double[] x = e.mllData().stream().mapToDouble(Double::doubleValue).toArray();
            double[] w = e.mllWeights().stream().mapToDouble(Double::doubleValue).toArray();
            if (x.length > 0) expected.fill(x, w);
            Hist got = d.isMC() ? mll.select("cat", "Z_peak").select("variation", "nominal") : mll.select("cat", "Z_peak");
            double[] ev = expected.values(true), gv = got.values(true);
            assertEquals(ev.length, gv.length);
            for (int b = 0; b < ev.length; b++) close(ev[b], gv[b], "mll bin " + b + " of " + ds);
        }
    }

    @Test void cutflowNeverGrows() {
        for (Dataset d : cfg.datasets()) {
            String ds = d.name();
            long init = whole.cutflowStep("initial").get(ds), skim = whole.cutflowStep("skim").get(ds), presel = whole.cutflowStep("presel").get(ds);
            assertTrue(init >= skim && skim >= presel, ds + ": " + init + " " + skim + " " + presel);
            for (var cat : whole.cutflow().values())
                for (long n : cat.get(ds).values()) assertTrue(n <= presel, ds);
            assertTrue(whole.cutflow().get("Z_peak_1jet").get(ds).get(d.sample()) <= whole.cutflow().get("Z_peak").get(ds).get(d.sample()));
        }
    }

    @Test void everyWeightVariationHasUpAndDown() {
        Dataset mc = cfg.datasets().stream().filter(Dataset::isMC).findFirst().orElseThrow();
        for (var v : whole.variables().entrySet()) {
            Hist h = v.getValue().get(mc.sample()).get(mc.name());
            List<String> vars = new ArrayList<>();
            var axis = h.axis("variation");
            for (int i = 0; i < axis.size(); i++) vars.add(((pocket.hist.StrCategoryAxis) axis).categories().get(i));
            if (v.getKey().equals("mll_vs_ptll")) { assertEquals(List.of("nominal"), vars); continue; }
            assertEquals(List.of("nominal", "sf_mu_idUp", "sf_mu_idDown"), vars, v.getKey());
        }
    }

    @Test void twoHalvesAddUpToTheWhole() throws Exception {
        List<Output> halves = ExampleRun.chunkOutputs(cfg, 2);
        Collections.reverse(halves);   // any order
        Output sum = ExampleRun.sum(halves);
        assertEquals(whole.cutflowStep("initial"), sum.cutflowStep("initial"));
        assertEquals(whole.cutflowStep("skim"), sum.cutflowStep("skim"));
        assertEquals(whole.cutflowStep("presel"), sum.cutflowStep("presel"));
        assertEquals(whole.cutflow(), sum.cutflow());
        assertEquals(whole.datasetsMetadata(), sum.datasetsMetadata());
        for (var e : whole.sumGenweights().entrySet()) close(e.getValue(), sum.sumGenweights().get(e.getKey()), "sum_genweights");
        for (var cat : whole.sumw().entrySet())
            for (var ds : cat.getValue().entrySet())
                for (var s : ds.getValue().entrySet()) close(s.getValue(), sum.sumw().get(cat.getKey()).get(ds.getKey()).get(s.getKey()), "sumw");
        for (var v : whole.variables().entrySet())
            for (var s : v.getValue().entrySet())
                for (var ds : s.getValue().entrySet()) {
                    Hist a = ds.getValue(), b = sum.histogram(v.getKey(), s.getKey(), ds.getKey());
                    assertEquals(a.axes(), b.axes(), v.getKey());
                    double[] av = a.values(true), bv = b.values(true), aw = a.variances(true), bw = b.variances(true);
                    for (int i = 0; i < av.length; i++) { close(av[i], bv[i], v.getKey()); close(aw[i], bw[i], v.getKey()); }
                }
    }

    @Test void postprocessNormalisesMcBySumGenweights() {
        Output post = whole.postprocess();
        Dataset mc = cfg.datasets().stream().filter(Dataset::isMC).findFirst().orElseThrow();
        Dataset data = cfg.datasets().stream().filter(d -> !d.isMC()).findFirst().orElseThrow();
        double sgw = whole.sumGenweights().get(mc.name());
        close(whole.sumw().get("Z_peak").get(mc.name()).get(mc.sample()) / sgw, post.sumw().get("Z_peak").get(mc.name()).get(mc.sample()), "sumw");
        close(whole.sumw2().get("Z_peak").get(mc.name()).get(mc.sample()) / (sgw * sgw), post.sumw2().get("Z_peak").get(mc.name()).get(mc.sample()), "sumw2");
        close(whole.histogram("mll", mc.sample(), mc.name()).sum(true) / sgw, post.histogram("mll", mc.sample(), mc.name()).sum(true), "hist");
        assertEquals(whole.histogram("mll", data.sample(), data.name()), post.histogram("mll", data.sample(), data.name()), "data untouched");
        assertThrows(IllegalStateException.class, () -> post.add(whole));
        assertThrows(IllegalStateException.class, post::postprocess);
    }

    @Test void jsonRoundTripIsExact() {
        Output post = whole.postprocess();
        var json = post.toJson();
        json.addProperty("status", "complete");   // callers add top-level keys
        assertEquals(post, Output.fromJson(json));
        assertEquals(whole, Output.fromJson(whole.toJson()));
        var meta = json.getAsJsonObject("datasets_metadata").getAsJsonObject("by_datataking_period").getAsJsonObject("2018");
        assertTrue(meta.has("DYJetsToLL") && meta.has("DATA_SingleMuon"), meta.toString());
        assertTrue(json.getAsJsonObject("variables").getAsJsonObject("mll").getAsJsonObject("DYJetsToLL")
                .getAsJsonObject("DYJetsToLL_M-50_2018").has("axes"), "histograms are UHI JSON");
    }

    @Test void readsOnlyTheBranchesTheConfigUses() throws Exception {
        Dataset d = cfg.datasets().stream().filter(Dataset::isMC).findFirst().orElseThrow();
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            RecordingTree t = new RecordingTree(rf.tree("Events"));
            cfg.process(new Chunk(d.name(), d.files().get(0), "Events", 0, t.entries(), d.metadata()), t);
            assertEquals(Set.of("genWeight", "PV_npvsGood", "nMuon", "Muon_pt", "HLT_IsoMu24", "Muon_eta", "Muon_tightId",
                    "Muon_pfRelIso04_all", "nJet", "Jet_pt", "Jet_eta", "Jet_jetId", "Jet_phi", "Muon_phi", "Muon_charge",
                    "Muon_mass", "MET_pt"), t.read, "of " + t.branchNames().size() + " branches");
        }
    }

    @Test void missingBranchInACutNamesItAndTheNearest() throws Exception {
        Configurator bad = Configurator.builder().baseDir(cfg.baseDir())
                .datasets(pocket.config.DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json"))
                .parameters(cfg.parameters())
                .skim(pocket.config.Cut.of("trigger", (ev, ctx) -> ev.mask("HLT_IsoMu42")))
                .category("baseline", pocket.config.Cuts.passthrough).build();
        Dataset d = bad.datasets().get(0);
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            var e = assertThrows(pocket.config.ConfigException.class,
                    () -> bad.process(new Chunk(d.name(), d.files().get(0), "Events", 0, t.entries(), d.metadata()), t));
            assertTrue(e.getMessage().contains("cut 'trigger'") && e.getMessage().contains("HLT_IsoMu42")
                    && e.getMessage().contains("nearest: ") && e.getMessage().contains("HLT_IsoMu24"), e.getMessage());
        }
        Configurator badVar = Configurator.builder().baseDir(cfg.baseDir())
                .datasets(pocket.config.DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json"))
                .category("baseline", pocket.config.Cuts.passthrough)
                .variable("x", pocket.config.HistConf.of(pocket.config.Axis.of("Muon", "ptt", 10, 0, 100))).build();
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            var e = assertThrows(pocket.config.ConfigException.class,
                    () -> badVar.process(new Chunk(d.name(), d.files().get(0), "Events", 0, t.entries(), d.metadata()), t));
            assertTrue(e.getMessage().contains("variable 'x'") && e.getMessage().contains("Muon.ptt") && e.getMessage().contains("nearest: Muon.pt"), e.getMessage());
        }
    }
}
