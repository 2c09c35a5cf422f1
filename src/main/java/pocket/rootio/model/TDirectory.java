package pocket.rootio.model;

import pocket.rootio.io.RBuffer;

/** The part of a TDirectory record pocket needs: where its key list lies. */
public record TDirectory(int fVersion, int fNbytesKeys, int fNbytesName, long fSeekDir, long fSeekParent, long fSeekKeys) {

    public static TDirectory read(RBuffer b) {
        int version = b.i16();
        b.u32(); // fDatimeC
        b.u32(); // fDatimeM
        int nbytesKeys = b.i32();
        int nbytesName = b.i32();
        boolean big = version > 1000;
        long seekDir = big ? b.i64() : b.i32();
        long seekParent = big ? b.i64() : b.i32();
        long seekKeys = big ? b.i64() : b.i32();
        return new TDirectory(version, nbytesKeys, nbytesName, seekDir, seekParent, seekKeys);
    }
}
