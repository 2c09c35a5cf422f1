// ADL benchmark task 5: the missing transverse momentum of the events with an opposite-charge
// muon pair of invariant mass 60-120 GeV (any pair of the event's muons).
// Run: pocket run --cfg adl5.jsh -o out   (pocket bench copies it next to its generated Z->mumu sample)

Cut oppositeChargeZ = Cut.of("os_mumu_60_120", (ev, ctx) -> {
    Collection mu = ev.collection("Muon");
    Jagged pt = mu.get("pt");
    int[] off = pt.offsets;
    double[] p = pt.values, eta = mu.get("eta").values, phi = mu.get("phi").values,
             mass = mu.get("mass").values, q = mu.get("charge").values;
    boolean[] pass = new boolean[ev.size()];
    for (int i = 0; i < pass.length; i++) {
        pairs:
        for (int a = off[i]; a < off[i + 1]; a++)
            for (int b = a + 1; b < off[i + 1]; b++) {
                if (q[a] * q[b] >= 0) continue;
                // the pair's four-momentum from each muon's (pt, eta, phi, m)
                double pxa = p[a] * Math.cos(phi[a]), pya = p[a] * Math.sin(phi[a]), pza = p[a] * Math.sinh(eta[a]);
                double pxb = p[b] * Math.cos(phi[b]), pyb = p[b] * Math.sin(phi[b]), pzb = p[b] * Math.sinh(eta[b]);
                double ea = Math.sqrt(pxa * pxa + pya * pya + pza * pza + mass[a] * mass[a]);
                double eb = Math.sqrt(pxb * pxb + pyb * pyb + pzb * pzb + mass[b] * mass[b]);
                double px = pxa + pxb, py = pya + pyb, pz = pza + pzb, e = ea + eb;
                double m = Math.sqrt(Math.max(0, e * e - px * px - py * py - pz * pz));
                if (m > 60 && m < 120) { pass[i] = true; break pairs; }
            }
    }
    return pass;
});

var cfg = Configurator.builder()
    .datasets(DatasetsConfig.jsons("DYJetsToLL_M-50_2018.json").samples("DYJetsToLL").year("2018"))
    .workflow(BaseWorkflow::new)
    .categories(Categories.standard().add("os_mumu_60_120", oppositeChargeZ))
    .weights(WeightsConfig.none())
    .variable("MET_pt", HistConf.of(Axis.of("events", "MET_pt", 100, 0, 200).label("MET [GeV]")).noWeights().noVariations())
    .build();
