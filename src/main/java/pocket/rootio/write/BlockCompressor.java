package pocket.rootio.write;

import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.tukaani.xz.BasicArrayCache;
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
        int guess = MAX_BLOCK;      // LZMA: how much input the next one-chunk block may hold
        for (int off = 0; off < len; ) {
            int n = Math.min(MAX_BLOCK, len - off);
            byte[] block;
            if (c.algorithm() == Compression.Algorithm.LZMA) {
                Piece p = lzmaOneChunk(payload, off, Math.min(n, guess), c.level());
                n = p.n();
                guess = n + n / 4;
                block = p.xz();
            } else {
                block = compressBlock(payload, off, n, c);
            }
            off += n;
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

    /** LZMA2's largest chunk: 2 MiB of input (its unpacked-size field has 21 bits). */
    static final int LZMA2_CHUNK_INPUT = 1 << 21;

    /** An xz stream and how many input bytes it holds. */
    private record Piece(byte[] xz, int n) {}

    /**
     * The xz stream for the longest prefix of {@code src[off, off+n)} that fits one LZMA2 chunk
     * (at most 2 MiB in, 64 KiB out). JSROOT (7.11.2, modules/base/lzma.mjs) decodes a ROOT "XZ"
     * block as one raw LZMA1 stream that starts 29 bytes in (xz stream header 12, block header 12,
     * first chunk header 5) and runs to the block's uncompressed size; the header of a second
     * LZMA2 chunk and its range-coder restart are decoded as data, so it throws "corrupted input".
     * ROOT's own reader takes any number of blocks per object, so a payload cut into one-chunk
     * blocks reads in both. A block that is one chunk already is written as before. {@code n} is
     * the caller's first guess; when the encoder closes its first chunk early, the block is
     * compressed again with only what that chunk held.
     */
    private static Piece lzmaOneChunk(byte[] src, int off, int n, int level) throws IOException {
        // more than 2 MiB can never be one chunk: start below that
        int m = Math.min(n, LZMA2_CHUNK_INPUT);
        while (true) {
            byte[] xz = lzma(src, off, m, level);
            int covered = firstChunkInput(xz);
            // an uncompressed chunk covering all of it is one chunk too; it does not shrink, so it is stored as is
            if (covered >= m || covered <= 0) return new Piece(xz, m);
            m = covered;    // the encoder closed its first chunk there: that much fits one chunk
        }
    }

    /** The input bytes of the first LZMA2 chunk of an xz stream as XZOutputStream writes it. */
    static int firstChunkInput(byte[] xz) {
        int at = 12 + ((xz[12] & 0xff) + 1) * 4;     // stream header, then the block header
        int control = xz[at] & 0xff;
        int low = ((xz[at + 1] & 0xff) << 8 | (xz[at + 2] & 0xff)) + 1;
        if (control >= 0x80) return ((control & 0x1f) << 16) + low;    // LZMA chunk
        if (control == 1 || control == 2) return low;                   // uncompressed chunk
        return 0;
    }

    private static byte[] lzma(byte[] src, int off, int n, int level) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(n / 3 + 64);
        try (XZOutputStream xz = new XZOutputStream(bytes, new LZMA2Options(level), XZ.CHECK_CRC32, BasicArrayCache.getInstance())) {
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
