package pocket.rootio.model;

import pocket.rootio.io.RBuffer;

/**
 * A TKey header as ROOT writes it in front of every record: sizes, cycle, position, class and
 * name. {@code fVersion > 1000} means 64-bit seek fields.
 */
public record TKey(int fNbytes, int fVersion, int fObjlen, long fDatime, int fKeylen, int fCycle,
                   long fSeekKey, long fSeekPdir, String fClassName, String fName, String fTitle) {

    public static TKey read(RBuffer b) {
        int nbytes = b.i32();
        int version = b.i16();
        int objlen = b.i32();
        long datime = b.u32();
        int keylen = b.i16();
        int cycle = b.i16();
        boolean big = version > 1000;
        long seekKey = big ? b.i64() : b.i32();
        long seekPdir = big ? b.i64() : b.i32();
        String cls = b.tstring(), name = b.tstring(), title = b.tstring();
        return new TKey(nbytes, version, objlen, datime, keylen, cycle, seekKey, seekPdir, cls, name, title);
    }

    /** Bytes of the record after the header (compressed or not). */
    public int dataBytes() { return fNbytes - fKeylen; }

    public boolean compressed() { return fObjlen != dataBytes(); }
}
