package pocket.rootio.write;

import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.RootIOException;
import pocket.util.Names;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills one TTree of a {@link RootFileWriter} column by column: each {@link #extend} call appends
 * the same number of entries to every branch, and baskets are written as they fill. The tree's
 * metadata (the TTree object) is written when the file closes.
 */
public final class TreeWriter {
    final RootFileWriter file;
    final WriteOptions options;
    private final String name;
    private final String title;
    private final TreeSchema schema;
    final List<BranchBuffer> branches = new ArrayList<>();
    private final Map<String, BranchBuffer> byName = new LinkedHashMap<>();
    private long entries;
    private boolean finished;

    TreeWriter(RootFileWriter file, String name, String title, TreeSchema schema) {
        this.file = file;
        this.options = file.options;
        this.name = name;
        this.title = title;
        this.schema = schema;
        for (BranchSpec b : schema.branches()) {
            BranchBuffer buf = new BranchBuffer(b, this);
            branches.add(buf);
            byName.put(b.name(), buf);
        }
    }

    public String name() { return name; }
    public String title() { return title; }
    public TreeSchema schema() { return schema; }
    public long entries() { return entries; }

    /**
     * Appends entries to every branch. Each column must hold the same number of entries; a jagged
     * column carries offsets; a counter column may be left out (it is taken from the jagged
     * columns it counts), and when given must agree with them.
     *
     * @throws RootIOException naming the branch when a column is missing, unknown, of the wrong
     *         type or length, or disagrees with its counter
     */
    public TreeWriter extend(Map<String, ColumnArray> columns) throws RootIOException {
        if (finished) throw new RootIOException("rootio: tree '" + name + "' of " + file.path() + " is already written; cannot extend it");
        for (String c : columns.keySet())
            if (!schema.has(c)) throw error("column '" + c + "' is not a branch of the tree" + Names.nearestHint(c, schema.names()));
        long n = -1;
        for (Map.Entry<String, ColumnArray> e : columns.entrySet()) {
            long m = e.getValue().entries;
            if (n < 0) n = m;
            else if (m != n) throw error("column '" + e.getKey() + "' has " + m + " entries, others have " + n);
        }
        if (n <= 0) return this;
        if (n > Integer.MAX_VALUE - 1) throw error("one extend call takes at most 2^31-2 entries, got " + n);
        int count = (int) n;
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (BranchSpec b : schema.branches()) {
            ColumnArray c = columns.get(b.name());
            if (b.jagged()) {
                if (c == null) throw error("jagged branch '" + b.name() + "' has no column");
                checkArray(b, c);
                if (c.offsets == null || c.offsets.length != count + 1 || c.offsets[0] != 0)
                    throw error("jagged column '" + b.name() + "' needs offsets of length " + (count + 1) + " starting at 0");
                int[] sizes = new int[count];
                for (int i = 0; i < count; i++) {
                    sizes[i] = c.offsets[i + 1] - c.offsets[i];
                    if (sizes[i] < 0) throw error("jagged column '" + b.name() + "' has decreasing offsets at entry " + i);
                }
                if (c.offsets[count] > c.size()) throw error("jagged column '" + b.name() + "' offsets end at " + c.offsets[count] + " but it holds " + c.size() + " values");
                int[] prev = counts.putIfAbsent(b.counter(), sizes);
                if (prev != null && !java.util.Arrays.equals(prev, sizes))
                    throw error("jagged columns counted by '" + b.counter() + "' disagree on entry lengths ('" + b.name() + "')");
            } else if (c != null) {
                checkArray(b, c);
                if (c.jagged()) throw error("column '" + b.name() + "' is jagged but the branch is flat");
                if (c.size() < count) throw error("column '" + b.name() + "' holds " + c.size() + " values for " + count + " entries");
            }
        }
        for (BranchSpec b : schema.branches()) {
            if (b.jagged() || columns.containsKey(b.name())) continue;
            if (!counts.containsKey(b.name())) throw error("branch '" + b.name() + "' has no column");
        }
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            ColumnArray given = columns.get(e.getKey());
            if (given == null) continue;
            int[] v = given.ints();
            int[] sizes = e.getValue();
            for (int i = 0; i < count; i++)
                if (v[i] != sizes[i]) throw error("counter '" + e.getKey() + "' says " + v[i] + " at entry " + (entries + i) + " but its jagged columns hold " + sizes[i]);
        }
        try {
            for (BranchBuffer buf : branches) {
                BranchSpec b = buf.spec;
                boolean isCounter = counts.containsKey(b.name());
                if (b.jagged()) {
                    ColumnArray c = columns.get(b.name());
                    buf.appendJagged(c.data, c.offsets, count);
                } else {
                    ColumnArray c = columns.get(b.name());
                    Object data = c != null ? c.data : counts.get(b.name());
                    buf.appendFlat(data, count, isCounter);
                }
            }
        } catch (IOException e) {
            throw new RootIOException("rootio: writing tree '" + name + "' to " + file.path() + " failed: " + e.getMessage(), e);
        }
        entries += count;
        return this;
    }

    private void checkArray(BranchSpec b, ColumnArray c) throws RootIOException {
        Class<?> want = arrayClass(b.type());
        if (c.data == null || c.data.getClass() != want)
            throw error("column '" + b.name() + "' holds " + (c.data == null ? "null" : c.data.getClass().getSimpleName())
                    + " but branch type " + b.type() + " needs " + want.getSimpleName());
    }

    static Class<?> arrayClass(LeafType t) {
        return switch (t) {
            case BOOL -> boolean[].class;
            case INT8, UINT8 -> byte[].class;
            case INT16, UINT16 -> short[].class;
            case INT32, UINT32 -> int[].class;
            case INT64, UINT64 -> long[].class;
            case FLOAT32 -> float[].class;
            case FLOAT64 -> double[].class;
        };
    }

    private RootIOException error(String what) {
        return new RootIOException("rootio: tree '" + name + "' in " + file.path() + ": " + what);
    }

    /** Writes the open baskets; the tree takes no more entries after this. */
    void finish() throws IOException {
        if (finished) return;
        for (BranchBuffer b : branches) b.flush();
        finished = true;
    }
}
