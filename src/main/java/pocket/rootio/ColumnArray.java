package pocket.rootio;

/**
 * The values of one branch over an entry range: a primitive array, plus offsets when the
 * branch is jagged (entry i holds {@code data[offsets[i] .. offsets[i+1])}).
 *
 * <p>{@code data} is exactly one of boolean[], byte[], short[], int[], long[], float[],
 * double[], matching {@link #type} (unsigned types use the signed array of the same width).
 */
public final class ColumnArray {
    public final LeafType type;
    public final Object data;
    /** null for a flat branch; otherwise length entries+1, offsets[0] == 0. */
    public final int[] offsets;
    public final long entries;

    public ColumnArray(LeafType type, Object data, int[] offsets, long entries) {
        this.type = type; this.data = data; this.offsets = offsets; this.entries = entries;
    }

    public boolean jagged() { return offsets != null; }

    /** Number of values in {@code data}. */
    public int size() { return java.lang.reflect.Array.getLength(data); }

    public float[] floats() { return (float[]) data; }
    public double[] doubles() { return (double[]) data; }
    public int[] ints() { return (int[]) data; }
    public long[] longs() { return (long[]) data; }
    public short[] shorts() { return (short[]) data; }
    public byte[] bytes() { return (byte[]) data; }
    public boolean[] bools() { return (boolean[]) data; }

    /** Values widened to double (unsigned types read as unsigned); allocates, so not for hot loops. */
    public double[] toDoubles() {
        int n = size();
        double[] out = new double[n];
        switch (type) {
            case BOOL -> { boolean[] a = bools(); for (int i = 0; i < n; i++) out[i] = a[i] ? 1 : 0; }
            case INT8 -> { byte[] a = bytes(); for (int i = 0; i < n; i++) out[i] = a[i]; }
            case UINT8 -> { byte[] a = bytes(); for (int i = 0; i < n; i++) out[i] = a[i] & 0xff; }
            case INT16 -> { short[] a = shorts(); for (int i = 0; i < n; i++) out[i] = a[i]; }
            case UINT16 -> { short[] a = shorts(); for (int i = 0; i < n; i++) out[i] = a[i] & 0xffff; }
            case INT32 -> { int[] a = ints(); for (int i = 0; i < n; i++) out[i] = a[i]; }
            case UINT32 -> { int[] a = ints(); for (int i = 0; i < n; i++) out[i] = a[i] & 0xffffffffL; }
            case INT64 -> { long[] a = longs(); for (int i = 0; i < n; i++) out[i] = a[i]; }
            case UINT64 -> { long[] a = longs(); for (int i = 0; i < n; i++) out[i] = unsignedToDouble(a[i]); }
            case FLOAT32 -> { float[] a = floats(); for (int i = 0; i < n; i++) out[i] = a[i]; }
            case FLOAT64 -> System.arraycopy(doubles(), 0, out, 0, n);
        }
        return out;
    }

    private static double unsignedToDouble(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
