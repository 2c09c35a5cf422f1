package pocket.rootio.model;

/**
 * A TBasket header (the TKey fields plus fBufferSize, fNevBufSize, fNevBuf, fLast), and for a
 * basket stored inside its TTree record its uncompressed payload and raw entry offsets.
 */
public final class TBasket {
    public final TKey key;
    public final int fBufferSize;
    public final int fNevBufSize;
    public final int fNevBuf;
    public final int fLast;
    public final int flag;
    /** Raw fEntryOffset (relative to the key start) of an embedded basket, or null. */
    public final int[] fEntryOffset;
    /** Payload of an embedded basket ({@code fLast - fKeylen} bytes, key copy removed), or null. */
    public final byte[] data;

    public TBasket(TKey key, int fBufferSize, int fNevBufSize, int fNevBuf, int fLast, int flag,
                   int[] fEntryOffset, byte[] data) {
        this.key = key; this.fBufferSize = fBufferSize; this.fNevBufSize = fNevBufSize; this.fNevBuf = fNevBuf;
        this.fLast = fLast; this.flag = flag; this.fEntryOffset = fEntryOffset; this.data = data;
    }

    /** Bytes of values before the entry-offset table. */
    public int border() { return fLast - key.fKeylen(); }
}
