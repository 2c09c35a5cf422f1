package pocket.bench;

import pocket.util.Names;

import java.util.ArrayList;
import java.util.List;

/**
 * One analysis {@code pocket bench} times as a user runs it: its config script, the histogram it
 * fills and the branches it reads (whose decompression alone it is compared with).
 *
 * @param name     what {@code --tasks} calls it
 * @param title    what it selects and fills, for the printed table
 * @param script   the config: a resource under {@code pocket/bench/adl/}, or empty for the Z→μμ analysis given by {@code --cfg}
 * @param variable the histogram it fills (the correctness test reads it)
 * @param branches the branches it reads; MC runs also read {@code genWeight}, summed in every chunk for the normalisation
 */
public record BenchTask(String name, String title, String script, String variable, List<String> branches) {
    /** The ADL benchmark tasks 1–5 (github.com/iris-hep/adl-benchmarks-index) and the Z→μμ example. */
    public static final List<BenchTask> ALL = List.of(
            new BenchTask("adl1", "MET of all events", "adl1.jsh", "MET_pt", List.of("genWeight", "MET_pt")),
            new BenchTask("adl2", "pT of all jets", "adl2.jsh", "Jet_pt", List.of("genWeight", "nJet", "Jet_pt")),
            new BenchTask("adl3", "pT of jets with |eta| < 1", "adl3.jsh", "JetCentral_pt", List.of("genWeight", "nJet", "Jet_pt", "Jet_eta")),
            new BenchTask("adl4", "MET of events with >= 2 jets of pT > 40 GeV", "adl4.jsh", "MET_pt", List.of("genWeight", "nJet", "Jet_pt", "MET_pt")),
            new BenchTask("adl5", "MET of events with an opposite-sign mumu pair, 60-120 GeV", "adl5.jsh", "MET_pt",
                    List.of("genWeight", "nMuon", "Muon_pt", "Muon_eta", "Muon_phi", "Muon_mass", "Muon_charge", "MET_pt")),
            new BenchTask("zmumu", "Z->mumu example (--cfg), MC and data", "", "mll", Bench.ANALYSIS_BRANCHES));

    public BenchTask { branches = List.copyOf(branches); }

    /** The Z→μμ analysis, whose script the command line names rather than pocket's resources. */
    public boolean isZmumu() { return script.isEmpty(); }

    /** Every task's name, in table order. */
    public static List<String> names() {
        List<String> n = new ArrayList<>();
        for (BenchTask t : ALL) n.add(t.name);
        return n;
    }

    /** The tasks of a {@code --tasks} list, in the order given; an unknown name is refused naming the valid ones. */
    public static List<BenchTask> parse(List<String> wanted) {
        List<BenchTask> out = new ArrayList<>();
        for (String w : wanted) {
            BenchTask found = null;
            for (BenchTask t : ALL) if (t.name.equalsIgnoreCase(w.trim())) found = t;
            if (found == null)
                throw new IllegalArgumentException("unknown bench task '" + w.trim() + "'" + Names.nearestHint(w.trim(), names())
                        + " (valid: " + String.join(", ", names()) + ")");
            if (!out.contains(found)) out.add(found);
        }
        return out;
    }
}
