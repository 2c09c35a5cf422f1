package pocket.rootio.rntuple;

import pocket.rootio.CorruptDataException;
import pocket.rootio.RootIOException;
import pocket.rootio.UnsupportedFormatException;

/** The ROOT::RNTuple key object: format version and where the header and footer envelopes lie (big-endian, as a TFile key). */
record Anchor(int epoch, int major, int minor, int patch, long seekHeader, long nbytesHeader, long lenHeader,
              long seekFooter, long nbytesFooter, long lenFooter, long maxKeySize) {
    private static final int FIELDS = 64;

    /** Parses the key's object (byte count and class version first, then the fields and their XXH3 checksum). */
    static Anchor read(byte[] obj, String where) throws RootIOException {
        if (obj.length < 6 + FIELDS)
            throw new CorruptDataException(where + ": RNTuple anchor has " + obj.length + " bytes; expected at least " + (6 + FIELDS));
        int p = 6;
        Anchor a = new Anchor(be16(obj, p), be16(obj, p + 2), be16(obj, p + 4), be16(obj, p + 6), be64(obj, p + 8), be64(obj, p + 16),
                be64(obj, p + 24), be64(obj, p + 32), be64(obj, p + 40), be64(obj, p + 48), be64(obj, p + 56));
        if (a.epoch != 1)
            throw new UnsupportedFormatException(where + ": RNTuple format " + a.version() + "; pocket reads epoch 1 (ROOT 6.34 and later)");
        if (obj.length >= 6 + FIELDS + 8) {
            long stored = be64(obj, p + FIELDS), computed = Xxh3.hash64(obj, p, FIELDS);
            if (stored != computed)
                throw new CorruptDataException(where + ": RNTuple anchor checksum " + Long.toHexString(stored) + " does not match its contents ("
                        + Long.toHexString(computed) + ")");
        }
        return a;
    }

    String version() { return epoch + "." + major + "." + minor + "." + patch; }

    private static int be16(byte[] b, int p) { return (b[p] & 0xff) << 8 | (b[p + 1] & 0xff); }

    private static long be64(byte[] b, int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (b[p + i] & 0xff);
        return v;
    }
}
