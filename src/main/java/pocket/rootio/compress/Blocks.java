package pocket.rootio.compress;

import java.nio.ByteBuffer;
import pocket.rootio.CorruptDataException;
import pocket.rootio.UnsupportedFormatException;

/**
 * Decompresses one ROOT record: a sequence of blocks, each a 9-byte header (2 magic bytes,
 * 1 method byte, 3-byte little-endian compressed size, 3-byte little-endian uncompressed size)
 * followed by the compressed bytes. A record whose stored size equals its object size is
 * stored uncompressed.
 */
public final class Blocks {
    public static final int HEADER = 9;
    private static final Codec ZLIB = new ZlibCodec(), LZMA = new LzmaCodec(), LZ4 = new Lz4Codec(), ZSTD = new ZstdCodec();

    private Blocks() {}

    /** The codec for a block's two magic bytes, or null when unknown. */
    public static Codec codec(byte m0, byte m1) {
        if (m0 == 'Z' && m1 == 'L') return ZLIB;
        if (m0 == 'X' && m1 == 'Z') return LZMA;
        if (m0 == 'L' && m1 == '4') return LZ4;
        if (m0 == 'Z' && m1 == 'S') return ZSTD;
        return null;
    }

    /**
     * Decodes {@code src[off, off+len)} into a new array of {@code objlen} bytes.
     *
     * @param where      file and object, for error messages
     * @param fileOffset where src[off] lies in the file
     */
    public static byte[] decompress(byte[] src, int off, int len, int objlen, String where, long fileOffset)
            throws CorruptDataException, UnsupportedFormatException {
        byte[] dst = new byte[objlen];
        decompress(src, off, len, dst, 0, objlen, where, fileOffset);
        return dst;
    }

    /** As {@link #decompress(byte[], int, int, int, String, long)}, into {@code dst[dstOff, dstOff+objlen)}. */
    public static void decompress(byte[] src, int off, int len, byte[] dst, int dstOff, int objlen, String where, long fileOffset)
            throws CorruptDataException, UnsupportedFormatException {
        decompress(ByteBuffer.wrap(src), off, len, ByteBuffer.wrap(dst), dstOff, objlen, where, fileOffset);
    }

    /**
     * Decodes {@code src[off, off+len)} into {@code dst[dstOff, dstOff+objlen)}; indices are absolute
     * and neither buffer's position changes. Mapped (direct) records decode without a copy.
     */
    public static void decompress(ByteBuffer src, int off, int len, ByteBuffer dst, int dstOff, int objlen, String where, long fileOffset)
            throws CorruptDataException, UnsupportedFormatException {
        if (len == objlen) {
            dst.put(dstOff, src, off, objlen);
            return;
        }
        int in = off, inEnd = off + len, out = 0;
        while (out < objlen) {
            if (inEnd - in < HEADER)
                throw new CorruptDataException(where + ": compressed record ends at byte " + (fileOffset + (in - off)) + " after " + out + " of "
                        + objlen + " uncompressed bytes; expected another 9-byte block header");
            byte m0 = src.get(in), m1 = src.get(in + 1);
            int c = (src.get(in + 3) & 0xff) | (src.get(in + 4) & 0xff) << 8 | (src.get(in + 5) & 0xff) << 16;
            int u = (src.get(in + 6) & 0xff) | (src.get(in + 7) & 0xff) << 8 | (src.get(in + 8) & 0xff) << 16;
            Codec codec = codec(m0, m1);
            if (codec == null) {
                long at = fileOffset + (in - off);
                String magic = printable(m0) + printable(m1);
                if (magic.equals("CS"))
                    throw new UnsupportedFormatException(where + ": block at byte " + at + " uses ROOT's old \"CS\" compression, which pocket does not read");
                throw new CorruptDataException(where + ": block at byte " + at + " starts with \"" + magic
                        + "\"; expected a compression header ZL, XZ, L4 or ZS (corrupt basket?)");
            }
            if (c > inEnd - in - HEADER || u > objlen - out || u <= 0)
                throw new CorruptDataException(where + ": " + codec.algorithm() + " block at byte " + (fileOffset + (in - off)) + " announces " + c
                        + " compressed / " + u + " uncompressed bytes, but the record has " + (inEnd - in - HEADER)
                        + " compressed / " + (objlen - out) + " uncompressed bytes left");
            try {
                codec.decode(src, in + HEADER, c, dst, dstOff + out, u);
            } catch (Codec.BlockException e) {
                throw new CorruptDataException(where + ": " + codec.algorithm() + " block at byte " + (fileOffset + (in - off)) + ": " + e.getMessage(), e);
            } catch (RuntimeException e) { // a decoder library tripping over corrupt input
                throw new CorruptDataException(where + ": " + codec.algorithm() + " block at byte " + (fileOffset + (in - off)) + " is corrupt (" + e + ")", e);
            }
            in += HEADER + c;
            out += u;
        }
    }

    private static String printable(byte b) {
        return b >= 32 && b < 127 ? String.valueOf((char) b) : String.format("\\x%02x", b & 0xff);
    }

    /** ROOT's fCompress setting (algorithm*100 + level) as text, e.g. 207 → "LZMA:7", 0 → "none". */
    public static String settingName(int fCompress) {
        if (fCompress < 0) return "inherited";
        int alg = fCompress / 100, level = fCompress % 100;
        if (level == 0) return "none";
        String name = switch (alg) {
            case 0, 1 -> "ZLIB";
            case 2 -> "LZMA";
            case 3 -> "old";
            case 4 -> "LZ4";
            case 5 -> "ZSTD";
            default -> "algorithm" + alg;
        };
        return name + ":" + level;
    }

    /** Builds one ROOT-style block around already compressed bytes (for the writer and tests). */
    public static byte[] frame(String magic, int method, byte[] payload, int uncompressed) {
        byte[] out = new byte[HEADER + payload.length];
        out[0] = (byte) magic.charAt(0); out[1] = (byte) magic.charAt(1); out[2] = (byte) method;
        int c = payload.length;
        out[3] = (byte) c; out[4] = (byte) (c >>> 8); out[5] = (byte) (c >>> 16);
        out[6] = (byte) uncompressed; out[7] = (byte) (uncompressed >>> 8); out[8] = (byte) (uncompressed >>> 16);
        System.arraycopy(payload, 0, out, HEADER, c);
        return out;
    }
}
