package pocket.rootio.read;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.source.LocalSource;
import pocket.rootio.source.Source;
import pocket.rootio.write.Compression;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;
import pocket.rootio.write.TreeWriter;
import pocket.rootio.write.WriteOptions;

/**
 * Files with many baskets, in every compression and in the large (64-bit seek) format, written
 * from arrays made here: reads of any entry range give back exactly those arrays, and touch only
 * the baskets that overlap the range.
 */
class WrittenFilesReadTest {
    @TempDir Path tmp;

    static final int N = 5000;
    final long[] event = new long[N];
    final float[] met = new float[N];
    final boolean[] trig = new boolean[N];
    final short[] small = new short[N];
    final int[] off = new int[N + 1];
    float[] pt;
    byte[] flav;
    double[] mass;

    WrittenFilesReadTest() {
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < N; i++) {
            event[i] = 1_000_000_000_000L + i;
            met[i] = (float) r.nextDouble(0, 200);
            trig[i] = r.nextBoolean();
            small[i] = (short) r.nextInt(-30000, 30000);
            off[i + 1] = off[i] + r.nextInt(6);
        }
        pt = new float[off[N]]; flav = new byte[off[N]]; mass = new double[off[N]];
        for (int j = 0; j < off[N]; j++) { pt[j] = (float) r.nextDouble(15, 300); flav[j] = (byte) r.nextInt(-5, 6); mass[j] = r.nextDouble(); }
    }

    Path write(String name, WriteOptions options) throws Exception {
        Path p = tmp.resolve(name);
        TreeSchema schema = TreeSchema.builder()
                .branch("event", LeafType.UINT64).branch("MET_pt", LeafType.FLOAT32).branch("HLT_x", LeafType.BOOL)
                .branch("small", LeafType.INT16)
                .counter("nJet", LeafType.INT32, "jets")
                .jagged("Jet_pt", LeafType.FLOAT32, "nJet").jagged("Jet_flav", LeafType.INT8, "nJet").jagged("Jet_mass", LeafType.FLOAT64, "nJet")
                .build();
        try (RootFileWriter w = RootFileWriter.create(p, options.withBasketSize(2000))) {
            TreeWriter t = w.tree("Events", schema);
            for (int from = 0; from < N; from += 1500) {
                int to = Math.min(N, from + 1500);
                int[] o = new int[to - from + 1];
                for (int i = from; i <= to; i++) o[i - from] = off[i] - off[from];
                t.extend(Map.of(
                        "event", new ColumnArray(LeafType.UINT64, java.util.Arrays.copyOfRange(event, from, to), null, to - from),
                        "MET_pt", new ColumnArray(LeafType.FLOAT32, java.util.Arrays.copyOfRange(met, from, to), null, to - from),
                        "HLT_x", new ColumnArray(LeafType.BOOL, java.util.Arrays.copyOfRange(trig, from, to), null, to - from),
                        "small", new ColumnArray(LeafType.INT16, java.util.Arrays.copyOfRange(small, from, to), null, to - from),
                        "Jet_pt", new ColumnArray(LeafType.FLOAT32, java.util.Arrays.copyOfRange(pt, off[from], off[to]), o, to - from),
                        "Jet_flav", new ColumnArray(LeafType.INT8, java.util.Arrays.copyOfRange(flav, off[from], off[to]), o, to - from),
                        "Jet_mass", new ColumnArray(LeafType.FLOAT64, java.util.Arrays.copyOfRange(mass, off[from], off[to]), o, to - from)));
            }
        }
        return p;
    }

    void checkRange(Tree t, long a, long b) throws RootIOException {
        Map<String, ColumnArray> m = t.read(List.of("event", "MET_pt", "HLT_x", "small", "nJet", "Jet_pt", "Jet_flav", "Jet_mass"), a, b);
        for (long i = a; i < b; i++) {
            int k = (int) (i - a), e = (int) i;
            assertEquals(event[e], m.get("event").longs()[k]);
            assertEquals(met[e], m.get("MET_pt").floats()[k]);
            assertEquals(trig[e], m.get("HLT_x").bools()[k]);
            assertEquals(small[e], m.get("small").shorts()[k]);
            assertEquals(off[e + 1] - off[e], m.get("nJet").ints()[k]);
            ColumnArray jp = m.get("Jet_pt"), jf = m.get("Jet_flav"), jm = m.get("Jet_mass");
            assertEquals(off[e + 1] - off[e], jp.offsets[k + 1] - jp.offsets[k], "jets of entry " + e);
            for (int j = 0; j < off[e + 1] - off[e]; j++) {
                assertEquals(pt[off[e] + j], jp.floats()[jp.offsets[k] + j]);
                assertEquals(flav[off[e] + j], jf.bytes()[jf.offsets[k] + j]);
                assertEquals(mass[off[e] + j], jm.doubles()[jm.offsets[k] + j]);
            }
        }
        assertEquals(off[(int) b] - off[(int) a], m.get("Jet_pt").size());
    }

    @Test
    void everyCompressionAndTheLargeFormatReadBackExactly() throws Exception {
        List<WriteOptions> all = List.of(
                WriteOptions.defaults().withCompression(Compression.lz4(4)),
                WriteOptions.defaults().withCompression(Compression.zstd(5)),
                WriteOptions.defaults().withCompression(Compression.lzma(6)),
                WriteOptions.defaults().withCompression(Compression.zlib(1)),
                WriteOptions.defaults().withCompression(Compression.none()),
                WriteOptions.defaults().withCompression(Compression.zstd(3)).withLargeFormat(true));
        int i = 0;
        for (WriteOptions o : all) {
            Path p = write("f" + i++ + ".root", o);
            try (RootFile f = RootFile.open(p.toString())) {
                assertEquals(o.largeFormat(), f.header().large(), "header format");
                Tree t = f.tree("Events");
                assertEquals(N, t.entries());
                assertTrue(t.branch("Jet_pt").baskets() > 3, "several baskets");
                String expected = o.compression().isNone() ? "none" : o.compression().algorithm().name() + ":" + o.compression().level();
                assertEquals(expected, t.branch("Jet_pt").compression());
                checkRange(t, 0, N);
                checkRange(t, 777, 3333);
                checkRange(t, 4999, 5000);
                checkRange(t, 10, 10);
            }
        }
    }

    @Test
    void chunksFromSeveralThreadsAgreeWithTheWholeRead() throws Exception {
        Path p = write("threads.root", WriteOptions.defaults().withCompression(Compression.lz4(4)));
        try (RootFile f = RootFile.open(p.toString())) {
            Tree t = f.tree("Events");
            List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
            List<Thread> threads = new ArrayList<>();
            for (int c = 0; c < 8; c++) {
                int a = c * N / 8, b = (c + 1) * N / 8;
                threads.add(new Thread(() -> {
                    try { for (int rep = 0; rep < 3; rep++) checkRange(t, a, b); } catch (Throwable e) { errors.add(e); }
                }));
            }
            threads.forEach(Thread::start);
            for (Thread th : threads) th.join();
            assertEquals(List.of(), errors);
        }
    }

    /** Records every byte range asked of the file. */
    static final class CountingSource implements Source {
        final Source inner;
        final List<long[]> reads = Collections.synchronizedList(new ArrayList<>());
        CountingSource(Source inner) { this.inner = inner; }
        @Override public String name() { return inner.name(); }
        @Override public long size() throws IOException { return inner.size(); }
        @Override public ByteBuffer read(long offset, int length) throws IOException {
            reads.add(new long[]{offset, length});
            return inner.read(offset, length);
        }
        @Override public void close() throws IOException { inner.close(); }
    }

    @Test
    void aRangeReadsOnlyTheBasketsThatOverlapItOnce() throws Exception {
        Path p = write("count.root", WriteOptions.defaults().withCompression(Compression.zstd(3)));
        CountingSource src = new CountingSource(new LocalSource(p));
        try (RootFile f = RootFile.open(src)) {
            TreeReader t = (TreeReader) f.tree("Events");
            List<BasketRef> baskets = t.plan("Jet_pt").baskets("test");
            assertTrue(baskets.size() >= 5);
            BasketRef second = baskets.get(1), third = baskets.get(2);
            long a = second.entryStart() + 1, b = third.entryStart() + 1; // overlaps baskets 1 and 2 only
            src.reads.clear();
            t.read("Jet_pt", a, b);
            List<Long> seeks = new ArrayList<>();
            for (long[] r : src.reads) seeks.add(r[0]);
            assertEquals(List.of(second.seek(), third.seek()), seeks);
        }
    }
}
