package pocket.rootio.write;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The written bytes against ROOT's documented layout, read by the test's own {@link FileLayout}. */
class RootFileWriterLayoutTest {
    @TempDir Path dir;

    @Test
    void smallFileHeaderDirectoryKeysAndFreeSegments() throws Exception {
        Path f = dir.resolve("small.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.zstd(3)), 1234, 500);
        FileLayout l = new FileLayout(f);
        assertEquals(62400, l.version);
        assertEquals(100, l.begin);
        assertEquals(Files.size(f), l.end, "fEND is the file size");
        assertEquals(4, l.units);
        assertEquals(503, l.compress);

        // records tile the file: TFile record, streamer info, baskets, TTree, keys list, free segments
        FileLayout.Key top = l.keys.get(0);
        assertEquals("TFile", top.className());
        assertEquals("small.root", top.name());
        assertEquals(top.keylen() + 1 + "small.root".length() + 1, l.nbytesName);
        FileLayout.Key info = l.key(l.seekInfo);
        assertEquals(List.of("TList", "StreamerInfo", "Doubly linked list"), List.of(info.className(), info.name(), info.title()));
        assertEquals(64, info.keylen());
        assertEquals(l.nbytesInfo, info.nbytes());
        byte[] si = l.object(info);
        // the sample files' records, then the histogram classes' (HistogramWriteTest reads those back with JSROOT)
        byte[] samples = RootFileWriter.class.getResourceAsStream("streamerinfo.bin").readAllBytes();
        assertArrayEquals(java.util.Arrays.copyOfRange(samples, 21, samples.length), java.util.Arrays.copyOfRange(si, 21, samples.length));
        assertEquals(ByteBuffer.wrap(samples).getInt(17) + 7, ByteBuffer.wrap(si).getInt(17), "records in the list");
        assertEquals(si.length - 4, ByteBuffer.wrap(si).getInt(0) & ~0x40000000, "the list's byte count");

        // the directory record after the TFile key's names
        ByteBuffer b = l.bb;
        int dirAt = (int) l.begin + l.nbytesName;
        assertEquals(5, b.getShort(dirAt));
        int nbytesKeys = b.getInt(dirAt + 10);
        assertEquals(l.nbytesName, b.getInt(dirAt + 14));
        assertEquals(100, b.getInt(dirAt + 18));
        assertEquals(0, b.getInt(dirAt + 22));
        long seekKeys = b.getInt(dirAt + 26);
        FileLayout.Key keysList = l.key(seekKeys);
        assertEquals(nbytesKeys, keysList.nbytes());
        assertEquals("TFile", keysList.className());
        int n = b.getInt(keysList.headerEnd());
        assertEquals(1, n);
        FileLayout.Key listed = l.key(keysList.headerEnd() + 4);
        FileLayout.Key tree = l.key(listed.seekKey());
        assertEquals(List.of("TTree", "Events", 1), List.of(tree.className(), tree.name(), tree.cycle()));
        assertEquals(tree.nbytes(), listed.nbytes());
        assertEquals(100, tree.seekPdir());

        // one free segment from fEND on
        FileLayout.Key free = l.key(l.seekFree);
        assertEquals(l.nbytesFree, free.nbytes());
        assertEquals(1, l.nfree);
        assertEquals(1, b.getShort(free.headerEnd()));
        assertEquals(l.end, b.getInt(free.headerEnd() + 2));
        assertEquals(2_000_000_000, b.getInt(free.headerEnd() + 6));
        assertEquals(free, l.keys.get(l.keys.size() - 1));

        // the UUID in the header and in the directory
        byte[] headerUuid = java.util.Arrays.copyOfRange(l.d, 47, 63);
        byte[] dirUuid = java.util.Arrays.copyOfRange(l.d, dirAt + 32, dirAt + 48);
        assertArrayEquals(headerUuid, dirUuid);
        assertEquals(0x0123456789abcdefL, ByteBuffer.wrap(headerUuid).getLong());
    }

    @Test
    void largeFormatUses64BitSeeksEverywhere() throws Exception {
        Path f = dir.resolve("large.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.zlib(1)).withLargeFormat(true), 300, 300);
        FileLayout l = new FileLayout(f);
        assertTrue(l.large);
        assertEquals(1_062_400, l.version);
        assertEquals(8, l.units);
        assertEquals(Files.size(f), l.end);
        for (FileLayout.Key k : l.keys) {
            boolean early = k.pos() == 100 || k.name().equals("StreamerInfo");  // written while the file was small, as ROOT does
            assertEquals(!early, k.large(), k.className() + " " + k.name() + " at " + k.pos());
        }
        int dirAt = (int) l.begin + l.nbytesName;
        assertEquals(1005, l.bb.getShort(dirAt));
        long seekKeys = l.bb.getLong(dirAt + 34);
        assertEquals("TFile", l.key(seekKeys).className());
        FileLayout.Key free = l.key(l.seekFree);
        assertEquals(1001, l.bb.getShort(free.headerEnd()));
        assertEquals(l.end, l.bb.getLong(free.headerEnd() + 2));
    }

    @Test
    void basketsHoldTheValuesAndEntryOffsetsAsRootLaysThemOut() throws Exception {
        Path f = dir.resolve("baskets.root");
        WrittenFiles.write(f, WrittenFiles.fixed(Compression.lz4(4)).withBasketSize(1000), 700, 700);
        FileLayout l = new FileLayout(f);
        List<FileLayout.Key> pt = l.keys("TBasket").stream().filter(k -> k.name().equals("Jet_pt")).toList();
        assertTrue(pt.size() > 2, "several Jet_pt baskets");
        long entry = 0;
        for (FileLayout.Key k : pt) {
            assertEquals("Events", k.title());
            int[] fields = l.basketFields(k);
            assertEquals(3, fields[0]);
            int nev = fields[3], last = fields[4];
            assertEquals(k.keylen(), k.headerEnd() + 19 - (int) k.pos());
            byte[] obj = l.object(k);
            ByteBuffer o = ByteBuffer.wrap(obj);
            int dataLen = last - k.keylen();
            assertEquals(nev + 1, o.getInt(dataLen), "offset count");
            assertEquals(obj.length, dataLen + 4 + 4 * (nev + 1));
            for (int e = 0; e < nev; e++, entry++) {
                int start = o.getInt(dataLen + 4 + 4 * e) - k.keylen();
                int stop = e + 1 < nev ? o.getInt(dataLen + 4 + 4 * (e + 1)) - k.keylen() : dataLen;
                assertEquals(WrittenFiles.jets(entry) * 4, stop - start, "entry " + entry);
                for (int j = 0; j < WrittenFiles.jets(entry); j++)
                    assertEquals(WrittenFiles.jetPt(entry, j), o.getFloat(start + 4 * j));
            }
            assertTrue(dataLen <= 1000 + 4 * 4, "basket data " + dataLen + " near the basket size");
        }
        assertEquals(700, entry);

        // a flat branch: fNevBufSize is the item size, values back to back
        long i = 0;
        for (FileLayout.Key k : l.keys("TBasket").stream().filter(k -> k.name().equals("x64")).toList()) {
            int[] fields = l.basketFields(k);
            assertEquals(8, fields[2]);
            ByteBuffer o = ByteBuffer.wrap(l.object(k));
            assertEquals(fields[3] * 8, o.capacity());
            for (int e = 0; e < fields[3]; e++, i++) assertEquals(i * 1e-3 + 1e10, o.getDouble(8 * e));
        }
        assertEquals(700, i);
    }

    @Test
    void everyAlgorithmWritesItsOwnBlocks() throws Exception {
        for (Compression c : List.of(Compression.zlib(6), Compression.lzma(2), Compression.lz4(1), Compression.lz4(9), Compression.zstd(7))) {
            Path f = dir.resolve(c.algorithm() + "-" + c.level() + ".root");
            WrittenFiles.write(f, WrittenFiles.fixed(c), 2000, 2000);
            FileLayout l = new FileLayout(f);
            assertEquals(c.fCompress(), l.compress);
            int compressed = 0;
            for (FileLayout.Key k : l.keys) {
                if (!k.compressed()) continue;
                compressed++;
                int at = (int) k.pos() + k.keylen();
                assertEquals(c.algorithm().magic, new String(l.d, at, 2), k.name());
                assertEquals(k.objlen(), l.object(k).length);
            }
            assertTrue(compressed > 10, c + ": compressed keys " + compressed);
        }
    }

    @Test
    void payloadOver16MiBIsSplitIntoBlocks() throws Exception {
        // one basket of 5M floats (20 MB): over ROOT's 0xffffff block limit
        Path f = dir.resolve("big.root");
        int n = 5_000_000;
        float[] v = new float[n];
        for (int i = 0; i < n; i++) v[i] = (i % 1000) * 0.25f;
        TreeSchema s = TreeSchema.builder().branch("x", pocket.rootio.LeafType.FLOAT32).build();
        try (RootFileWriter w = RootFileWriter.create(f, WrittenFiles.fixed(Compression.zlib(1)).withBasketSize(32 << 20))) {
            w.tree("Events", s).extend(java.util.Map.of("x", new pocket.rootio.ColumnArray(pocket.rootio.LeafType.FLOAT32, v, null, n)));
        }
        FileLayout l = new FileLayout(f);
        List<FileLayout.Key> baskets = l.keys("TBasket");
        assertEquals(1, baskets.size());
        FileLayout.Key k = baskets.get(0);
        assertEquals(4 * n, k.objlen());
        List<int[]> blocks = l.blocks(k);
        assertEquals(2, blocks.size());
        assertEquals(0xffffff, blocks.get(0)[1]);
        assertEquals(4 * n - 0xffffff, blocks.get(1)[1]);
        ByteBuffer o = ByteBuffer.wrap(l.object(k));
        for (int i = 0; i < n; i += 99_991) assertEquals((i % 1000) * 0.25f, o.getFloat(4 * i));
        assertEquals((n - 1) % 1000 * 0.25f, o.getFloat(4 * (n - 1)));
    }

    @Test
    void incompressibleBasketsAreStoredAsTheyAre() throws Exception {
        Path f = dir.resolve("random.root");
        int n = 5000;
        long[] v = new java.util.SplittableRandom(1).longs(n).toArray();
        TreeSchema s = TreeSchema.builder().branch("r", pocket.rootio.LeafType.INT64).build();
        try (RootFileWriter w = RootFileWriter.create(f, WrittenFiles.fixed(Compression.zstd(1)))) {
            w.tree("Events", s).extend(java.util.Map.of("r", new pocket.rootio.ColumnArray(pocket.rootio.LeafType.INT64, v, null, n)));
        }
        FileLayout l = new FileLayout(f);
        List<FileLayout.Key> baskets = l.keys("TBasket");
        assertEquals(2, baskets.size(), "5000 longs in 32000-byte baskets: 4000 + 1000");
        for (FileLayout.Key k : baskets) {
            assertFalse(k.compressed(), "random bytes do not shrink");
            ByteBuffer o = ByteBuffer.wrap(l.object(k));
            int first = k == baskets.get(0) ? 0 : 4000;
            assertEquals(k == baskets.get(0) ? 32000 : 8000, o.capacity());
            assertEquals(v[first], o.getLong(0));
        }
    }

    @Test
    void sameSeedSameTimestampSameBytes() throws Exception {
        Path a = dir.resolve("a.root"), b = dir.resolve("b").resolve("a.root");
        Files.createDirectories(b.getParent());
        WrittenFiles.write(a, WrittenFiles.fixed(Compression.lzma(1)), 500, 123);
        WrittenFiles.write(b, WrittenFiles.fixed(Compression.lzma(1)), 500, 123);
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }
}
