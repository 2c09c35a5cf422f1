// Z -> mu mu: Drell-Yan MC against SingleMuon data, as PocketCoffea's Zmumu example.
// Run: pocket run notebooks/zmumu/analysis.jsh   (or Configurator.load(Path.of(...)) in Java)

/** Good muons (tight ID, isolated), jets cleaned against them, the dimuon system. */
class ZmumuWorkflow extends BaseWorkflow {
    @Override protected void applyObjectPreselection(String variation) {
        Parameters p = cfg.parameters();
        Collection mu = events.collection("Muon");
        JaggedMask good = mu.get("pt").gt(p.getDouble("object_preselection.Muon.pt"))
                .and(mu.get("eta").abs().lt(p.getDouble("object_preselection.Muon.eta")))
                .and(mu.flag("tightId"))
                .and(mu.get("pfRelIso04_all").lt(p.getDouble("object_preselection.Muon.iso")));
        Collection muonGood = mu.select("MuonGood", good);
        events.put("MuonGood", muonGood);

        Collection jet = events.collection("Jet");
        JaggedMask goodJet = jet.get("pt").gt(p.getDouble("object_preselection.Jet.pt"))
                .and(jet.get("eta").abs().lt(p.getDouble("object_preselection.Jet.eta")))
                .and(jet.get("jetId").ge(2))
                .and(Kinematics.minDeltaR(jet, muonGood).gt(p.getDouble("object_preselection.Jet.dr_lepton")));
        events.put("JetGood", jet.select("JetGood", goodJet));
    }

    @Override protected void defineCommonVariablesAfterPresel(String variation) {
        Collection mu = events.collection("MuonGood");
        events.put("mll", Kinematics.pairMass(mu, 0, 1));
        events.put("ptll", Kinematics.pairPt(mu, 0, 1));
        events.put("dRll", Kinematics.deltaR(mu, 0, mu, 1));
    }
}

// two good muons of opposite charge, the leading one above the trigger threshold
Cut dimuon = Cut.of("dimuon", Map.of("pt_leading", 25.0), (ev, ctx) -> {
    Collection mu = ev.collection("MuonGood");
    int[] n = mu.counts();
    double[] pt1 = mu.nth("pt", 0), q1 = mu.nth("charge", 0), q2 = mu.nth("charge", 1);
    boolean[] m = new boolean[ev.size()];
    for (int i = 0; i < m.length; i++) m[i] = n[i] >= 2 && pt1[i] > ctx.param("pt_leading") && q1[i] * q2[i] < 0;
    return m;
});

Cut zPeak = Cut.of("mll_80_100", (ev, ctx) -> Masks.between(ev.get("mll"), 80, 100));

// a per-muon ID scale factor (flat 0.99 +- 0.01 per good muon), to show weights with variations
Weight sfMuId = Weight.withVariations("sf_mu_id", (ev, ctx) -> {
    int[] n = ev.collection("MuonGood").counts();
    double[] nom = new double[n.length], up = new double[n.length], down = new double[n.length];
    for (int i = 0; i < n.length; i++) { nom[i] = Math.pow(0.99, n[i]); up[i] = Math.pow(1.00, n[i]); down[i] = Math.pow(0.98, n[i]); }
    return new WeightData("sf_mu_id", nom, up, down);
});

// The datasets: the NanoAOD samples named next to this script, or, when the system property
// pocket.zmumu.samples names a folder of generated samples (pocket demo sets it), the datasets in
// its datasets.json (DY, ttbar, data) with params_lumi.yaml, the luminosity the generated data amount to.
String generated = System.getProperty("pocket.zmumu.samples");
DatasetsConfig datasets = generated == null
    ? DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json", "DATA_SingleMuon_2018.json").samples("DYJetsToLL", "DATA_SingleMuon").year("2018")
    : DatasetsConfig.jsons(generated + "/datasets.json").year("2018");
String[] params = generated == null ? new String[]{"params.yaml"} : new String[]{"params.yaml", generated + "/params_lumi.yaml"};

var cfg = Configurator.builder()
    .parameters(params)
    .datasets(datasets)
    .workflow(ZmumuWorkflow::new)
    .skim(Cuts.get_nPVgood(1), Cuts.get_nObj_min(2, 15.0, "Muon"), Cuts.get_HLTsel("SingleMuon"))
    .preselections(dimuon)
    .categories(Categories.standard()
        .add("baseline", Cuts.passthrough)
        .add("Z_peak", zPeak)
        .add("Z_peak_1jet", zPeak, Cuts.get_nObj_min(1, "JetGood")))
    .weights(WeightsConfig.inclusive("genWeight", "lumi", "XS", "sf_mu_id")
        .define(sfMuId)
        .variations("sf_mu_id"))
    .variable("mll", HistConf.of(Axis.of("events", "mll", 60, 60, 120).label("$m_{\\mu\\mu}$ [GeV]")))
    .variable("ptll", HistConf.of(Axis.of("events", "ptll", 40, 0, 200).label("$p_{T}^{\\mu\\mu}$ [GeV]")))
    .variable("dRll", HistConf.of(Axis.of("events", "dRll", 30, 0, 6).label("$\\Delta R_{\\mu\\mu}$")))
    .variables(Hists.kinematics("MuonGood", 0, 200))
    .variables(Hists.kinematics("MuonGood", 1, 200))
    .variable("MuonGood_pt_all", HistConf.of(Axis.of("MuonGood", "pt", 40, 0, 200).label("muon $p_T$ [GeV]")))
    .variables(Hists.count("MuonGood", 6))
    .variables(Hists.count("JetGood", 10))
    .variable("JetGood_pt_1", HistConf.of(Axis.of("JetGood", "pt", 40, 0, 400).pos(0).label("leading jet $p_T$ [GeV]"))
        .onlyCategories("Z_peak_1jet"))
    .variable("MET_pt", HistConf.of(Axis.of("events", "MET_pt", 40, 0, 200).label("MET [GeV]")))
    .variable("mll_vs_ptll", HistConf.of(Axis.of("events", "mll", 30, 60, 120), Axis.of("events", "ptll", 20, 0, 200)).noVariations())
    .build();
