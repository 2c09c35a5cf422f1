package pocket.rootio.rntuple;

import java.nio.charset.StandardCharsets;
import pocket.rootio.CorruptDataException;

/** A little-endian cursor over one decoded RNTuple envelope, with RNTuple's frames and strings. */
final class LeBuffer {
    private final byte[] data;
    private int pos;
    private final int end;
    private final String where;

    LeBuffer(byte[] data, int start, int end, String where) {
        this.data = data; this.pos = start; this.end = end; this.where = where;
    }

    int pos() { return pos; }
    void seek(int p) throws CorruptDataException {
        if (p < 0 || p > end) throw new CorruptDataException(where + ": frame points to byte " + p + " of a " + end + "-byte envelope");
        pos = p;
    }

    private void need(int n) throws CorruptDataException {
        if (n < 0 || pos + n > end)
            throw new CorruptDataException(where + ": envelope ends at byte " + end + " but " + n + " more bytes were expected at byte " + pos);
    }

    int u16() throws CorruptDataException { need(2); int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8; pos += 2; return v; }

    int i32() throws CorruptDataException { need(4); int v = get32(data, pos); pos += 4; return v; }

    long i64() throws CorruptDataException { need(8); long v = get64(data, pos); pos += 8; return v; }

    String string() throws CorruptDataException {
        int n = i32();
        need(n);
        String s = new String(data, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    /** Feature flags: 64-bit words read while the previous one is negative; returns their OR without the continuation bits. */
    long featureFlags() throws CorruptDataException {
        long all = 0, w;
        do { w = i64(); all |= w & Long.MAX_VALUE; } while (w < 0);
        return all;
    }

    /** Opens a record frame; returns where it ends. */
    int record() throws CorruptDataException {
        int at = pos;
        long size = i64();
        if (size < 8 || at + size > end)
            throw new CorruptDataException(where + ": record frame at byte " + at + " has size " + size + " (envelope of " + end + " bytes)");
        return (int) (at + size);
    }

    /** Opens a list frame; returns {end, items}. */
    int[] list() throws CorruptDataException {
        int at = pos;
        long size = -i64();
        if (size < 12 || at + size > end)
            throw new CorruptDataException(where + ": list frame at byte " + at + " has size " + size + " (envelope of " + end + " bytes); expected a list frame");
        int n = i32();
        if (n < 0 || n > size) throw new CorruptDataException(where + ": list frame at byte " + at + " claims " + n + " items in " + size + " bytes");
        return new int[]{(int) (at + size), n};
    }

    String where() { return where; }

    /** The 64-bit word just after the cursor's end: an envelope's checksum. */
    long trailer() { return get64(data, end); }

    static int get32(byte[] b, int p) {
        return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16 | (b[p + 3] & 0xff) << 24;
    }

    static long get64(byte[] b, int p) {
        return (get32(b, p) & 0xffffffffL) | ((long) get32(b, p + 4)) << 32;
    }
}
