// ADL benchmark task 3: the transverse momentum of the jets with |eta| < 1 (one entry per jet).
// Run: pocket run --cfg adl3.jsh -o out   (pocket bench copies it next to its generated Z->mumu sample)

/** The central jets, |eta| < 1, as a collection of their own. */
class CentralJets extends BaseWorkflow {
    @Override protected void applyObjectPreselection(String variation) {
        Collection jet = events.collection("Jet");
        events.put("JetCentral", jet.select("JetCentral", jet.get("eta").abs().lt(1.0)));
    }
}

var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(CentralJets::new)
    .categories(Categories.standard().add("all", Cuts.passthrough))
    .weights(WeightsConfig.none())
    .variable("JetCentral_pt", HistConf.of(Axis.of("JetCentral", "pt", 100, 15, 60).label("jet $p_T$, $|\\eta| < 1$ [GeV]")).noWeights().noVariations())
    .build();
