package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.rootio.TruncatedFileException;
import pocket.rootio.read.TreeReader;
import pocket.testing.TestData;

/** The mapped local source gives each range's own bytes, inside one mapping window or across two. */
class LocalSourceReadvTest {
    @Test void everySampleReadvEqualsPlainBytes() throws IOException {
        long seed = 900;
        for (Path sample : SampleBytes.samples())
            try (Source s = new LocalSource(sample)) {
                SampleBytes.assertSameBytes(s, sample, seed++);
                ByteBuffer b = s.read(100, 50);
                assertTrue(b.isDirect(), "a local read is a view of the mapped file, not a copy");
            }
    }

    /** Windows of 64 kB overlapping by 4 kB: most of the random ranges straddle a border. */
    @Test void rangesAcrossMappingWindowsAreExact() throws IOException {
        long seed = 1900;
        for (Path sample : SampleBytes.samples())
            try (Source s = new LocalSource(sample, 64 * 1024, 4 * 1024)) {
                SampleBytes.assertSameBytes(s, sample, seed++);
                byte[] all = Files.readAllBytes(sample);
                if (all.length > 70 * 1024) // exactly at the first border, ending inside the overlap, and just past it
                    for (long[] r : new long[][]{{64 * 1024 - 10, 20}, {60 * 1024, 8 * 1024}, {60 * 1024, 8 * 1024 + 1}})
                        assertArrayEquals(Arrays.copyOfRange(all, (int) r[0], (int) (r[0] + r[1])),
                                SampleBytes.bytes(s.read(r[0], (int) r[1])), sample + " [" + r[0] + ", +" + r[1] + ")");
            }
    }

    /** The whole reader over tiny windows gives the values it gives over one mapping. */
    @Test void treeReadOverTinyWindowsEqualsNormalRead() throws IOException {
        Path sample = TestData.file("nano_dy.root");
        try (RootFile normal = RootFile.open(sample.toString());
             RootFile windowed = RootFile.open(new LocalSource(sample, 16 * 1024, 1024))) {
            Tree a = normal.tree("Events"), b = windowed.tree("Events");
            int checked = 0;
            for (String branch : a.branchNames()) {
                if (((TreeReader) a).plan(branch).unsupported != null) continue;
                checked++;
                ColumnArray x = a.read(branch, 0, a.entries()), y = b.read(branch, 0, b.entries());
                assertArrayEquals(x.toDoubles(), y.toDoubles(), branch);
                assertArrayEquals(x.offsets, y.offsets, branch + " offsets");
            }
            assertTrue(checked > 100, "only " + checked + " branches read");
        }
    }

    @Test void readPastTheEndNamesFileAndSize(@TempDir Path dir) throws IOException {
        Path f = Files.write(dir.resolve("short.root"), new byte[1000]);
        try (Source s = new LocalSource(f)) {
            TruncatedFileException e = assertThrows(TruncatedFileException.class, () -> s.read(990, 20));
            assertTrue(e.getMessage().contains("short.root") && e.getMessage().contains("ends at byte 1000"), e.getMessage());
            assertEquals(0, s.read(1000, 0).remaining());
        }
        Path empty = Files.write(dir.resolve("empty.root"), new byte[0]);
        try (Source s = new LocalSource(empty)) {
            assertEquals(0, s.size());
            assertThrows(TruncatedFileException.class, () -> s.read(0, 1));
        }
    }
}
