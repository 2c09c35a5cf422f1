package pocket.rootio.read;

import java.nio.ByteBuffer;
import pocket.rootio.CorruptDataException;
import pocket.rootio.RootIOException;
import pocket.rootio.compress.Blocks;
import pocket.rootio.model.TBasket;

/**
 * Turns one basket's stored bytes into its uncompressed values and entry offsets: no side
 * effects, safe on any thread.
 */
final class BasketDecoder {
    private BasketDecoder() {}

    /**
     * One basket's header facts, checked against the branch's own record of it. The stored record
     * lies at {@code record[recOff, recOff + ref.bytes())} (null for an embedded basket).
     */
    public record Layout(BasketRef ref, ByteBuffer record, int recOff, int keylen, int objlen, int border, boolean hasTable, String where) {
        /** "rootio: file, branch B of tree T, basket N at byte S", built only when an error needs it. */
        public String at() {
            return where + ", basket " + ref.number() + (ref.embedded() != null ? " (stored in the TTree)" : " at byte " + ref.seek());
        }
    }

    /** Where a basket's values lie: {@code buffer[offset, offset + border)}. */
    public record Data(ByteBuffer buffer, int offset) {}

    /**
     * Reads and checks the basket header at the start of a record (or of an embedded basket).
     *
     * @param record the basket's record as stored ({@code ref.bytes()} bytes at {@code ref.seek()});
     *               ignored for an embedded basket
     * @param where  "rootio: file, branch B of tree T" for errors
     */
    public static Layout layout(BasketRef ref, byte[] record, String where) throws CorruptDataException {
        return layout(ref, record == null ? null : ByteBuffer.wrap(record), 0, where);
    }

    /** As {@link #layout(BasketRef, byte[], String)}, the record lying at {@code record[recOff, recOff + ref.bytes())}. */
    public static Layout layout(BasketRef ref, ByteBuffer record, int recOff, String where) throws CorruptDataException {
        TBasket e = ref.embedded();
        if (e != null) {
            int border = e.border();
            if (e.data == null || e.data.length < border)
                throw new CorruptDataException(where + ", basket " + ref.number() + " (stored in the TTree): holds no payload of " + border + " bytes");
            return new Layout(ref, null, 0, e.key.fKeylen(), border, border, e.fEntryOffset != null, where);
        }
        // TKey (sizes, cycle, seeks, class/name/title) then TBasket's own fields; read in place,
        // without building the three strings, since a chunk has thousands of baskets
        int n = ref.bytes(), b = recOff;
        int nbytes = need(record, b, 0, 18, n, ref, where).getInt(b);
        int version = record.getShort(b + 4);
        int objlen = record.getInt(b + 6);
        int keylen = record.getShort(b + 14) & 0xffff;
        if (nbytes != n || keylen <= 0 || keylen > n || objlen < 0)
            throw new CorruptDataException(at(ref, where) + ": basket key says fNbytes " + nbytes + ", fKeylen " + keylen + ", fObjlen " + objlen
                    + " but the branch's fBasketBytes says " + n + " bytes (not a basket, or a corrupt one)");
        int p = 18 + (version > 1000 ? 16 : 8);
        for (int s = 0; s < 3; s++) { // class name, name, title
            int len = need(record, b, p, 1, keylen, ref, where).get(b + p) & 0xff;
            p += 1;
            if (len == 255) { len = need(record, b, p, 4, keylen, ref, where).getInt(b + p); p += 4; }
            if (len < 0) throw new CorruptDataException(at(ref, where) + ": basket key holds a string of negative length " + len);
            p += len;
        }
        need(record, b, p, 2 + 4 + 4, keylen, ref, where);
        int nevBufSize = record.getInt(b + p + 6);
        p += 10;
        if (nevBufSize < 0) p += 1;
        need(record, b, p, 4 + 4 + 1, keylen, ref, where);
        int nevBuf = record.getInt(b + p);
        int last = record.getInt(b + p + 4);
        if (nevBuf != ref.entries())
            throw new CorruptDataException(at(ref, where) + ": basket holds " + nevBuf + " entries but the branch's fBasketEntry says " + ref.entries());
        int border = last - keylen;
        if (border < 0 || border > objlen)
            throw new CorruptDataException(at(ref, where) + ": basket fLast " + last + " lies outside its " + objlen + " uncompressed bytes");
        return new Layout(ref, record, recOff, keylen, objlen, border, objlen - border >= 4, where);
    }

    private static String at(BasketRef ref, String where) { return where + ", basket " + ref.number() + " at byte " + ref.seek(); }

    /** The record, once sure that {@code len} header bytes at {@code p} lie within the first {@code limit}. */
    private static ByteBuffer need(ByteBuffer record, int base, int p, int len, int limit, BasketRef ref, String where) throws CorruptDataException {
        if (p + len > limit || base + p + len > record.limit())
            throw new CorruptDataException(at(ref, where) + ": basket header needs " + len + " bytes at byte " + p
                    + " of the record, but its key holds " + Math.min(limit, record.limit() - base) + " (truncated or corrupt basket)");
        return record;
    }

    /** Scratch space of one thread: a heap and a direct buffer, grown as needed. */
    public static final class Scratch {
        private ByteBuffer heap = ByteBuffer.allocate(0), direct = ByteBuffer.allocateDirect(0);

        /** At least {@code n} bytes of the same kind as {@code like} (direct for a mapped record), so codecs need no copy. */
        ByteBuffer like(ByteBuffer like, int n) {
            if (like.isDirect()) {
                if (direct.capacity() < n) direct = ByteBuffer.allocateDirect(Math.max(n, direct.capacity() + direct.capacity() / 2));
                return direct;
            }
            if (heap.capacity() < n) heap = ByteBuffer.allocate(Math.max(n, heap.capacity() + heap.capacity() / 2));
            return heap;
        }
    }

