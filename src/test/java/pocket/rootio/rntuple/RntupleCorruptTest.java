package pocket.rootio.rntuple;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.CorruptDataException;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.testing.TestData;

/** Damaged copies of an RNTuple sample give a RootIOException naming the file and the place, never a wrong value. */
class RntupleCorruptTest {
    static final Path SAMPLE = TestData.file("nano_dy_rntuple.root");

    static Path damaged(Path dir, String name, long at) throws Exception {
        byte[] b = Files.readAllBytes(SAMPLE);
        b[(int) at] ^= 0x5a;
        Path p = dir.resolve(name);
        Files.write(p, b);
        return p;
    }

    static Descriptor descriptor() throws Exception {
        try (RootFile f = RootFile.open(SAMPLE.toString())) { return new Descriptor(f, f.key("Events")); }
    }

    /** The first page of the column behind a branch's values. */
    static long[] page(String branch) throws Exception {
        try (RootFile f = RootFile.open(SAMPLE.toString())) {
            Descriptor d = new Descriptor(f, f.key("Events"));
            FieldPlan p = FieldPlans.of(d.schema, "").get(branch);
            for (ColumnDesc c : d.schema.columns)
                if (c.field() == p.valueField()) {
                    Cluster.ColumnPages cp = d.clusters.get(0).columns()[c.id()];
                    return new long[]{cp.offsets()[0], cp.sizes()[0]};
                }
        }
        throw new AssertionError(branch);
    }

    @Test void flippedPageByteIsACorruptPageNamingFileColumnAndOffset(@TempDir Path dir) throws Exception {
        long[] pg = page("Jet_pt");
        Path p = damaged(dir, "page.root", pg[0] + pg[1] / 2);
        try (RootFile f = RootFile.open(p.toString())) {
            Tree t = f.tree("Events");
            t.read("run", 0, t.entries());   // other pages are intact
            CorruptDataException e = assertThrows(CorruptDataException.class, () -> t.read("Jet_pt", 0, t.entries()));
            assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("Jet_pt") && e.getMessage().contains("byte " + pg[0])
                    && e.getMessage().contains("checksum"), e.getMessage());
        }
    }

    @Test void flippedFooterHeaderOrAnchorByteFailsOnOpeningTheTree(@TempDir Path dir) throws Exception {
        Descriptor d = descriptor();
        long keyEnd;
        try (RootFile f = RootFile.open(SAMPLE.toString())) { keyEnd = f.key("Events").seekKey() + f.key("Events").nbytes(); }
        long[] where = {d.anchor.seekFooter() + d.anchor.nbytesFooter() - 12, d.anchor.seekFooter() + 20,
                d.anchor.seekHeader() + d.anchor.nbytesHeader() / 2, keyEnd - 20};
        for (int i = 0; i < where.length; i++) {
            Path p = damaged(dir, "env" + i + ".root", where[i]);
            try (RootFile f = RootFile.open(p.toString())) {
                RootIOException e = assertThrows(RootIOException.class, () -> f.tree("Events"), "byte " + where[i]);
                assertTrue(e.getMessage().contains(p.toString()) && e.getMessage().contains("RNTuple"), e.getMessage());
            }
        }
    }

    @Test void truncatedFileNamesTheFile(@TempDir Path dir) throws Exception {
        byte[] b = Files.readAllBytes(SAMPLE);
        long[] pg = page("Jet_pt");
        for (long cut : new long[]{b.length - 100, pg[0] + 3}) {
            Path p = dir.resolve("cut" + cut + ".root");
            Files.write(p, Arrays.copyOf(b, (int) cut));
            RootIOException e = assertThrows(RootIOException.class, () -> {
                try (RootFile f = RootFile.open(p.toString())) { f.tree("Events").read("Jet_pt", 0, 40); }
            });
            assertTrue(e.getMessage().contains(p.toString()), e.getMessage());
        }
    }
}
