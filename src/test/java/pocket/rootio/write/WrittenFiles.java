package pocket.rootio.write;

import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** Small trees with every NanoAOD leaf type, written by tests; values follow simple formulas. */
final class WrittenFiles {
    private WrittenFiles() {}

    static final TreeSchema ALL_TYPES = TreeSchema.builder()
            .branch("run", LeafType.UINT32)
            .branch("event", LeafType.UINT64)
            .branch("genWeight", LeafType.FLOAT32, "generator weight")
            .branch("x64", LeafType.FLOAT64)
            .branch("i32", LeafType.INT32)
            .branch("i64", LeafType.INT64)
            .branch("i16", LeafType.INT16)
            .branch("i8", LeafType.INT8)
            .branch("u8", LeafType.UINT8)
            .branch("flag", LeafType.BOOL)
            .jagged("Jet_pt", LeafType.FLOAT32, "nJet", "pt")
            .jagged("Jet_mass", LeafType.FLOAT64, "nJet")
            .jagged("Jet_jetId", LeafType.INT32, "nJet")
            .jagged("Jet_idx", LeafType.INT16, "nJet")
            .jagged("Jet_hadronFlavour", LeafType.UINT8, "nJet")
            .jagged("Jet_isGood", LeafType.BOOL, "nJet")
            .jagged("Jet_id64", LeafType.INT64, "nJet")
            .build();

    static WriteOptions fixed(Compression c) {
        return WriteOptions.defaults().withCompression(c)
                .withTimestamp(LocalDateTime.of(2024, 5, 17, 12, 30, 45)).withUuid(new UUID(0x0123456789abcdefL, 0x0fedcba987654321L));
    }

    /** Jet multiplicity of entry i: 0..4 with empty runs, so baskets of only empty entries occur. */
    static int jets(long i) { return (i / 50) % 3 == 0 ? 0 : (int) (i % 5); }

    /** Columns for entries [first, first+n). */
    static Map<String, ColumnArray> columns(long first, int n) {
        int[] run = new int[n]; long[] event = new long[n]; float[] w = new float[n]; double[] x = new double[n];
        int[] i32 = new int[n]; long[] i64 = new long[n]; short[] i16 = new short[n]; byte[] i8 = new byte[n]; byte[] u8 = new byte[n];
        boolean[] flag = new boolean[n];
        int[] off = new int[n + 1];
        for (int k = 0; k < n; k++) {
            long i = first + k;
            run[k] = (int) (3_000_000_000L + i / 1000);   // above 2^31: unsigned
            event[k] = Long.MIN_VALUE + i;                  // unsigned 64-bit above 2^63
            w[k] = (float) (i * 0.5 - 7);
            x[k] = i * 1e-3 + 1e10;
            i32[k] = (int) (i * 7919 - 1_000_000);
            i64[k] = i * 1_000_000_007L - (1L << 40);
            i16[k] = (short) (i * 31 - 20000);
            i8[k] = (byte) (i % 256 - 128);
            u8[k] = (byte) (i % 256);
            flag[k] = i % 3 == 1;
            off[k + 1] = off[k] + jets(i);
        }
        int m = off[n];
        float[] pt = new float[m]; double[] mass = new double[m]; int[] id = new int[m]; short[] idx = new short[m];
        byte[] hf = new byte[m]; boolean[] good = new boolean[m]; long[] id64 = new long[m];
        for (int k = 0; k < n; k++) {
            long i = first + k;
            for (int j = off[k]; j < off[k + 1]; j++) {
                int local = j - off[k];
                pt[j] = jetPt(i, local);
                mass[j] = i + local / 8.0;
                id[j] = (int) (i % 7) - local;
                idx[j] = (short) (local - 1);
                hf[j] = (byte) (local == 0 ? 5 : 250);
                good[j] = (i + local) % 2 == 0;
                id64[j] = (i << 20) + local;
            }
        }
        Map<String, ColumnArray> c = new LinkedHashMap<>();
        c.put("run", new ColumnArray(LeafType.UINT32, run, null, n));
        c.put("event", new ColumnArray(LeafType.UINT64, event, null, n));
        c.put("genWeight", new ColumnArray(LeafType.FLOAT32, w, null, n));
        c.put("x64", new ColumnArray(LeafType.FLOAT64, x, null, n));
        c.put("i32", new ColumnArray(LeafType.INT32, i32, null, n));
        c.put("i64", new ColumnArray(LeafType.INT64, i64, null, n));
        c.put("i16", new ColumnArray(LeafType.INT16, i16, null, n));
        c.put("i8", new ColumnArray(LeafType.INT8, i8, null, n));
        c.put("u8", new ColumnArray(LeafType.UINT8, u8, null, n));
        c.put("flag", new ColumnArray(LeafType.BOOL, flag, null, n));
        c.put("Jet_pt", new ColumnArray(LeafType.FLOAT32, pt, off, n));
        c.put("Jet_mass", new ColumnArray(LeafType.FLOAT64, mass, off, n));
        c.put("Jet_jetId", new ColumnArray(LeafType.INT32, id, off, n));
        c.put("Jet_idx", new ColumnArray(LeafType.INT16, idx, off, n));
        c.put("Jet_hadronFlavour", new ColumnArray(LeafType.UINT8, hf, off, n));
        c.put("Jet_isGood", new ColumnArray(LeafType.BOOL, good, off, n));
        c.put("Jet_id64", new ColumnArray(LeafType.INT64, id64, off, n));
        return c;
    }

    static float jetPt(long entry, int local) { return (float) (20 + entry % 100 + local * 3.25); }

    /** Writes {@code entries} entries in calls of {@code step} entries. */
    static void write(Path file, WriteOptions options, long entries, int step) throws Exception {
        try (RootFileWriter f = RootFileWriter.create(file, options)) {
            TreeWriter t = f.tree("Events", ALL_TYPES);
            for (long s = 0; s < entries; s += step) t.extend(columns(s, (int) Math.min(step, entries - s)));
        }
    }
}
