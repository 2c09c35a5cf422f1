package pocket.generate;

import org.junit.jupiter.api.Test;
import pocket.rootio.ColumnArray;

import java.util.Arrays;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class EventGeneratorTest {
    @Test
    void anEventIsTheSameWhicheverRangeMakesIt() {
        EventGenerator g = new EventGenerator(Sample.ZMUMU, 42);
        Map<String, ColumnArray> all = g.events(0, 300);
        Map<String, ColumnArray> tail = g.events(200, 100);
        assertEquals(all.keySet(), tail.keySet());
        int[] off = all.get("Muon_pt").offsets;
        float[] pt = all.get("Muon_pt").floats();
        float[] tailPt = tail.get("Muon_pt").floats();
        assertArrayEquals(Arrays.copyOfRange(pt, off[200], off[300]), tailPt);
        assertArrayEquals(Arrays.copyOfRange(all.get("genWeight").floats(), 200, 300), tail.get("genWeight").floats());
        assertArrayEquals(Arrays.copyOfRange(all.get("event").longs(), 200, 300), tail.get("event").longs());
        for (int i = 0; i < 300; i++) assertEquals(g.genWeight(i), all.get("genWeight").floats()[i]);
    }

    @Test
    void seedsGiveDifferentEvents() {
        float[] a = new EventGenerator(Sample.TTBAR, 1).events(0, 50).get("Jet_pt").floats();
        float[] b = new EventGenerator(Sample.TTBAR, 2).events(0, 50).get("Jet_pt").floats();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void zmumuDimuonMassPeaksAtTheZ() {
        Map<String, ColumnArray> e = new EventGenerator(Sample.ZMUMU, 7).events(0, 20_000);
        int[] off = e.get("Muon_pt").offsets;
        float[] pt = e.get("Muon_pt").floats(), eta = e.get("Muon_eta").floats(), phi = e.get("Muon_phi").floats();
        int[] q = e.get("Muon_charge").ints();
        int[] n = e.get("nMuon").ints();
        double sum = 0;
        int inWindow = 0, opposite = 0, pairs = 0;
        long[] bins = new long[12];  // 60..120 GeV in 5 GeV bins
        for (int i = 0; i < 20_000; i++) {
            assertEquals(off[i + 1] - off[i], n[i]);
            if (n[i] < 2) continue;
            int a = off[i], b = off[i] + 1;
            assertTrue(pt[a] >= pt[b], "muons sorted by pt");
            pairs++;
            if (q[a] * q[b] < 0) opposite++;
            double m = Math.sqrt(2 * pt[a] * pt[b] * (Math.cosh(eta[a] - eta[b]) - Math.cos(phi[a] - phi[b])));
            if (m >= 60 && m < 120) bins[(int) ((m - 60) / 5)]++;
            if (m > 70 && m < 110) { sum += m; inWindow++; }
        }
        assertTrue(pairs > 11_000, "over half the events have two muons in |eta| < 2.4: " + pairs);
        assertTrue(opposite > 0.9 * pairs, "leading muons mostly opposite-charge: " + opposite + "/" + pairs);
        assertEquals(91.19, sum / inWindow, 0.5);
        long peak = Arrays.stream(bins).max().getAsLong();
        assertEquals(peak, bins[6], "the 90-95 GeV bin is the highest: " + Arrays.toString(bins));
    }

    @Test
    void dataHasNoGeneratorBranches() {
        Map<String, ColumnArray> e = new EventGenerator(Sample.DATA, 3).events(0, 10);
        assertFalse(e.containsKey("genWeight"));
        assertFalse(e.containsKey("Jet_hadronFlavour"));
        assertTrue(e.containsKey("HLT_IsoMu24"));
        assertEquals(316_000, e.get("run").ints()[0]);
    }

    @Test
    void ttbarHasBTaggedJetsAndALepton() {
        Map<String, ColumnArray> e = new EventGenerator(Sample.TTBAR, 5).events(0, 2000);
        int[] nJet = e.get("nJet").ints();
        float[] btag = e.get("Jet_btagDeepFlavB").floats();
        int[] flav = e.get("Jet_hadronFlavour").ints();
        int b = 0, withFourJets = 0;
        for (int k = 0; k < btag.length; k++) if (flav[k] == 5) { b++; assertTrue(btag[k] >= 0.3f); }
        for (int n : nJet) if (n >= 4) withFourJets++;
        assertEquals(4000, b, "two b jets per event");
        assertEquals(2000, withFourJets);
        int leptons = 0;
        for (int i = 0; i < 2000; i++) leptons += e.get("nMuon").ints()[i] + e.get("nElectron").ints()[i];
        assertTrue(leptons > 1500, "leptons " + leptons);
    }
}
