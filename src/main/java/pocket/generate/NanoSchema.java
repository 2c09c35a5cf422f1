package pocket.generate;

import pocket.rootio.LeafType;
import pocket.rootio.write.TreeSchema;

/**
 * The NanoAOD branches the generator writes, with NanoAOD's names, types and documentation
 * strings; MC adds the generator and truth-matching branches that collision data lacks.
 */
final class NanoSchema {
    /** The HLT paths written, as NanoAOD names them. */
    public static final String[] HLT = {"HLT_IsoMu24", "HLT_IsoMu27", "HLT_Mu50", "HLT_Ele32_WPTight_Gsf",
            "HLT_Mu17_TrkIsoVVL_Mu8_TrkIsoVVL_DZ_Mass3p8", "HLT_PFHT1050"};
    /** The MET filter flags PocketCoffea's default skim requires. */
    public static final String[] FLAGS = {"Flag_goodVertices", "Flag_globalSuperTightHalo2016Filter", "Flag_HBHENoiseFilter",
            "Flag_HBHENoiseIsoFilter", "Flag_EcalDeadCellTriggerPrimitiveFilter", "Flag_BadPFMuonFilter",
            "Flag_BadPFMuonDzFilter", "Flag_eeBadScFilter", "Flag_ecalBadCalibFilter"};

    private NanoSchema() {}

