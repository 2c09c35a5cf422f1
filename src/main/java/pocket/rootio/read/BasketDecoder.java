package pocket.rootio.read;

import pocket.rootio.CorruptDataException;
import pocket.rootio.RootIOException;
import pocket.rootio.compress.Blocks;
import pocket.rootio.io.RBuffer;
import pocket.rootio.model.Streamers;
import pocket.rootio.model.TBasket;

/**
 * Turns one basket's stored bytes into its uncompressed values and entry offsets: no side
 * effects, safe on any thread.
 */
public final class BasketDecoder {
    private BasketDecoder() {}

    /** One basket's header facts, checked against the branch's own record of it. */
    public record Layout(BasketRef ref, byte[] record, int recOff, int keylen, int objlen, int border, boolean hasTable, String at) {}

    /** Where a basket's values lie: {@code array[offset, offset + border)}. */
    public record Data(byte[] array, int offset) {}

    /**
     * Reads and checks the basket header at the start of a record (or of an embedded basket).
     *
     * @param record the basket's record as stored ({@code ref.bytes()} bytes at {@code ref.seek()});
     *               ignored for an embedded basket
     * @param where  "rootio: file, branch B of tree T" for errors
     */
    public static Layout layout(BasketRef ref, byte[] record, String where) throws CorruptDataException {
        return layout(ref, record, 0, where);
    }

    /** As {@link #layout(BasketRef, byte[], String)}, the record lying at {@code record[recOff, recOff + ref.bytes())}. */
    public static Layout layout(BasketRef ref, byte[] record, int recOff, String where) throws CorruptDataException {
        String at = where + ", basket " + ref.number();
        TBasket e = ref.embedded();
        if (e != null) {
            int border = e.border();
            if (e.data == null || e.data.length < border)
                throw new CorruptDataException(at + " (stored in the TTree): holds no payload of " + border + " bytes");
            return new Layout(ref, null, 0, e.key.fKeylen(), border, border, e.fEntryOffset != null, at + " (stored in the TTree)");
        }
        at += " at byte " + ref.seek();
        TBasket h;
        try {
            h = Streamers.basketHeader(recOff == 0 ? new RBuffer(record, ref.seek(), at)
                    : new RBuffer(record, recOff, recOff + ref.bytes(), 0, ref.seek(), at));
        } catch (RBuffer.BufferException ex) {
            throw new CorruptDataException(ex.getMessage(), ex);
        }
        int keylen = h.key.fKeylen(), objlen = h.key.fObjlen();
        if (h.key.fNbytes() != ref.bytes() || keylen <= 0 || keylen > ref.bytes() || objlen < 0)
            throw new CorruptDataException(at + ": basket key says fNbytes " + h.key.fNbytes() + ", fKeylen " + keylen + ", fObjlen " + objlen
                    + " but the branch's fBasketBytes says " + ref.bytes() + " bytes (not a basket, or a corrupt one)");
        if (h.fNevBuf != ref.entries())
            throw new CorruptDataException(at + ": basket holds " + h.fNevBuf + " entries but the branch's fBasketEntry says " + ref.entries());
        int border = h.fLast - keylen;
        if (border < 0 || border > objlen)
            throw new CorruptDataException(at + ": basket fLast " + h.fLast + " lies outside its " + objlen + " uncompressed bytes");
        return new Layout(ref, record, recOff, keylen, objlen, border, objlen - border >= 4, at);
    }

    /**
     * The basket's uncompressed bytes: the embedded payload, the stored bytes of an uncompressed
     * record, or {@code scratch} (or a new array when scratch is null or too small) filled by decompression.
     */
    public static Data payload(Layout l, byte[] scratch) throws RootIOException {
        TBasket e = l.ref.embedded();
        if (e != null) return new Data(e.data, 0);
        int stored = l.ref.bytes() - l.keylen;
        if (stored == l.objlen) return new Data(l.record, l.recOff + l.keylen);
        byte[] dst = scratch != null && scratch.length >= l.objlen ? scratch : new byte[l.objlen];
        Blocks.decompress(l.record, l.recOff + l.keylen, stored, dst, 0, l.objlen, l.at, l.ref.seek() + l.keylen);
        return new Data(dst, 0);
    }

    /** Entry start offsets relative to the values, length entries+1 ending at border; null without a table. */
    public static int[] entryOffsets(Layout l, Data d) throws CorruptDataException {
        TBasket e = l.ref.embedded();
        int entries = (int) l.ref.entries();
        if (e != null) return offsets(e.fEntryOffset, entries, l.keylen, l.border, l.at);
        if (!l.hasTable) return null;
        byte[] a = d.array();
        int base = d.offset() + l.border;
        int n = readInt(a, base);
        if (n < entries || l.border + 4 + 4L * n > l.objlen)
            throw new CorruptDataException(l.at + ": entry-offset table at uncompressed byte " + l.border + " claims " + n
                    + " entries; expected " + entries + " within the " + (l.objlen - l.border) + " bytes after the values");
        int[] off = new int[entries + 1];
        int prev = 0;
        for (int i = 0; i < entries; i++) {
            int o = readInt(a, base + 4 + 4 * i) - l.keylen;
            if (o < prev || o > l.border || (i == 0 && o != 0))
                throw new CorruptDataException(l.at + ": entry " + (l.ref.entryStart() + i) + " starts at byte " + o
                        + " of the basket's values; expected a value in [" + prev + ", " + l.border + "]" + (i == 0 ? " starting at 0" : ""));
            off[i] = prev = o;
        }
        off[entries] = l.border;
        return off;
    }

    /** One basket decoded into its own arrays (for the slow path that needs counter values). */
    public static BasketBytes decode(BasketRef ref, byte[] record, boolean jagged, String where) throws RootIOException {
        return decode(layout(ref, record, where), jagged);
    }

    /** As {@link #decode(BasketRef, byte[], boolean, String)} for an already checked layout. */
    public static BasketBytes decode(Layout l, boolean jagged) throws RootIOException {
        BasketRef ref = l.ref();
        Data d = payload(l, null);
        byte[] data = d.array();
        if (d.offset() != 0 || data.length < l.border) data = java.util.Arrays.copyOfRange(data, d.offset(), d.offset() + Math.max(l.border, l.objlen));
        return new BasketBytes(ref, data, l.border, jagged ? entryOffsets(l, d) : null);
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
