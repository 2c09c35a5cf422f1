package pocket.bench;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.compress.Blocks;
import pocket.rootio.read.BasketRef;
import pocket.rootio.read.BranchPlan;
import pocket.rootio.read.TreeReader;
import pocket.rootio.write.Compression;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;
import pocket.rootio.write.TreeWriter;
import pocket.rootio.write.WriteOptions;

/**
 * Compares, for the same baskets on one core, the raw decompression speed with the reader's
 * speed (file → primitive arrays via {@code Tree.read}). Raw decompression is measured as
 * decompression benchmarks (lzbench, {@code zstd -b}) do it: the compressed records already in
 * memory, each decoded into its own place of one preallocated buffer of all uncompressed bytes;
 * the faster of heap and direct (mapped) memory counts. It also prints the least any reader
 * that hands out new Java arrays can do with these codecs: the JNI codecs write only into byte
 * arrays or off-heap buffers, never into a {@code float[]}, so each basket is decoded into a
 * reused basket-sized buffer and then copied once into a newly allocated array per branch; the
 * copy and the JVM's zeroing of the new array cost memory bandwidth, which no reader avoids.
 * Prints MB/s of uncompressed basket bytes and events/s.
 *
 * <pre>
 *   java -cp target/pocket.jar pocket.bench.ReadBenchmark                 # generated NanoAOD-like files, every codec
 *   java -cp target/pocket.jar pocket.bench.ReadBenchmark --events 500000 --compression lz4
 *   java -cp target/pocket.jar pocket.bench.ReadBenchmark FILE TREE [BRANCH...]           # an existing file
 * </pre>
 */
public final class ReadBenchmark {
    private ReadBenchmark() {}

    /** Figures of one measurement; speeds are best-of-repeats. */
    public record Result(String file, String tree, int branches, int baskets, long events, long compressedBytes,
                         long uncompressedBytes, double rawSeconds, double copySeconds, double readSeconds) {
        public double rawMBps() { return uncompressedBytes / 1e6 / rawSeconds; }
        /** Decompression into a reused buffer plus one copy of every byte into a new Java array per branch. */
        public double copyBoundMBps() { return uncompressedBytes / 1e6 / copySeconds; }
        public double readMBps() { return uncompressedBytes / 1e6 / readSeconds; }
        public double rawEventsPerSecond() { return events / rawSeconds; }
        public double readEventsPerSecond() { return events / readSeconds; }
        /** Reader speed over raw decompression speed (1.0 = no overhead). */
        public double ratio() { return rawSeconds / readSeconds; }

        @Override public String toString() {
            return String.format(Locale.ROOT, "%s [%s] %d branches, %d baskets, %d events, %.1f MB stored, %.1f MB uncompressed%n"
                            + "  raw decompression: %8.1f MB/s  %12.0f events/s%n"
                            + "  reader:            %8.1f MB/s  %12.0f events/s   (%.1f%% of raw)%n"
                            + "  decompression + one copy into new Java arrays (the least a reader of Java arrays can do):%n"
                            + "                     %8.1f MB/s  (%.1f%% of raw; the reader is %.1f%% of it)",
                    file, tree, branches, baskets, events, compressedBytes / 1e6, uncompressedBytes / 1e6,
                    rawMBps(), rawEventsPerSecond(), readMBps(), readEventsPerSecond(), 100 * ratio(),
                    copyBoundMBps(), 100 * rawSeconds / copySeconds, 100 * copySeconds / readSeconds);
        }
    }

