package pocket.rootio.rntuple;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Deflater;
import pocket.rootio.KeyInfo;
import pocket.rootio.file.RootFile;
import pocket.rootio.compress.Blocks;

/**
 * Test-only writer: a copy of a one-cluster RNTuple sample whose entries are split into several
 * clusters and whose columns into small pages (some zlib-compressed, some with checksums), in a
 * new page list and footer appended to the file, with the anchor pointing at them. The header and
 * schema stay ROOT's; every column is re-encoded here from values decoded from ROOT's pages.
 */
final class Repaged {
    private Repaged() {}

    /** Writes the copy; {@code bounds} are the cluster starts after 0 (e.g. 13, 29), {@code maxPage} the page size in elements. */
    static Path write(Path sample, Path out, long[] bounds, int maxPage) throws Exception {
        byte[] file = Files.readAllBytes(sample);
        try (RootFile f = RootFile.open(sample.toString())) {
            KeyInfo key = f.key("Events");
            Descriptor d = new Descriptor(f, key);
            if (d.clusters.size() != 1) throw new IllegalArgumentException("expects a one-cluster sample");
            long entries = d.entries();
            long[] starts = new long[bounds.length + 2];
            starts[0] = 0;
            System.arraycopy(bounds, 0, starts, 1, bounds.length);
            starts[starts.length - 1] = entries;
            int nc = starts.length - 1, ncol = d.schema.columns.size();
            // all elements of every column, decoded from ROOT's pages
            Object[] values = new Object[ncol];
            for (ColumnDesc c : d.schema.columns) values[c.id()] = decodeAll(file, d.clusters.get(0).columns()[c.id()], c.type());
            // element ranges of every column per cluster
            long[][][] ranges = new long[ncol][nc][];
            for (ColumnDesc c : d.schema.columns) {
                int idxCol = parentIndexColumn(d.schema, c);
                for (int k = 0; k < nc; k++) {
                    if (idxCol < 0) ranges[c.id()][k] = new long[]{starts[k], starts[k + 1]};
                    else {
                        long[] idx = (long[]) values[idxCol];
                        ranges[c.id()][k] = new long[]{starts[k] == 0 ? 0 : idx[(int) starts[k] - 1], idx[(int) starts[k + 1] - 1]};
                    }
                }
            }
            ByteArrayOutputStream tail = new ByteArrayOutputStream();
            long base = file.length;
            Le locs = new Le();   // nested page locations
            List<byte[]> clusterItems = new ArrayList<>();
            int pageNo = 0;
            for (int k = 0; k < nc; k++) {
                List<byte[]> colItems = new ArrayList<>();
                for (ColumnDesc c : d.schema.columns) {
                    long a = ranges[c.id()][k][0], b = ranges[c.id()][k][1];
                    List<byte[]> pages = new ArrayList<>();
                    boolean anyCompressed = false;
                    for (long p = a; p < b; ) {
                        int size = (int) Math.min(maxPage + (c.id() + pageNo) % 3, b - p);
                        byte[] raw = encode(values[c.id()], c.type(), (int) p, size, c.type().index() ? localBase(values[c.id()], a) : 0);
                        boolean compress = pageNo % 2 == 0 && raw.length > 16;
                        byte[] stored = compress ? zlib(raw) : raw;
                        if (compress && stored.length >= raw.length) stored = raw;
                        anyCompressed |= stored != raw;
                        boolean checksum = pageNo % 3 != 1;
                        long at = base + tail.size();
                        tail.write(stored);
                        if (checksum) tail.write(Le.of8(Xxh3.hash64(stored, 0, stored.length)));
                        Le item = new Le().i32(checksum ? -size : size).i32(stored.length).i64(at);
                        pages.add(item.bytes());
                        p += size;
                        pageNo++;
                    }
                    Le after = new Le().i64(a).i32(anyCompressed ? 101 : 0);
                    colItems.add(Le.list(pages, after.bytes()));
                }
                clusterItems.add(Le.list(colItems, new byte[0]));
            }
            byte[] pageLocations = Le.list(clusterItems, new byte[0]);
            long headerSum = headerChecksum(f, d);
            List<byte[]> summaries = new ArrayList<>();
            for (int k = 0; k < nc; k++) summaries.add(Le.record(new Le().i64(starts[k]).i64(starts[k + 1] - starts[k]).bytes()));
            byte[] pageList = envelope(3, new Le().i64(headerSum).raw(Le.list(summaries, new byte[0])).raw(pageLocations).bytes());
            long pageListAt = base + tail.size();
            tail.write(pageList);
            Le group = new Le().i64(0).i64(entries).i32(nc).i64(pageList.length).i32(pageList.length).i64(pageListAt);
            byte[] footer = envelope(2, new Le().i64(0).i64(headerSum).raw(Le.record(new byte[0]))
                    .raw(Le.list(List.of(Le.record(group.bytes())), new byte[0])).bytes());
            long footerAt = base + tail.size();
            tail.write(footer);
            // the anchor: new footer location and checksum (big-endian, in the uncompressed key object)
            int keylen = key.nbytes() - key.objlen();
            if (keylen <= 0) throw new IllegalArgumentException("anchor key is compressed");
            int anchor = (int) key.seekKey() + keylen + 6;
            ByteBuffer bb = ByteBuffer.wrap(file);
            bb.putLong(anchor + 32, footerAt).putLong(anchor + 40, footer.length).putLong(anchor + 48, footer.length);
            bb.putLong(anchor + 64, Xxh3.hash64(file, anchor, 64));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.write(file);
            all.write(tail.toByteArray());
            Files.write(out, all.toByteArray());
        }
        return out;
    }

