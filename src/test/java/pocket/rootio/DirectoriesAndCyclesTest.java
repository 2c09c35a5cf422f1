package pocket.rootio;

import pocket.rootio.file.RootFile;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.TestData;

/**
 * A file laid out byte by byte here (small-format header, top directory, a directory nested in a
 * directory, two cycles of one key), holding the self-contained TTree records of two samples
 * (scouting_nano's tree keeps its baskets inside the record; nano_dy_empty's has none).
 */
class DirectoriesAndCyclesTest {
    @TempDir static Path tmp;
    static Path file;
    static byte[] fullTree, emptyTree;

    /** A key as it would appear in a keys list and in front of its record. */
    record Key(String cls, String name, String title, int cycle, byte[] object) {
        int keylen() { return 26 + 3 + cls.length() + name.length() + title.length(); }
    }

    static byte[] header(Key k, long seekKey, long seekPdir) {
        ByteBuffer b = ByteBuffer.allocate(k.keylen());
        b.putInt(k.keylen() + k.object.length).putShort((short) 4).putInt(k.object.length).putInt(0)
                .putShort((short) k.keylen()).putShort((short) k.cycle).putInt((int) seekKey).putInt((int) seekPdir);
        for (String s : new String[]{k.cls, k.name, k.title}) { b.put((byte) s.length()); b.put(s.getBytes(StandardCharsets.US_ASCII)); }
        return b.array();
    }

    static byte[] directory(long seekDir, long seekParent, long seekKeys, int nbytesKeys) {
        return ByteBuffer.allocate(42).putShort((short) 5).putInt(0).putInt(0).putInt(nbytesKeys).putInt(0)
                .putInt((int) seekDir).putInt((int) seekParent).putInt((int) seekKeys).array();
    }

    /** Appends records; returns positions. */
    static final class Out {
        final ByteArrayOutputStream o = new ByteArrayOutputStream();
        long pos() { return o.size(); }
        long put(byte[]... parts) { long p = pos(); for (byte[] x : parts) o.writeBytes(x); return p; }
    }

    @BeforeAll
    static void build() throws Exception {
        try (RootFile a = RootFile.open(TestData.file("scouting_nano.root").toString());
             RootFile b = RootFile.open(TestData.file("nano_dy_empty.root").toString())) {
            fullTree = a.objectBytes(a.key("Events"));
            emptyTree = b.objectBytes(b.key("Events"));
        }
        Out out = new Out();
        out.put(new byte[100]); // file header, written last
        Key fileKey = new Key("TFile", "synthetic.root", "", 1, new byte[0]);
        byte[] names = {14, 's', 'y', 'n', 't', 'h', 'e', 't', 'i', 'c', '.', 'r', 'o', 'o', 't', 0};
        int nbytesName = fileKey.keylen() + names.length;
        out.put(header(fileKey, 100, 0), names, new byte[42]); // top directory record, patched below
        List<Key> top = List.of(new Key("TTree", "Events", "Events", 1, emptyTree), new Key("TTree", "Events", "Events", 2, fullTree));
        List<Key> sub = List.of(new Key("TTree", "Events", "Events", 1, fullTree));
        // "sub" holds "Events" and (one level down) "inner/Events"
        Key subKey = new Key("TDirectoryFile", "sub", "sub", 1, new byte[42]);
        long subAt = out.put(header(subKey, out.pos(), 100), new byte[42]);
        Key innerKey = new Key("TDirectoryFile", "inner", "inner", 1, new byte[42]);
        long innerAt = out.put(header(innerKey, out.pos(), subAt), new byte[42]);
        long[] innerKeys = writeDirWith(out, innerAt, sub, List.of());
        long[] subKeys = writeDirWith(out, subAt, sub, List.<Object[]>of(new Object[]{innerKey, innerAt}));
        long[] topKeys = writeDirWith(out, 100, top, List.<Object[]>of(new Object[]{subKey, subAt}));
        byte[] all = out.o.toByteArray();
        ByteBuffer f = ByteBuffer.wrap(all);
        f.put(0, "root".getBytes(StandardCharsets.US_ASCII)).putInt(4, 62400).putInt(8, 100).putInt(12, all.length)
                .putInt(16, 0).putInt(20, 0).putInt(24, 0).putInt(28, nbytesName).put(32, (byte) 4).putInt(33, 0).putInt(37, 0).putInt(41, 0);
        put(all, 100 + nbytesName, directory(100, 0, topKeys[0], (int) topKeys[1]));
        put(all, subAt + subKey.keylen(), directory(subAt, 100, subKeys[0], (int) subKeys[1]));
        put(all, innerAt + innerKey.keylen(), directory(innerAt, subAt, innerKeys[0], (int) innerKeys[1]));
        file = tmp.resolve("synthetic.root");
        Files.write(file, all);
    }

