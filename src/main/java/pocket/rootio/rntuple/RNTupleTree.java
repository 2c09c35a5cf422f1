package pocket.rootio.rntuple;

import java.io.IOException;
import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.CorruptDataException;
import pocket.rootio.KeyInfo;
import pocket.rootio.LeafType;
import pocket.rootio.MissingObjectException;
import pocket.rootio.FileBytes;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.UnsupportedFormatException;
import pocket.rootio.compress.Blocks;

/**
 * An RNTuple read as a {@link Tree} with the branch names the TTree of the same events has:
 * top-level leaf fields as flat branches, collections of leaves as jagged branches with the
 * cardinality field ({@code nJet}) as their counter. A read fetches the pages that overlap the
 * range (index and flat columns in one request, then the collection values they point to in
 * a second), decodes each page once and joins them. Immutable, so reads may run on many threads.
 */
public final class RNTupleTree implements Tree {
    private final FileBytes file;
    private final String name;
    private final Descriptor d;
    private final Map<String, FieldPlan> plans;
    /** Field id → its physical columns, in column order (looked up for every field of every read). */
    private final Map<Integer, List<ColumnDesc>> columnsOf = new HashMap<>();

    private RNTupleTree(FileBytes file, String name, Descriptor d, Map<String, FieldPlan> plans) {
        this.file = file; this.name = name; this.d = d; this.plans = plans;
        for (ColumnDesc c : d.schema.columns) columnsOf.computeIfAbsent(c.field(), k -> new ArrayList<>()).add(c);
    }

    /** Reads the anchor, header, footer and page lists of the RNTuple under {@code key}. */
    public static RNTupleTree open(FileBytes file, KeyInfo key) throws RootIOException {
        Descriptor d = new Descriptor(file, key);
        return new RNTupleTree(file, key.path(), d, FieldPlans.of(d.schema, "rootio: " + file.name() + ", RNTuple " + key.path()));
    }

    @Override public String name() { return name; }
    @Override public String fileName() { return file.name(); }
    @Override public long entries() { return d.entries(); }
    @Override public List<String> branchNames() { return List.copyOf(plans.keySet()); }
    @Override public boolean hasBranch(String branch) { return plans.containsKey(branch); }

    /** The RNTuple format version of the anchor, e.g. "1.0.0.2", and the writing library. */
    public String formatVersion() { return d.anchor.version(); }
    public String writer() { return d.library; }
    public int clusterCount() { return d.clusters.size(); }

    @Override public BranchInfo branch(String branch) throws RootIOException {
        FieldPlan p = plan(branch);
        int field = p.kind() == FieldPlan.Kind.COUNT ? p.indexField() : p.valueField();
        int pages = 0, comp = -1;
        for (Cluster c : d.clusters)
            for (ColumnDesc col : physical(field)) {
                if (col.id() >= c.columns().length) continue;
                Cluster.ColumnPages cp = c.columns()[col.id()];
                if (cp.elementOffset() < 0) continue;
                pages += cp.elements().length;
                if (comp < 0) comp = cp.compression();
            }
        return new BranchInfo(p.name(), p.type(), p.counter(), 1, Blocks.settingName(Math.max(comp, 0)), entries(), pages, p.typeName());
    }

    private FieldPlan plan(String branch) throws MissingObjectException {
        FieldPlan p = plans.get(branch);
        if (p == null)
            throw Tree.noSuchBranch(this, "RNTuple", branch, plans.keySet());
        return p;
    }

    private List<ColumnDesc> physical(int field) { return columnsOf.getOrDefault(field, List.of()); }

    @Override public ColumnArray read(String branch, long start, long stop) throws RootIOException {
        return read(List.of(branch), start, stop).get(branch);
    }

    /** One column's elements {@code [from, to)} (cluster-local) of one cluster. */
    private record Slice(int cluster, ColumnDesc column, long from, long to, String branch) {}

