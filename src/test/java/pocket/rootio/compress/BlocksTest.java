package pocket.rootio.compress;

import static org.junit.jupiter.api.Assertions.*;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;
import pocket.rootio.CorruptDataException;
import pocket.rootio.UnsupportedFormatException;

/**
 * ROOT-style blocks built here with the compression libraries themselves (9-byte header:
 * magic, method, 3-byte little-endian sizes; LZ4 with its xxhash64 in front), decoded by
 * {@link Blocks}, compared with the original bytes.
 */
class BlocksTest {
    /** NanoAOD-like payload: big-endian floats with a 10-bit mantissa, so it compresses like real baskets. */
    static byte[] payload(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[n];
        for (int i = 0; i + 4 <= n; i += 4) {
            int v = Float.floatToRawIntBits((float) (20 + 40 * r.nextDouble())) & 0xFFFFE000;
            b[i] = (byte) (v >>> 24); b[i + 1] = (byte) (v >>> 16); b[i + 2] = (byte) (v >>> 8); b[i + 3] = (byte) v;
        }
        return b;
    }

    static byte[] header(String magic, int method, int c, int u) {
        return new byte[]{(byte) magic.charAt(0), (byte) magic.charAt(1), (byte) method,
                (byte) c, (byte) (c >>> 8), (byte) (c >>> 16), (byte) u, (byte) (u >>> 8), (byte) (u >>> 16)};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        for (byte[] p : parts) o.writeBytes(p);
        return o.toByteArray();
    }

    static byte[] zlib(byte[] in) {
        Deflater d = new Deflater(1);
        d.setInput(in);
        d.finish();
        byte[] buf = new byte[in.length * 2 + 64];
        int n = d.deflate(buf);
        d.end();
        byte[] c = Arrays.copyOf(buf, n);
        return concat(header("ZL", 8, n, in.length), c);
    }

