// ttbar: four jets, categorised by jet and b-jet multiplicity (a cartesian product) plus a
// one-lepton category; split into semileptonic electron/muon and all-hadronic subsamples.
// NanoAODv12 (2022) and v15 (2024) side by side: only branches both versions have are used.

/** Tight muons and electrons, one LeptonGood collection, jets cleaned against it, b-tagged jets. */
class TTbarWorkflow extends BaseWorkflow {
    @Override protected void applyObjectPreselection(String variation) {
        Parameters p = cfg.parameters();
        Collection mu = events.collection("Muon");
        Collection muonGood = mu.select("MuonGood", mu.get("pt").gt(p.getDouble("object_preselection.Muon.pt"))
                .and(mu.get("eta").abs().lt(p.getDouble("object_preselection.Muon.eta")))
                .and(mu.flag("tightId"))
                .and(mu.get("pfRelIso04_all").lt(p.getDouble("object_preselection.Muon.iso"))));
        Collection ele = events.collection("Electron");
        Collection electronGood = ele.select("ElectronGood", ele.get("pt").gt(p.getDouble("object_preselection.Electron.pt"))
                .and(ele.get("eta").abs().lt(p.getDouble("object_preselection.Electron.eta")))
                .and(ele.get("cutBased").ge(p.getDouble("object_preselection.Electron.cutBased"))));
        events.put("MuonGood", muonGood);
        events.put("ElectronGood", electronGood);
        events.put("LeptonGood", leptons(muonGood, electronGood));

        Collection jet = events.collection("Jet");
        Collection jetGood = jet.select("JetGood", jet.get("pt").gt(p.getDouble("object_preselection.Jet.pt"))
                .and(jet.get("eta").abs().lt(p.getDouble("object_preselection.Jet.eta")))
                .and(Kinematics.minDeltaR(jet, events.collection("LeptonGood")).gt(p.getDouble("object_preselection.Jet.dr_lepton"))));
        events.put("JetGood", jetGood);
        events.put("BJetGood", jetGood.select("BJetGood", jetGood.get("btagDeepFlavB").gt(p.getDouble("btagging.deepJet_M"))));
    }

    /** Muons then electrons of each event, ordered by pt: a collection built from arrays. */
    static Collection leptons(Collection mu, Collection ele) {
        int n = mu.size();
        int[] off = new int[n + 1];
        int[] nm = mu.counts(), ne = ele.counts();
        for (int i = 0; i < n; i++) off[i + 1] = off[i] + nm[i] + ne[i];
        Map<String, double[]> fields = new LinkedHashMap<>();
        for (String f : List.of("pt", "eta", "phi", "mass", "charge")) {
            double[] out = new double[off[n]];
            Jagged a = mu.get(f), b = ele.get(f);
            for (int i = 0, k = 0; i < n; i++) {
                for (int j = a.offsets[i]; j < a.offsets[i + 1]; j++) out[k++] = a.values[j];
                for (int j = b.offsets[i]; j < b.offsets[i + 1]; j++) out[k++] = b.values[j];
            }
            fields.put(f, out);
        }
        double[] flavour = new double[off[n]];
        for (int i = 0, k = 0; i < n; i++) { for (int j = 0; j < nm[i]; j++) flavour[k++] = 13; for (int j = 0; j < ne[i]; j++) flavour[k++] = 11; }
        fields.put("flavour", flavour);
        return Collection.of("LeptonGood", off, fields).sortedBy("pt", true);
    }

    @Override protected void defineCommonVariablesAfterPresel(String variation) {
        Collection jets = events.collection("JetGood");
        events.put("JetGood_HT", jets.get("pt").sum());
        events.put("mjj", Kinematics.pairMass(jets, 0, 1));
        events.put("dR_lep_jet1", Kinematics.deltaR(events.collection("LeptonGood"), 0, jets, 0));
    }
}

Cut oneLepton = Cuts.get_nObj_eq(1, "LeptonGood");
Cut noLepton = Cuts.get_nObj_eq(0, "LeptonGood");
Cut fourJets = Cuts.get_nObj_min(4, "JetGood");

// a flat b-tagging scale factor per b-tagged jet, 0.97 +- 0.03, to show a weight with variations
Weight sfBtag = Weight.withVariations("sf_btag", (ev, ctx) -> {
    int[] nb = ev.collection("BJetGood").counts();
    double[] nom = new double[nb.length], up = new double[nb.length], down = new double[nb.length];
    for (int i = 0; i < nb.length; i++) { nom[i] = Math.pow(0.97, nb[i]); up[i] = Math.pow(1.00, nb[i]); down[i] = Math.pow(0.94, nb[i]); }
    return new WeightData("sf_btag", nom, up, down);
});