    @Override
    public Map<String, ColumnArray> read(Collection<String> branches, long start, long stop) throws RootIOException {
        Tree.checkRange(this, "RNTuple", start, stop);
        List<FieldPlan> wanted = new ArrayList<>();
        for (String b : branches) { FieldPlan p = plan(b); if (!wanted.contains(p)) wanted.add(p); }
        List<int[]> clusters = new ArrayList<>(); // {cluster, first local entry, end local entry}
        for (int i = 0; i < d.clusters.size(); i++) {
            Cluster c = d.clusters.get(i);
            long a = Math.max(start, c.firstEntry()), b = Math.min(stop, c.firstEntry() + c.entries());
            if (a < b) clusters.add(new int[]{i, (int) (a - c.firstEntry()), (int) (b - c.firstEntry())});
        }
        // step 1: flat columns and index columns
        List<Slice> first = new ArrayList<>();
        for (FieldPlan p : wanted)
            for (int[] c : clusters) {
                if (p.kind() == FieldPlan.Kind.SCALAR) first.add(new Slice(c[0], column(p.valueField(), c[0], p), c[1], c[2], p.name()));
                else first.add(new Slice(c[0], column(p.indexField(), c[0], p), Math.max(c[1] - 1, 0), c[2], p.name()));
            }
        Object[] got = fetch(first);
        // step 2: the values the index columns point to
        List<Slice> second = new ArrayList<>();
        int k = 0;
        for (FieldPlan p : wanted)
            for (int[] c : clusters) {
                Object arr = got[k++];
                if (p.kind() != FieldPlan.Kind.JAGGED) continue;
                long[] idx = (long[]) arr;
                long lo = c[1] == 0 ? 0 : idx[0], hi = idx[idx.length - 1];
                second.add(new Slice(c[0], column(p.valueField(), c[0], p), lo, hi, p.name()));
            }
        Object[] values = fetch(second);
        Map<String, ColumnArray> out = new HashMap<>();
        k = 0;
        int v = 0;
        int n = (int) (stop - start);
        for (FieldPlan p : wanted) {
            List<Object> parts = new ArrayList<>();
            int[] offsets = p.kind() == FieldPlan.Kind.SCALAR ? null : new int[n + 1];
            int e = 0;
            for (int[] c : clusters) {
                Object arr = got[k++];
                if (p.kind() == FieldPlan.Kind.SCALAR) { parts.add(arr); continue; }
                long[] idx = (long[]) arr;
                int skip = c[1] == 0 ? 0 : 1;
                long prev = c[1] == 0 ? 0 : idx[0];
                for (int i = skip; i < idx.length; i++, e++) {
                    long cnt = idx[i] - prev;
                    if (cnt < 0 || offsets[e] + cnt > Integer.MAX_VALUE)
                        throw new CorruptDataException("rootio: " + file.name() + ", RNTuple " + name + ", branch " + p.name() + ", cluster " + c[0]
                                + ": collection offsets decrease (" + prev + " then " + idx[i] + ")");
                    offsets[e + 1] = (int) (offsets[e] + cnt);
                    prev = idx[i];
                }
                if (p.kind() == FieldPlan.Kind.JAGGED) parts.add(values[v++]);
            }
            Object data;
            if (p.kind() == FieldPlan.Kind.COUNT) data = counts(offsets, p.type());
            else data = join(parts, p.type());
            out.put(p.name(), new ColumnArray(p.type(), data, p.kind() == FieldPlan.Kind.JAGGED ? offsets : null, n));
        }
        Map<String, ColumnArray> result = new LinkedHashMap<>();
        for (String b : branches) result.put(b, out.get(b));
        return result;
    }

    /** The column of a physical field that holds the data in a cluster (the one representation not suppressed there). */
    private ColumnDesc column(int field, int cluster, FieldPlan p) throws RootIOException {
        Cluster c = d.clusters.get(cluster);
        for (ColumnDesc col : physical(field)) {
            if (col.id() >= c.columns().length)
                throw new CorruptDataException(where(p, col) + ": cluster " + cluster + " lists pages for only " + c.columns().length + " columns");
            if (c.columns()[col.id()].elementOffset() < 0) continue;
            if (col.type() == null)
                throw new UnsupportedFormatException(where(p, col) + ": column type " + ColumnType.nameOf(col.rawType())
                        + " is not read by pocket (it reads Bit, integers, Real32/64, Index and their split forms)");
            if (col.firstElement() != 0)
                throw new UnsupportedFormatException(where(p, col) + ": deferred column (first element " + col.firstElement() + ") is not read by pocket");
            return col;
        }
        throw new CorruptDataException("rootio: " + file.name() + ", RNTuple " + name + ", branch " + p.name() + ": no column of field "
                + d.schema.path(d.schema.fields.get(field)) + " holds data in cluster " + cluster);
    }

