package pocket.rootio.io;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A cursor over big-endian bytes of one ROOT record, with the object/class reference table
 * that ROOT's TBufferFile keeps while streaming pointers.
 *
 * <p>Positions in the reference table are "displacements": the offset in the record plus
 * {@code origin}, which for a key's object is the key length (ROOT counts from the key start).
 */
public final class RBuffer {
    private final byte[] data;
    private final int start;
    private final int end;
    private int pos;
    private final int origin;
    /** Where the record lies in the file (or -1 when it was decompressed), for error messages. */
    private final long fileOffset;
    private final String where;
    private Map<Integer, Object> refs;

    /**
     * @param origin displacement of {@code data[start]} as ROOT counts it (the key length for a key's object)
     * @param where  "file, object" text for error messages
     */
    public RBuffer(byte[] data, int start, int end, int origin, long fileOffset, String where) {
        this.data = data; this.start = start; this.end = end; this.pos = start;
        this.origin = origin; this.fileOffset = fileOffset; this.where = where;
    }

    public RBuffer(byte[] data, long fileOffset, String where) {
        this(data, 0, data.length, 0, fileOffset, where);
    }

    public byte[] array() { return data; }
    public int pos() { return pos; }
    public void seek(int p) { pos = p; }
    public void skip(int n) { need(n); pos += n; }
    public int remaining() { return end - pos; }
    public int end() { return end; }
    public String where() { return where; }

    /** The displacement of the cursor as ROOT counts it (for byte counts and references). */
    public int displacement() { return pos - start + origin; }
    public void seekDisplacement(int d) { pos = d - origin + start; }

    /** The byte offset in the file of the cursor, or a record-relative description. */
    public String offsetText() {
        return fileOffset >= 0 ? "byte " + (fileOffset + pos - start)
                : "byte " + (pos - start) + " of the uncompressed record";
    }

    public void need(int n) {
        if (n < 0 || pos + n > end)
            throw new BufferException(where + ": record ends " + (end - pos) + " bytes after " + offsetText()
                    + ", but " + n + " bytes were expected there");
    }

    public byte i8() { need(1); return data[pos++]; }
    public int u8() { need(1); return data[pos++] & 0xff; }
    public boolean bool() { return i8() != 0; }

    public short i16() { need(2); short v = (short) (((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff)); pos += 2; return v; }

    public int i32() {
        need(4);
        int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16) | ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
        pos += 4;
        return v;
    }

    public long u32() { return i32() & 0xffffffffL; }

    public long i64() { long hi = i32() & 0xffffffffL; long lo = i32() & 0xffffffffL; return (hi << 32) | lo; }
    public float f32() { return Float.intBitsToFloat(i32()); }
    public double f64() { return Double.longBitsToDouble(i64()); }

    /** A ROOT TString: one length byte, or 255 then a 4-byte length. */
    public String tstring() {
        int n = u8();
        if (n == 255) n = i32();
        need(n);
        String s = new String(data, pos, n, StandardCharsets.ISO_8859_1);
        pos += n;
        return s;
    }

    /** A NUL-terminated C string (class names after a new-class tag). */
    public String cstring() {
        int p = pos;
        while (p < end && data[p] != 0) p++;
        if (p >= end) throw new BufferException(where + " at " + offsetText() + ": class name is not NUL-terminated");
        String s = new String(data, pos, p - pos, StandardCharsets.ISO_8859_1);
        pos = p + 1;
        return s;
    }

    public int[] i32s(int n) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = i32(); return a; }
    public long[] i64s(int n) { long[] a = new long[n]; for (int i = 0; i < n; i++) a[i] = i64(); return a; }

    public Map<Integer, Object> refs() {
        if (refs == null) refs = new HashMap<>();
        return refs;
    }

    /** Thrown when a record is shorter than its layout says; callers turn it into a RootIOException. */
    public static final class BufferException extends RuntimeException {
        public BufferException(String message) { super(message); }
    }
}
