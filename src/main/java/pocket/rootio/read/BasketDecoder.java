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

    /**
     * @param record the basket's record as stored ({@code ref.bytes()} bytes at {@code ref.seek()});
     *               ignored for an embedded basket
     * @param jagged whether to read the entry-offset table
     * @param where  "rootio: file, branch B of tree T" for errors
     */
    public static BasketBytes decode(BasketRef ref, byte[] record, boolean jagged, String where) throws RootIOException {
        String at = where + ", basket " + ref.number();
        TBasket e = ref.embedded();
        if (e != null) {
            int border = e.border();
            return new BasketBytes(ref, e.data, border, !jagged ? null : offsets(e.fEntryOffset, e.fNevBuf, e.key.fKeylen(), border, at + " (stored in the TTree)"));
        }
        at += " at byte " + ref.seek();
        TBasket h;
        try {
            h = Streamers.basketHeader(new RBuffer(record, ref.seek(), at));
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
        byte[] data = Blocks.decompress(record, keylen, ref.bytes() - keylen, objlen, at, ref.seek() + keylen);
        int[] raw = null;
        if (jagged && objlen - border >= 4) {
            int n = readInt(data, border);
            if (n < 0 || border + 4 + 4L * n > objlen)
                throw new CorruptDataException(at + ": entry-offset table at uncompressed byte " + border + " claims " + n
                        + " entries, more than the " + (objlen - border) + " bytes after the values");
            raw = new int[n];
            for (int i = 0; i < n; i++) raw[i] = readInt(data, border + 4 + 4 * i);
        }
        return new BasketBytes(ref, data, border, offsets(raw, h.fNevBuf, keylen, border, at));
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

    static int readInt(byte[] d, int p) {
        return ((d[p] & 0xff) << 24) | ((d[p + 1] & 0xff) << 16) | ((d[p + 2] & 0xff) << 8) | (d[p + 3] & 0xff);
    }
}
