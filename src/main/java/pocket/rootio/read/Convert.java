package pocket.rootio.read;

import java.nio.ByteBuffer;
import pocket.rootio.LeafType;

/** Bulk big-endian bytes → primitive arrays (the JDK's buffer views swap bytes in vector loops). */
final class Convert {
    private Convert() {}

    static Object allocate(LeafType t, int n) {
        return switch (t) {
            case BOOL -> new boolean[n];
            case INT8, UINT8 -> new byte[n];
            case INT16, UINT16 -> new short[n];
            case INT32, UINT32 -> new int[n];
            case INT64, UINT64 -> new long[n];
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
        };
    }

    /** Copies {@code n} big-endian values starting at {@code src[off]} (absolute) into {@code out[outPos..]}. */
    static void into(LeafType t, ByteBuffer src, int off, int n, Object out, int outPos) {
        if (n == 0) return;
        switch (t) {
            case BOOL -> { boolean[] o = (boolean[]) out; for (int i = 0; i < n; i++) o[outPos + i] = src.get(off + i) != 0; }
            case INT8, UINT8 -> src.get(off, (byte[]) out, outPos, n);
            case INT16, UINT16 -> src.slice(off, n * 2).asShortBuffer().get((short[]) out, outPos, n);
            case INT32, UINT32 -> src.slice(off, n * 4).asIntBuffer().get((int[]) out, outPos, n);
            case INT64, UINT64 -> src.slice(off, n * 8).asLongBuffer().get((long[]) out, outPos, n);
            case FLOAT32 -> src.slice(off, n * 4).asFloatBuffer().get((float[]) out, outPos, n);
            case FLOAT64 -> src.slice(off, n * 8).asDoubleBuffer().get((double[]) out, outPos, n);
        }
    }
}
