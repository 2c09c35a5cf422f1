// ADL benchmark task 1: the missing transverse momentum of every event.
// Run: pocket run --cfg adl1.jsh -o out   (pocket bench copies it next to its generated Z->mumu sample)
var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(BaseWorkflow::new)
    .categories(Categories.standard().add("all", Cuts.passthrough))
    .weights(WeightsConfig.none())
    .variable("MET_pt", HistConf.of(Axis.of("events", "MET_pt", 100, 0, 200).label("MET [GeV]")).noWeights().noVariations())
    .build();