    /** For an index column, the cluster-local base: the index value just before the cluster. */
    private static long localBase(Object values, long a) {
        long[] idx = (long[]) values;
        return a == 0 ? 0 : idx[(int) a - 1];
    }

    private static long headerChecksum(RootFile f, Descriptor d) throws Exception {
        byte[] raw = f.bytes(d.anchor.seekHeader(), (int) d.anchor.nbytesHeader(), "header");
        byte[] env = Blocks.decompress(raw, 0, raw.length, (int) d.anchor.lenHeader(), "header", 0);
        return LeBuffer.get64(env, env.length - 8);
    }

    /** The index column of the collection a column's field lies in, or -1 for a column of a top-level field. */
    private static int parentIndexColumn(Schema s, ColumnDesc c) {
        FieldDesc f = s.fields.get(c.field());
        while (!f.topLevel()) {
            f = s.fields.get(f.parent());
            if (f.role() == FieldDesc.COLLECTION)
                for (ColumnDesc ic : s.columns) if (ic.field() == f.id()) return ic.id();
        }
        return -1;
    }

    private static Object decodeAll(byte[] file, Cluster.ColumnPages cp, ColumnType t) throws Exception {
        List<Object> parts = new ArrayList<>();
        int n = 0;
        for (int i = 0; i < cp.elements().length; i++) {
            int el = cp.elements()[i], stored = (int) cp.sizes()[i];
            int size = (int) PageDecoder.pageBytes(t, el);
            byte[] page = stored == size ? java.util.Arrays.copyOfRange(file, (int) cp.offsets()[i], (int) cp.offsets()[i] + size)
                    : Blocks.decompress(file, (int) cp.offsets()[i], stored, size, "page", cp.offsets()[i]);
            parts.add(PageDecoder.decode(t, page, el));
            n += el;
        }
        Class<?> comp = t == ColumnType.BIT ? boolean.class : t.index() ? long.class
                : t == ColumnType.SPLIT_REAL32 || t == ColumnType.REAL32 ? float.class
                : t == ColumnType.SPLIT_REAL64 || t == ColumnType.REAL64 ? double.class
                : switch (t.bits) { case 8 -> byte.class; case 16 -> short.class; case 32 -> int.class; default -> long.class; };
        Object all = Array.newInstance(comp, n);
        int pos = 0;
        for (Object p : parts) { int l = Array.getLength(p); System.arraycopy(p, 0, all, pos, l); pos += l; }
        return all;
    }

    /** Encodes elements [from, from+n) as the column type stores them (split, zigzag, delta, bits); index values relative to {@code base}. */
    private static byte[] encode(Object values, ColumnType t, int from, int n, long base) {
        if (t == ColumnType.BIT) {
            byte[] out = new byte[(n + 7) / 8];
            boolean[] v = (boolean[]) values;
            for (int i = 0; i < n; i++) if (v[from + i]) out[i >>> 3] |= (byte) (1 << (i & 7));
            return out;
        }
        int w = t.bits / 8;
        long[] u = new long[n];
        for (int i = 0; i < n; i++) {
            Object v = values;
            long x;
            if (v instanceof float[] fl) x = Float.floatToRawIntBits(fl[from + i]) & 0xffffffffL;
            else if (v instanceof double[] db) x = Double.doubleToRawLongBits(db[from + i]);
            else x = Array.getLong(v, from + i);
            if (t.index()) x -= base;
            u[i] = x;
        }
        if (t.delta()) for (int i = n - 1; i > 0; i--) u[i] -= u[i - 1];
        if (t.zigzag()) for (int i = 0; i < n; i++) u[i] = (u[i] << 1) ^ (u[i] >> 63);
        byte[] out = new byte[n * w];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < w; k++) {
                byte b = (byte) (u[i] >>> (8 * k));
                if (t.split()) out[k * n + i] = b; else out[i * w + k] = b;
            }
        return out;
    }

    private static byte[] zlib(byte[] raw) {
        Deflater d = new Deflater(1);
        d.setInput(raw);
        d.finish();
        byte[] buf = new byte[raw.length + 64];
        int len = d.deflate(buf);
        d.end();
        return Blocks.frame("ZL", 8, java.util.Arrays.copyOf(buf, len), raw.length);
    }

    private static byte[] envelope(int type, byte[] payload) {
        int len = 8 + payload.length + 8;
        byte[] out = new byte[len];
        ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(type | ((long) len << 16));
        b.put(payload);
        b.putLong(Xxh3.hash64(out, 0, len - 8));
        return out;
    }

    /** Little-endian bytes with RNTuple frames. */
    static final class Le {
        private final ByteArrayOutputStream s = new ByteArrayOutputStream();
        Le i32(int v) { for (int i = 0; i < 4; i++) s.write(v >>> (8 * i)); return this; }
        Le i64(long v) { for (int i = 0; i < 8; i++) s.write((int) (v >>> (8 * i))); return this; }
        Le raw(byte[] b) { s.writeBytes(b); return this; }
        byte[] bytes() { return s.toByteArray(); }
        static byte[] of8(long v) { return new Le().i64(v).bytes(); }
        static byte[] record(byte[] payload) { return new Le().i64(8 + payload.length).raw(payload).bytes(); }
        static byte[] list(List<byte[]> items, byte[] after) {
            int size = 12 + after.length;
            for (byte[] i : items) size += i.length;
            Le l = new Le().i64(-size).i32(items.size());
            for (byte[] i : items) l.raw(i);
            return l.raw(after).bytes();
        }
    }
}
