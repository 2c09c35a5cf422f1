package pocket.rootio.rntuple;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import pocket.rootio.file.RootFile;
import pocket.testing.TestData;

/**
 * XXH3-64 against values written by others: the reference empty-input hash, and the checksums
 * ROOT 6.37 stored after the anchor, the envelopes and every page of both samples, which
 * between them cover each length class of the algorithm (0-16, 17-128, 129-240, longer).
 */
class Xxh3Test {
    @Test void emptyInputGivesTheReferenceValue() {
        assertEquals(0x2D06800538D394C2L, Xxh3.hash64(new byte[0], 0, 0));
    }

    @Test void everyChecksumRootWroteInTheSamplesMatches() throws Exception {
        TreeSet<Integer> classes = new TreeSet<>();
        for (String s : new String[]{"nano_dy_rntuple.root", "nano_dimuon_rntuple.root"}) {
            byte[] file = Files.readAllBytes(TestData.file(s));
            try (RootFile f = RootFile.open(TestData.file(s).toString())) {
                Descriptor d = new Descriptor(f, f.key("Events"));   // anchor and envelope checksums are checked here
                classes.add(lengthClass(64));
                classes.add(lengthClass((int) d.anchor.lenFooter() - 8));
                classes.add(lengthClass((int) d.anchor.lenHeader() - 8));
                int pages = 0;
                for (Cluster c : d.clusters)
                    for (Cluster.ColumnPages cp : c.columns())
                        for (int i = 0; i < cp.elements().length; i++) {
                            assertTrue(cp.checksummed()[i]);
                            int at = (int) cp.offsets()[i], n = (int) cp.sizes()[i];
                            assertEquals(LeBuffer.get64(file, at + n), Xxh3.hash64(file, at, n), s + " page at byte " + at);
                            classes.add(lengthClass(n));
                            pages++;
                        }
                assertTrue(pages > 1000, s + ": " + pages + " pages");
            }
        }
        assertEquals(new TreeSet<>(java.util.List.of(0, 1, 2, 3, 4, 5, 6)), classes, "length classes covered");
    }

    /** 0: 1-3, 1: 4-8, 2: 9-16, 3: 17-128, 4: 129-240, 5: 241-1024 (one block), 6: longer (several blocks). */
    static int lengthClass(int n) {
        if (n <= 3) return 0;
        if (n <= 8) return 1;
        if (n <= 16) return 2;
        if (n <= 128) return 3;
        if (n <= 240) return 4;
        return n <= 1024 ? 5 : 6;
    }
}
