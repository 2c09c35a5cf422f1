package pocket.rootio.write;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * A growable big-endian byte buffer that writes ROOT's streamed forms: primitives, TStrings,
 * byte counts with class versions, and object pointers with ROOT's class tags and back references.
 *
 * <p>Back references are offsets from the start of the key that will hold these bytes, so the
 * buffer is told the key length ({@code refBase}) before anything referable is written.
 */
final class OutBuffer {
    static final int BYTE_COUNT_MASK = 0x40000000;
    static final int CLASS_MASK = 0x80000000;
    static final int NEW_CLASS_TAG = 0xffffffff;
    /** ROOT adds this to offsets so that an offset is never the null tag 0. */
    static final int MAP_OFFSET = 2;

    private byte[] buf;
    private int pos;
    private final int refBase;
    private final Map<String, Integer> classTags = new HashMap<>();
    private final Map<Object, Integer> objectTags = new IdentityHashMap<>();

    OutBuffer(int capacity) { this(capacity, 0); }

    OutBuffer(int capacity, int refBase) {
        this.buf = new byte[Math.max(16, capacity)];
        this.refBase = refBase;
    }

    int length() { return pos; }
    byte[] array() { return buf; }
    byte[] toByteArray() { return Arrays.copyOf(buf, pos); }
    void reset() { pos = 0; }

    private void ensure(int n) {
        if (pos + n > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) pos + n);
            if (want > Integer.MAX_VALUE - 16) want = Integer.MAX_VALUE - 16;
            if (want < pos + (long) n) throw new IllegalStateException("rootio: buffer over 2 GiB");
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    OutBuffer i8(int v) { ensure(1); buf[pos++] = (byte) v; return this; }
    OutBuffer bool(boolean v) { return i8(v ? 1 : 0); }

    OutBuffer i16(int v) {
        ensure(2);
        buf[pos] = (byte) (v >>> 8); buf[pos + 1] = (byte) v;
        pos += 2; return this;
    }

    OutBuffer i32(int v) {
        ensure(4);
        putInt(buf, pos, v);
        pos += 4; return this;
    }

    OutBuffer i64(long v) {
        ensure(8);
        putLong(buf, pos, v);
        pos += 8; return this;
    }

    OutBuffer f32(float v) { return i32(Float.floatToRawIntBits(v)); }
    OutBuffer f64(double v) { return i64(Double.doubleToRawLongBits(v)); }

    OutBuffer bytes(byte[] b) { return bytes(b, 0, b.length); }

    OutBuffer bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, pos, len);
        pos += len; return this;
    }

    OutBuffer zeros(int n) { ensure(n); Arrays.fill(buf, pos, pos + n, (byte) 0); pos += n; return this; }

    /** A TString: one length byte, or 255 and a 4-byte length for 255 bytes and more. */
    OutBuffer tstring(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length < 255) i8(b.length);
        else { i8(255); i32(b.length); }
        return bytes(b);
    }

    static int tstringSize(String s) {
        int n = s.getBytes(StandardCharsets.UTF_8).length;
        return n + (n < 255 ? 1 : 5);
    }

    /** Opens a versioned block: reserves its byte count and writes the class version; returns the mark. */
    int beginVersion(int version) {
        int mark = pos;
        i32(0);
        i16(version);
        return mark;
    }

    /** Closes a block opened by {@link #beginVersion} or {@link #beginObject}: fills in its byte count. */
    void endVersion(int mark) {
        putInt(buf, mark, (pos - mark - 4) | BYTE_COUNT_MASK);
    }

    /** TObject as ROOT streams it: version 1, fUniqueID, fBits (no byte count). */
    OutBuffer tobject(int bits) { return i16(1).i32(0).i32(bits); }

    /** TNamed v1 with a TObject of these bits. */
    OutBuffer tnamed(String name, String title, int bits) {
        int m = beginVersion(1);
        tobject(bits).tstring(name).tstring(title);
        endVersion(m);
        return this;
    }

    /** A null object pointer. */
    OutBuffer nullPointer() { return i32(0); }

    /**
     * Starts an object pointer to {@code identity}: writes a back reference and returns -1 when the
     * object was already written, else opens its byte count and class tag and returns the mark
     * that {@link #endVersion} closes after the caller has streamed the object.
     */
    int beginObject(Object identity, String className) {
        Integer seen = objectTags.get(identity);
        if (seen != null) { i32(seen); return -1; }
        int mark = pos;
        i32(0);
        objectTags.put(identity, refBase + mark + MAP_OFFSET);
        Integer tag = classTags.get(className);
        if (tag != null) i32(tag | CLASS_MASK);
        else {
            classTags.put(className, refBase + pos + MAP_OFFSET);
            i32(NEW_CLASS_TAG);
            bytes(className.getBytes(StandardCharsets.US_ASCII));
            i8(0);
        }
        return mark;
    }

    /** Values {@code a[from, to)} of a primitive array (boolean[], byte[], short[], int[], long[], float[], double[]), big-endian. */
    OutBuffer values(Object a, int from, int to) {
        int n = to - from;
        if (n <= 0) return this;
        if (a instanceof float[] f) {
            ensure(4 * n); view(4 * n).asFloatBuffer().put(f, from, n); pos += 4 * n;
        } else if (a instanceof double[] d) {
            ensure(8 * n); view(8 * n).asDoubleBuffer().put(d, from, n); pos += 8 * n;
        } else if (a instanceof int[] i) {
            ensure(4 * n); view(4 * n).asIntBuffer().put(i, from, n); pos += 4 * n;
        } else if (a instanceof long[] l) {
            ensure(8 * n); view(8 * n).asLongBuffer().put(l, from, n); pos += 8 * n;
        } else if (a instanceof short[] s) {
            ensure(2 * n); view(2 * n).asShortBuffer().put(s, from, n); pos += 2 * n;
        } else if (a instanceof byte[] b) {
            bytes(b, from, n);
        } else if (a instanceof boolean[] z) {
            ensure(n);
            for (int k = 0; k < n; k++) buf[pos + k] = (byte) (z[from + k] ? 1 : 0);
            pos += n;
        } else {
            throw new IllegalArgumentException("rootio: not a primitive array: " + (a == null ? "null" : a.getClass().getSimpleName()));
        }
        return this;
    }

    private java.nio.ByteBuffer view(int n) {
        return java.nio.ByteBuffer.wrap(buf, pos, n).slice().order(java.nio.ByteOrder.BIG_ENDIAN);
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24); b[at + 1] = (byte) (v >>> 16); b[at + 2] = (byte) (v >>> 8); b[at + 3] = (byte) v;
    }

    static void putLong(byte[] b, int at, long v) {
        putInt(b, at, (int) (v >>> 32));
        putInt(b, at + 4, (int) v);
    }
}
