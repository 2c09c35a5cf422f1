package pocket.rootio.write;

/**
 * A TKey header as ROOT streams it: fNbytes, fVersion (4, or 1004 with 64-bit seeks), fObjlen,
 * fDatime, fKeylen, fCycle, fSeekKey, fSeekPdir, then class name, name and title as TStrings.
 */
record KeyHeader(int nbytes, boolean large, int objlen, int datime, int cycle, long seekKey, long seekPdir,
                 String className, String name, String title) {

    /** Bytes of the header for these names, in the small or large format. */
    static int length(boolean large, String className, String name, String title) {
        return 18 + (large ? 16 : 8) + OutBuffer.tstringSize(className) + OutBuffer.tstringSize(name) + OutBuffer.tstringSize(title);
    }

    int keylen() { return length(large, className, name, title); }

    void write(OutBuffer out) { write(out, keylen()); }

    /** Writes the header with an explicit fKeylen (a basket's counts its TBasket fields too). */
    void write(OutBuffer out, int keylen) {
        out.i32(nbytes).i16(large ? 1004 : 4).i32(objlen).i32(datime).i16(keylen).i16(cycle);
        if (large) out.i64(seekKey).i64(seekPdir);
        else out.i32((int) seekKey).i32((int) seekPdir);
        out.tstring(className).tstring(name).tstring(title);
    }
}