    /**
     * The basket's uncompressed bytes: the embedded payload, the stored bytes of an uncompressed
     * record, or {@code scratch}'s buffer (a new one when scratch is null) filled by decompression.
     */
    public static Data payload(Layout l, Scratch scratch) throws RootIOException {
        TBasket e = l.ref.embedded();
        if (e != null) return new Data(ByteBuffer.wrap(e.data), 0);
        int stored = l.ref.bytes() - l.keylen;
        if (stored == l.objlen) return new Data(l.record, l.recOff + l.keylen);
        ByteBuffer dst = scratch != null ? scratch.like(l.record, l.objlen)
                : l.record.isDirect() ? ByteBuffer.allocateDirect(l.objlen) : ByteBuffer.allocate(l.objlen);
        Blocks.decompress(l.record, l.recOff + l.keylen, stored, dst, 0, l.objlen, l.at(), l.ref.seek() + l.keylen);
        return new Data(dst, 0);
    }

    /** Entry start offsets relative to the values, length entries+1 ending at border; null without a table. */
    public static int[] entryOffsets(Layout l, Data d) throws CorruptDataException {
        TBasket e = l.ref.embedded();
        int entries = (int) l.ref.entries();
        if (e != null) return offsets(e.fEntryOffset, entries, l.keylen, l.border, l.at());
        if (!l.hasTable) return null;
        ByteBuffer a = d.buffer();
        int base = d.offset() + l.border;
        int n = a.getInt(base);
        if (n < entries || l.border + 4 + 4L * n > l.objlen)
            throw new CorruptDataException(l.at() + ": entry-offset table at uncompressed byte " + l.border + " claims " + n
                    + " entries; expected " + entries + " within the " + (l.objlen - l.border) + " bytes after the values");
        int[] off = new int[entries + 1];
        a.slice(base + 4, 4 * entries).asIntBuffer().get(off, 0, entries);
        int prev = 0, keylen = l.keylen, border = l.border;
        boolean bad = entries > 0 && off[0] != keylen;
        for (int i = 0; i < entries; i++) {
            int o = off[i] - keylen;
            bad |= o < prev | o > border;
            off[i] = prev = o;
        }
        if (bad) { // find the first bad entry for the message (the loop above stays branch-free)
            a.slice(base + 4, 4 * entries).asIntBuffer().get(off, 0, entries);
            prev = 0;
            for (int i = 0; i < entries; i++) {
                int o = off[i] - keylen;
                if (o < prev || o > border || (i == 0 && o != 0))
                    throw new CorruptDataException(l.at() + ": entry " + (l.ref.entryStart() + i) + " starts at byte " + o
                            + " of the basket's values; expected a value in [" + prev + ", " + border + "]" + (i == 0 ? " starting at 0" : ""));
                prev = o;
            }
        }
        off[entries] = border;
        return off;
    }

    /** One basket decoded into its own arrays (for the slow path that needs counter values). */
    public static BasketBytes decode(BasketRef ref, byte[] record, boolean jagged, String where) throws RootIOException {
        return decode(layout(ref, record, where), jagged);
    }

    /** As {@link #decode(BasketRef, byte[], boolean, String)} for an already checked layout. */
    public static BasketBytes decode(Layout l, boolean jagged) throws RootIOException {
        Data d = payload(l, null);
        byte[] data = new byte[Math.max(l.border, l.objlen)];
        int avail = Math.min(data.length, d.buffer().limit() - d.offset());
        d.buffer().get(d.offset(), data, 0, avail);
        return new BasketBytes(l.ref(), data, l.border, jagged ? entryOffsets(l, d) : null);
    }

    /** Entry start offsets relative to the values (raw ones count from the key start), ending with border. */
    private static int[] offsets(int[] raw, int entries, int keylen, int border, String at) throws CorruptDataException {
        if (raw == null) return null;
        if (raw.length < entries)
            throw new CorruptDataException(at + ": entry-offset table has " + raw.length + " entries, expected " + entries);
        int[] off = new int[entries + 1];
        int prev = 0;
        for (int i = 0; i < entries; i++) {
            int o = raw[i] - keylen;
            if (o < prev || o > border)
                throw new CorruptDataException(at + ": entry " + i + " starts at byte " + o + " of the basket, outside [" + prev + ", " + border + "]");
            off[i] = prev = o;
        }
        off[entries] = border;
        if (entries > 0 && off[0] != 0)
            throw new CorruptDataException(at + ": first entry starts at byte " + off[0] + " of the basket, expected 0");
        return off;
    }

    /**
     * The compression a branch really uses, from the start of its first basket: the block magic's
     * algorithm with the level of the branch's (or else the file's) setting when they agree; the
     * branch's setting when that basket is stored uncompressed.
     */
    static String compressionOf(byte[] head, int recordBytes, String branchSetting, String fileSetting) {
        if (head.length < 18) return branchSetting;
        int keylen = ((head[14] & 0xff) << 8) | (head[15] & 0xff);
        int objlen = readInt(head, 6);
        // ROOT stores a basket uncompressed when compressing does not pay; the setting still holds
        if (recordBytes - keylen == objlen) return branchSetting;
        if (keylen + 2 > head.length) return branchSetting;
        pocket.rootio.compress.Codec c = Blocks.codec(head[keylen], head[keylen + 1]);
        if (c == null) return branchSetting;
        for (String s : new String[]{branchSetting, fileSetting})
            if (s.startsWith(c.algorithm() + ":")) return s;
        return c.algorithm();
    }

    static int readInt(byte[] d, int p) {
        return ((d[p] & 0xff) << 24) | ((d[p + 1] & 0xff) << 16) | ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
    }
}
