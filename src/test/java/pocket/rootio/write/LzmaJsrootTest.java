package pocket.rootio.write;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.Jsroot;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/**
 * LZMA keys whose compressed data is larger than one LZMA2 chunk (64 KiB out, 2 MiB in). JSROOT
 * 7.11.2 decodes each ROOT "XZ" block as a single raw LZMA stream (modules/base/lzma.mjs skips 29
 * bytes and never reads a second chunk header), so such a block fails with "corrupted input"; pocket
 * writes one chunk per block instead, which ROOT's reader takes as well (any number of blocks).
 */
class LzmaJsrootTest {

    /** Counts-like bins: compress about 5:1 with LZMA, so 50k bins (800 kB) are ~160 kB of xz, a few chunks. */
    static HistogramSpec big(int bins) {
        SplittableRandom r = new SplittableRandom(18);
        double[] c = new double[bins + 2], w2 = new double[bins + 2];
        for (int i = 0; i < c.length; i++) {
            c[i] = r.nextInt(5000) * 0.25;
            w2[i] = r.nextInt(3000) * 0.125;
        }
        return HistogramSpec.builder("big").title(bins + " bins")
                .x(HistogramSpec.Axis.regular(bins, 0, bins)).contents(c).sumw2(w2).build();
    }

    @Test
    void largeLzmaKeyIsCutIntoOneChunkBlocksAndJsrootReadsEveryBin(@TempDir Path dir) throws Exception {
        HistogramSpec h = big(50_000);
        Path file = dir.resolve("big-lzma7.root");
        try (RootFileWriter f = RootFileWriter.create(file, WrittenFiles.fixed(Compression.lzma(7)))) {
            f.histogram(h);
        }

        FileLayout l = new FileLayout(file);
        FileLayout.Key k = l.keys("TH1D").get(0);
        assertTrue(k.objlen() > 800_000, "objlen " + k.objlen());
        int blocks = 0, in = 0, out = 0;
        for (int[] block : l.blocks(k)) {
            int c = block[0], u = block[1], p = block[2];
            assertEquals("XZ", new String(l.d, p, 2), "block " + blocks + " at " + p);
            byte[] xz = Arrays.copyOfRange(l.d, p + 9, p + 9 + c);
            // one LZMA2 chunk (an LZMA chunk, control byte 0x80 and up) holds the whole block
            int chunkAt = 12 + ((xz[12] & 0xff) + 1) * 4;
            assertTrue((xz[chunkAt] & 0xff) >= 0x80, "block " + blocks + ": control 0x" + Integer.toHexString(xz[chunkAt] & 0xff));
            assertEquals(u, BlockCompressor.firstChunkInput(xz), "block " + blocks + " at " + p + " (" + c + " -> " + u + ")");
            assertTrue(u <= BlockCompressor.LZMA2_CHUNK_INPUT && c <= 65536 + 64, "block " + blocks + ": " + c + " -> " + u);
            in += u; out += 9 + c;
            blocks++;
        }
        assertEquals(k.objlen(), in);
        assertEquals(k.nbytes() - k.keylen(), out);
        assertTrue(blocks >= 2, "a ~160 kB xz payload needs several 64 KiB chunks, got " + blocks + " blocks");
        // pocket's own reader (xz-java) decodes the blocks back to the object
        byte[] o = l.object(k);
        assertEquals(k.objlen(), o.length);

        JsonObject r = Jsroot.read(file, "big");
        JsonObject got = r.getAsJsonObject("objects").getAsJsonObject("big");
        assertFalse(got.has("error"), "JSROOT: " + got);
        assertEquals("TH1D", got.get("className").getAsString());
        assertArrayEquals(h.contents(), HistogramWriteTest.doubles(got.getAsJsonArray("contents")));
        assertArrayEquals(h.sumw2(), HistogramWriteTest.doubles(got.getAsJsonArray("sumw2")));
    }

    @Test
    void smallLzmaKeyStaysOneBlock(@TempDir Path dir) throws Exception {
        // 2000 bins (32 KB, ~10 KB of xz) fit one chunk: written as one block, as before
        HistogramSpec h = big(2000);
        Path file = dir.resolve("small-lzma7.root");
        try (RootFileWriter f = RootFileWriter.create(file, WrittenFiles.fixed(Compression.lzma(7)))) {
            f.histogram(h);
        }
        FileLayout l = new FileLayout(file);
        FileLayout.Key k = l.keys("TH1D").get(0);
        List<int[]> b = l.blocks(k);
        assertEquals(1, b.size());
        assertEquals(k.objlen(), b.get(0)[1]);
    }

    @Test
    void moreThan2MiBNeverGoesInOneBlock(@TempDir Path dir) throws Exception {
        // one basket of 1M floats (4 MB) that LZMA shrinks ~100:1: the chunk closes at 2 MiB of input, not at 64 KiB of output
        int n = 1_000_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i % 1000) * 0.25f;
        TreeSchema s = TreeSchema.builder().branch("x", pocket.rootio.LeafType.FLOAT32).build();
        Path file = dir.resolve("wide.root");
        try (RootFileWriter w = RootFileWriter.create(file, WrittenFiles.fixed(Compression.lzma(1)).withBasketSize(8 << 20))) {
            w.tree("Events", s).extend(java.util.Map.of("x", new pocket.rootio.ColumnArray(pocket.rootio.LeafType.FLOAT32, v, null, n)));
        }
        FileLayout l = new FileLayout(file);
        FileLayout.Key k = l.keys("TBasket").get(0);
        assertEquals(4 * n, k.objlen());
        List<int[]> b = l.blocks(k);
        assertTrue(b.size() >= 2, "blocks " + b.size());
        int sum = 0;
        for (int[] x : b) {
            assertTrue(x[1] <= BlockCompressor.LZMA2_CHUNK_INPUT, "block of " + x[1]);
            sum += x[1];
        }
        assertEquals(4 * n, sum);
        java.nio.ByteBuffer o = java.nio.ByteBuffer.wrap(l.object(k));
        for (int i = 0; i < n; i += 99_991) assertEquals((i % 1000) * 0.25f, o.getFloat(4 * i));
        assertEquals((n - 1) % 1000 * 0.25f, o.getFloat(4 * (n - 1)));
        // and pocket's reader (RootFile, rootio.compress.Blocks) joins the blocks again
        try (pocket.rootio.file.RootFile r = pocket.rootio.file.RootFile.open(file.toString())) {
            assertArrayEquals(v, r.tree("Events").read("x", 0, n).floats());
        }
    }
}