    /** Measures one tree's branches (all readable ones when {@code branches} is empty), best of {@code repeats}. */
    public static Result measure(String file, String tree, Collection<String> branches, int repeats) throws RootIOException {
        try (RootFile f = RootFile.open(file)) {
            if (!(f.tree(tree) instanceof TreeReader reader))
                throw new pocket.rootio.UnsupportedFormatException("rootio: bench: '" + tree + "' in " + file
                        + " is an RNTuple; the benchmark compares TTree baskets with their decompression");
            TreeReader t = reader.serial();
            List<String> names = new ArrayList<>();
            if (branches.isEmpty()) {
                for (String b : t.branchNames()) if (t.plan(b).unsupported == null) names.add(b);
            } else names.addAll(branches);
            // the same baskets the reader will read: as the source gives them (mapped for a local
            // file) and copied onto the heap
            List<ByteBuffer> mapped = new ArrayList<>(), heap = new ArrayList<>();
            List<int[]> layout = new ArrayList<>(); // keylen, objlen, output offset, branch
            long[] branchBytes = new long[names.size()];
            long stored = 0, uncompressed = 0, out = 0;
            int maxObj = 0;
            for (int bi = 0; bi < names.size(); bi++) {
                String b = names.get(bi);
                BranchPlan p = t.plan(b);
                for (BasketRef r : p.baskets("rootio: " + file + ", branch " + b)) {
                    if (r.embedded() != null) { uncompressed += r.embedded().data.length; continue; }
                    ByteBuffer rec = f.buffer(r.seek(), r.bytes(), "basket of " + b);
                    int keylen = rec.getShort(rec.position() + 14) & 0xffff;
                    int objlen = rec.getInt(rec.position() + 6);
                    mapped.add(rec.slice());
                    byte[] copy = new byte[r.bytes()];
                    rec.duplicate().get(copy);
                    heap.add(ByteBuffer.wrap(copy));
                    layout.add(new int[]{keylen, objlen, (int) out, bi});
                    branchBytes[bi] += objlen;
                    stored += r.bytes();
                    uncompressed += objlen;
                    out += objlen;
                    maxObj = Math.max(maxObj, objlen);
                }
            }
            if (out > Integer.MAX_VALUE - 16)
                throw new RootIOException("rootio: bench: " + out / 1e6 + " MB of uncompressed baskets exceed one buffer; use fewer events");
            ByteBuffer heapOut = ByteBuffer.allocate((int) out), directOut = ByteBuffer.allocateDirect((int) out);
            ByteBuffer heapScratch = ByteBuffer.allocate(maxObj), directScratch = ByteBuffer.allocateDirect(maxObj);
            double raw = Double.MAX_VALUE, copy = Double.MAX_VALUE, read = Double.MAX_VALUE;
            for (int k = 0; k < repeats; k++) {
                raw = Math.min(raw, Math.min(decompressAll(heap, layout, heapOut), decompressAll(mapped, layout, directOut)));
                copy = Math.min(copy, Math.min(decompressAndCopy(heap, layout, heapScratch, branchBytes), decompressAndCopy(mapped, layout, directScratch, branchBytes)));
                long t1 = System.nanoTime();
                Map<String, ColumnArray> cols = t.read(names, 0, t.entries());
                read = Math.min(read, (System.nanoTime() - t1) / 1e9);
                if (cols.size() != names.size()) throw new IllegalStateException("reader returned " + cols.size() + " columns");
            }
            return new Result(file, tree, names.size(), layout.size(), t.entries(), stored, uncompressed, raw, copy, read);
        } catch (java.io.IOException e) {
            throw e instanceof RootIOException r ? r : new RootIOException("rootio: " + file + ": " + e.getMessage(), e);
        }
    }

