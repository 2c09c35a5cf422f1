package pocket.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class NamesTest {
    @Test void nearestBranchNames() {
        List<String> branches = List.of("nJet", "Jet_pt", "Jet_eta", "Jet_phi", "Muon_pt", "MET_pt");
        assertEquals(List.of("Jet_phi", "Jet_pt"), Names.nearest("Jet_phj", branches, 2));
        assertEquals("; nearest: Muon_pt, MET_pt, Jet_pt", Names.nearestHint("muon_pt", branches));
    }

    @Test void editDistance() {
        assertEquals(3, Names.distance("kitten", "sitting"));
        assertEquals(0, Names.distance("", ""));
    }
}
