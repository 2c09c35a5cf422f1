package pocket.skim;

import pocket.rootio.BranchInfo;
import pocket.rootio.ColumnArray;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;
import pocket.rootio.write.TreeWriter;
import pocket.rootio.write.WriteOptions;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Saves the events of a chunk that pass a skim as a NanoAOD file, as PocketCoffea's
 * {@code save_skimmed_files} does: every branch of the source tree, same names, types and
 * counters, only the selected entries, in their order.
 */
public final class SkimWriter {
    /** Entries read from the source at a time, to bound memory on wide NanoAOD trees. */
    static final int BLOCK = 50_000;

    private SkimWriter() {}

    /**
     * Writes the entries {@code selected} (ascending entry numbers of {@code source}, all within
     * {@code [start, stop)}) to a new file with one tree named as the source's.
     *
     * @return the number of entries written
     */
    public static long write(Tree source, long start, long stop, long[] selected, Path out, WriteOptions options) throws RootIOException {
        for (int k = 0; k < selected.length; k++) {
            if (selected[k] < start || selected[k] >= stop)
                throw new RootIOException("skim: entry " + selected[k] + " is outside the chunk [" + start + ", " + stop + ") of " + source.fileName());
            if (k > 0 && selected[k] <= selected[k - 1])
                throw new RootIOException("skim: selected entries of " + source.fileName() + " must ascend; " + selected[k] + " follows " + selected[k - 1]);
        }
        TreeSchema schema = schemaOf(source);
        try (RootFileWriter f = RootFileWriter.create(out, options)) {
            TreeWriter t = f.tree(source.name(), schema);
            int k = 0;
            for (long s = start; s < stop && k < selected.length; s += BLOCK) {
                long e = Math.min(stop, s + BLOCK);
                int from = k;
                while (k < selected.length && selected[k] < e) k++;
                if (k == from) continue;
                int[] rows = new int[k - from];
                for (int i = 0; i < rows.length; i++) rows[i] = (int) (selected[from + i] - s);
                Map<String, ColumnArray> cols = new LinkedHashMap<>();
                for (var b : schema.branches()) {
                    if (schema.isCounter(b.name())) continue;   // the writer counts the jagged columns again
                    cols.put(b.name(), take(source.read(b.name(), s, e), rows));
                }
                t.extend(cols);
            }
        }
        return selected.length;
    }

    /** The writer's schema for a tree read by pocket's reader: counters first, as NanoAOD orders them. */
    static TreeSchema schemaOf(Tree source) throws RootIOException {
        List<BranchInfo> infos = new ArrayList<>();
        Set<String> counters = new HashSet<>();
        for (String name : source.branchNames()) {
            BranchInfo b = source.branch(name);
            if (b.fixedLength() != 1)
                throw new RootIOException("skim: branch '" + name + "' of " + source.fileName() + " holds fixed-size arrays [" + b.fixedLength() + "], which skims do not write yet");
            infos.add(b);
            if (b.jagged()) counters.add(b.counter());
        }
        TreeSchema.Builder builder = TreeSchema.builder();
        Set<String> added = new HashSet<>();
        for (BranchInfo b : infos) {
            if (added.contains(b.name())) continue;
            if (b.jagged()) {
                if (!added.contains(b.counter())) {
                    BranchInfo c = source.branch(b.counter());
                    builder.counter(c.name(), c.type(), docOf(c));
                    added.add(c.name());
                }
                builder.jagged(b.name(), b.type(), b.counter(), docOf(b));
            } else if (counters.contains(b.name())) {
                builder.counter(b.name(), b.type(), docOf(b));
            } else {
                builder.branch(b.name(), b.type(), docOf(b));
            }
            added.add(b.name());
        }
        return builder.build();
    }

    /** A title that is only the leaf list is left for the writer to make again. */
    private static String docOf(BranchInfo b) {
        String t = b.title() == null ? "" : b.title();
        String leaf = b.jagged() ? b.name() + "[" + b.counter() + "]" : b.name();
        return t.equals(leaf) || t.startsWith(leaf + "/") ? "" : t;
    }

    /** The given rows of a column (row numbers relative to the column's first entry). */
    static ColumnArray take(ColumnArray c, int[] rows) {
        int n = rows.length;
        if (!c.jagged()) {
            Object out = Array.newInstance(c.data.getClass().getComponentType(), n);
            for (int i = 0; i < n; i++) System.arraycopy(c.data, rows[i], out, i, 1);
            return new ColumnArray(c.type, out, null, n);
        }
        int[] off = new int[n + 1];
        for (int i = 0; i < n; i++) off[i + 1] = off[i] + c.offsets[rows[i] + 1] - c.offsets[rows[i]];
        Object out = Array.newInstance(c.data.getClass().getComponentType(), off[n]);
        for (int i = 0; i < n; i++) {
            int from = c.offsets[rows[i]], len = off[i + 1] - off[i];
            if (len > 0) System.arraycopy(c.data, from, out, off[i], len);
        }
        return new ColumnArray(c.type, out, off, n);
    }
}