// a flat jet energy scale uncertainty, +-3 %, to show a shape variation: the selection runs again
// on the shifted jets and histograms get JES_TotalUp / JES_TotalDown
ShapeVariation jes = ShapeVariation.of("JES_Total", (events, ctx, up) -> {
    Collection jet = events.collection("Jet");
    events.put("Jet", jet.with("pt", jet.get("pt").times(up ? 1.03 : 0.97)));
});

var cfg = Configurator.builder()
    .parameters("params.yaml")
    .datasets(DatasetsConfig.jsons("TTbar.json").samples("TTbar"))
    .subsample("TTbar", "semilep_ele", oneLepton, Cuts.get_nObj_eq(1, "ElectronGood"))
    .subsample("TTbar", "semilep_mu", oneLepton, Cuts.get_nObj_eq(1, "MuonGood"))
    .subsample("TTbar", "had", noLepton)
    .workflow(TTbarWorkflow::new)
    .skim(Cuts.get_nPVgood(1), Cuts.get_nObj_min(4, 25.0, "Jet"))
    .preselections(fourJets)
    .categories(Categories.cartesian(
        List.of(
            MultiCut.of("njets", List.of(Cuts.get_nObj_eq(4, "JetGood"), Cuts.get_nObj_eq(5, "JetGood"), Cuts.get_nObj_min(6, "JetGood")),
                List.of("4j", "5j", "ge6j")),
            MultiCut.of("nbjets", List.of(Cuts.get_nObj_eq(0, "BJetGood"), Cuts.get_nObj_eq(1, "BJetGood"), Cuts.get_nObj_min(2, "BJetGood")),
                List.of("0b", "1b", "ge2b"))))
        .add("baseline", Cuts.passthrough)
        .add("1lep", oneLepton))
    .weights(WeightsConfig.inclusive("genWeight", "lumi", "XS")
        .define(sfBtag)
        .bycategory("4j_1b", "sf_btag").bycategory("4j_ge2b", "sf_btag")
        .bycategory("5j_1b", "sf_btag").bycategory("5j_ge2b", "sf_btag")
        .bycategory("ge6j_1b", "sf_btag").bycategory("ge6j_ge2b", "sf_btag")
        .variations("sf_btag"))
    .shapeVariations(jes)
    .variables(Hists.count("JetGood", 12))
    .variables(Hists.count("BJetGood", 6))
    .variables(Hists.kinematics("JetGood", null, 500))
    .variables(Hists.kinematics("JetGood", 0, 500))
    .variables(Hists.kinematics("LeptonGood", 0, 300))
    .variables(Hists.count("LeptonGood", 4))
    .variable("LeptonGood_flavour", HistConf.of(Axis.integer("LeptonGood", "flavour", 10, 15).pos(0)).noWeights().onlyCategories("1lep"))
    .variable("JetGood_btagDeepFlavB", HistConf.of(Axis.of("JetGood", "btagDeepFlavB", 20, 0, 1).label("DeepJet b-tag")))
    .variable("HT", HistConf.of(Axis.variable("events", "JetGood_HT", 0, 200, 300, 400, 500, 700, 1000, 1500).label("$H_T$ [GeV]")))
    .variable("mjj", HistConf.of(Axis.of("events", "mjj", 50, 0, 500).label("$m_{jj}$ [GeV]")).excludeCategories("baseline"))
    .variable("PuppiMET_pt", HistConf.of(Axis.of("events", "PuppiMET_pt", 40, 0, 400).label("PUPPI MET [GeV]")))
    .variable("lepton_pt_vs_nJet", HistConf.of(Axis.of("LeptonGood", "pt", 20, 0, 300).pos(0), Axis.integer("events", "nJetGood", 4, 10)))
    .variable("sum_pt_over_HT", HistConf.of(Axis.custom("lep_pt_over_HT", ev -> {
        double[] lep = ev.collection("LeptonGood").nth("pt", 0), ht = ev.get("JetGood_HT");
        double[] r = new double[lep.length];
        for (int i = 0; i < r.length; i++) r[i] = lep[i] / ht[i];
        return r;
    }, 20, 0, 1)).onlyCategories("1lep"))
    .build();
