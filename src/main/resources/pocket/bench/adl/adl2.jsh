// ADL benchmark task 2: the transverse momentum of every jet of every event (one entry per jet).
// Run: pocket run --cfg adl2.jsh -o out   (pocket bench copies it next to its generated Z->mumu sample)
var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(BaseWorkflow::new)
    .categories(Categories.standard().add("all", Cuts.passthrough))
    .weights(WeightsConfig.none())
    .variable("Jet_pt", HistConf.of(Axis.of("Jet", "pt", 100, 15, 60).label("jet $p_T$ [GeV]")).noWeights().noVariations())
    .build();
