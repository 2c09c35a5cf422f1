package pocket.generate;

import java.util.Locale;

/**
 * The synthetic samples {@code pocket generate} makes, with the dataset name, sample name,
 * cross-section (pb) and data/MC flag that go into the PocketCoffea dataset JSON.
 */
public enum Sample {
    /** Drell-Yan Z→μμ: two opposite-charge muons with their mass on the Z peak. */
    ZMUMU("DYJetsToLL_M-50", "DYJetsToLL", 6077.22, true),
    /** Top-pair-like multijet events: b-tagged jets, light jets, leptons from W decays, MET. */
    TTBAR("TTToSemiLeptonic", "TTToSemiLeptonic", 365.34, true),
    /** Collision-data-like SingleMuon events: a mix of Z→μμ, top-like and QCD-like events, no generator weights. */
    DATA("DATA_SingleMuon", "DATA_SingleMuon", 0, false);

    public final String dataset;
    public final String sampleName;
    public final double xsec;
    public final boolean isMC;

    Sample(String dataset, String sampleName, double xsec, boolean isMC) {
        this.dataset = dataset; this.sampleName = sampleName; this.xsec = xsec; this.isMC = isMC;
    }

    /** The command-line name: zmumu, ttbar, data. */
    public String cliName() { return name().toLowerCase(Locale.ROOT); }

    public static Sample parse(String s) {
        for (Sample x : values()) if (x.cliName().equalsIgnoreCase(s.trim())) return x;
        throw new IllegalArgumentException("generate: unknown sample '" + s + "'; expected zmumu, ttbar or data");
    }
}
