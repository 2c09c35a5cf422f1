package pocket.rootio;

import pocket.rootio.file.RootFile;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import pocket.testing.TestData;

/** Every TTree sample opens; entries, branch lists and jagged lengths hold together. */
class OpenSamplesTest {
    static final String[] TTREE_SAMPLES = {"nano_dy.root", "nano_dimuon.root", "nano_tt_v12.root", "nano_tt_v15.root",
            "nano_dy_empty.root", "pfnano.root", "scouting_nano.root", "nano_tree.root"};

    static RootFile open(String name) throws RootIOException {
        return RootFile.open(TestData.file(name).toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy.root", "nano_dimuon.root", "nano_tt_v12.root", "nano_tt_v15.root",
            "nano_dy_empty.root", "pfnano.root", "scouting_nano.root", "nano_tree.root"})
    void everyTTreeSampleOpensAndEveryJaggedBranchMatchesItsCounter(String sample) throws Exception {
        try (RootFile f = open(sample)) {
            Tree t = f.tree("Events");
            assertTrue(t.branchNames().size() > 100, "NanoAOD has hundreds of branches");
            // run and event: one value per entry, and (event, lumi) pairs are unique within a file
            ColumnArray run = t.read("run", 0, t.entries());
            assertEquals(t.entries(), run.size());
            ColumnArray event = t.read("event", 0, t.entries());
            Set<Long> seen = new HashSet<>();
            for (long e : event.longs()) assertTrue(seen.add(e), "duplicate event number " + e + " in " + sample);
            int jagged = 0;
            for (String b : t.branchNames()) {
                BranchInfo info = t.branch(b);
                if (info.type() == null || !info.jagged()) continue;
                jagged++;
                ColumnArray c = t.read(b, 0, t.entries());
                double[] counts = t.read(info.counter(), 0, t.entries()).toDoubles();
                assertEquals(t.entries() + 1, c.offsets.length, b);
                assertEquals(0, c.offsets[0]);
                long sum = 0;
                for (int i = 0; i < counts.length; i++) {
                    assertEquals((int) counts[i], c.offsets[i + 1] - c.offsets[i], b + " entry " + i);
                    sum += (long) counts[i];
                }
                assertEquals(sum, c.size(), b + ": content length equals the sum of " + info.counter());
            }
            assertTrue(jagged > 100, "NanoAOD has many jagged branches, found " + jagged);
        }
    }

    @Test
    void emptyTreeGivesZeroLengthArrays() throws Exception {
        try (RootFile f = open("nano_dy_empty.root")) {
            Tree t = f.tree("Events");
            assertEquals(0, t.entries());
            assertEquals(0, t.read("run", 0, 0).size());
            ColumnArray jet = t.read("Jet_pt", 0, 0);
            assertArrayEquals(new int[]{0}, jet.offsets);
            assertEquals(0, jet.floats().length);
        }
    }

    @Test
    void rntupleSamplesOpenAsTreesWithTheTTreeSamplesEntries() throws Exception {
        for (String s : List.of("nano_dy", "nano_dimuon")) {
            try (RootFile f = open(s + "_rntuple.root"); RootFile t = open(s + ".root")) {
                assertEquals("ROOT::RNTuple", f.key("Events").className());
                assertEquals(t.tree("Events").entries(), f.tree("Events").entries());
                assertTrue(f.tree("Events") instanceof pocket.rootio.rntuple.RNTupleTree);
            }
        }
    }

    @Test
    void missingTreeAndBranchNameTheNearest() throws Exception {
        try (RootFile f = open("nano_dy.root")) {
            MissingObjectException e = assertThrows(MissingObjectException.class, () -> f.tree("Event"));
            assertTrue(e.getMessage().contains("nearest: Events"), e.getMessage());
            Tree t = f.tree("Events");
            MissingObjectException b = assertThrows(MissingObjectException.class, () -> t.read("Jet_ptt", 0, 1));
            assertTrue(b.getMessage().contains("Jet_ptt") && b.getMessage().contains("nano_dy.root")
                    && b.getMessage().contains("nearest: Jet_pt"), b.getMessage());
        }
    }
}
