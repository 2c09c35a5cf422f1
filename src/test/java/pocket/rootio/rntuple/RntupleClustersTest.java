package pocket.rootio.rntuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.rootio.source.Source;
import pocket.rootio.source.Sources;
import pocket.testing.TestData;

/**
 * The samples have one cluster and one page per column, so {@link Repaged} rewrites them with
 * three clusters and pages of 4-6 elements (some zlib-compressed, some without checksum): every
 * branch over ranges that start and end inside pages and clusters must still equal the TTree,
 * and a read fetches only the pages of the clusters it overlaps, in one request per step.
 */
class RntupleClustersTest {
    static final long[] BOUNDS = {13, 29};

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy", "nano_dimuon"})
    void manyClustersAndPagesGiveTheTTreeValues(String sample, @TempDir Path dir) throws Exception {
        Path p = Repaged.write(TestData.file(sample + "_rntuple.root"), dir.resolve("repaged.root"), BOUNDS, 4);
        try (RootFile rf = RootFile.open(p.toString()); RootFile tf = RootFile.open(TestData.file(sample + ".root").toString())) {
            RNTupleTree r = (RNTupleTree) rf.tree("Events");
            Tree t = tf.tree("Events");
            assertEquals(3, r.clusterCount());
            assertEquals(t.entries(), r.entries());
            long n = t.entries();
            List<String> names = r.branchNames();
            long[][] ranges = {{0, n}, {12, 14}, {13, 29}, {12, 30}, {5, 6}, {14, 15}, {28, 29}, {29, 40}, {3, 38}, {1, 13}, {0, 0}};
            for (long[] rg : ranges) {
                Map<String, ColumnArray> got = r.read(names, rg[0], rg[1]), want = t.read(names, rg[0], rg[1]);
                for (String b : names) RntupleSamplesTest.same(want.get(b), got.get(b), b + " [" + rg[0] + ", " + rg[1] + ")");
            }
            assertTrue(r.branch("Jet_pt").baskets() > 3, "pages of Jet_pt: " + r.branch("Jet_pt").baskets());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nano_dy"})
    void aReadFetchesOnlyThePagesOfTheClustersItOverlaps(String sample, @TempDir Path dir) throws Exception {
        Path p = Repaged.write(TestData.file(sample + "_rntuple.root"), dir.resolve("repaged.root"), BOUNDS, 4);
        AtomicInteger requests = new AtomicInteger(), ranges = new AtomicInteger();
        Source local = Sources.open(p.toString());
        Source counting = new Source() {
            @Override public String name() { return local.name(); }
            @Override public long size() throws IOException { return local.size(); }
            @Override public ByteBuffer read(long offset, int length) throws IOException { return local.read(offset, length); }
            @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
                requests.incrementAndGet();
                ranges.addAndGet(offsets.length);
                return local.readv(offsets, lengths);
            }
            @Override public void close() throws IOException { local.close(); }
        };
        try (RootFile rf = RootFile.open(counting)) {
            RNTupleTree r = (RNTupleTree) rf.tree("Events");
            // "run" in cluster 1 only: entries 13..28 in pages of 4-6 → 3 or 4 pages, nothing from clusters 0 and 2
            requests.set(0); ranges.set(0);
            r.read("run", 14, 20);
            assertEquals(1, requests.get(), "flat branches: one request");
            assertTrue(ranges.get() >= 1 && ranges.get() <= 2, "pages read: " + ranges.get());
            requests.set(0); ranges.set(0);
            r.read("run", 0, r.entries());
            int all = ranges.get();
            assertTrue(all >= 7 && all <= 10, "pages of run: " + all);
            requests.set(0); ranges.set(0);
            r.read(List.of("Jet_pt", "nJet", "Jet_eta", "MET_pt"), 13, 29);
            assertEquals(2, requests.get(), "index/flat pages in one request, collection values in a second");
        }
    }
}
