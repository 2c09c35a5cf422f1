package pocket.rootio;

import pocket.rootio.file.RootFile;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.TestData;

/** Damaged copies of real samples, made here, raise the right RootIOException naming file, object and offset. */
class CorruptFilesTest {
    @TempDir Path tmp;

    Path copy(String sample, byte[] bytes) throws Exception {
        Path p = tmp.resolve("damaged_" + sample);
        Files.write(p, bytes);
        return p;
    }

    static byte[] raw(String sample) throws Exception { return Files.readAllBytes(TestData.file(sample)); }

    @Test
    void aTruncatedFileIsReportedWithBothSizes() throws Exception {
        byte[] b = raw("nano_dy.root");
        Path p = copy("nano_dy.root", Arrays.copyOf(b, b.length / 2));
        TruncatedFileException e = assertThrows(TruncatedFileException.class, () -> RootFile.open(p.toString()));
        assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("ends at byte " + b.length) && e.getMessage().contains("has " + b.length / 2 + " bytes"), e.getMessage());
    }

    @Test
    void aTruncatedFileWhoseHeaderWasPatchedFailsWhereTheKeyListIsMissing() throws Exception {
        byte[] b = raw("nano_dy.root");
        int cut;
        try (RootFile f = RootFile.open(TestData.file("nano_dy.root").toString())) { cut = (int) f.key("Events").seekKey() + 10; }
        byte[] t = Arrays.copyOf(b, cut);
        ByteBuffer.wrap(t).putInt(12, cut); // small-format fEND
        Path p = copy("nano_dy.root", t);
        TruncatedFileException e = assertThrows(TruncatedFileException.class, () -> RootFile.open(p.toString()));
        assertTrue(e.getMessage().contains("key list") && e.getMessage().contains("has " + cut + " bytes"), e.getMessage());
    }

    @Test
    void notARootFileSaysWhatItFound() throws Exception {
        Path p = tmp.resolve("notes.root");
        Files.writeString(p, "hello, this is text");
        NotRootFileException e = assertThrows(NotRootFileException.class, () -> RootFile.open(p.toString()));
        assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("\"hell\"") && e.getMessage().contains("expected \"root\""), e.getMessage());
        Path empty = tmp.resolve("empty.root");
        Files.write(empty, new byte[0]);
        assertThrows(NotRootFileException.class, () -> RootFile.open(empty.toString()));
        assertThrows(MissingObjectException.class, () -> RootFile.open(tmp.resolve("absent.root").toString()), "no such file");
    }

    @Test
    void flippedBytesInAZlibBasketNameTheBranchBasketAndOffset() throws Exception {
        flipAndRead("nano_dy.root", "Jet_pt");
    }

    @Test
    void flippedBytesInAnLzmaBasketNameTheBranchBasketAndOffset() throws Exception {
        flipAndRead("pfnano.root", "Jet_pt");
    }

    private void flipAndRead(String sample, String branch) throws Exception {
        byte[] b = raw(sample);
        int at = HandDecodedBasketsTest.indexOf(b, HandDecodedBasketsTest.pattern("TBasket", branch, "Events"));
        int key = ByteBuffer.wrap(b).getShort(at - 34 + 4) > 1000 ? at - 34 : at - 26;
        int keylen = ByteBuffer.wrap(b).getShort(key + 14);
        int data = key + keylen;
        for (int i = data + 30; i < data + 60; i++) b[i] ^= (byte) 0xA5;
        Path p = copy(sample, b);
        try (RootFile f = RootFile.open(p.toString())) {
            Tree t = f.tree("Events");
            assertEquals(t.entries(), t.read("run", 0, t.entries()).size(), "undamaged branches still read");
            CorruptDataException e = assertThrows(CorruptDataException.class, () -> t.read(branch, 0, t.entries()));
            String m = e.getMessage();
            assertTrue(m.contains(p.toString()) && m.contains("branch " + branch) && m.contains("tree Events")
                    && m.contains("at byte " + key) && m.contains("block at byte " + data), m);
        }
    }

    @Test
    void flippedBytesInTheTreeRecordNameTheTree() throws Exception {
        byte[] b = raw("nano_dy.root");
        long seek;
        try (RootFile f = RootFile.open(TestData.file("nano_dy.root").toString())) { seek = f.key("Events").seekKey(); }
        for (int i = (int) seek + 200; i < seek + 400; i++) b[i] ^= (byte) 0x33;
        Path p = copy("nano_dy.root", b);
        try (RootFile f = RootFile.open(p.toString())) {
            RootIOException e = assertThrows(RootIOException.class, () -> f.tree("Events"));
            assertTrue(e instanceof CorruptDataException && e.getMessage().contains("Events") && e.getMessage().contains(p.toString()), e.getMessage());
        }
    }

    @Test
    void rangesOutsideTheTreeAreRefused() throws Exception {
        try (RootFile f = RootFile.open(TestData.file("nano_dy.root").toString())) {
            Tree t = f.tree("Events");
            RootIOException e = assertThrows(RootIOException.class, () -> t.read("run", 0, t.entries() + 1));
            assertTrue(e.getMessage().contains("outside tree 'Events'") && e.getMessage().contains(t.entries() + " entries"), e.getMessage());
            assertThrows(RootIOException.class, () -> t.read("run", 5, 4));
        }
    }

    @Test
    void unsupportedLeafTypesAreRefusedByName() throws Exception {
        try (RootFile f = RootFile.open(TestData.file("pfnano.root").toString())) {
            Tree t = f.tree("ParameterSets");
            UnsupportedFormatException e = assertThrows(UnsupportedFormatException.class, () -> t.read("IdToParameterSetsBlobs", 0, 1));
            assertTrue(e.getMessage().contains("IdToParameterSetsBlobs") && e.getMessage().contains("TLeafElement"), e.getMessage());
            assertNull(t.branch("IdToParameterSetsBlobs").type());
        }
    }
}
