package pocket.events;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;

/**
 * The events of one chunk as columns: raw branches read on first use (and only then), NanoAOD
 * collections, per-event columns and collections a workflow adds, and event filtering
 * ({@code events = events[mask]} in PocketCoffea) that keeps all of them aligned.
 *
 * <p>Not thread-safe: one chunk, one thread, as a coffea processor's {@code self.events}.
 */
public final class Events {
    private final Tree tree;
    private final long start, stop;
    // caches of what was read from the tree: shared by copies, since what they hold never changes
    private final Map<String, ColumnArray> raw;
    /** Per-event branches as used: a float branch's float[] as read, other types widened to double[]. */
    private final Map<String, Object> rawDoubles;
    private final Map<String, int[]> chunkOffsets;
    private final Map<String, ObjectStore> stores;
    /** Chunk-local entry numbers of the events still selected. */
    private int[] rows;
    private final Map<String, Object> columns;
    private final Map<String, Collection> collections;

    private Events(Tree tree, long start, long stop) {
        this.tree = tree; this.start = start; this.stop = stop;
        long n = stop - start;
        if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("events: chunk of " + n + " entries is too large");
        rows = new int[(int) n];
        for (int i = 0; i < rows.length; i++) rows[i] = i;
        raw = new LinkedHashMap<>(); rawDoubles = new LinkedHashMap<>(); chunkOffsets = new LinkedHashMap<>(); stores = new LinkedHashMap<>();
        columns = new LinkedHashMap<>(); collections = new LinkedHashMap<>();
    }

    private Events(Events o) {
        this.tree = o.tree; this.start = o.start; this.stop = o.stop;
        raw = o.raw; rawDoubles = o.rawDoubles; chunkOffsets = o.chunkOffsets;
        rows = o.rows.clone();
        columns = new LinkedHashMap<>(o.columns);
        // Collection.with writes into its store, so each copy gets stores of its own
        Map<ObjectStore, ObjectStore> own = new java.util.IdentityHashMap<>();
        stores = new LinkedHashMap<>();
        o.stores.forEach((k, s) -> stores.put(k, own.computeIfAbsent(s, ObjectStore::copy)));
        collections = new LinkedHashMap<>();
        o.collections.forEach((k, c) -> collections.put(k, new Collection(c.name(), own.computeIfAbsent(c.store, ObjectStore::copy), c.offsets, c.idx)));
    }

    /**
     * The same events, filtered and extended alike, that can then be filtered and changed on
     * their own (a shape variation's copy), {@code Collection.with} included; branches already
     * read are not read again. Arrays the workflow put are shared, so change them by putting new
     * ones, never in place.
     */
    public Events copy() { return new Events(this); }

    /** Entries {@code [start, stop)} of the tree; nothing is read until a column is asked for. */
    public static Events of(Tree tree, long start, long stop) {
        if (start < 0 || stop < start || stop > tree.entries())
            throw new IllegalArgumentException("events: entry range [" + start + ", " + stop + ") outside tree " + tree.name()
                    + " of " + tree.fileName() + " with " + tree.entries() + " entries");
        return new Events(tree, start, stop);
    }

    public static Events of(Tree tree) { return of(tree, 0, tree.entries()); }

    /** Events currently selected (after skim and preselection filters). */
    public int size() { return rows.length; }

    /** Entries of the chunk before any filter. */
    public int initialSize() { return (int) (stop - start); }

    public Tree tree() { return tree; }

    /** The branches read from the tree so far, in reading order: those the analysis used, and those {@link #prefetch} fetched. */
    public Set<String> branchesRead() { return Collections.unmodifiableSet(new LinkedHashSet<>(raw.keySet())); }

    /** Entry numbers in the tree of the selected events. */
    public long[] entryNumbers() {
        long[] e = new long[rows.length];
        for (int i = 0; i < e.length; i++) e[i] = start + rows[i];
        return e;
    }

    // ---- per-event columns

    /** True if {@code name} is a column the workflow added or a branch of the tree. */
    public boolean has(String name) {
        return columns.containsKey(name) || tree.hasBranch(name)
                || (name.length() > 1 && name.charAt(0) == 'n' && collections.containsKey(name.substring(1)));
    }

    /** A per-event value, e.g. {@code genWeight}, {@code MET_pt}, or a column set with put. */
    public double[] get(String name) {
        Object c = columns.get(name);
        if (c instanceof double[] d) return d;
        if (c instanceof int[] a) { double[] d = new double[a.length]; for (int i = 0; i < a.length; i++) d[i] = a[i]; return d; }
        if (c instanceof boolean[] b) { double[] d = new double[b.length]; for (int i = 0; i < b.length; i++) d[i] = b[i] ? 1 : 0; return d; }
        if (!tree.hasBranch(name) && name.length() > 1 && name.charAt(0) == 'n' && collections.containsKey(name.substring(1))) {
            // n<Coll> of a collection the workflow built (PocketCoffea's count_objects)
            int[] n = collections.get(name.substring(1)).counts();
            double[] d = new double[n.length];
            for (int i = 0; i < n.length; i++) d[i] = n[i];
            return d;
        }
        Object col = rawColumn(name);
        double[] out = new double[rows.length];
        if (col instanceof float[] all) for (int i = 0; i < out.length; i++) out[i] = all[rows[i]];
        else { double[] all = (double[]) col; for (int i = 0; i < out.length; i++) out[i] = all[rows[i]]; }
        return out;
    }

