package pocket.rootio.rntuple;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.testing.TestData;

/**
 * The RNTuple samples hold the same events as the TTree samples: every branch the RNTuple
 * offers must give the TTree's type, counter, values and offsets, over the whole file and over
 * sub-ranges; the branch sets must agree except for what RNTupleImporter cannot store.
 */
class RntupleSamplesTest {

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy", "nano_dimuon"})
    void everyBranchEqualsTheTTreeSample(String sample) throws Exception {
        try (RootFile rf = RootFile.open(TestData.file(sample + "_rntuple.root").toString());
             RootFile tf = RootFile.open(TestData.file(sample + ".root").toString())) {
            Tree r = rf.tree("Events"), t = tf.tree("Events");
            assertTrue(r instanceof RNTupleTree, r.toString());
            assertEquals(t.entries(), r.entries());
            long n = t.entries();
            List<String> names = r.branchNames();
            assertTrue(names.size() > 1000, "branches: " + names.size());
            Map<String, ColumnArray> all = r.read(names, 0, n);
            Map<String, ColumnArray> ref = t.read(names, 0, n);
            for (String b : names) {
                BranchInfo ri = r.branch(b), ti = t.branch(b);
                assertEquals(ti.type(), ri.type(), b);
                assertEquals(ti.counter(), ri.counter(), b);
                same(ref.get(b), all.get(b), b + " [0, " + n + ")");
            }
            // sub-ranges, alone and several branches at once, starting and ending inside the file
            long[][] ranges = {{0, 1}, {1, n - 1}, {n / 3, n / 3 + 1}, {n / 2, n}, {n - 1, n}, {7, 7}};
            for (long[] rg : ranges) {
                Map<String, ColumnArray> got = r.read(names, rg[0], rg[1]), want = t.read(names, rg[0], rg[1]);
                for (String b : names) same(want.get(b), got.get(b), b + " [" + rg[0] + ", " + rg[1] + ")");
            }
            for (String b : List.of("Jet_pt", "nJet", "HLT_IsoMu24", "run", "event", "MET_pt"))
                same(t.read(b, 3, n - 2), r.read(b, 3, n - 2), b);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy", "nano_dimuon"})
    void branchSetsAgreeExceptForTheCountersOfCollections(String sample) throws Exception {
        try (RootFile rf = RootFile.open(TestData.file(sample + "_rntuple.root").toString());
             RootFile tf = RootFile.open(TestData.file(sample + ".root").toString())) {
            Tree r = rf.tree("Events"), t = tf.tree("Events");
            Set<String> missing = new TreeSet<>(t.branchNames());
            missing.removeAll(r.branchNames());
            Set<String> extra = new TreeSet<>(r.branchNames());
            extra.removeAll(t.branchNames());
            assertEquals(Set.of(), extra, "branches only in the RNTuple");
            assertEquals(Set.of(), missing, "TTree branches the RNTuple does not offer");
        }
    }

    @org.junit.jupiter.api.Test
    void readsFromSeveralThreadsAtOnceGiveTheSameValues() throws Exception {
        try (RootFile rf = RootFile.open(TestData.file("nano_dy_rntuple.root").toString())) {
            Tree r = rf.tree("Events");
            List<String> names = r.branchNames();
            Map<String, ColumnArray> one = r.read(names, 5, 35);
            var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
            try {
                List<java.util.concurrent.Future<Map<String, ColumnArray>>> fs = new ArrayList<>();
                for (int i = 0; i < 8; i++) fs.add(pool.submit(() -> r.read(names, 5, 35)));
                for (var f : fs) {
                    Map<String, ColumnArray> m = f.get();
                    for (String b : names) same(one.get(b), m.get(b), b);
                }
            } finally {
                pool.shutdown();
            }
        }
    }

    static void same(ColumnArray want, ColumnArray got, String what) {
        assertNotNull(got, what);
        assertEquals(want.type, got.type, what);
        assertEquals(want.entries, got.entries, what);
        assertArrayEquals(want.offsets, got.offsets, what + " offsets");
        assertEquals(want.data.getClass(), got.data.getClass(), what);
        // bit-exact (Arrays.equals compares floats by their bits, NaN included)
        assertTrue(java.util.Objects.deepEquals(want.data, got.data), what + ": values differ");
    }
}
