package pocket.rootio.rntuple;

import pocket.rootio.CorruptDataException;
import pocket.rootio.FileBytes;
import pocket.rootio.RootIOException;
import pocket.rootio.compress.Blocks;

/** Reads one RNTuple envelope: fetch, decompress, check type, length and XXH3 checksum. */
final class Envelopes {
    static final int HEADER = 1, FOOTER = 2, PAGE_LIST = 3;

    private Envelopes() {}

    /** The decoded envelope (preamble and checksum included) as a cursor positioned after the preamble. */
    static LeBuffer read(FileBytes file, long offset, long stored, long length, int type, String what) throws RootIOException {
        String where = "rootio: " + file.name() + ", RNTuple " + what + " envelope at byte " + offset;
        if (stored <= 0 || length < 16 || stored > Integer.MAX_VALUE || length > Integer.MAX_VALUE)
            throw new CorruptDataException(where + ": sizes " + stored + " stored / " + length + " uncompressed are not valid");
        byte[] raw = file.bytes(offset, (int) stored, "RNTuple " + what + " envelope");
        byte[] env = (int) stored == (int) length ? raw : Blocks.decompress(raw, 0, (int) stored, (int) length, where, offset);
        long pre = LeBuffer.get64(env, 0);
        int t = (int) (pre & 0xffff);
        long len = pre >>> 16;
        if (t != type || len != length)
            throw new CorruptDataException(where + ": envelope preamble says type " + t + ", length " + len + "; expected type " + type
                    + ", length " + length);
        long sum = LeBuffer.get64(env, env.length - 8), computed = Xxh3.hash64(env, 0, env.length - 8);
        if (sum != computed)
            throw new CorruptDataException(where + ": XXH3 checksum " + Long.toHexString(sum) + " does not match the envelope's bytes ("
                    + Long.toHexString(computed) + "); the file is corrupt");
        LeBuffer b = new LeBuffer(env, 0, env.length - 8, where);
        b.i64();
        return b;
    }
}