    public static TreeSchema events(boolean isMC) {
        TreeSchema.Builder b = TreeSchema.builder()
                .branch("run", LeafType.UINT32, "run/i")
                .branch("luminosityBlock", LeafType.UINT32, "luminosityBlock/i")
                .branch("event", LeafType.UINT64, "event/l");
        if (isMC) b.branch("genWeight", LeafType.FLOAT32, "generator weight");
        for (String h : HLT) b.branch(h, LeafType.BOOL, "Trigger/flag bit (process: HLT)");
        for (String f : FLAGS) b.branch(f, LeafType.BOOL, "Trigger/flag bit (process: PAT)");
        b.branch("PV_npvs", LeafType.INT32, "total number of reconstructed primary vertices")
                .branch("PV_npvsGood", LeafType.INT32, "number of good reconstructed primary vertices")
                .branch("fixedGridRhoFastjetAll", LeafType.FLOAT32, "rho from all PF Candidates, used e.g. for JECs");
        if (isMC) b.branch("Pileup_nTrueInt", LeafType.FLOAT32, "the true mean number of the poisson distribution for this event from which the number of interactions each bunch crossing has been sampled")
                .branch("Pileup_nPU", LeafType.INT32, "the number of pileup interactions that have been added to the event in the current bunch crossing");
        b.counter("nMuon", LeafType.UINT32, "slimmedMuons after basic selection");
        jagged(b, "Muon", "pt", LeafType.FLOAT32, "pt");
        jagged(b, "Muon", "eta", LeafType.FLOAT32, "eta");
        jagged(b, "Muon", "phi", LeafType.FLOAT32, "phi");
        jagged(b, "Muon", "mass", LeafType.FLOAT32, "mass");
        jagged(b, "Muon", "charge", LeafType.INT32, "electric charge");
        jagged(b, "Muon", "pdgId", LeafType.INT32, "PDG code assigned by the event reconstruction (not by MC truth)");
        jagged(b, "Muon", "dxy", LeafType.FLOAT32, "dxy (with sign) wrt first PV, in cm");
        jagged(b, "Muon", "dz", LeafType.FLOAT32, "dz (with sign) wrt first PV, in cm");
        jagged(b, "Muon", "pfRelIso04_all", LeafType.FLOAT32, "PF relative isolation dR=0.4, total (deltaBeta corrections)");
        jagged(b, "Muon", "looseId", LeafType.BOOL, "muon is loose muon");
        jagged(b, "Muon", "mediumId", LeafType.BOOL, "cut-based ID, medium WP");
        jagged(b, "Muon", "tightId", LeafType.BOOL, "cut-based ID, tight WP");
        if (isMC) {
            jagged(b, "Muon", "genPartIdx", LeafType.INT16, "Index into genParticle list for MC matching to status==1 muons");
            jagged(b, "Muon", "genPartFlav", LeafType.UINT8, "Flavour of genParticle for MC matching to status==1 muons: 1 = prompt muon, 15 = muon from prompt tau, 5 = muon from b, 4 = muon from c, 3 = muon from light or unknown, 0 = unmatched");
        }
        b.counter("nElectron", LeafType.UINT32, "slimmedElectrons after basic selection (pt > 5 )");
        jagged(b, "Electron", "pt", LeafType.FLOAT32, "pt");
        jagged(b, "Electron", "eta", LeafType.FLOAT32, "eta");
        jagged(b, "Electron", "phi", LeafType.FLOAT32, "phi");
        jagged(b, "Electron", "mass", LeafType.FLOAT32, "mass");
        jagged(b, "Electron", "charge", LeafType.INT32, "electric charge");
        jagged(b, "Electron", "pdgId", LeafType.INT32, "PDG code assigned by the event reconstruction (not by MC truth)");
        jagged(b, "Electron", "deltaEtaSC", LeafType.FLOAT32, "delta eta (SC,ele) with sign");
        jagged(b, "Electron", "dxy", LeafType.FLOAT32, "dxy (with sign) wrt first PV, in cm");
        jagged(b, "Electron", "dz", LeafType.FLOAT32, "dz (with sign) wrt first PV, in cm");
        jagged(b, "Electron", "pfRelIso03_all", LeafType.FLOAT32, "PF relative isolation dR=0.3, total (with rho*EA PU corrections)");
        jagged(b, "Electron", "cutBased", LeafType.INT32, "cut-based ID RunIII Winter22 (0:fail, 1:veto, 2:loose, 3:medium, 4:tight)");
        jagged(b, "Electron", "mvaIso_WP80", LeafType.BOOL, "MVA Iso ID WP80");
        jagged(b, "Electron", "mvaIso_WP90", LeafType.BOOL, "MVA Iso ID WP90");
        b.counter("nJet", LeafType.UINT32, "slimmedJetsPuppi, i.e. ak4 PFJets Puppi with JECs applied, after basic selection (pt > 15)");
        jagged(b, "Jet", "pt", LeafType.FLOAT32, "pt");
        jagged(b, "Jet", "eta", LeafType.FLOAT32, "eta");
        jagged(b, "Jet", "phi", LeafType.FLOAT32, "phi");
        jagged(b, "Jet", "mass", LeafType.FLOAT32, "mass");
        jagged(b, "Jet", "jetId", LeafType.INT32, "Jet ID flag: bit2 is tight, bit3 is tightLepVeto");
        jagged(b, "Jet", "puId", LeafType.INT32, "Pileup ID flags");
        jagged(b, "Jet", "btagDeepFlavB", LeafType.FLOAT32, "DeepJet b+bb+lepb tag discriminator");
        jagged(b, "Jet", "area", LeafType.FLOAT32, "jet catchment area, for JECs");
        jagged(b, "Jet", "rawFactor", LeafType.FLOAT32, "1 - Factor to get back to raw pT");
        if (isMC) {
            jagged(b, "Jet", "hadronFlavour", LeafType.INT32, "flavour from hadron ghost clustering");
            jagged(b, "Jet", "partonFlavour", LeafType.INT32, "flavour from parton matching");
            jagged(b, "Jet", "genJetIdx", LeafType.INT16, "index of matched gen jet");
        }
        b.branch("MET_pt", LeafType.FLOAT32, "pt")
                .branch("MET_phi", LeafType.FLOAT32, "phi")
                .branch("MET_sumEt", LeafType.FLOAT32, "scalar sum of Et")
                .branch("PuppiMET_pt", LeafType.FLOAT32, "pt")
                .branch("PuppiMET_phi", LeafType.FLOAT32, "phi");
        return b.build();
    }

    /** NanoAOD's Runs tree: per run, the count and weight sums of the generated events (MC). */
    public static TreeSchema runs(boolean isMC) {
        TreeSchema.Builder b = TreeSchema.builder().branch("run", LeafType.UINT32, "run/i");
        if (isMC) b.branch("genEventCount", LeafType.INT64, "event count")
                .branch("genEventSumw", LeafType.FLOAT64, "sum of gen weights")
                .branch("genEventSumw2", LeafType.FLOAT64, "sum of gen (weight^2)");
        return b.build();
    }

    private static void jagged(TreeSchema.Builder b, String collection, String field, LeafType type, String doc) {
        b.jagged(collection + "_" + field, type, "n" + collection, doc);
    }
}