    static byte[] lzma(byte[] in) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (XZOutputStream x = new XZOutputStream(o, new LZMA2Options(6))) { x.write(in); }
        byte[] c = o.toByteArray();
        return concat(header("XZ", 0, c.length, in.length), c);
    }

    static byte[] lz4(byte[] in) {
        byte[] c = LZ4Factory.fastestInstance().highCompressor().compress(in);
        long h = XXHashFactory.fastestInstance().hash64().hash(c, 0, c.length, 0L);
        byte[] sum = new byte[8];
        for (int i = 0; i < 8; i++) sum[i] = (byte) (h >>> (56 - 8 * i));
        return concat(header("L4", 1, c.length + 8, in.length), sum, c);
    }

    static byte[] zstd(byte[] in) {
        byte[] c = Zstd.compress(in, 5);
        return concat(header("ZS", 1, c.length, in.length), c);
    }

    static byte[] decode(byte[] record, int objlen) throws Exception {
        return Blocks.decompress(record, 0, record.length, objlen, "rootio: test.root, branch x, basket 0", 1000);
    }

    @Test
    void everyAlgorithmDecodesWhatItsLibraryEncoded() throws Exception {
        byte[] in = payload(40_000, 1);
        assertArrayEquals(in, decode(zlib(in), in.length));
        assertArrayEquals(in, decode(lzma(in), in.length));
        assertArrayEquals(in, decode(lz4(in), in.length));
        assertArrayEquals(in, decode(zstd(in), in.length));
    }

    @Test
    void aPayloadSplitOverSeveralBlocksOfMixedAlgorithmsIsJoined() throws Exception {
        byte[] a = payload(30_000, 2), b = payload(20_000, 3), c = payload(10_000, 4);
        byte[] record = concat(lz4(a), zstd(b), lzma(c));
        byte[] out = decode(record, a.length + b.length + c.length);
        assertArrayEquals(concat(a, b, c), out);
    }

    @Test
    void anUncompressedRecordIsCopied() throws Exception {
        byte[] in = payload(100, 5);
        assertArrayEquals(in, decode(in, in.length));
    }

    @Test
    void aWrongLz4ChecksumIsCaughtBeforeDecoding() {
        byte[] in = payload(5000, 6);
        byte[] rec = lz4(in);
        rec[9 + 3] ^= 0x10; // the stored checksum
        CorruptDataException e = assertThrows(CorruptDataException.class, () -> decode(rec, in.length));
        assertTrue(e.getMessage().contains("checksum") && e.getMessage().contains("LZ4") && e.getMessage().contains("byte 1000")
                && e.getMessage().contains("branch x"), e.getMessage());
        byte[] rec2 = lz4(in);
        rec2[rec2.length - 5] ^= 0x01; // the data: checksum no longer matches
        assertTrue(assertThrows(CorruptDataException.class, () -> decode(rec2, in.length)).getMessage().contains("checksum"));
    }

    @Test
    void flippedBytesInsideEachAlgorithmAreAnError() throws Exception {
        byte[] in = payload(20_000, 7);
        for (byte[] rec : new byte[][]{zlib(in), lzma(in), zstd(in)}) {
            byte[] bad = rec.clone();
            for (int i = 20; i < 60; i++) bad[i] ^= (byte) 0x5a;
            CorruptDataException e = assertThrows(CorruptDataException.class, () -> decode(bad, in.length), new String(rec, 0, 2));
            assertTrue(e.getMessage().contains("block at byte 1000"), e.getMessage());
        }
    }

    @Test
    void unknownMagicAndSizesThatDoNotFitAreErrors() throws Exception {
        byte[] in = payload(1000, 8);
        byte[] rec = zlib(in);
        byte[] magic = rec.clone();
        magic[0] = 'Q';
        assertTrue(assertThrows(CorruptDataException.class, () -> decode(magic, in.length)).getMessage().contains("expected a compression header"));
        byte[] cs = rec.clone();
        cs[0] = 'C'; cs[1] = 'S';
        assertThrows(UnsupportedFormatException.class, () -> decode(cs, in.length));
        byte[] cut = Arrays.copyOf(rec, rec.length - 10);
        assertTrue(assertThrows(CorruptDataException.class, () -> decode(cut, in.length)).getMessage().contains("announces"));
        // a record announcing more bytes than the object holds
        assertThrows(CorruptDataException.class, () -> decode(rec, in.length - 1));
    }

    @Test
    void compressionSettingsReadAsRootSpellsThem() {
        assertEquals("LZMA:9", Blocks.settingName(209));
        assertEquals("ZLIB:1", Blocks.settingName(101));
        assertEquals("LZ4:4", Blocks.settingName(404));
        assertEquals("ZSTD:5", Blocks.settingName(505));
        assertEquals("none", Blocks.settingName(0));
    }

    /**
     * Every codec gives the same bytes whatever memory the record and the output live in: heap,
     * direct (a mapped file is direct), read-only heap, and mixes; at an offset inside each buffer.
     */
    @Test
    void everyCodecDecodesFromAndIntoEveryKindOfBuffer() throws Exception {
        byte[] original = concat(payload(40_000, 31), payload(25_000, 32));
        byte[][] records = {zlib(original), lzma(original), lz4(original), zstd(original),
                concat(zstd(payload(40_000, 31)), lz4(payload(25_000, 32)))};
        String[] kinds = {"heap", "direct", "read-only heap"};
        for (byte[] rec : records)
            for (String from : kinds)
                for (String into : new String[]{"heap", "direct"}) {
                    ByteBuffer src = buffer(from, 7 + rec.length);
                    for (int i = 0; i < rec.length; i++) src.put(7 + i, rec[i]);
                    if (from.equals("read-only heap")) src = src.asReadOnlyBuffer();
                    ByteBuffer dst = buffer(into, 13 + original.length);
                    Blocks.decompress(src, 7, rec.length, dst, 13, original.length, "rootio: test.root, branch x, basket 0", 0);
                    byte[] got = new byte[original.length];
                    dst.get(13, got);
                    String what = new String(rec, 0, 2, java.nio.charset.StandardCharsets.US_ASCII) + " from " + from + " into " + into;
                    assertArrayEquals(original, got, what);
                    assertEquals(0, src.position(), what + ": source position untouched");
                }
    }

    private static ByteBuffer buffer(String kind, int n) {
        return kind.equals("direct") ? ByteBuffer.allocateDirect(n) : ByteBuffer.allocate(n);
    }
}
