package pocket.rootio.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/** Written with the writer, read with pocket's reader: the same values, for every type and compression. */
class RoundTripTest {
    @TempDir Path dir;

    private static void assertSameColumn(String name, ColumnArray want, ColumnArray got) {
        assertEquals(want.entries, got.entries, name + " entries");
        assertEquals(want.data.getClass(), got.data.getClass(), name + " array type");
        Object w = want.data, g = got.data;
        if (w instanceof float[] a) assertArrayEquals(a, (float[]) g, name);
        else if (w instanceof double[] a) assertArrayEquals(a, (double[]) g, name);
        else if (w instanceof int[] a) assertArrayEquals(a, (int[]) g, name);
        else if (w instanceof long[] a) assertArrayEquals(a, (long[]) g, name);
        else if (w instanceof short[] a) assertArrayEquals(a, (short[]) g, name);
        else if (w instanceof byte[] a) assertArrayEquals(a, (byte[]) g, name);
        else if (w instanceof boolean[] a) assertArrayEquals(a, (boolean[]) g, name);
        else fail(name + ": " + w.getClass());
        if (want.offsets == null) assertNull(got.offsets, name + " is flat");
        else assertArrayEquals(want.offsets, got.offsets, name + " offsets");
    }

    /** Reads every branch over [start, stop) and compares with the formulas of {@link WrittenFiles}. */
    private static void checkRange(Tree t, long start, long stop) throws Exception {
        Map<String, ColumnArray> want = WrittenFiles.columns(start, (int) (stop - start));
        for (String b : WrittenFiles.ALL_TYPES.names()) {
            ColumnArray got = t.read(b, start, stop);
            if (b.equals("nJet")) {
                int[] off = want.get("Jet_pt").offsets;
                int[] counts = new int[(int) (stop - start)];
                for (int i = 0; i < counts.length; i++) counts[i] = off[i + 1] - off[i];
                assertArrayEquals(counts, got.ints(), "nJet [" + start + "," + stop + ")");
            } else {
                assertSameColumn(b + " [" + start + "," + stop + ")", want.get(b), got);
            }
        }
    }

    @Test
    void everyTypeAndEveryCompressionReadsBackIdentically() throws Exception {
        List<Compression> all = List.of(Compression.none(), Compression.zlib(1), Compression.zlib(9), Compression.lzma(4),
                Compression.lz4(1), Compression.lz4(6), Compression.zstd(1), Compression.zstd(10));
        for (Compression c : all) {
            Path f = dir.resolve("rt-" + c.toString().replace(':', '-') + ".root");
            WrittenFiles.write(f, WrittenFiles.fixed(c).withBasketSize(2000), 3000, 777);
            try (RootFile r = RootFile.open(f.toString())) {
                Tree t = r.tree("Events");
                assertEquals(3000, t.entries(), c.toString());
                assertEquals(WrittenFiles.ALL_TYPES.names(), t.branchNames(), c.toString());
                checkRange(t, 0, 3000);
                checkRange(t, 1234, 2345);     // crosses basket boundaries in every branch
                checkRange(t, 2999, 3000);
            }
        }
    }

