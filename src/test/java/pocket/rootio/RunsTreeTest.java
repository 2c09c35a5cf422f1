package pocket.rootio;

import pocket.rootio.file.RootFile;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pocket.testing.TestData;

/** The Runs tree's bookkeeping (int64, double, uint32, jagged double leaves) checked against the Events tree. */
class RunsTreeTest {
    static RootFile open(String s) throws RootIOException { return RootFile.open(TestData.file(s).toString()); }

    static double scalar(Tree t, String b) throws RootIOException { return t.read(b, 0, 1).toDoubles()[0]; }

    @Test
    void pfnanoHoldsEveryGeneratedEventSoRunsSumsEqualEventsSums() throws Exception {
        try (RootFile f = open("pfnano.root")) {
            Tree runs = f.tree("Runs"), events = f.tree("Events");
            assertEquals(LeafType.INT64, runs.branch("genEventCount").type());
            assertEquals(LeafType.FLOAT64, runs.branch("genEventSumw").type());
            assertEquals(events.entries(), runs.read("genEventCount", 0, 1).longs()[0]);
            double sw = 0, sw2 = 0;
            for (float w : events.read("genWeight", 0, events.entries()).floats()) { sw += w; sw2 += (double) w * w; }
            assertEquals(sw, runs.read("genEventSumw", 0, 1).doubles()[0], 1e-6 * Math.abs(sw));
            assertEquals(sw2, scalar(runs, "genEventSumw2"), 1e-6 * Math.abs(sw2));
        }
    }

    @Test
    void unitSumOfWeightsMeansUnitGenWeights() throws Exception {
        try (RootFile f = open("nano_tree.root")) {
            Tree runs = f.tree("Runs"), events = f.tree("Events");
            assertEquals(scalar(runs, "genEventCount"), scalar(runs, "genEventSumw"));
            assertEquals(scalar(runs, "genEventCount"), scalar(runs, "genEventSumw2"));
            for (float w : events.read("genWeight", 0, events.entries()).floats()) assertEquals(1.0f, w);
        }
    }

    @Test
    void jaggedRunsLeavesHaveTheirCountersLengthAndWeightsMatchTheirScale() throws Exception {
        try (RootFile f = open("nano_dy.root")) {
            Tree runs = f.tree("Runs"), events = f.tree("Events");
            ColumnArray scale = runs.read("LHEScaleSumw_", 0, 1);
            assertEquals((int) scalar(runs, "nLHEScaleSumw_"), scale.size());
            assertEquals((int) scalar(runs, "nLHEPdfSumw_"), runs.read("LHEPdfSumw_", 0, 1).size());
            // per event, the same 9 scale variations; the middle of the 3x3 grid (μR = μF = 1) is the nominal weight 1
            ColumnArray perEvent = events.read("LHEScaleWeight", 0, events.entries());
            for (int e = 0; e < events.entries(); e++) {
                assertEquals(scale.size(), perEvent.offsets[e + 1] - perEvent.offsets[e]);
                assertEquals(1.0, perEvent.floats()[perEvent.offsets[e] + scale.size() / 2], 1e-3);
            }
            // a ±w sample: |genWeight| is near the RMS weight sqrt(Σw²/N) of the whole production (within 5%)
            double rms = Math.sqrt(scalar(runs, "genEventSumw2_") / scalar(runs, "genEventCount_"));
            for (float w : events.read("genWeight", 0, events.entries()).floats()) assertEquals(rms, Math.abs(w), 0.05 * rms);
        }
    }

    @Test
    void everyEventsRunNumberIsListedInRuns() throws Exception {
        try (RootFile f = open("nano_dimuon.root")) {
            Tree runs = f.tree("Runs"), events = f.tree("Events");
            Set<Integer> listed = new HashSet<>();
            for (int r : runs.read("run", 0, runs.entries()).ints()) assertTrue(listed.add(r), "run " + r + " listed twice");
            for (int r : events.read("run", 0, events.entries()).ints()) assertTrue(listed.contains(r), "run " + r);
        }
    }
}
