package pocket.rootio.write;

import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.Deflater;

/**
 * Compresses a payload as ROOT does: blocks of at most 0xffffff input bytes, each with a 9-byte
 * header (two magic letters, a method byte, 3-byte little-endian compressed and uncompressed
 * sizes); LZ4 blocks carry an 8-byte big-endian xxhash64 of the LZ4 data in front of it.
 * When compression does not shrink the payload, ROOT stores it as is; so does this class.
 */
final class BlockCompressor {
    /** ROOT's largest block: its sizes must fit the header's three bytes. */
    static final int MAX_BLOCK = 0xffffff;
    static final int HEADER = 9;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private BlockCompressor() {}

    /**
     * The bytes to store for {@code payload[0, len)}: the compressed blocks, or the payload itself
     * (a copy of that range) when compression is off or would not make it smaller.
     */
    static byte[] compress(byte[] payload, int len, Compression c) throws IOException {
        if (c.isNone() || len == 0) return java.util.Arrays.copyOf(payload, len);
        OutBuffer out = new OutBuffer(len / 2 + 64);
        for (int off = 0; off < len; off += MAX_BLOCK) {
            int n = Math.min(MAX_BLOCK, len - off);
            byte[] block = compressBlock(payload, off, n, c);
            // ROOT stores the whole payload uncompressed when any block fails to shrink
            if (block == null || block.length >= n) return java.util.Arrays.copyOf(payload, len);
            int csize = block.length;
            out.i8(c.algorithm().magic.charAt(0)).i8(c.algorithm().magic.charAt(1)).i8(methodByte(c));
            out.i8(csize).i8(csize >>> 8).i8(csize >>> 16);
            out.i8(n).i8(n >>> 8).i8(n >>> 16);
            out.bytes(block);
        }
        if (out.length() >= len) return java.util.Arrays.copyOf(payload, len);
        return out.toByteArray();
    }

    private static int methodByte(Compression c) {
        return switch (c.algorithm()) {
            case ZLIB -> 8;             // Z_DEFLATED
            case LZMA -> 0;
            case LZ4 -> 1;              // LZ4's major version, as ROOT writes it
            case ZSTD -> 1;
            case NONE -> 0;
        };
    }

    /** The block's data after its 9-byte header; null when the algorithm cannot make it fit. */
    private static byte[] compressBlock(byte[] src, int off, int n, Compression c) throws IOException {
        return switch (c.algorithm()) {
            case ZLIB -> zlib(src, off, n, c.level());
            case LZMA -> lzma(src, off, n, c.level());
            case LZ4 -> lz4(src, off, n, c.level());
            case ZSTD -> Zstd.compress(java.util.Arrays.copyOfRange(src, off, off + n), c.level());
            case NONE -> null;
        };
    }

    private static byte[] zlib(byte[] src, int off, int n, int level) {
        Deflater d = new Deflater(level);
        try {
            d.setInput(src, off, n);
            d.finish();
            byte[] out = new byte[n + n / 1000 + 64];
            int total = 0;
            while (!d.finished()) {
                if (total == out.length) out = java.util.Arrays.copyOf(out, out.length * 2);
                total += d.deflate(out, total, out.length - total);
            }
            return java.util.Arrays.copyOf(out, total);
        } finally {
            d.end();
        }
    }

    private static byte[] lzma(byte[] src, int off, int n, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(n / 3 + 64);
        try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options(level), XZ.CHECK_CRC32)) {
            xz.write(src, off, n);
        }
        return bytes.toByteArray();
    }

    private static byte[] lz4(byte[] src, int off, int n, int level) {
        // ROOT uses LZ4's fast compressor below level 4 and the high-compression one from 4 up
        LZ4Compressor comp = level >= 4 ? LZ4.highCompressor(level) : LZ4.fastCompressor();
        byte[] out = new byte[8 + comp.maxCompressedLength(n)];
        int clen = comp.compress(src, off, n, out, 8, out.length - 8);
        long hash = XXHashFactory.fastestInstance().hash64().hash(out, 8, clen, 0L);
        OutBuffer.putLong(out, 0, hash);
        return java.util.Arrays.copyOf(out, 8 + clen);
    }
}