    /** A per-event flag, e.g. {@code HLT_IsoMu24}, or a boolean column set with put (non-zero is true). */
    public boolean[] mask(String name) {
        if (columns.get(name) instanceof boolean[] b) return b;
        double[] v = get(name);
        boolean[] out = new boolean[v.length];
        for (int i = 0; i < out.length; i++) out[i] = v[i] != 0;
        return out;
    }

    public Events put(String name, double[] column) { return putColumn(name, column, column.length); }
    public Events put(String name, int[] column) { return putColumn(name, column, column.length); }
    public Events put(String name, boolean[] column) { return putColumn(name, column, column.length); }

    private Events putColumn(String name, Object column, int length) {
        if (length != rows.length)
            throw new IllegalArgumentException("events: column '" + name + "' has " + length + " values for " + rows.length + " events");
        columns.put(name, column);
        return this;
    }

    /** Column names the workflow added. */
    public Set<String> columnNames() { return Collections.unmodifiableSet(columns.keySet()); }

    // ---- collections

    /** True if the collection was added, or the tree has its {@code n<name>} counter or {@code <name>_*} branches. */
    public boolean hasCollection(String name) {
        return collections.containsKey(name) || tree.hasBranch("n" + name) || firstField(name) != null;
    }

    /** A collection by name: one the workflow put, or a NanoAOD collection of the tree. */
    public Collection collection(String name) {
        Collection c = collections.get(name);
        if (c != null) return c;
        if (!tree.hasBranch("n" + name) && firstField(name) == null)
            throw new ColumnNotFoundException(name, "the collections of tree " + tree.name() + " in " + tree.fileName(), collectionNames());
        c = baseCollection(name);
        collections.put(name, c);
        return c;
    }

    /** Adds or replaces a collection under a name (PocketCoffea: {@code events["JetGood"] = ...}). */
    public Events put(String name, Collection c) {
        if (c.size() != rows.length)
            throw new IllegalArgumentException("events: collection '" + name + "' has " + c.size() + " events, the chunk has " + rows.length);
        collections.put(name, c.name().equals(name) ? c : new Collection(name, c.store, c.offsets, c.idx));
        return this;
    }

    /** Collections known: those added, then the tree's ({@code n<Coll>} counters). */
    public List<String> collectionNames() {
        Set<String> names = new LinkedHashSet<>(collections.keySet());
        for (String b : tree.branchNames()) if (b.length() > 1 && b.charAt(0) == 'n' && Character.isUpperCase(b.charAt(1))) names.add(b.substring(1));
        return new ArrayList<>(names);
    }

    // ---- filtering

    /** Keeps only the events where {@code keep} is true; every column and collection follows. */
    public Events filter(boolean[] keep) {
        if (keep.length != rows.length)
            throw new IllegalArgumentException("events: mask of " + keep.length + " values for " + rows.length + " events");
        int n = 0;
        for (boolean b : keep) if (b) n++;
        if (n == rows.length) return this;
        int[] kept = new int[n];
        for (int i = 0, j = 0; i < keep.length; i++) if (keep[i]) kept[j++] = i;
        int[] newRows = new int[n];
        for (int j = 0; j < n; j++) newRows[j] = rows[kept[j]];
        rows = newRows;
        for (var e : columns.entrySet()) e.setValue(compact(e.getValue(), kept));
        for (var e : collections.entrySet()) e.setValue(e.getValue().keepEvents(kept));
        return this;
    }

    private static Object compact(Object column, int[] kept) {
        if (column instanceof double[] d) { double[] o = new double[kept.length]; for (int j = 0; j < o.length; j++) o[j] = d[kept[j]]; return o; }
        if (column instanceof int[] d) { int[] o = new int[kept.length]; for (int j = 0; j < o.length; j++) o[j] = d[kept[j]]; return o; }
        boolean[] d = (boolean[]) column;
        boolean[] o = new boolean[kept.length];
        for (int j = 0; j < o.length; j++) o[j] = d[kept[j]];
        return o;
    }

    // ---- raw branches

    /**
     * Reads these branches over the chunk in one request (those the tree has and that are not
     * read yet): a remote file then answers in one round trip instead of one per branch. A
     * branch that fails here is simply left to its own read, which reports the error if the
     * analysis really uses it.
     */
    public void prefetch(java.util.Collection<String> branches) {
        List<String> wanted = new ArrayList<>();
        for (String b : branches) if (!raw.containsKey(b) && tree.hasBranch(b)) wanted.add(b);
        if (wanted.size() < 2) return;
        try {
            raw.putAll(tree.read(wanted, start, stop));
        } catch (RootIOException | RuntimeException e) {
            // read one by one, as without prefetching
        }
    }

