package pocket.generate;

import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.write.BranchSpec;
import pocket.rootio.write.TreeSchema;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Growable primitive columns, one per branch of a schema, filled event by event. */
final class EventColumns {
    /** One branch's values (and entry offsets when jagged). */
    static final class Col {
        final BranchSpec spec;
        int size;
        float[] f; double[] d; int[] i; long[] l; short[] s; byte[] b; boolean[] z;
        int[] offsets;
        int entries;

        Col(BranchSpec spec, int capacity) {
            this.spec = spec;
            switch (spec.type()) {
                case FLOAT32 -> f = new float[capacity];
                case FLOAT64 -> d = new double[capacity];
                case INT32, UINT32 -> i = new int[capacity];
                case INT64, UINT64 -> l = new long[capacity];
                case INT16, UINT16 -> s = new short[capacity];
                case INT8, UINT8 -> b = new byte[capacity];
                case BOOL -> z = new boolean[capacity];
            }
            if (spec.jagged()) offsets = new int[1024];
        }

        private int slot() {
            if (size == length()) grow();
            return size++;
        }

        private int length() {
            return switch (spec.type()) {
                case FLOAT32 -> f.length; case FLOAT64 -> d.length; case INT32, UINT32 -> i.length;
                case INT64, UINT64 -> l.length; case INT16, UINT16 -> s.length; case INT8, UINT8 -> b.length; case BOOL -> z.length;
            };
        }

        private void grow() {
            int n = Math.max(16, length() * 2);
            if (f != null) f = Arrays.copyOf(f, n);
            if (d != null) d = Arrays.copyOf(d, n);
            if (i != null) i = Arrays.copyOf(i, n);
            if (l != null) l = Arrays.copyOf(l, n);
            if (s != null) s = Arrays.copyOf(s, n);
            if (b != null) b = Arrays.copyOf(b, n);
            if (z != null) z = Arrays.copyOf(z, n);
        }

        void add(float v) { int k = slot(); if (f != null) f[k] = v; else d[k] = v; }
        void add(double v) { int k = slot(); if (d != null) d[k] = v; else f[k] = (float) v; }
        void add(int v) {
            int k = slot();
            if (i != null) i[k] = v; else if (s != null) s[k] = (short) v; else if (b != null) b[k] = (byte) v; else l[k] = v;
        }
        void add(long v) { int k = slot(); if (l != null) l[k] = v; else i[k] = (int) v; }
        void add(boolean v) { z[slot()] = v; }

        /** Closes an entry of a jagged column. */
        void endEntry() {
            if (entries + 2 > offsets.length) offsets = Arrays.copyOf(offsets, offsets.length * 2);
            offsets[++entries] = size;
        }

        ColumnArray toArray(int n) {
            Object data = f != null ? Arrays.copyOf(f, size) : d != null ? Arrays.copyOf(d, size) : i != null ? Arrays.copyOf(i, size)
                    : l != null ? Arrays.copyOf(l, size) : s != null ? Arrays.copyOf(s, size) : b != null ? Arrays.copyOf(b, size) : Arrays.copyOf(z, size);
            return new ColumnArray(spec.type(), data, spec.jagged() ? Arrays.copyOf(offsets, n + 1) : null, n);
        }
    }

    private final Map<String, Col> cols = new LinkedHashMap<>();
    private final TreeSchema schema;

    EventColumns(TreeSchema schema, int capacity) {
        this.schema = schema;
        for (BranchSpec b : schema.branches()) if (!schema.isCounter(b.name())) cols.put(b.name(), new Col(b, capacity));
    }

    /** The column of a branch, or null when the schema lacks it (e.g. MC-only branches in data). */
    Col get(String name) { return cols.get(name); }

    /** The columns of {@code n} events; counters are left to the writer, which derives them. */
    Map<String, ColumnArray> toArrays(int n) {
        Map<String, ColumnArray> out = new LinkedHashMap<>();
        for (Map.Entry<String, Col> e : cols.entrySet()) out.put(e.getKey(), e.getValue().toArray(n));
        return out;
    }

    TreeSchema schema() { return schema; }

    static LeafType typeOf(TreeSchema s, String name) { return s.branch(name).type(); }
}
