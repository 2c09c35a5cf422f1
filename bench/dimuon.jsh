// The dimuon task (ADL task 5-like) of bench/jsroot-vs-pocket.sh: events with >= 2 muons whose
// leading pair has opposite charge; that pair's invariant mass, 60 bins over 60-120 GeV.
// The same selection and arithmetic as bench/jsroot-dimuon.mjs (JSROOT), so the two histograms
// must be equal bin for bin. The script copies this file next to the generated sample's dataset JSON.
// Run: pocket run --cfg dimuon.jsh -o out

class DimuonWorkflow extends BaseWorkflow {
    @Override protected void defineCommonVariablesAfterPresel(String variation) {
        events.put("mll", Kinematics.pairMass(events.collection("Muon"), 0, 1));
    }
}

// >= 2 muons, the leading two of opposite charge
Cut dimuon = Cut.of("dimuon", (ev, ctx) -> {
    Collection mu = ev.collection("Muon");
    int[] n = mu.counts();
    double[] q1 = mu.nth("charge", 0), q2 = mu.nth("charge", 1);
    boolean[] m = new boolean[ev.size()];
    for (int i = 0; i < m.length; i++) m[i] = n[i] >= 2 && q1[i] * q2[i] < 0;
    return m;
});

var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(DimuonWorkflow::new)
    .preselections(dimuon)
    .categories(Categories.standard().add("baseline", Cuts.passthrough))
    .weights(WeightsConfig.none())
    .variable("mll", HistConf.of(Axis.of("events", "mll", 60, 60, 120).label("$m_{\\mu\\mu}$ [GeV]")).noWeights().noVariations())
    .build();