    /** Seconds to decode every record into its own place of {@code dst}. */
    private static double decompressAll(List<ByteBuffer> records, List<int[]> layout, ByteBuffer dst) throws RootIOException {
        long t0 = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            ByteBuffer rec = records.get(i);
            int[] l = layout.get(i);
            Blocks.decompress(rec, l[0], rec.capacity() - l[0], dst, l[2], l[1], "bench", 0);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** Seconds to decode every record into {@code scratch} and copy it into a new array per branch (all kept, as a read keeps them). */
    private static double decompressAndCopy(List<ByteBuffer> records, List<int[]> layout, ByteBuffer scratch, long[] branchBytes) throws RootIOException {
        byte[][] arrays = new byte[branchBytes.length][];
        long t0 = System.nanoTime();
        int branch = -1, base = 0;
        for (int i = 0; i < records.size(); i++) {
            ByteBuffer rec = records.get(i);
            int[] l = layout.get(i);
            if (l[3] != branch) {
                branch = l[3];
                base = l[2];
                arrays[branch] = new byte[(int) branchBytes[branch]];
            }
            Blocks.decompress(rec, l[0], rec.capacity() - l[0], scratch, 0, l[1], "bench", 0);
            scratch.get(0, arrays[branch], l[2] - base, l[1]);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long kept = 0, expected = 0;
        for (int b = 0; b < arrays.length; b++) { kept += arrays[b] == null ? 0 : arrays[b].length; expected += arrays[b] == null ? 0 : branchBytes[b]; }
        if (kept != expected) throw new IllegalStateException("bench: copied " + kept + " bytes, expected " + expected);
        return seconds;
    }

    /**
     * Writes a NanoAOD-like file (event number, a jagged jet collection with NanoAOD's reduced
     * float precision, MET, a trigger bit) of {@code events} entries, for benchmarks.
     */
    public static Path generate(Path dir, Compression compression, int events) throws RootIOException {
        Path out = dir.resolve("bench_" + compression.algorithm().name().toLowerCase(Locale.ROOT) + "_" + events + ".root");
        TreeSchema schema = TreeSchema.builder()
                .branch("event", LeafType.UINT64)
                .branch("MET_pt", LeafType.FLOAT32)
                .branch("HLT_IsoMu24", LeafType.BOOL)
                .counter("nJet", LeafType.UINT32, "jets")
                .jagged("Jet_pt", LeafType.FLOAT32, "nJet")
                .jagged("Jet_eta", LeafType.FLOAT32, "nJet")
                .jagged("Jet_phi", LeafType.FLOAT32, "nJet")
                .jagged("Jet_jetId", LeafType.INT32, "nJet")
                .build();
        SplittableRandom rnd = new SplittableRandom(42);
        int batch = 100_000;
        try (RootFileWriter w = RootFileWriter.create(out, WriteOptions.defaults().withCompression(compression))) {
            TreeWriter t = w.tree("Events", schema);
            for (int done = 0; done < events; done += batch) {
                int n = Math.min(batch, events - done);
                long[] ev = new long[n];
                float[] met = new float[n];
                boolean[] hlt = new boolean[n];
                int[] off = new int[n + 1];
                for (int i = 0; i < n; i++) {
                    ev[i] = done + i + 1;
                    met[i] = nano((float) (-30 * Math.log(1 - rnd.nextDouble())));
                    hlt[i] = rnd.nextInt(5) == 0;
                    off[i + 1] = off[i] + rnd.nextInt(12);
                }
                int m = off[n];
                float[] pt = new float[m], eta = new float[m], phi = new float[m];
                int[] id = new int[m];
                for (int j = 0; j < m; j++) {
                    pt[j] = nano((float) (15 - 40 * Math.log(1 - rnd.nextDouble())));
                    eta[j] = nano((float) (rnd.nextDouble() * 10 - 5));
                    phi[j] = nano((float) (rnd.nextDouble() * 2 * Math.PI - Math.PI));
                    id[j] = rnd.nextInt(4) == 0 ? 2 : 6;
                }
                t.extend(Map.of("event", new ColumnArray(LeafType.UINT64, ev, null, n),
                        "MET_pt", new ColumnArray(LeafType.FLOAT32, met, null, n),
                        "HLT_IsoMu24", new ColumnArray(LeafType.BOOL, hlt, null, n),
                        "Jet_pt", new ColumnArray(LeafType.FLOAT32, pt, off, n),
                        "Jet_eta", new ColumnArray(LeafType.FLOAT32, eta, off, n),
                        "Jet_phi", new ColumnArray(LeafType.FLOAT32, phi, off, n),
                        "Jet_jetId", new ColumnArray(LeafType.INT32, id, off, n)));
            }
        } catch (java.io.IOException e) {
            throw e instanceof RootIOException r ? r : new RootIOException("rootio: cannot write " + out + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** NanoAOD stores most floats with a 10-bit mantissa; keeping that makes compression ratios realistic. */
    private static float nano(float x) {
        return Float.intBitsToFloat(Float.floatToRawIntBits(x) & 0xFFFFE000);
    }

    /** Runs the benchmark as the command line asks and prints the figures. */
    public static List<Result> run(String[] args, PrintStream out) throws Exception {
        int events = 1_000_000, repeats = 5;
        String codec = "all";
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(args[++i]);
                case "--repeats" -> repeats = Integer.parseInt(args[++i]);
                case "--compression" -> codec = args[++i];
                default -> rest.add(args[i]);
            }
        }
        List<Result> results = new ArrayList<>();
        if (!rest.isEmpty()) {
            Result r = measure(rest.get(0), rest.size() > 1 ? rest.get(1) : "Events", rest.subList(Math.min(2, rest.size()), rest.size()), repeats);
            out.println(r);
            results.add(r);
            return results;
        }
        Path dir = Files.createTempDirectory("pocket-bench");
        try {
            List<Compression> codecs = codec.equals("all")
                    ? List.of(Compression.zlib(1), Compression.lzma(9), Compression.lz4(4), Compression.zstd(5))
                    : List.of(Compression.parse(codec));
            for (Compression c : codecs) {
                Path f = generate(dir, c, events);
                measure(f.toString(), "Events", List.of(), 1); // warm-up
                Result r = measure(f.toString(), "Events", List.of(), repeats);
                out.println(c + ": " + r);
                results.add(r);
                Files.deleteIfExists(f);
            }
        } finally {
            try (var s = Files.list(dir)) { for (Path p : (Iterable<Path>) s::iterator) Files.deleteIfExists(p); }
            Files.deleteIfExists(dir);
        }
        return results;
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }
}
