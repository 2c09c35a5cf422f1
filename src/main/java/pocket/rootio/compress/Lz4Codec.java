package pocket.rootio.compress;

import java.nio.ByteBuffer;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4SafeDecompressor;
import net.jpountz.xxhash.XXHash64;
import net.jpountz.xxhash.XXHashFactory;

/**
 * ROOT's "L4" blocks: an 8-byte big-endian xxhash64 (seed 0) of the LZ4 block, then the raw LZ4
 * block. The checksum is verified before decoding.
 */
final class Lz4Codec implements Codec {
    /** Bytes of checksum between the 9-byte block header and the LZ4 data. */
    public static final int CHECKSUM_BYTES = 8;
    private static final LZ4SafeDecompressor LZ4 = LZ4Factory.fastestInstance().safeDecompressor();
    private static final XXHash64 XXH64 = XXHashFactory.fastestInstance().hash64();

    @Override public String magic() { return "L4"; }
    @Override public String algorithm() { return "LZ4"; }

    @Override
    public void decode(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstLen) throws BlockException {
        if (srcLen < CHECKSUM_BYTES) throw new BlockException("LZ4 block of " + srcLen + " bytes has no room for its 8-byte checksum");
        long stored = src.order() == java.nio.ByteOrder.BIG_ENDIAN ? src.getLong(srcOff) : Long.reverseBytes(src.getLong(srcOff));
        int off = srcOff + CHECKSUM_BYTES, len = srcLen - CHECKSUM_BYTES;
        long actual = XXH64.hash(src, off, len, 0L);
        if (actual != stored)
            throw new BlockException(String.format("LZ4 checksum mismatch: stored xxhash64 %016x, computed %016x", stored, actual));
        try {
            int n = LZ4.decompress(src, off, len, dst, dstOff, dstLen);
            if (n != dstLen) throw new BlockException("LZ4 block gave " + n + " bytes, expected " + dstLen);
        } catch (LZ4Exception e) {
            throw new BlockException("LZ4 data is corrupt (" + e.getMessage() + ")", e);
        }
    }

    /** The checksum ROOT stores in front of an LZ4 block (also used by the writer and tests). */
    public static long checksum(byte[] block, int off, int len) { return XXH64.hash(block, off, len, 0L); }
}
