package pocket.rootio;

import pocket.rootio.file.RootFile;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.tukaani.xz.XZInputStream;
import pocket.testing.TestData;

/**
 * The first events of several branches decoded by hand here: the basket's key is found by
 * searching the raw file for its class/branch/tree names, its header parsed byte by byte, its
 * payload inflated with the JDK or xz directly, and the values compared with the reader's.
 */
class HandDecodedBasketsTest {

    /** One basket found without the reader: its uncompressed bytes, value border and raw entry offsets. */
    record Basket(byte[] payload, int border, int keylen, int nevbuf) {
        ByteBuffer values() { return ByteBuffer.wrap(payload, 0, border); }
        /** Entry i's first byte, from the offset table after the values (offsets count from the key start). */
        int entryStart(int i) { return ByteBuffer.wrap(payload).getInt(border + 4 + 4 * i) - keylen; }
    }

    static Basket findBasket(byte[] file, String branch, String tree) throws Exception {
        byte[] pattern = pattern("TBasket", branch, tree);
        int at = indexOf(file, pattern);
        assertTrue(at > 0, "no basket key for " + branch + " in the raw bytes");
        // TKey: fNbytes, fVersion, fObjlen, fDatime, fKeylen, fCycle, then fSeekKey and fSeekPdir of
        // 4 bytes each (fVersion < 1000) or 8 bytes each (fVersion > 1000, ROOT 6 baskets)
        ByteBuffer b = ByteBuffer.wrap(file);
        int key = b.getShort(at - 34 + 4) > 1000 ? at - 34 : at - 26;
        int nbytes = b.getInt(key), objlen = b.getInt(key + 6);
        short keylen = b.getShort(key + 14);
        assertEquals(at - key + pattern.length + 2 + 17, keylen, "key length covers the names and the basket fields");
        int fields = at + pattern.length + 2; // after the TBasket version
        int nevbuf = b.getInt(fields + 8), last = b.getInt(fields + 12);
        int data = key + keylen, stored = nbytes - keylen;
        byte[] payload = new byte[objlen];
        if (stored == objlen) {
            System.arraycopy(file, data, payload, 0, objlen);
        } else {
            String magic = new String(file, data, 2, StandardCharsets.US_ASCII);
            int c = (file[data + 3] & 0xff) | (file[data + 4] & 0xff) << 8 | (file[data + 5] & 0xff) << 16;
            assertEquals(stored, 9 + c, "one compression block");
            if (magic.equals("ZL")) {
                Inflater inf = new Inflater();
                inf.setInput(file, data + 9, c);
                assertEquals(objlen, inf.inflate(payload));
                inf.end();
            } else if (magic.equals("XZ")) {
                try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(file, data + 9, c))) {
                    assertEquals(objlen, in.readNBytes(payload, 0, objlen));
                }
            } else fail("unexpected block " + magic);
        }
        return new Basket(payload, last - keylen, keylen, nevbuf);
    }

    static byte[] pattern(String... strings) {
        int n = 0;
        for (String s : strings) n += 1 + s.length();
        byte[] p = new byte[n];
        int i = 0;
        for (String s : strings) {
            p[i++] = (byte) s.length();
            for (char ch : s.toCharArray()) p[i++] = (byte) ch;
        }
        return p;
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) if (hay[i + j] != needle[j]) continue outer;
            return i;
        }
        return -1;
    }

    static byte[] raw(String sample) throws IOException { return Files.readAllBytes(TestData.file(sample)); }

    @Test
    void scalarBranchesOfEveryWidthMatchTheirBytes() throws Exception {
        byte[] file = raw("nano_dy.root");
        try (RootFile f = RootFile.open(TestData.file("nano_dy.root").toString())) {
            Tree t = f.tree("Events");
            Basket run = findBasket(file, "run", "Events");
            assertEquals(t.entries(), run.nevbuf());
            int[] runs = t.read("run", 0, t.entries()).ints();
            for (int i = 0; i < runs.length; i++) assertEquals(run.values().getInt(4 * i), runs[i]);

            Basket event = findBasket(file, "event", "Events");
            long[] events = t.read("event", 0, t.entries()).longs();
            for (int i = 0; i < events.length; i++) assertEquals(event.values().getLong(8 * i), events[i]);

            Basket npv = findBasket(file, "PV_npvs", "Events");
            int[] npvs = t.read("PV_npvs", 0, t.entries()).ints();
            for (int i = 0; i < npvs.length; i++) assertEquals(npv.values().getInt(4 * i), npvs[i]);

            Basket hlt = findBasket(file, "HLT_IsoMu24", "Events");
            boolean[] bits = t.read("HLT_IsoMu24", 0, t.entries()).bools();
            assertEquals(bits.length, hlt.border(), "one byte per bool");
            for (int i = 0; i < bits.length; i++) assertEquals(hlt.payload()[i] != 0, bits[i]);

            Basket w = findBasket(file, "genWeight", "Events");
            float[] weights = t.read("genWeight", 0, t.entries()).floats();
            for (int i = 0; i < weights.length; i++) assertEquals(w.values().getFloat(4 * i), weights[i]);
        }
    }

    @Test
    void jaggedBranchValuesAndOffsetsMatchTheBasketTable() throws Exception {
        for (String sample : new String[]{"nano_dy.root", "pfnano.root", "nano_tt_v12.root"}) {
            byte[] file = raw(sample);
            try (RootFile f = RootFile.open(TestData.file(sample).toString())) {
                Tree t = f.tree("Events");
                Basket jet = findBasket(file, "Jet_pt", "Events");
                ColumnArray c = t.read("Jet_pt", 0, 3);
                for (int e = 0; e < 3; e++) {
                    int from = jet.entryStart(e), to = e + 1 < jet.nevbuf() ? jet.entryStart(e + 1) : jet.border();
                    assertEquals((to - from) / 4, c.offsets[e + 1] - c.offsets[e], sample + " entry " + e + " jet count");
                    for (int k = 0; k < (to - from) / 4; k++)
                        assertEquals(jet.values().getFloat(from + 4 * k), c.floats()[c.offsets[e] + k], sample + " entry " + e);
                }
                // the counter branch agrees with the table
                Basket n = findBasket(file, "nJet", "Events");
                for (int e = 0; e < 3; e++)
                    assertEquals(n.values().getInt(4 * e), c.offsets[e + 1] - c.offsets[e], sample + " nJet of entry " + e);
            }
        }
    }

    @Test
    void middleRangeOfAJaggedBranchIsTheSameSliceAsTheFullRead() throws Exception {
        try (RootFile f = RootFile.open(TestData.file("nano_dimuon.root").toString())) {
            Tree t = f.tree("Events");
            ColumnArray all = t.read("Muon_pt", 0, t.entries());
            ColumnArray mid = t.read("Muon_pt", 7, 23);
            assertEquals(17, mid.offsets.length);
            for (int e = 0; e < 16; e++) {
                assertEquals(all.offsets[7 + e + 1] - all.offsets[7 + e], mid.offsets[e + 1] - mid.offsets[e]);
                for (int k = mid.offsets[e]; k < mid.offsets[e + 1]; k++)
                    assertEquals(all.floats()[all.offsets[7 + e] + k - mid.offsets[e]], mid.floats()[k]);
            }
        }
    }
}