    /** Reads a branch over the whole chunk once; later uses hit the cache. */
    private ColumnArray raw(String branch) {
        ColumnArray c = raw.get(branch);
        if (c != null) return c;
        if (!tree.hasBranch(branch)) {
            List<String> known = new ArrayList<>(columns.keySet());
            known.addAll(tree.branchNames());
            throw new ColumnNotFoundException(branch, "tree " + tree.name() + " of " + tree.fileName(), known);
        }
        try {
            c = tree.read(branch, start, stop);
        } catch (RootIOException e) {
            throw new EventsReadException(e);
        }
        raw.put(branch, c);
        return c;
    }

    private double[] rawFlat(String branch) {
        Object col = rawColumn(branch);
        if (col instanceof double[] d) return d;
        float[] f = (float[]) col;
        double[] d = new double[f.length];
        for (int i = 0; i < d.length; i++) d[i] = f[i];
        return d;
    }

    private Object rawColumn(String branch) {
        Object d = rawDoubles.get(branch);
        if (d != null) return d;
        ColumnArray c = raw(branch);
        if (c.jagged())
            throw new IllegalArgumentException("events: branch '" + branch + "' holds one value per object, not per event: use collection(\""
                    + branch.substring(0, Math.max(0, branch.indexOf('_'))) + "\").get(...)");
        d = c.type == pocket.rootio.LeafType.FLOAT32 ? c.floats() : c.toDoubles();
        int n = c.size();
        if (n != initialSize())
            throw new IllegalArgumentException("events: branch '" + branch + "' has " + n + " values for " + initialSize()
                    + " entries (a fixed-size array branch cannot be used as a per-event value)");
        rawDoubles.put(branch, d);
        return d;
    }

    private String firstField(String coll) {
        String prefix = coll + "_";
        for (String b : tree.branchNames()) if (b.startsWith(prefix)) return b;
        return null;
    }

    /** Offsets over the whole chunk of a tree collection, from {@code n<Coll>} or else from a field's own offsets. */
    private int[] chunkOffsets(String coll) {
        int[] off = chunkOffsets.get(coll);
        if (off != null) return off;
        if (tree.hasBranch("n" + coll)) {
            double[] counts = rawFlat("n" + coll);
            off = new int[counts.length + 1];
            for (int i = 0; i < counts.length; i++) off[i + 1] = off[i] + (int) counts[i];
        } else {
            ColumnArray c = raw(firstField(coll));
            if (!c.jagged()) throw new IllegalArgumentException("events: '" + coll + "' has no n" + coll + " counter and its branches are not jagged");
            off = c.offsets;
        }
        chunkOffsets.put(coll, off);
        return off;
    }

    private Collection baseCollection(String coll) {
        int[] chunkOff = chunkOffsets(coll);
        ObjectStore store = stores.computeIfAbsent(coll, k -> new ObjectStore(k, chunkOff[chunkOff.length - 1],
                field -> loadField(k, field, chunkOff), () -> treeFields(k)));
        int[] off = new int[rows.length + 1];
        for (int i = 0; i < rows.length; i++) off[i + 1] = off[i] + chunkOff[rows[i] + 1] - chunkOff[rows[i]];
        int[] idx = new int[off[rows.length]];
        for (int i = 0, k = 0; i < rows.length; i++)
            for (int o = chunkOff[rows[i]]; o < chunkOff[rows[i] + 1]; o++) idx[k++] = o;
        return new Collection(coll, store, off, idx);
    }

    private Set<String> treeFields(String coll) {
        String prefix = coll + "_";
        Set<String> fields = new TreeSet<>();
        for (String b : tree.branchNames()) if (b.startsWith(prefix)) fields.add(b.substring(prefix.length()));
        return fields;
    }

    private Object loadField(String coll, String field, int[] chunkOff) {
        String branch = coll + "_" + field;
        ColumnArray c = raw(branch);
        if (!c.jagged()) {
            BranchInfo info;
            try { info = tree.branch(branch); } catch (RootIOException e) { throw new EventsReadException(e); }
            throw new IllegalArgumentException("events: branch '" + branch + "' (" + info.type() + ") is not a per-object branch of " + coll);
        }
        if (c.offsets[c.offsets.length - 1] != chunkOff[chunkOff.length - 1])
            throw new IllegalStateException("events: branch '" + branch + "' has " + c.offsets[c.offsets.length - 1]
                    + " values but n" + coll + " counts " + chunkOff[chunkOff.length - 1] + " objects in " + tree.fileName());
        // floats stay as read (see ObjectStore); other types widen once, exactly
        return c.type == pocket.rootio.LeafType.FLOAT32 ? c.floats() : c.toDoubles();
    }
}
