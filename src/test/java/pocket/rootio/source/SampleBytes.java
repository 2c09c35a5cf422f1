package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import pocket.testing.TestData;

/** Compares what a remote source returns with the local file's bytes, read with plain java.nio. */
final class SampleBytes {
    private SampleBytes() {}

    static List<Path> samples() throws IOException {
        try (Stream<Path> s = Files.list(TestData.dir())) {
            List<Path> all = s.filter(p -> p.toString().endsWith(".root")).sorted().toList();
            if (all.isEmpty()) throw new IllegalStateException("no .root samples in " + TestData.dir());
            return all;
        }
    }

    static byte[] bytes(ByteBuffer b) {
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    /** Whole file in one read, and many random ranges (some overlapping, unsorted) in one readv. */
    static void assertSameBytes(Source remote, Path local, long seed) throws IOException {
        byte[] expected = Files.readAllBytes(local);
        String what = remote.name();
        assertEquals(expected.length, remote.size(), "size of " + what);
        assertArrayEquals(expected, bytes(remote.read(0, expected.length)), "whole file " + what);
        Random rnd = new Random(seed);
        int n = 300;
        long[] offs = new long[n];
        int[] lens = new int[n];
        for (int i = 0; i < n; i++) {
            lens[i] = 1 + rnd.nextInt(Math.min(expected.length, i % 50 == 0 ? 600_000 : 20_000));
            offs[i] = rnd.nextInt(expected.length - lens[i] + 1);
        }
        ByteBuffer[] got = remote.readv(offs, lens);
        assertEquals(n, got.length);
        for (int i = 0; i < n; i++) {
            byte[] want = Arrays.copyOfRange(expected, (int) offs[i], (int) offs[i] + lens[i]);
            assertArrayEquals(want, bytes(got[i]), what + " range " + i + " [" + offs[i] + ", +" + lens[i] + ")");
            assertEquals(0, got[i].position());
        }
        // the last bytes of the file, and a single byte
        assertArrayEquals(Arrays.copyOfRange(expected, expected.length - 100, expected.length),
                bytes(remote.read(expected.length - 100, 100)), what + " tail");
        assertArrayEquals(new byte[]{expected[7]}, bytes(remote.read(7, 1)), what + " byte 7");
    }
}