    private String where(FieldPlan p, ColumnDesc col) {
        return "rootio: " + file.name() + ", RNTuple " + name + ", branch " + p.name() + " (field " + d.schema.path(d.schema.fields.get(col.field()))
                + "), column " + col.id() + " (" + ColumnType.nameOf(col.rawType()) + ")";
    }

    private record PageKey(int cluster, int column, int page) {}

    /** The elements of every slice, fetching each page that any slice overlaps once, all in one request. */
    private Object[] fetch(List<Slice> slices) throws RootIOException {
        Map<PageKey, Integer> index = new LinkedHashMap<>();
        List<long[]> ranges = new ArrayList<>();
        for (Slice s : slices) {
            Cluster.ColumnPages cp = d.clusters.get(s.cluster()).columns()[s.column().id()];
            if (s.to() > cp.elementCount() || s.from() > s.to())
                throw new CorruptDataException(whereSlice(s) + ": needs elements " + s.from() + " to " + s.to() + " but cluster " + s.cluster()
                        + " holds " + cp.elementCount());
            long at = 0;
            for (int pg = 0; pg < cp.elements().length; pg++) {
                long end = at + cp.elements()[pg];
                if (end > s.from() && at < s.to()) {
                    PageKey key = new PageKey(s.cluster(), s.column().id(), pg);
                    if (!index.containsKey(key)) {
                        index.put(key, ranges.size());
                        long len = cp.sizes()[pg] + (cp.checksummed()[pg] ? 8 : 0);
                        int page = pg;
                        file.checkRange(cp.offsets()[pg], len, () -> "RNTuple " + name + ", column " + s.column().id() + ", cluster " + s.cluster() + ", page " + page);
                        ranges.add(new long[]{cp.offsets()[pg], len});
                    }
                }
                at = end;
            }
        }
        long[] offs = new long[ranges.size()];
        int[] lens = new int[ranges.size()];
        for (int i = 0; i < offs.length; i++) {
            offs[i] = ranges.get(i)[0];
            if (ranges.get(i)[1] > Integer.MAX_VALUE) throw new UnsupportedFormatException("rootio: " + file.name() + ", RNTuple " + name + ": page at byte " + offs[i] + " is larger than 2 GB");
            lens[i] = (int) ranges.get(i)[1];
        }
        ByteBuffer[] bufs;
        try {
            bufs = offs.length == 0 ? new ByteBuffer[0] : file.readv(offs, lens);
        } catch (RootIOException e) {
            throw e;
        } catch (IOException e) {
            throw new RootIOException("rootio: " + file.name() + ", RNTuple " + name + ": cannot read " + offs.length + " pages: " + e.getMessage(), e);
        }
        Object[] decoded = new Object[bufs.length];
        for (Map.Entry<PageKey, Integer> en : index.entrySet()) {
            PageKey key = en.getKey();
            int i = en.getValue();
            decoded[i] = decodePage(key, bufs[i], lens[i]);
            bufs[i] = null;
        }
        Object[] out = new Object[slices.size()];
        for (int j = 0; j < out.length; j++) {
            Slice s = slices.get(j);
            Cluster.ColumnPages cp = d.clusters.get(s.cluster()).columns()[s.column().id()];
            Object first = null;
            List<Object> pieces = new ArrayList<>();
            List<int[]> spans = new ArrayList<>();
            long at = 0;
            for (int pg = 0; pg < cp.elements().length; pg++) {
                long end = at + cp.elements()[pg];
                if (end > s.from() && at < s.to()) {
                    Object arr = decoded[index.get(new PageKey(s.cluster(), s.column().id(), pg))];
                    if (first == null) first = arr;
                    int a = (int) (Math.max(s.from(), at) - at), b = (int) (Math.min(s.to(), end) - at);
                    pieces.add(arr);
                    spans.add(new int[]{a, b});
                }
                at = end;
            }
            int len = (int) (s.to() - s.from());
            Object res = Array.newInstance(first == null ? componentOf(s.column().type()) : first.getClass().getComponentType(), len);
            int pos = 0;
            for (int q = 0; q < pieces.size(); q++) {
                int[] sp = spans.get(q);
                System.arraycopy(pieces.get(q), sp[0], res, pos, sp[1] - sp[0]);
                pos += sp[1] - sp[0];
            }
            out[j] = res;
        }
        return out;
    }

