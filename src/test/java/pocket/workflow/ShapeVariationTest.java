package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pocket.config.Axis;
import pocket.config.Categories;
import pocket.config.ConfigException;
import pocket.config.Cuts;
import pocket.config.Dataset;
import pocket.config.DatasetsConfig;
import pocket.config.HistConf;
import pocket.config.ShapeVariation;
import pocket.config.WeightsConfig;
import pocket.events.Collection;
import pocket.hist.Hist;
import pocket.hist.StrCategoryAxis;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;

/**
 * A jet energy scale shape variation (Jet pt × 1.05 / × 0.95) over the real tt̄ samples: the
 * JES_TotalUp/Down histograms equal a selection redone by hand on the raw branches with the
 * scaled jets, nominal is untouched, and cutflow and sumw stay nominal.
 */
class ShapeVariationTest {
    static final double SHIFT = 0.05;

    /** Good jets: pT > 30, |η| < 2.5; events with at least 4; HT and the good-jet count. */
    public static class JetsWorkflow extends BaseWorkflow {
        @Override protected void applyObjectPreselection(String variation) {
            Collection jet = events.collection("Jet");
            events.put("JetGood", jet.select("JetGood", jet.get("pt").gt(30).and(jet.get("eta").abs().lt(2.5))));
        }

        @Override protected void defineCommonVariablesAfterPresel(String variation) {
            events.put("HT", events.collection("JetGood").get("pt").sum());
        }
    }

    static ShapeVariation jes() {
        return ShapeVariation.of("JES_Total", (events, ctx, up) -> {
            Collection jet = events.collection("Jet");
            events.put("Jet", jet.with("pt", jet.get("pt").times(up ? 1 + SHIFT : 1 - SHIFT)));
        });
    }

    static Configurator.Builder config() {
        Path home = Path.of(System.getProperty("pocket.home", "."));
        return Configurator.builder()
                .baseDir(home.resolve("notebooks/ttbar"))
                .parameters("params.yaml")
                .datasets(DatasetsConfig.jsons("TTbar.json").samples("TTbar"))
                .workflow(JetsWorkflow::new)
                .preselections(Cuts.get_nObj_min(4, "JetGood"))
                .categories(Categories.standard().add("baseline", Cuts.passthrough).add("6j", Cuts.get_nObj_min(6, "JetGood")))
                .weights(WeightsConfig.inclusive("genWeight"))
                .variable("HT", HistConf.of(Axis.of("events", "HT", 40, 0, 2000)))
                .variable("nJetGood", HistConf.of(Axis.integer("events", "nJetGood", 0, 16)).noVariations());
    }

    /** One event the selection keeps, redone by hand: its entry, good-jet pTs, HT and genWeight. */
    record Selected(long entry, List<Double> pts, double ht, double w) {}

