package pocket.rootio.read;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.ColumnArray;
import pocket.rootio.CorruptDataException;
import pocket.rootio.LeafType;
import pocket.rootio.file.RootFile;
import pocket.rootio.write.Compression;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;
import pocket.rootio.write.TreeWriter;
import pocket.rootio.write.WriteOptions;

/**
 * A jagged basket's entry-offset table, patched in an uncompressed file written here, is caught
 * on the fast whole-basket path and on the partial-basket path alike, naming the entry.
 */
class EntryOffsetTableTest {
    @TempDir Path tmp;

    private static final int N = 1000;

    /** Entry i holds i % 4 values; value j of entry i is 1000 i + j. */
    private Path write() throws Exception {
        Path p = tmp.resolve("jagged.root");
        int[] off = new int[N + 1];
        for (int i = 0; i < N; i++) off[i + 1] = off[i] + i % 4;
        float[] x = new float[off[N]];
        for (int i = 0; i < N; i++) for (int j = off[i]; j < off[i + 1]; j++) x[j] = 1000 * i + (j - off[i]);
        TreeSchema schema = TreeSchema.builder().counter("nX", LeafType.INT32, "x").jagged("X_v", LeafType.FLOAT32, "nX").build();
        try (RootFileWriter w = RootFileWriter.create(p, WriteOptions.defaults().withCompression(Compression.none()))) {
            TreeWriter t = w.tree("Events", schema);
            t.extend(Map.of("X_v", new ColumnArray(LeafType.FLOAT32, x, off, N)));
        }
        return p;
    }

    /** File offset of entry {@code entry}'s slot in the first basket's table, and that basket's seek. */
    private static long[] slot(Path p, int entry) throws Exception {
        try (RootFile f = RootFile.open(p.toString())) {
            TreeReader t = (TreeReader) f.tree("Events");
            BasketRef r = t.plan("X_v").baskets("test").get(0);
            assertTrue(r.entries() > entry + 2, "first basket holds " + r.entries() + " entries");
            ByteBuffer rec = f.buffer(r.seek(), r.bytes(), "basket");
            int keylen = rec.getShort(14) & 0xffff, objlen = rec.getInt(6);
            assertEquals(r.bytes() - keylen, objlen, "written uncompressed");
            // the table is the record's tail: count, then one start per entry, then a trailing 0
            int n = (int) r.entries();
            long table = r.seek() + r.bytes() - 4L * (n + 2);
            assertEquals(n + 1, rec.getInt((int) (table - r.seek())), "table count (ROOT writes entries + 1)");
            return new long[]{table + 4 + 4L * entry, r.seek()};
        }
    }

    @Test
    void goodTableReadsEveryValue() throws Exception {
        Path p = write();
        try (RootFile f = RootFile.open(p.toString())) {
            var t = f.tree("Events");
            for (long[] range : new long[][]{{0, N}, {3, 517}, {999, 1000}}) {
                ColumnArray c = t.read("X_v", range[0], range[1]);
                float[] v = c.floats();
                for (int i = 0; i < range[1] - range[0]; i++) {
                    long e = range[0] + i;
                    assertEquals(e % 4, c.offsets[i + 1] - c.offsets[i], "entry " + e);
                    for (int j = c.offsets[i]; j < c.offsets[i + 1]; j++) assertEquals(1000 * e + (j - c.offsets[i]), v[j], 0);
                }
            }
        }
    }

    @Test
    void aStartThatIsNotWholeValuesIsNamed() throws Exception {
        Path p = write();
        long[] s = slot(p, 6);
        patch(p, s[0], +2);
        for (long[] range : new long[][]{{0, N}, {1, 40}})
            assertNamed(p, range, "entry 5 has", "not a multiple of the 4-byte");
    }

    @Test
    void aStartOutOfOrderIsNamed() throws Exception {
        Path p = write();
        long[] s = slot(p, 7);
        patch(p, s[0], -400);
        for (long[] range : new long[][]{{0, N}, {1, 40}})
            assertNamed(p, range, "entry 7 starts at byte", "at byte " + s[1]);
    }

