package pocket.hist;

import com.google.gson.JsonObject;
import pocket.util.Names;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A histogram: axes, a storage and one flat-index routine, filled from primitive arrays and added
 * exactly — hist's {@code Hist} for pocket.
 *
 * <pre>{@code
 * Hist h = Hist.builder().strCat("cat", "Category", "baseline").reg(50, 0, 200, "Jet_pt", "$p_T$ [GeV]").weight();
 * h.fill(new Object[]{"baseline", jetPt}, weights);
 * }</pre>
 *
 * Filling mutates the histogram (and grows category axes); {@link #add}, {@link #scale},
 * {@link #select} and {@link #project} return new histograms. Values are laid out row-major, the
 * first axis slowest, each axis with its flow bins when asked: underflow first, overflow last.
 * Not thread-safe while filling: parallel filling is one histogram per worker, then {@link #add}.
 */
public final class Hist {
    private static final int BLOCK = 4096;

    private List<HistAxis> axes;
    private Storage storage;
    private long nanCount;

    private Hist(List<HistAxis> axes, Storage storage, long nanCount) {
        this.axes = List.copyOf(axes);
        this.storage = storage;
        this.nanCount = nanCount;
    }

    /** An empty histogram over these axes. */
    public static Hist of(StorageType storage, List<? extends HistAxis> axes) {
        checkNames(axes);
        List<HistAxis> a = List.copyOf(axes);
        return new Hist(a, Storage.zeros(storage, Remap.total(extents(a))), 0);
    }

    public static Hist of(StorageType storage, HistAxis... axes) { return of(storage, Arrays.asList(axes)); }

    public static Builder builder() { return new Builder(); }

    static Hist raw(List<HistAxis> axes, Storage storage, long nanCount) {
        checkNames(axes);
        if (storage.size() != Remap.total(extents(axes)))
            throw new IllegalArgumentException("hist: storage has " + storage.size() + " bins but the axes need "
                    + Remap.total(extents(axes)));
        return new Hist(axes, storage, nanCount);
    }

    private static void checkNames(List<? extends HistAxis> axes) {
        Set<String> seen = new HashSet<>();
        for (HistAxis a : axes)
            if (!seen.add(a.name())) throw new IllegalArgumentException("hist: two axes are named '" + a.name() + "'");
    }

    // ---------------------------------------------------------------- description

    public List<HistAxis> axes() { return axes; }

    public int rank() { return axes.size(); }

    public StorageType storageType() { return storage.type; }

    /** The axis with this name. */
    public HistAxis axis(String name) { return axes.get(axisIndex(name)); }

    /** Entries not put in any bin because a coordinate was NaN. */
    public long nanCount() { return nanCount; }

    private int axisIndex(String name) {
        for (int i = 0; i < axes.size(); i++) if (axes.get(i).name().equals(name)) return i;
        throw new IllegalArgumentException("hist: no axis '" + name + "'; axes: " + axisNames()
                + Names.nearestHint(name, axisNames()));
    }

    private List<String> axisNames() {
        List<String> n = new ArrayList<>();
        for (HistAxis a : axes) n.add(a.name());
        return n;
    }

    private static int[] extents(List<HistAxis> axes) {
        int[] e = new int[axes.size()];
        for (int i = 0; i < e.length; i++) e[i] = axes.get(i).extent();
        return e;
    }

    // ---------------------------------------------------------------- fill

    /** Fills a 1-d histogram with unit weights. */
    public void fill(double[] x) { fill(new Object[]{x}, null); }

    public void fill(double[] x, double[] weights) { fill(new Object[]{x}, weights); }

    public void fill(float[] x) { fill(new Object[]{x}, null); }

    public void fill(float[] x, double[] weights) { fill(new Object[]{x}, weights); }

    /**
     * Fills with one coordinate per axis, in axis order: a scalar (String, Integer, Boolean, Double…)
     * applies to every entry, an array (double[], float[], int[], long[], boolean[], String[]) gives one
     * value per entry. All arrays, and the weights when given, have the same length. With only scalars
     * and no weights, one entry is filled.
     */
    public void fill(Object[] coords, double[] weights) { fill(coords, weights, null); }

    /**
     * As {@link #fill(Object[], double[])}, counting only the entries where {@code mask} is true (a
     * category's selection), so callers need not copy the arrays per category.
     */
    public void fill(Object[] coords, double[] weights, boolean[] mask) {
        if (coords == null || coords.length != axes.size())
            throw new IllegalArgumentException("hist: fill needs " + axes.size() + " coordinates (one per axis "
                    + axisNames() + "), got " + (coords == null ? "null" : coords.length));
        if (weights != null && storage.type == StorageType.INT)
            throw new IllegalArgumentException("hist: int storage takes no weights; build with .weight() or .doubleStorage()");
        int n = -1;
        String first = null;
        for (int a = 0; a < coords.length; a++) {
            Object c = coords[a];
            if (c == null) throw new IllegalArgumentException("hist: fill coordinate for axis '" + axes.get(a).name() + "' is null");
            if (c.getClass().isArray()) {
                int len = java.lang.reflect.Array.getLength(c);
                if (n < 0) { n = len; first = "axis '" + axes.get(a).name() + "'"; }
                else if (len != n) throw new IllegalArgumentException("hist: fill arrays differ in length: " + first
                        + " has " + n + ", axis '" + axes.get(a).name() + "' has " + len);
            }
        }
        if (weights != null) {
            if (n < 0) n = weights.length;
            else if (weights.length != n) throw new IllegalArgumentException("hist: fill has " + n
                    + " entries but " + weights.length + " weights");
        }
        if (mask != null) {
            if (n < 0) n = mask.length;
            else if (mask.length != n) throw new IllegalArgumentException("hist: fill has " + n
                    + " entries but the mask has " + mask.length);
        }
        if (n < 0) n = 1;
        for (int a = 0; a < coords.length; a++) growFor(a, coords[a], mask);

        int[] stride = Remap.strides(extents(axes));
        int[] flat = new int[Math.max(1, Math.min(n, BLOCK))];
        double[] scratch = null;
        // scalar coordinates (the usual "cat" and "variation") fold into one starting index
        int base = 0;
        for (int a = 0; a < coords.length; a++)
            if (!coords[a].getClass().isArray()) base = Slots.combine(base, scalarSlot(a, coords[a]), stride[a]);
        for (int off = 0; off < n; off += BLOCK) {
            int m = Math.min(BLOCK, n - off);
            Arrays.fill(flat, 0, m, base);
            for (int a = 0; a < coords.length; a++) {
                Object c = coords[a];
                if (!c.getClass().isArray()) continue;
                HistAxis ax = axes.get(a);
                if (ax instanceof ContinuousAxis ca) {
                    if (c instanceof double[] d) ca.slots(d, off, m, flat, stride[a]);
                    else {
                        if (scratch == null) scratch = new double[flat.length];
                        toDoubles(ca, c, off, m, scratch);
                        ca.slots(scratch, 0, m, flat, stride[a]);
                    }
                } else if (ax instanceof StrCategoryAxis sa) {
                    if (!(c instanceof String[] s)) throw wrongType(ax, c, "String[] or a String");
                    for (int i = 0; i < m; i++) {
                        String v = s[off + i];
                        if (v == null) throw new IllegalArgumentException("hist: null category at entry " + (off + i) + " for axis '" + ax.name() + "'");
                        flat[i] = Slots.combine(flat[i], sa.slot(v), stride[a]);
                    }
                } else if (ax instanceof IntCategoryAxis ia) {
                    if (!(c instanceof int[] v)) throw wrongType(ax, c, "int[] or an Integer");
                    for (int i = 0; i < m; i++) flat[i] = Slots.combine(flat[i], ia.slot(v[off + i]), stride[a]);
                } else if (ax instanceof BooleanAxis) {
                    if (!(c instanceof boolean[] v)) throw wrongType(ax, c, "boolean[] or a Boolean");
                    for (int i = 0; i < m; i++) flat[i] = Slots.combine(flat[i], v[off + i] ? 1 : 0, stride[a]);
                }
            }
            if (mask != null) for (int i = 0; i < m; i++) if (!mask[off + i]) flat[i] = Slots.DROP;
            nanCount += storage.fill(flat, m, weights, off);
        }
    }

    private static void toDoubles(ContinuousAxis ax, Object c, int off, int m, double[] out) {
        if (c instanceof float[] f) for (int i = 0; i < m; i++) out[i] = f[off + i];
        else if (c instanceof int[] f) for (int i = 0; i < m; i++) out[i] = f[off + i];
        else if (c instanceof long[] f) for (int i = 0; i < m; i++) out[i] = f[off + i];
        else if (c instanceof short[] f) for (int i = 0; i < m; i++) out[i] = f[off + i];
        else if (c instanceof byte[] f) for (int i = 0; i < m; i++) out[i] = f[off + i];
        else throw wrongType((HistAxis) ax, c, "double[], float[], int[], long[], short[], byte[] or a Number");
    }

    private int scalarSlot(int a, Object c) {
        HistAxis ax = axes.get(a);
        if (ax instanceof ContinuousAxis ca) {
            if (!(c instanceof Number num)) throw wrongType(ax, c, "a Number or a numeric array");
            return ca.slot(num.doubleValue());
        }
        if (ax instanceof StrCategoryAxis sa) {
            if (!(c instanceof String s)) throw wrongType(ax, c, "a String or String[]");
            return sa.slot(s);
        }
        if (ax instanceof IntCategoryAxis ia) {
            if (!(c instanceof Integer || c instanceof Short || c instanceof Byte || c instanceof Long))
                throw wrongType(ax, c, "an Integer or int[]");
            long v = ((Number) c).longValue();
            if (v != (int) v) throw new IllegalArgumentException("hist: category " + v + " for axis '" + ax.name() + "' is not an int");
            return ia.slot((int) v);
        }
        if (!(c instanceof Boolean b)) throw wrongType(ax, c, "a Boolean or boolean[]");
        return b ? 1 : 0;
    }

    private static IllegalArgumentException wrongType(HistAxis ax, Object c, String wanted) {
        return new IllegalArgumentException("hist: axis '" + ax.name() + "' (" + kind(ax) + ") takes " + wanted
                + ", got " + c.getClass().getSimpleName());
    }

    private static String kind(HistAxis ax) {
        String s = ax.toString();
        return s.substring(0, s.indexOf(' '));
    }

    /** Adds the categories a fill brings that a growable axis does not have yet, keeping contents in place. */
    private void growFor(int a, Object c, boolean[] mask) {
        if (!(axes.get(a) instanceof CategoryAxis ca) || !ca.growable) return;
        LinkedHashSet<Object> fresh = new LinkedHashSet<>();
        if (ca instanceof StrCategoryAxis sa) {
            if (c instanceof String s) { if (sa.indexOf(s) < 0) fresh.add(s); }
            else if (c instanceof String[] arr) {
                for (int i = 0; i < arr.length; i++) {
                    if (mask != null && !mask[i]) continue;
                    String s = arr[i];
                    if (s == null) throw new IllegalArgumentException("hist: null category for axis '" + sa.name() + "'");
                    if (sa.indexOf(s) < 0) fresh.add(s);
                }
            }
        } else if (ca instanceof IntCategoryAxis ia) {
            if (c instanceof int[] arr) {
                for (int i = 0; i < arr.length; i++) if ((mask == null || mask[i]) && ia.indexOf(arr[i]) < 0) fresh.add(arr[i]);
            }
            else if (c instanceof Integer || c instanceof Short || c instanceof Byte || c instanceof Long) {
                long v = ((Number) c).longValue();
                if (v == (int) v && ia.indexOf((int) v) < 0) fresh.add((int) v);
            }
        }
        if (fresh.isEmpty()) return;
        List<Object> keys = ca.keys();
        keys.addAll(fresh);
        List<HistAxis> grown = new ArrayList<>(axes);
        grown.set(a, (HistAxis) ca.withKeys(keys));
        int[][] map = new int[axes.size()][];
        for (int i = 0; i < map.length; i++) map[i] = Remap.identity(axes.get(i).extent());
        int[] newExt = extents(grown);
        storage = storage.remap(new Remap(extents(axes), map, Remap.strides(newExt)), Remap.total(newExt));
        axes = List.copyOf(grown);
    }

    // ---------------------------------------------------------------- contents

    /** Bin values, row-major (first axis slowest); with {@code flow}, each axis's flow bins included. */
    public double[] values(boolean flow) { return flow ? storage.valuesAsDouble() : withoutFlow(storage.valuesAsDouble()); }

    /** Σw² for weight storage; for int and double storage the values (Poisson variance of counts). */
    public double[] variances(boolean flow) {
        return flow ? storage.variancesAsDouble() : withoutFlow(storage.variancesAsDouble());
    }

    /** Integer counts of an int-storage histogram, same layout as {@link #values}. */
    public long[] counts(boolean flow) {
        if (storage.type != StorageType.INT) throw new IllegalStateException("hist: counts() is for int storage; this is " + storage.type);
        if (flow) return storage.counts.clone();
        long[] out = new long[Remap.total(sizes())];
        flowStripper().addInto(storage.counts, out);
        return out;
    }

    /** Value of one bin; indices without flow: 0..size-1, -1 for underflow, size for overflow. */
    public double value(int... bins) {
        int f = flatIndex(bins);
        return storage.counts != null ? storage.counts[f] : storage.values[f];
    }

    public double variance(int... bins) {
        int f = flatIndex(bins);
        if (storage.variances != null) return storage.variances[f];
        return storage.counts != null ? storage.counts[f] : storage.values[f];
    }

    /** Sum of values, with or without the flow bins. */
    public double sum(boolean flow) {
        double s = 0;
        for (double v : values(flow)) s += v;
        return s;
    }

    private int flatIndex(int[] bins) {
        if (bins.length != axes.size())
            throw new IllegalArgumentException("hist: need " + axes.size() + " bin indices, got " + bins.length);
        int[] stride = Remap.strides(extents(axes));
        int f = 0;
        for (int a = 0; a < bins.length; a++) {
            HistAxis ax = axes.get(a);
            int b = bins[a];
            boolean ok = (b >= 0 && b < ax.size()) || (b == -1 && ax.underflow()) || (b == ax.size() && ax.overflow());
            if (!ok) throw new IndexOutOfBoundsException("hist: bin " + b + " of axis '" + ax.name() + "' (" + ax.size()
                    + " bins" + (ax.underflow() ? ", -1 = underflow" : "") + (ax.overflow() ? ", " + ax.size() + " = overflow" : "") + ")");
            f += (b + (ax.underflow() ? 1 : 0)) * stride[a];
        }
        return f;
    }

    private int[] sizes() {
        int[] s = new int[axes.size()];
        for (int i = 0; i < s.length; i++) s[i] = axes.get(i).size();
        return s;
    }

    private Remap flowStripper() {
        int[][] map = new int[axes.size()][];
        for (int a = 0; a < map.length; a++) {
            HistAxis ax = axes.get(a);
            int uf = ax.underflow() ? 1 : 0;
            map[a] = new int[ax.extent()];
            for (int s = 0; s < map[a].length; s++) map[a][s] = (s - uf >= 0 && s - uf < ax.size()) ? s - uf : -1;
        }
        return new Remap(extents(axes), map, Remap.strides(sizes()));
    }

    private double[] withoutFlow(double[] all) {
        double[] out = new double[Remap.total(sizes())];
        flowStripper().addInto(all, out);
        return out;
    }

    // ---------------------------------------------------------------- arithmetic

    /**
     * The exact sum of two histograms, a new histogram. Axes must match (type, name, label, binning,
     * flow); category axes are unioned (this one's categories first, then the other's new ones).
     */
    public Hist add(Hist other) {
        if (other.rank() != rank())
            throw new IllegalArgumentException("hist: cannot add histograms with different axes: " + axes + " vs " + other.axes);
        if (other.storage.type != storage.type)
            throw new IllegalArgumentException("hist: cannot add " + storage.type + " storage to " + other.storage.type + " storage");
        List<HistAxis> union = new ArrayList<>();
        int[][] mapThis = new int[rank()][], mapOther = new int[rank()][];
        for (int a = 0; a < rank(); a++) {
            HistAxis x = axes.get(a), y = other.axes.get(a);
            if (x instanceof CategoryAxis cx && y instanceof CategoryAxis cy && cx.getClass() == cy.getClass() && cx.sameCommon(cy)) {
                List<Object> keys = cx.keys();
                for (Object k : cy.keys()) if (cx.indexOfKey(k) < 0) keys.add(k);
                if (!cx.growable && keys.size() != cx.size())
                    throw new IllegalArgumentException("hist: cannot add: axis " + a + " '" + x.name()
                            + "' is a fixed category axis with a flow bin and the categories differ: " + x + " vs " + y);
                CategoryAxis u = cx.withKeys(keys);
                union.add((HistAxis) u);
                mapThis[a] = categoryMap(cx, u);
                mapOther[a] = categoryMap(cy, u);
            } else if (x.equals(y)) {
                union.add(x);
                mapThis[a] = mapOther[a] = Remap.identity(x.extent());
            } else {
                throw new IllegalArgumentException("hist: cannot add: axis " + a + " '" + x.name() + "' differs: "
                        + x + " vs " + y + " (" + difference(x, y) + ")");
            }
        }
        int[] ext = extents(union);
        int size = Remap.total(ext);
        int[] stride = Remap.strides(ext);
        Storage sum = Storage.zeros(storage.type, size);
        storage.addRemapped(new Remap(extents(axes), mapThis, stride), sum);
        other.storage.addRemapped(new Remap(extents(other.axes), mapOther, stride), sum);
        return new Hist(union, sum, nanCount + other.nanCount);
    }

    private static String difference(HistAxis x, HistAxis y) {
        if (x.getClass() != y.getClass()) return "axis type " + kind(x) + " vs " + kind(y);
        if (!x.name().equals(y.name())) return "name '" + x.name() + "' vs '" + y.name() + "'";
        if (!x.label().equals(y.label())) return "label '" + x.label() + "' vs '" + y.label() + "'";
        if (x.underflow() != y.underflow() || x.overflow() != y.overflow()) return "flow bins";
        if (x instanceof CategoryAxis) return "growable vs fixed";
        return "binning";
    }

    private static int[] categoryMap(CategoryAxis from, CategoryAxis to) {
        int[] m = new int[((HistAxis) from).extent()];
        List<Object> keys = from.keys();
        for (int i = 0; i < keys.size(); i++) m[i] = to.indexOfKey(keys.get(i));
        if (!from.growable) m[keys.size()] = to.size(); // flow bin to flow bin
        return m;
    }

    /** A new histogram with values times f and variances times f² (int and double storage become weight storage). */
    public Hist scale(double f) { return new Hist(axes, storage.scaled(f), nanCount); }

    /** A deep copy, for filling further without touching this one. */
    public Hist copy() { return new Hist(axes, storage.copy(), nanCount); }

    /**
     * The slice at one category of a category axis, without that axis: {@code select("cat", "baseline")}.
     * The category is a String, an Integer or a Boolean as the axis needs.
     */
    public Hist select(String axisName, Object category) {
        int a = axisIndex(axisName);
        HistAxis ax = axes.get(a);
        int slot;
        if (ax instanceof CategoryAxis ca) {
            slot = ca.indexOfKey(category instanceof Number num && ax instanceof IntCategoryAxis ? (Object) num.intValue() : category);
            if (slot < 0) throw new IllegalArgumentException("hist: axis '" + axisName + "' has no category '" + category
                    + "'; categories: " + ax.binLabels() + Names.nearestHint(String.valueOf(category), ax.binLabels()));
        } else if (ax instanceof BooleanAxis) {
            if (!(category instanceof Boolean b)) throw new IllegalArgumentException("hist: boolean axis '" + axisName + "' selects true or false, got " + category);
            slot = b ? 1 : 0;
        } else {
            throw new IllegalArgumentException("hist: select works on category axes; '" + axisName + "' is " + ax
                    + " (use project to sum it away)");
        }
        List<HistAxis> kept = new ArrayList<>(axes);
        kept.remove(a);
        int[][] map = new int[rank()][];
        for (int i = 0; i < rank(); i++) {
            if (i == a) { map[i] = new int[ax.extent()]; Arrays.fill(map[i], -1); map[i][slot] = 0; }
            else map[i] = Remap.identity(axes.get(i).extent());
        }
        return reshape(kept, map, i -> i == a ? -1 : (i < a ? i : i - 1));
    }

    /** The histogram over these axes only (in this order), summing over the others including their flow bins. */
    public Hist project(String... names) {
        if (names.length == 0) throw new IllegalArgumentException("hist: project needs at least one axis name; axes: " + axisNames());
        int[] pos = new int[rank()];
        Arrays.fill(pos, -1);
        List<HistAxis> kept = new ArrayList<>();
        for (int k = 0; k < names.length; k++) {
            int a = axisIndex(names[k]);
            if (pos[a] >= 0) throw new IllegalArgumentException("hist: project names axis '" + names[k] + "' twice");
            pos[a] = k;
            kept.add(axes.get(a));
        }
        int[][] map = new int[rank()][];
        for (int i = 0; i < rank(); i++) map[i] = pos[i] >= 0 ? Remap.identity(axes.get(i).extent()) : new int[axes.get(i).extent()];
        return reshape(kept, map, i -> pos[i]);
    }

    private Hist reshape(List<HistAxis> target, int[][] map, java.util.function.IntUnaryOperator targetAxisOf) {
        int[] ext = extents(target);
        int[] tStride = Remap.strides(ext);
        int[] dstStride = new int[rank()];
        for (int i = 0; i < rank(); i++) {
            int t = targetAxisOf.applyAsInt(i);
            dstStride[i] = t < 0 ? 0 : tStride[t];
        }
        return new Hist(target, storage.remap(new Remap(extents(axes), map, dstStride), Remap.total(ext)), nanCount);
    }

    // ---------------------------------------------------------------- UHI

    /** This histogram as a UHI document ({@code uhi_schema: 1}) that Python's hist and boost-histogram read. */
    public JsonObject toUhi() { return Uhi.write(this); }

    /** A histogram from a UHI document; IllegalArgumentException naming the key when it does not follow the schema. */
    public static Hist fromUhi(JsonObject uhi) { return Uhi.read(uhi); }

    Storage storage() { return storage; }

    // ---------------------------------------------------------------- equality

    /**
     * Exact equality: same axes, storage type, NaN count and bin contents. Category order does not
     * matter (a+b and b+a list categories differently but are equal).
     */
    @Override public boolean equals(Object o) {
        if (this == o) return true;
        if (!(o instanceof Hist h) || h.rank() != rank() || h.storage.type != storage.type || h.nanCount != nanCount) return false;
        Hist x = canonical(), y = h.canonical();
        return x.axes.equals(y.axes) && x.storage.sameContents(y.storage);
    }

    @Override public int hashCode() {
        Hist c = canonical();
        return 31 * (31 * c.axes.hashCode() + c.storage.contentsHash()) + Long.hashCode(nanCount);
    }

    /** Same histogram with every category axis sorted, the form equality compares. */
    private Hist canonical() {
        boolean any = false;
        for (HistAxis a : axes) any |= a instanceof CategoryAxis;
        if (!any) return this;
        List<HistAxis> sorted = new ArrayList<>();
        int[][] map = new int[rank()][];
        for (int i = 0; i < rank(); i++) {
            HistAxis a = axes.get(i);
            if (a instanceof CategoryAxis ca) {
                List<Object> keys = ca.keys();
                keys.sort((p, q) -> p instanceof String s ? s.compareTo((String) q) : Integer.compare((Integer) p, (Integer) q));
                CategoryAxis s = ca.withKeys(keys);
                sorted.add((HistAxis) s);
                map[i] = categoryMap(ca, s);
            } else {
                sorted.add(a);
                map[i] = Remap.identity(a.extent());
            }
        }
        return reshape(sorted, map, i -> i);
    }

    @Override public String toString() {
        return "Hist(" + axes + ", storage=" + storage.type + ", sum=" + sum(true) + (nanCount > 0 ? ", nan=" + nanCount : "") + ")";
    }

    // ---------------------------------------------------------------- builder

    /** Collects axes in order, then a storage call makes the histogram: {@code Hist.builder().reg(...).weight()}. */
    public static final class Builder {
        private final List<HistAxis> axes = new ArrayList<>();

        private Builder() {}

        public Builder axis(HistAxis axis) { axes.add(axis); return this; }

        /** A growable string category axis (e.g. PocketCoffea's "cat", "variation", "dataset"). */
        public Builder strCat(String name, String label, String... categories) {
            return axis(new StrCategoryAxis(name, label, Arrays.asList(categories)));
        }

        public Builder strCat(String name) { return strCat(name, name); }

        /** A growable integer category axis (e.g. pdgId). */
        public Builder intCat(String name, String label, int... categories) {
            return axis(new IntCategoryAxis(name, label, categories));
        }

        /** Regular binning: {@code bins} equal bins on [lo, hi), with under- and overflow bins. */
        public Builder reg(int bins, double lo, double hi, String name, String label) {
            return axis(new RegularAxis(bins, lo, hi, name, label));
        }

        public Builder reg(int bins, double lo, double hi, String name) { return reg(bins, lo, hi, name, name); }

        /** Variable binning by ascending edges, with under- and overflow bins. */
        public Builder var(double[] edges, String name, String label) { return axis(new VariableAxis(edges, name, label)); }

        /** One bin per integer in [lo, hi), with under- and overflow bins. */
        public Builder integer(int lo, int hi, String name, String label) { return axis(new IntegerAxis(lo, hi, name, label)); }

        /** A false/true axis. */
        public Builder bool(String name, String label) { return axis(new BooleanAxis(name, label)); }

        /** Σw and Σw² per bin. */
        public Hist weight() { return build(StorageType.WEIGHT); }

        public Hist doubleStorage() { return build(StorageType.DOUBLE); }

        public Hist intStorage() { return build(StorageType.INT); }

        /** The histogram with this storage type. */
        public Hist build(StorageType type) {
            if (axes.isEmpty()) throw new IllegalStateException("hist: a histogram needs at least one axis (e.g. .reg(50, 0, 200, \"pt\"))");
            return of(type, axes);
        }
    }
}