    /** The events with at least {@code minJets} good jets, jets scaled by f, from the raw branches. */
    static List<Selected> byHand(Dataset d, double f, int minJets) throws Exception {
        List<Selected> out = new java.util.ArrayList<>();
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            int n = (int) t.entries();
            ColumnArray pt = t.read("Jet_pt", 0, n);
            double[] p = pt.toDoubles(), eta = t.read("Jet_eta", 0, n).toDoubles(), gw = t.read("genWeight", 0, n).toDoubles();
            for (int i = 0; i < n; i++) {
                List<Double> good = new java.util.ArrayList<>();
                double ht = 0;
                for (int k = pt.offsets[i]; k < pt.offsets[i + 1]; k++) {
                    double v = p[k] * f;
                    if (v > 30 && Math.abs(eta[k]) < 2.5) { good.add(v); ht += v; }
                }
                if (good.size() >= minJets) out.add(new Selected(i, good, ht, gw[i]));
            }
        }
        return out;
    }

    /** HT histograms (baseline, 6j) and event counts redone by hand with jets scaled by f. */
    static Hist[] byHand(Dataset d, double f, long[] counts) throws Exception {
        Hist[] h = new Hist[2];
        int k = 0;
        for (int minJets : new int[]{4, 6}) {
            h[k] = Hist.builder().reg(40, 0, 2000, "HT", "HT").weight();
            for (Selected e : byHand(d, f, minJets)) { h[k].fill(new double[]{e.ht()}, new double[]{e.w()}); counts[k]++; }
            k++;
        }
        return h;
    }

    @Test
    void jesUpAndDownRedoTheSelectionWithScaledJets() throws Exception {
        Configurator cfg = config().shapeVariations(jes()).build();
        Configurator plain = config().build();
        for (Dataset d : cfg.datasets()) {
            Output out, ref;
            try (RootFile rf = RootFile.open(d.files().get(0))) {
                Tree t = rf.tree("Events");
                Chunk c = new Chunk(d.name(), d.files().get(0), "Events", 0, t.entries(), d.metadata());
                out = cfg.process(c, t);
                ref = plain.process(c, t);
            }
            Hist ht = out.histogram("HT", "TTbar", d.name());
            assertEquals(List.of("nominal", "JES_TotalUp", "JES_TotalDown"), ((StrCategoryAxis) ht.axis("variation")).categories(), d.name());
            assertEquals(List.of("nominal"), ((StrCategoryAxis) out.histogram("nJetGood", "TTbar", d.name()).axis("variation")).categories(),
                    "a histogram without variations gets no shape variation either");
            long[] nNom = new long[2], nUp = new long[2], nDown = new long[2];
            Hist[] nom = byHand(d, 1, nNom), up = byHand(d, 1 + SHIFT, nUp), down = byHand(d, 1 - SHIFT, nDown);
            assertTrue(nUp[0] > nNom[0] && nDown[0] < nNom[0], d.name() + ": the shift must move events across the cuts to test anything: "
                    + nDown[0] + " / " + nNom[0] + " / " + nUp[0]);
            String[] cats = {"baseline", "6j"};
            for (int k = 0; k < 2; k++) {
                Hist h = ht.select("cat", cats[k]);
                assertArrayEquals(nom[k].values(true), h.select("variation", "nominal").values(true), 1e-9, d.name() + " " + cats[k] + " nominal");
                assertArrayEquals(up[k].values(true), h.select("variation", "JES_TotalUp").values(true), 1e-9, d.name() + " " + cats[k] + " up");
                assertArrayEquals(down[k].values(true), h.select("variation", "JES_TotalDown").values(true), 1e-9, d.name() + " " + cats[k] + " down");
                assertArrayEquals(up[k].variances(true), h.select("variation", "JES_TotalUp").variances(true), 1e-9, "Σw² of up");
            }
            // the nominal pass is exactly what a run without shape variations gives
            assertEquals(ref.histogram("HT", "TTbar", d.name()).select("variation", "nominal"), ht.select("variation", "nominal"));
            assertEquals(ref.cutflow(), out.cutflow(), "cutflow stays nominal");
            assertEquals(ref.sumw(), out.sumw(), "sumw stays nominal");
            assertEquals(nNom[0], out.cutflowStep("presel").get(d.name()));
        }
    }

    @Test
    void dataGetsNoShapeVariationAndSamplesCanBeChosen() {
        Configurator cfg = config().shapeVariations(jes().onlySamples("TTbar")).build();
        assertEquals(1, cfg.shapeVariationsFor("TTbar", true).size());
        assertTrue(cfg.shapeVariationsFor("TTbar", false).isEmpty(), "data");
        assertTrue(cfg.shapeVariationsFor("DYJetsToLL", true).isEmpty(), "a sample not chosen");
        assertTrue(cfg.toJson().get("shape_variations").toString().contains("JES_Total"));
    }

    @Test
    void badShapeVariationsAreRefusedByName() {
        ConfigException e = assertThrows(ConfigException.class, () -> config().shapeVariations(jes().onlySamples("TTbarr")).build());
        assertTrue(e.getMessage().contains("TTbarr") && e.getMessage().contains("TTbar"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config().shapeVariations(jes(), jes()).build());
        assertTrue(e.getMessage().contains("given twice"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ShapeVariation.of("JESUp", (ev, ctx, up) -> {}));
        assertTrue(e.getMessage().contains("clash"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> config()
                .weights(WeightsConfig.inclusive("genWeight", "JES_Total").define(pocket.config.Weight.withVariations("JES_Total",
                        (ev, ctx) -> new pocket.config.WeightData("JES_Total", new double[ev.size()], new double[ev.size()], new double[ev.size()]))).variations("JES_Total"))
                .shapeVariations(jes()).build());
        assertTrue(e.getMessage().contains("JES_Total") && e.getMessage().contains("weight"), e.getMessage());
    }

    @Test
    void aShiftNamingAMissingBranchSaysWhichVariation() throws Exception {
        Configurator cfg = config().shapeVariations(ShapeVariation.of("Bad", (events, ctx, up) -> events.get("Jet_ptt"))).build();
        Dataset d = cfg.datasets().get(0);
        try (RootFile rf = RootFile.open(d.files().get(0))) {
            Tree t = rf.tree("Events");
            ConfigException e = assertThrows(ConfigException.class,
                    () -> cfg.process(new Chunk(d.name(), d.files().get(0), "Events", 0, t.entries(), d.metadata()), t));
            assertTrue(e.getMessage().contains("shape variation 'Bad'") && e.getMessage().contains("Jet_ptt"), e.getMessage());
        }
    }
}
