package pocket.rootio.rntuple;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Turns one decompressed page into a primitive array: undoes byte splitting, zigzag and delta
 * encodings and unpacks bits. No side effects, any thread. Index columns come out as long[]
 * (cluster-local end offsets), bits as boolean[], others in the Java type of their width.
 */
final class PageDecoder {
    private PageDecoder() {}

    /** Bytes an uncompressed page of {@code n} elements takes. */
    static long pageBytes(ColumnType t, long n) { return t == ColumnType.BIT ? (n + 7) / 8 : n * (t.bits / 8); }

    static Object decode(ColumnType t, byte[] page, int n) {
        if (t == ColumnType.BIT) {
            boolean[] out = new boolean[n];
            for (int i = 0; i < n; i++) out[i] = (page[i >>> 3] >>> (i & 7) & 1) != 0;
            return out;
        }
        int w = t.bits / 8;
        byte[] plain = t.split() && w > 1 ? unsplit(page, n, w) : page;
        ByteBuffer b = ByteBuffer.wrap(plain, 0, n * w).order(ByteOrder.LITTLE_ENDIAN);
        switch (t) {
            case BYTE, CHAR, INT8, UINT8 -> { return java.util.Arrays.copyOf(plain, n); }
            case INT16, UINT16, SPLIT_INT16, SPLIT_UINT16 -> {
                short[] out = new short[n];
                b.asShortBuffer().get(out);
                if (t.zigzag()) for (int i = 0; i < n; i++) { int u = out[i] & 0xffff; out[i] = (short) ((u >>> 1) ^ -(u & 1)); }
                return out;
            }
            case INT32, UINT32, SPLIT_INT32, SPLIT_UINT32 -> {
                int[] out = new int[n];
                b.asIntBuffer().get(out);
                if (t.zigzag()) for (int i = 0; i < n; i++) out[i] = (out[i] >>> 1) ^ -(out[i] & 1);
                return out;
            }
            case INT64, UINT64, SPLIT_INT64, SPLIT_UINT64 -> {
                long[] out = new long[n];
                b.asLongBuffer().get(out);
                if (t.zigzag()) for (int i = 0; i < n; i++) out[i] = (out[i] >>> 1) ^ -(out[i] & 1);
                return out;
            }
            case REAL32, SPLIT_REAL32 -> { float[] out = new float[n]; b.asFloatBuffer().get(out); return out; }
            case REAL64, SPLIT_REAL64 -> { double[] out = new double[n]; b.asDoubleBuffer().get(out); return out; }
            case INDEX32, SPLIT_INDEX32 -> {
                long[] out = new long[n];
                for (int i = 0; i < n; i++) out[i] = b.getInt(4 * i) & 0xffffffffL;
                if (t.delta()) for (int i = 1; i < n; i++) out[i] += out[i - 1];
                return out;
            }
            case INDEX64, SPLIT_INDEX64 -> {
                long[] out = new long[n];
                b.asLongBuffer().get(out);
                if (t.delta()) for (int i = 1; i < n; i++) out[i] += out[i - 1];
                return out;
            }
            default -> throw new IllegalStateException("column type " + t + " has no decoder");
        }
    }

    /** Byte split: all first bytes, then all second bytes, ... back to little-endian elements. */
    private static byte[] unsplit(byte[] in, int n, int w) {
        byte[] out = new byte[n * w];
        for (int k = 0; k < w; k++) {
            int base = k * n;
            for (int i = 0; i < n; i++) out[i * w + k] = in[base + i];
        }
        return out;
    }
}
