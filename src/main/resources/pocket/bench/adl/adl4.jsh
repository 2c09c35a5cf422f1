// ADL benchmark task 4: the missing transverse momentum of the events with at least two jets of pT > 40 GeV.
// Run: pocket run --cfg adl4.jsh -o out   (pocket bench copies it next to its generated Z->mumu sample)
var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(BaseWorkflow::new)
    .categories(Categories.standard().add("two_jets_pt40", Cuts.get_nObj_min(2, 40.0, "Jet")))
    .weights(WeightsConfig.none())
    .variable("MET_pt", HistConf.of(Axis.of("events", "MET_pt", 100, 0, 200).label("MET [GeV]")).noWeights().noVariations())
    .build();