    private String whereSlice(Slice s) {
        ColumnDesc col = s.column();
        return "rootio: " + file.name() + ", RNTuple " + name + ", branch " + s.branch() + ", column " + col.id() + " (" + ColumnType.nameOf(col.rawType()) + ")";
    }

    private Object decodePage(PageKey key, ByteBuffer buf, int len) throws RootIOException {
        Cluster.ColumnPages cp = d.clusters.get(key.cluster()).columns()[key.column()];
        ColumnDesc col = d.schema.columns.get(key.column());
        int pg = key.page(), n = cp.elements()[pg];
        long at = cp.offsets()[pg];
        String where = "rootio: " + file.name() + ", RNTuple " + name + ", column " + key.column() + " (" + ColumnType.nameOf(col.rawType()) + ", field "
                + d.schema.path(d.schema.fields.get(col.field())) + "), cluster " + key.cluster() + ", page " + pg + " at byte " + at;
        byte[] raw = new byte[len];
        buf.duplicate().get(raw);
        int stored = (int) cp.sizes()[pg];
        if (cp.checksummed()[pg]) {
            long sum = LeBuffer.get64(raw, stored), computed = Xxh3.hash64(raw, 0, stored);
            if (sum != computed)
                throw new CorruptDataException(where + ": XXH3 checksum " + Long.toHexString(sum) + " does not match the page's bytes ("
                        + Long.toHexString(computed) + "); the file is corrupt");
        }
        long size = PageDecoder.pageBytes(col.type(), n);
        if (size > Integer.MAX_VALUE) throw new CorruptDataException(where + ": " + n + " elements do not fit a page");
        byte[] page = stored == size ? raw : Blocks.decompress(raw, 0, stored, (int) size, where, at);
        return PageDecoder.decode(col.type(), page, n);
    }

    private static Class<?> componentOf(ColumnType t) {
        if (t == ColumnType.BIT) return boolean.class;
        if (t.index()) return long.class;
        return switch (t) {
            case REAL32, SPLIT_REAL32 -> float.class;
            case REAL64, SPLIT_REAL64 -> double.class;
            default -> switch (t.bits) { case 8 -> byte.class; case 16 -> short.class; case 32 -> int.class; default -> long.class; };
        };
    }

    /** Joins per-cluster arrays into one array of the branch's type (converting when the column type is not the field's). */
    private static Object join(List<Object> parts, LeafType type) {
        int n = 0;
        for (Object p : parts) n += Array.getLength(p);
        Object out = Array.newInstance(Values.component(type), n);
        int pos = 0;
        for (Object p : parts) {
            int len = Array.getLength(p);
            if (p.getClass().getComponentType() == out.getClass().getComponentType()) System.arraycopy(p, 0, out, pos, len);
            else Values.convert(p, out, pos, len, type);
            pos += len;
        }
        return out;
    }

    private static Object counts(int[] offsets, LeafType type) {
        int n = offsets.length - 1;
        long[] c = new long[n];
        for (int i = 0; i < n; i++) c[i] = offsets[i + 1] - offsets[i];
        Object out = Array.newInstance(Values.component(type), n);
        Values.convert(c, out, 0, n, type);
        return out;
    }

    @Override public String toString() { return "RNTuple(" + name + " in " + file.name() + ", " + entries() + " entries)"; }
}
