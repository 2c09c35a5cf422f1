package pocket.events;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pocket.testing.InMemoryTree;

class EventsTest {
    /** 4 events; muons with pt/eta/phi/mass/charge; a flat genWeight and a trigger flag. */
    static InMemoryTree tree() {
        return new InMemoryTree(4)
                .flat("genWeight", 1, -2, 3, 4)
                .flatBool("HLT_IsoMu24", true, false, true, true)
                .flat("MET_pt", 10, 20, 30, 40)
                .collection("Muon", Map.of(
                        "pt", new double[][]{{50, 30}, {}, {40, 20, 10}, {5}},
                        "eta", new double[][]{{0.5, -1.0}, {}, {0, 2.0, 2.6}, {1}},
                        "phi", new double[][]{{0.1, 3.0}, {}, {-3.0, 3.0, 0}, {0}},
                        "mass", new double[][]{{0.105, 0.105}, {}, {0.105, 0.105, 0.105}, {0.105}},
                        "charge", new double[][]{{1, -1}, {}, {-1, 1, 1}, {1}}))
                .collection("Jet", Map.of(
                        "pt", new double[][]{{60}, {35, 25}, {}, {100}},
                        "eta", new double[][]{{0.5}, {1, 1}, {}, {1.0}},
                        "phi", new double[][]{{0.1}, {0, 1}, {}, {2}},
                        "mass", new double[][]{{5}, {5, 5}, {}, {5}}));
    }

    @Test void readsOnlyTheBranchesUsed() {
        InMemoryTree t = tree();
        Events ev = Events.of(t);
        assertTrue(t.reads.isEmpty(), "nothing read before use");
        ev.collection("Muon").get("pt");
        ev.get("genWeight");
        ev.collection("Muon").get("pt");   // cached: no second read
        assertEquals(Set.of("nMuon", "Muon_pt", "genWeight"), ev.branchesRead());
        assertEquals(List.of("nMuon", "Muon_pt", "genWeight"), t.reads);
    }

    @Test void collectionFieldsCountsAndNth() {
        Events ev = Events.of(tree());
        Collection mu = ev.collection("Muon");
        assertArrayEquals(new int[]{2, 0, 3, 1}, mu.counts());
        assertArrayEquals(new int[]{0, 2, 2, 5, 6}, mu.get("pt").offsets);
        double[] lead = mu.nth("pt", 0);
        assertEquals(50, lead[0]); assertTrue(Double.isNaN(lead[1])); assertEquals(40, lead[2]); assertEquals(5, lead[3]);
        double[] second = mu.get("pt").nth(1);
        assertEquals(30, second[0]); assertTrue(Double.isNaN(second[3]));
        assertArrayEquals(new double[]{80, 0, 70, 5}, mu.get("pt").sum());
    }

    @Test void derivedCollectionAndFilterStayAligned() {
        Events ev = Events.of(tree());
        Collection mu = ev.collection("Muon");
        Collection good = mu.select("MuonGood", mu.get("pt").gt(15).and(mu.get("eta").abs().lt(2.4)));
        ev.put("MuonGood", good);
        assertArrayEquals(new int[]{2, 0, 2, 0}, good.counts());
        assertArrayEquals(new double[]{2, 0, 2, 0}, ev.get("nMuonGood"), "n<Coll> of a put collection resolves to counts");
        ev.put("twice", new double[]{1, 2, 3, 4});
        ev.filter(new boolean[]{false, true, true, false});
        assertEquals(2, ev.size());
        assertArrayEquals(new double[]{2, 3}, ev.get("twice"));
        assertArrayEquals(new double[]{-2, 3}, ev.get("genWeight"));
        assertArrayEquals(new int[]{0, 2}, ev.collection("MuonGood").counts());
        assertArrayEquals(new double[]{40, 20}, ev.collection("MuonGood").get("pt").values);
        // a tree collection first touched after the filter starts from the kept events too
        assertArrayEquals(new int[]{2, 0}, ev.collection("Jet").counts());
        assertArrayEquals(new long[]{1, 2}, ev.entryNumbers());
    }

    @Test void newPerObjectFieldIsSeenByDerivedCollections() {
        Events ev = Events.of(tree());
        Collection mu = ev.collection("Muon");
        mu.with("ptOverTen", mu.get("pt").times(0.1));
        Collection hard = mu.select(mu.get("pt").gt(25));
        assertArrayEquals(new double[]{5, 3, 4}, hard.get("ptOverTen").values, 1e-6);
        Collection sorted = ev.collection("Jet").sortedBy("pt", false);
        assertArrayEquals(new double[]{60, 25, 35, 100}, sorted.get("pt").values);
    }

    @Test void kinematicsAgainstHandComputation() {
        Events ev = Events.of(tree());
        Collection mu = ev.collection("Muon");
        double[] m = Kinematics.pairMass(mu, 0, 1);
        // m^2 = 2 m^2 + 2 (E1 E2 - p1.p2), with |p| = pt cosh(eta) and p1.p2 = pt1 pt2 (cos dPhi + sinh eta1 sinh eta2)
        double pt1 = (float) 50.0, pt2 = (float) 30.0, e1 = (float) 0.5, e2 = (float) -1.0, p1 = (float) 0.1, p2 = (float) 3.0, mm = (float) 0.105;
        double en1 = Math.sqrt(Math.pow(pt1 * Math.cosh(e1), 2) + mm * mm), en2 = Math.sqrt(Math.pow(pt2 * Math.cosh(e2), 2) + mm * mm);
        double m2 = 2 * mm * mm + 2 * (en1 * en2 - pt1 * pt2 * (Math.cos(p1 - p2) + Math.sinh(e1) * Math.sinh(e2)));
        assertEquals(Math.sqrt(m2), m[0], 1e-9);
        assertTrue(Double.isNaN(m[1]));
        assertTrue(Double.isNaN(m[3]));
        double[] dphi = Kinematics.deltaPhi(mu, 0, mu, 1);
        assertEquals(-3.0 - 3.0 + 2 * Math.PI, dphi[2], 1e-6, "Δφ folds across ±π");
        double[] dr = Kinematics.deltaR(mu, 0, mu, 1);
        assertEquals(Math.hypot(e1 - e2, p1 - p2), dr[0], 1e-9);
        Jagged minDr = Kinematics.minDeltaR(ev.collection("Jet"), mu);
        assertEquals(Math.hypot(0, 0), minDr.values[0], 1e-6);
        assertEquals(Double.POSITIVE_INFINITY, minDr.values[1], "no muon in event 1");
        assertEquals(0, Kinematics.deltaPhi(Math.PI, -Math.PI), 1e-12);
    }

    @Test void missingBranchNamesTheNearest() {
        Events ev = Events.of(tree());
        ColumnNotFoundException e = assertThrows(ColumnNotFoundException.class, () -> ev.collection("Muon").get("ptt"));
        assertTrue(e.getMessage().contains("Muon.ptt") && e.getMessage().contains("nearest: Muon.pt"), e.getMessage());
        e = assertThrows(ColumnNotFoundException.class, () -> ev.get("genWieght"));
        assertTrue(e.getMessage().contains("genWieght") && e.getMessage().contains("nearest: genWeight"), e.getMessage());
        e = assertThrows(ColumnNotFoundException.class, () -> ev.collection("Muons"));
        assertTrue(e.getMessage().contains("nearest: Muon"), e.getMessage());
    }
}
