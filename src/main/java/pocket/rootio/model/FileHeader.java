package pocket.rootio.model;

import pocket.rootio.io.RBuffer;

/**
 * The TFile header at byte 0: "root", the format version (≥ 1000000 means 64-bit seek
 * fields), where the first record and the end are, and the streamer-info record.
 */
public record FileHeader(int fVersion, int fBEGIN, long fEND, long fSeekFree, int fNbytesFree, int nfree,
                         int fNbytesName, int fUnits, int fCompress, long fSeekInfo, int fNbytesInfo) {

    public static final int LARGE = 1000000;

    public static FileHeader read(RBuffer b) {
        b.skip(4); // "root", checked by the caller
        int version = b.i32();
        int begin = b.i32();
        boolean big = version >= LARGE;
        long end = big ? b.i64() : b.i32();
        long seekFree = big ? b.i64() : b.i32();
        int nbytesFree = b.i32();
        int nfree = b.i32();
        int nbytesName = b.i32();
        int units = b.u8();
        int compress = b.i32();
        long seekInfo = big ? b.i64() : b.i32();
        int nbytesInfo = b.i32();
        return new FileHeader(version, begin, end, seekFree, nbytesFree, nfree, nbytesName, units, compress, seekInfo, nbytesInfo);
    }

    public boolean large() { return fVersion >= LARGE; }

    /** ROOT version that wrote the file, e.g. 62406 for 6.24/06. */
    public int rootVersion() { return fVersion % LARGE; }
}