    @Test
    void branchInfoCarriesTypeCounterAndTitle() throws Exception {
        Path f = dir.resolve("info.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.zstd(5)), 100, 100);
        try (RootFile r = RootFile.open(f.toString())) {
            Tree t = r.tree("Events");
            for (BranchSpec s : WrittenFiles.ALL_TYPES.branches()) {
                BranchInfo b = t.branch(s.name());
                assertEquals(s.type(), b.type(), s.name());
                assertEquals(s.counter(), b.counter(), s.name());
                assertEquals(100, b.entries(), s.name());
            }
        }
    }

    @Test
    void jaggedEdgeCases() throws Exception {
        // one entry per basket, and ten per basket (runs of 50 jet-less entries make baskets of only empty entries)
        for (int perBasket : new int[]{1, 10}) {
            Path f = dir.resolve("per" + perBasket + ".root");
            WrittenFiles.write(f, WrittenFiles.fixed(Compression.zlib(1)).withEntriesPerBasket(perBasket), 160, 37);
            try (RootFile r = RootFile.open(f.toString())) {
                Tree t = r.tree("Events");
                assertEquals(160 / perBasket, t.branch("Jet_pt").baskets(), "baskets of " + perBasket);
                checkRange(t, 0, 160);
                checkRange(t, 0, 50);            // entries 0..49 have no jets: empty baskets only
                ColumnArray empty = t.read("Jet_pt", 3, 17);
                assertEquals(0, empty.size());
                assertArrayEquals(new int[15], empty.offsets);
                checkRange(t, 49, 51);
            }
        }
    }

    @Test
    void treeWithoutEntries() throws Exception {
        Path f = dir.resolve("empty.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.lz4(4)), 0, 10);
        try (RootFile r = RootFile.open(f.toString())) {
            Tree t = r.tree("Events");
            assertEquals(0, t.entries());
            ColumnArray pt = t.read("Jet_pt", 0, 0);
            assertEquals(0, pt.size());
            assertArrayEquals(new int[]{0}, pt.offsets);
            assertEquals(0, t.read("run", 0, 0).size());
        }
    }

    @Test
    void largeFormatReadsBack() throws Exception {
        Path f = dir.resolve("large.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.zstd(3)).withLargeFormat(true).withBasketSize(3000), 2000, 500);
        try (RootFile r = RootFile.open(f.toString())) {
            Tree t = r.tree("Events");
            assertEquals(2000, t.entries());
            checkRange(t, 0, 2000);
        }
    }

    @Test
    void basketOver16MiBReadsBack() throws Exception {
        // one jagged basket of 2.4M doubles (19.2 MB) plus offsets: over ROOT's 0xffffff-byte block
        Path f = dir.resolve("big.root");
        int n = 200_000, per = 12;
        double[] v = new double[n * per];
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) {
            off[i + 1] = off[i] + per;
            for (int j = 0; j < per; j++) v[i * per + j] = i + j / 16.0;
        }
        TreeSchema s = TreeSchema.builder().jagged("Jet_mass", LeafType.FLOAT64, "nJet").build();
        try (RootFileWriter w = RootFileWriter.create(f, WrittenFiles.fixed(Compression.zstd(1)).withBasketSize(64 << 20))) {
            w.tree("Events", s).extend(Map.of("Jet_mass", new ColumnArray(LeafType.FLOAT64, v, off, n)));
        }
        FileLayout l = new FileLayout(f);
        FileLayout.Key basket = l.keys("TBasket").stream().filter(k -> k.name().equals("Jet_mass")).findFirst().orElseThrow();
        assertEquals(2, l.blocks(basket).size(), "two compression blocks");
        try (RootFile r = RootFile.open(f.toString())) {
            Tree t = r.tree("Events");
            assertEquals(1, t.branch("Jet_mass").baskets());
            ColumnArray got = t.read("Jet_mass", 0, n);
            assertArrayEquals(v, got.doubles());
            assertArrayEquals(off, got.offsets);
            ColumnArray part = t.read("Jet_mass", 150_000, 150_002);
            assertArrayEquals(java.util.Arrays.copyOfRange(v, 150_000 * per, 150_002 * per), part.doubles());
        }
    }

    @Test
    void twoTreesAndCountersWithoutColumns() throws Exception {
        Path f = dir.resolve("two.root");
        TreeSchema runs = TreeSchema.builder().branch("run", LeafType.UINT32).branch("genEventSumw", LeafType.FLOAT64).build();
        try (RootFileWriter w = RootFileWriter.create(f, WrittenFiles.fixed(Compression.zlib(1)))) {
            TreeWriter e = w.tree("Events", WrittenFiles.ALL_TYPES);
            Map<String, ColumnArray> cols = new java.util.LinkedHashMap<>(WrittenFiles.columns(0, 400));
            assertNull(cols.get("nJet"), "the counter comes from the jagged columns");
            e.extend(cols);
            w.tree("Runs", runs).extend(Map.of("run", new ColumnArray(LeafType.UINT32, new int[]{1, 2}, null, 2),
                    "genEventSumw", new ColumnArray(LeafType.FLOAT64, new double[]{0.5, -2.25}, null, 2)));
        }
        try (RootFile r = RootFile.open(f.toString())) {
            checkRange(r.tree("Events"), 0, 400);
            assertArrayEquals(new double[]{0.5, -2.25}, r.tree("Runs").read("genEventSumw", 0, 2).doubles());
        }
    }
}