    @Test
    void startsFarOutsideTheBasketAreNamed() throws Exception {
        // values at the ends of the int range: a check done by subtraction must not wrap around
        for (int bad : new int[]{Integer.MIN_VALUE, Integer.MIN_VALUE + 64, Integer.MAX_VALUE - 3, 1 << 30}) {
            Path p = write();
            long[] s = slot(p, 7);
            set(p, s[0], bad);
            for (long[] range : new long[][]{{0, N}, {1, 40}})
                assertNamed(p, range, "entry 7 starts at byte", "at byte " + s[1]);
        }
        Path p = write();
        set(p, slot(p, 0)[0], 0); // the first entry must start at the values' first byte
        assertNamed(p, new long[]{0, N}, "entry 0 starts at byte");
    }

    @Test
    void offsetsFromTheCounterEqualTheBasketsTables() throws Exception {
        // every TTree sample: a jagged branch read with its counter (offsets from the counter) and
        // alone (offsets from the baskets' tables), whole and in ranges that cut baskets
        int compared = 0;
        try (var files = Files.list(pocket.testing.TestData.dir())) {
            for (Path f : (Iterable<Path>) files.filter(q -> q.toString().endsWith(".root") && !q.toString().contains("rntuple"))::iterator) {
                try (RootFile rf = RootFile.open(f.toString())) {
                    if (!(rf.tree("Events") instanceof TreeReader t)) continue;
                    long n = t.entries();
                    for (String b : t.branchNames()) {
                        BranchPlan p = t.plan(b);
                        if (!p.jagged() || p.unsupported != null || !t.hasBranch(p.counter)) continue;
                        for (long[] r : new long[][]{{0, n}, {Math.min(3, n), Math.max(Math.min(3, n), n - 5)}, {n / 2, n}}) {
                            ColumnArray alone = t.read(b, r[0], r[1]);
                            ColumnArray with = t.read(java.util.List.of(p.counter, b), r[0], r[1]).get(b);
                            assertArrayEquals(alone.offsets, with.offsets, f.getFileName() + " " + b + " " + r[0] + ".." + r[1]);
                            assertArrayEquals(alone.toDoubles(), with.toDoubles(), f.getFileName() + " " + b);
                            compared++;
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "compared " + compared + " reads");
    }

    @Test
    void aBasketDisagreeingWithItsCounterIsNamed() throws Exception {
        Path p = write();
        long at;
        try (RootFile f = RootFile.open(p.toString())) {
            BasketRef r = ((TreeReader) f.tree("Events")).plan("nX").baskets("test").get(0);
            ByteBuffer rec = f.buffer(r.seek(), r.bytes(), "basket");
            assertEquals(r.bytes() - (rec.getShort(14) & 0xffff), rec.getInt(6), "written uncompressed");
            at = r.seek() + (rec.getShort(14) & 0xffff) + 4L * 6;   // nX of entry 6
        }
        patch(p, at, +1);
        try (RootFile f = RootFile.open(p.toString())) {
            var t = f.tree("Events");
            assertEquals(N, t.read("X_v", 0, N).offsets.length - 1, "alone, the tables still serve");
            CorruptDataException e = assertThrows(CorruptDataException.class, () -> t.read(java.util.List.of("nX", "X_v"), 0, N));
            assertTrue(e.getMessage().contains("X_v") && e.getMessage().contains("counter branch 'nX' says"), e.getMessage());
        }
    }

    private static void set(Path p, long at, int value) throws Exception {
        byte[] b = Files.readAllBytes(p);
        ByteBuffer.wrap(b).putInt((int) at, value);
        Files.write(p, b);
    }

    private static void patch(Path p, long at, int delta) throws Exception {
        byte[] b = Files.readAllBytes(p);
        ByteBuffer.wrap(b).putInt((int) at, ByteBuffer.wrap(b).getInt((int) at) + delta);
        Files.write(p, b);
    }

    private static void assertNamed(Path p, long[] range, String... parts) throws Exception {
        try (RootFile f = RootFile.open(p.toString())) {
            var t = f.tree("Events");
            CorruptDataException e = assertThrows(CorruptDataException.class, () -> t.read("X_v", range[0], range[1]));
            assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("X_v"), e.getMessage());
            for (String part : parts) assertTrue(e.getMessage().contains(part), "[" + range[0] + ", " + range[1] + "): " + e.getMessage());
        }
    }
}