    static void put(byte[] all, long at, byte[] rec) { System.arraycopy(rec, 0, all, (int) at, rec.length); }

    /** A directory's objects, then a key list naming them and already written subdirectories. */
    static long[] writeDirWith(Out out, long seekDir, List<Key> objects, List<Object[]> subdirs) {
        List<byte[]> headers = new ArrayList<>();
        for (Key k : objects) {
            long at = out.pos();
            byte[] h = header(k, at, seekDir);
            out.put(h, k.object);
            headers.add(h);
        }
        for (Object[] s : subdirs) headers.add(header((Key) s[0], (Long) s[1], seekDir));
        ByteArrayOutputStream list = new ByteArrayOutputStream();
        list.writeBytes(ByteBuffer.allocate(4).putInt(headers.size()).array());
        for (byte[] h : headers) list.writeBytes(h);
        Key listKey = new Key("TDirectory", "keys", "", 1, list.toByteArray());
        long at = out.pos();
        byte[] h = header(listKey, at, seekDir);
        out.put(h, listKey.object);
        return new long[]{at, h.length + listKey.object.length};
    }

    @Test
    void theHighestCycleWinsAndOlderCyclesStayReachable() throws Exception {
        try (RootFile f = RootFile.open(file.toString())) {
            assertEquals(List.of(1, 2), f.keys().stream().filter(k -> k.name().equals("Events")).map(KeyInfo::cycle).toList());
            assertEquals(40, f.tree("Events").entries());
            assertEquals(0, f.tree("Events;1").entries());
            assertEquals(2, f.key("Events").cycle());
            assertEquals(List.of("Events", "sub"), f.latestKeys("").stream().map(KeyInfo::name).toList());
        }
    }

    @Test
    void nestedDirectoriesAreListedAndTheirTreesRead() throws Exception {
        try (RootFile f = RootFile.open(file.toString()); RootFile ref = RootFile.open(TestData.file("scouting_nano.root").toString())) {
            assertEquals(List.of("sub", "sub/inner"), f.directories());
            assertEquals(List.of("sub/Events", "sub/inner"), f.keys("sub").stream().map(KeyInfo::path).toList());
            Tree nested = f.tree("sub/inner/Events");
            Tree original = ref.tree("Events");
            assertEquals(original.entries(), nested.entries());
            assertEquals(original.branchNames(), nested.branchNames());
            for (String b : List.of("run", "event", "nScoutingMuon", "ScoutingMuon_pt")) {
                if (!original.hasBranch(b)) continue;
                assertArrayEquals(original.read(b, 0, 40).toDoubles(), nested.read(b, 0, 40).toDoubles(), b);
            }
            MissingObjectException e = assertThrows(MissingObjectException.class, () -> f.tree("sub/inner/Event"));
            assertTrue(e.getMessage().contains("directory sub/inner") && e.getMessage().contains("nearest: sub/inner/Events"), e.getMessage());
            assertThrows(MissingObjectException.class, () -> f.keys("sub/Events"));
        }
    }
}
