package pocket.testing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.util.Names;

/**
 * TEST DOUBLE: a Tree held in memory, for unit tests of the events layer that need exact,
 * hand-made inputs; it records every branch read. Tests of real analyses read real files.
 */
public final class InMemoryTree implements Tree {
    private final long entries;
    private final Map<String, ColumnArray> branches = new LinkedHashMap<>();
    private final Map<String, String> counters = new LinkedHashMap<>();
    public final List<String> reads = new ArrayList<>();

    public InMemoryTree(long entries) { this.entries = entries; }

    public InMemoryTree flat(String name, double... v) { check(v.length); branches.put(name, new ColumnArray(LeafType.FLOAT64, v, null, entries)); return this; }
    public InMemoryTree flatFloat(String name, float... v) { check(v.length); branches.put(name, new ColumnArray(LeafType.FLOAT32, v, null, entries)); return this; }
    public InMemoryTree flatBool(String name, boolean... v) { check(v.length); branches.put(name, new ColumnArray(LeafType.BOOL, v, null, entries)); return this; }

    /** A collection: n<coll> plus <coll>_<field> for each field, values given per event. */
    public InMemoryTree collection(String coll, Map<String, double[][]> fields) {
        int[] counts = null;
        for (var e : fields.entrySet()) {
            double[][] perEvent = e.getValue();
            check(perEvent.length);
            int[] off = new int[perEvent.length + 1];
            for (int i = 0; i < perEvent.length; i++) off[i + 1] = off[i] + perEvent[i].length;
            float[] v = new float[off[perEvent.length]];
            for (int i = 0; i < perEvent.length; i++) for (int k = 0; k < perEvent[i].length; k++) v[off[i] + k] = (float) perEvent[i][k];
            branches.put(coll + "_" + e.getKey(), new ColumnArray(LeafType.FLOAT32, v, off, entries));
            counters.put(coll + "_" + e.getKey(), "n" + coll);
            if (counts == null) { counts = new int[perEvent.length]; for (int i = 0; i < counts.length; i++) counts[i] = perEvent[i].length; }
        }
        branches.put("n" + coll, new ColumnArray(LeafType.UINT32, counts, null, entries));
        return this;
    }

    private void check(int n) { if (n != entries) throw new IllegalArgumentException("test tree: " + n + " values for " + entries + " entries"); }

    @Override public String name() { return "Events"; }
    @Override public String fileName() { return "in-memory"; }
    @Override public long entries() { return entries; }
    @Override public List<String> branchNames() { return new ArrayList<>(branches.keySet()); }
    @Override public boolean hasBranch(String name) { return branches.containsKey(name); }

    @Override public BranchInfo branch(String name) throws RootIOException {
        ColumnArray c = branches.get(name);
        if (c == null) throw new RootIOException("in-memory tree: no branch " + name + Names.nearestHint(name, branches.keySet()));
        return new BranchInfo(name, c.type, counters.get(name), 1, "none", entries, 1, name);
    }

    @Override public ColumnArray read(String branch, long start, long stop) throws RootIOException {
        ColumnArray c = branches.get(branch);
        if (c == null) throw new RootIOException("in-memory tree: no branch " + branch);
        reads.add(branch);
        int s = (int) start, e = (int) stop;
        if (c.offsets == null) return new ColumnArray(c.type, slice(c.data, s, e), null, e - s);
        int[] off = new int[e - s + 1];
        for (int i = 0; i <= e - s; i++) off[i] = c.offsets[s + i] - c.offsets[s];
        return new ColumnArray(c.type, slice(c.data, c.offsets[s], c.offsets[e]), off, e - s);
    }

    private static Object slice(Object a, int s, int e) {
        if (a instanceof double[] d) return java.util.Arrays.copyOfRange(d, s, e);
        if (a instanceof float[] d) return java.util.Arrays.copyOfRange(d, s, e);
        if (a instanceof int[] d) return java.util.Arrays.copyOfRange(d, s, e);
        if (a instanceof boolean[] d) return java.util.Arrays.copyOfRange(d, s, e);
        throw new IllegalArgumentException("test tree: unsupported array " + a.getClass());
    }
}
