package pocket.events;

import java.util.Map;
import java.util.Set;

/**
 * A collection of objects per event (Muon, JetGood, ...): per-event offsets plus, for each
 * object, its position in the chunk's base collection. Fields are gathered from the base
 * collection on demand, so a derived collection ({@code JetGood = Jet[mask]}) costs two int
 * arrays, not a copy of every field.
 */
public final class Collection {
    private final String name;
    final ObjectStore store;
    final int[] offsets;
    final int[] idx;

    Collection(String name, ObjectStore store, int[] offsets, int[] idx) {
        this.name = name; this.store = store; this.offsets = offsets; this.idx = idx;
    }

    /**
     * A collection made from per-object arrays of the current events, e.g. leptons built from
     * muons and electrons; all fields must share the offsets.
     */
    public static Collection of(String name, int[] offsets, Map<String, double[]> fields) {
        int n = offsets[offsets.length - 1];
        for (var e : fields.entrySet())
            if (e.getValue().length != n)
                throw new IllegalArgumentException("events: field " + name + "." + e.getKey() + " has " + e.getValue().length + " values, offsets say " + n);
        int[] idx = new int[n];
        for (int k = 0; k < n; k++) idx[k] = k;
        return new Collection(name, ObjectStore.of(name, n, fields), offsets.clone(), idx);
    }

    public String name() { return name; }

    /** Number of events. */
    public int size() { return offsets.length - 1; }

    /** Objects in all events. */
    public int total() { return idx.length; }

    /** Objects per event (the {@code nJetGood} of PocketCoffea's count_objects). */
    public int[] counts() { return Jagged.counts(offsets); }

    public int[] offsets() { return offsets.clone(); }

    public boolean has(String field) { return store.has(field); }

    public Set<String> fields() { return store.fieldNames(); }

    /** One field of every object, e.g. {@code get("pt")} reads {@code Muon_pt} for a muon collection. */
    public Jagged get(String field) {
        Object col = store.column(field);
        double[] v = new double[idx.length];
        if (col instanceof float[] base) for (int k = 0; k < v.length; k++) v[k] = base[idx[k]];
        else { double[] base = (double[]) col; for (int k = 0; k < v.length; k++) v[k] = base[idx[k]]; }
        return new Jagged(offsets, v);
    }

    /** A boolean or integer field as a mask (non-zero is true), e.g. {@code flag("tightId")}. */
    public JaggedMask flag(String field) {
        Object col = store.column(field);
        boolean[] m = new boolean[idx.length];
        if (col instanceof float[] base) for (int k = 0; k < m.length; k++) m[k] = base[idx[k]] != 0;
        else { double[] base = (double[]) col; for (int k = 0; k < m.length; k++) m[k] = base[idx[k]] != 0; }
        return new JaggedMask(offsets, m);
    }

    /** The value of the n-th object (0 = leading) per event; NaN where there are fewer. */
    public double[] nth(String field, int n) {
        Object col = store.column(field);
        double[] out = new double[size()];
        if (col instanceof float[] base) {
            for (int i = 0; i < out.length; i++) {
                int k = offsets[i] + n;
                out[i] = k < offsets[i + 1] ? base[idx[k]] : Double.NaN;
            }
            return out;
        }
        double[] base = (double[]) col;
        for (int i = 0; i < out.length; i++) {
            int k = offsets[i] + n;
            out[i] = k < offsets[i + 1] ? base[idx[k]] : Double.NaN;
        }
        return out;
    }

    /** The objects passing the mask, in their order: {@code Jet[mask]}. */
    public Collection select(String newName, JaggedMask mask) {
        if (mask.values.length != idx.length || mask.offsets.length != offsets.length)
            throw new IllegalArgumentException("events: mask does not match collection " + name + " (" + mask.values.length + " vs " + idx.length + " objects)");
        int[] off = new int[offsets.length];
        int n = 0;
        for (boolean b : mask.values) if (b) n++;
        int[] out = new int[n];
        int j = 0;
        for (int i = 0; i < size(); i++) {
            for (int k = offsets[i]; k < offsets[i + 1]; k++) if (mask.values[k]) out[j++] = idx[k];
            off[i + 1] = j;
        }
        return new Collection(newName, store, off, out);
    }

    public Collection select(JaggedMask mask) { return select(name, mask); }

    /** The same objects ordered by a field within each event (descending: leading first). */
    public Collection sortedBy(String field, boolean descending) {
        double[] base = store.field(field);
        int[] out = idx.clone();
        for (int i = 0; i < size(); i++) {
            // insertion sort: NanoAOD collections hold a handful of objects per event
            for (int a = offsets[i] + 1; a < offsets[i + 1]; a++) {
                int v = out[a];
                double key = base[v];
                int b = a - 1;
                while (b >= offsets[i] && (descending ? base[out[b]] < key : base[out[b]] > key)) { out[b + 1] = out[b]; b--; }
                out[b + 1] = v;
            }
        }
        return new Collection(name, store, offsets, out);
    }

    /**
     * Sets a per-object field on these objects (like {@code ak.with_field}). The value is kept in
     * the base collection, so collections derived from this one see it too; other objects of
     * the base collection keep their previous value (NaN for a new field).
     */
    public Collection with(String field, Jagged values) {
        if (values.values.length != idx.length)
            throw new IllegalArgumentException("events: field " + name + "." + field + " has " + values.values.length + " values for " + idx.length + " objects");
        store.scatter(field, idx, values.values);
        return this;
    }

    /** This collection over the kept events only (event positions, ascending). */
    Collection keepEvents(int[] kept) {
        int[] off = new int[kept.length + 1];
        int n = 0;
        for (int i = 0; i < kept.length; i++) { n += offsets[kept[i] + 1] - offsets[kept[i]]; off[i + 1] = n; }
        int[] out = new int[n];
        for (int i = 0; i < kept.length; i++) System.arraycopy(idx, offsets[kept[i]], out, off[i], off[i + 1] - off[i]);
        return new Collection(name, store, off, out);
    }

    @Override public String toString() { return name + "[" + size() + " events, " + total() + " objects]"; }
}
