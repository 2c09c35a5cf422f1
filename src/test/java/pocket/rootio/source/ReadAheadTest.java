package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import pocket.testing.TestData;

/** The read-ahead blocks serve exactly the file's bytes, and only what they lack goes to the network. */
class ReadAheadTest {
    /** The network: a real sample's bytes, noting every range asked of it. */
    static final class Recorder implements ReadAhead.Network {
        final byte[] file;
        final List<long[]> asked = new ArrayList<>();
        int calls;
        Recorder(byte[] file) { this.file = file; }

        @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) {
            calls++;
            ByteBuffer[] out = new ByteBuffer[offsets.length];
            for (int i = 0; i < offsets.length; i++) {
                asked.add(new long[]{offsets[i], lengths[i]});
                out[i] = ByteBuffer.wrap(Arrays.copyOfRange(file, (int) offsets[i], (int) offsets[i] + lengths[i]));
            }
            return out;
        }

        long bytesAsked() { return asked.stream().mapToLong(r -> r[1]).sum(); }
    }

    static byte[] sample() throws IOException { return Files.readAllBytes(TestData.file("pfnano.root")); }

    static ReadAhead aheadOf(byte[] file) {
        long tailStart = ReadAhead.tailStart(file.length);
        return new ReadAhead(Arrays.copyOf(file, ReadAhead.HEAD), tailStart,
                Arrays.copyOfRange(file, (int) tailStart, file.length));
    }

    static byte[] one(ReadAhead a, long offset, int length, Recorder net) throws IOException {
        return SampleBytes.bytes(a.readv(new long[]{offset}, new int[]{length}, net)[0]);
    }

    static byte[] expected(byte[] file, long offset, int length) {
        return Arrays.copyOfRange(file, (int) offset, (int) offset + length);
    }

    @Test void readsInsideTheBlocksNeedNoNetwork() throws IOException {
        byte[] file = sample();
        assertTrue(file.length > ReadAhead.HEAD + ReadAhead.TAIL, "the sample must be larger than both blocks");
        ReadAhead a = aheadOf(file);
        Recorder net = new Recorder(file);
        long tail = file.length - ReadAhead.TAIL;
        long[][] ranges = {{0, 128}, {100, 80}, {ReadAhead.HEAD - 10, 10}, {tail, 50}, {file.length - 421, 421}, {tail, ReadAhead.TAIL}, {0, ReadAhead.HEAD}};
        for (long[] r : ranges) assertArrayEquals(expected(file, r[0], (int) r[1]), one(a, r[0], (int) r[1], net), Arrays.toString(r));
        assertEquals(0, net.asked.size());
    }

    @Test void aRangeReachingIntoABlockFetchesOnlyThePartOutsideIt() throws IOException {
        byte[] file = sample();
        ReadAhead a = aheadOf(file);
        long tail = file.length - ReadAhead.TAIL;
        // across the end of the head
        Recorder net = new Recorder(file);
        assertArrayEquals(expected(file, 60_000, 20_000), one(a, 60_000, 20_000, net));
        assertEquals(List.of(ReadAhead.HEAD + ":" + (80_000 - ReadAhead.HEAD)), asked(net));
        // across the start of the tail
        net = new Recorder(file);
        assertArrayEquals(expected(file, tail - 1000, 5000), one(a, tail - 1000, 5000, net));
        assertEquals(List.of((tail - 1000) + ":1000"), asked(net));
        // the whole file: only the middle goes to the network
        net = new Recorder(file);
        assertArrayEquals(file, one(a, 0, file.length, net));
        assertEquals(List.of(ReadAhead.HEAD + ":" + (tail - ReadAhead.HEAD)), asked(net));
        // entirely between the blocks: asked as it is
        net = new Recorder(file);
        assertArrayEquals(expected(file, 200_000, 3), one(a, 200_000, 3, net));
        assertEquals(List.of("200000:3"), asked(net));
    }

    private static List<String> asked(Recorder net) {
        return net.asked.stream().map(r -> r[0] + ":" + r[1]).toList();
    }

    @Test void aBatchOfRandomRangesGivesTheFileBytesAndAsksEachMissingByteOnce() throws IOException {
        byte[] file = sample();
        ReadAhead a = aheadOf(file);
        long tail = file.length - ReadAhead.TAIL;
        Random rnd = new Random(42);
        int n = 400;
        long[] offs = new long[n];
        int[] lens = new int[n];
        long outside = 0;
        for (int i = 0; i < n; i++) {
            lens[i] = rnd.nextInt(i % 40 == 0 ? 500_000 : 30_000);
            offs[i] = rnd.nextInt(file.length - lens[i] + 1);
            long from = Math.max(offs[i], ReadAhead.HEAD), to = Math.min(offs[i] + lens[i], tail);
            outside += Math.max(0, to - from);   // the bytes of this range that neither block holds
        }
        Recorder net = new Recorder(file);
        ByteBuffer[] got = a.readv(offs, lens, net);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(expected(file, offs[i], lens[i]), SampleBytes.bytes(got[i]), "range " + i);
            assertEquals(0, got[i].position());
        }
        assertEquals(1, net.calls, "the missing parts go out as one batch");
        assertEquals(outside, net.bytesAsked());
        for (long[] r : net.asked) assertTrue(r[0] >= ReadAhead.HEAD && r[0] + r[1] <= tail, "asked " + Arrays.toString(r) + " lies in a block");
    }

    @Test void overlappingBlocksOfASmallFileServeEverything() throws IOException {
        byte[] file = Arrays.copyOf(sample(), ReadAhead.TAIL + ReadAhead.HEAD / 2);   // the blocks overlap by half the head
        ReadAhead a = aheadOf(file);
        Recorder net = new Recorder(file);
        assertArrayEquals(file, one(a, 0, file.length, net));
        assertArrayEquals(expected(file, ReadAhead.HEAD - 5, 100), one(a, ReadAhead.HEAD - 5, 100, net));
        assertEquals(0, net.asked.size());
    }

    @Test void withoutBlocksEverythingGoesToTheNetwork() throws IOException {
        byte[] file = Files.readAllBytes(TestData.file("nano_tree.root"));
        Recorder net = new Recorder(file);
        assertArrayEquals(expected(file, 10, 1000), one(ReadAhead.none(), 10, 1000, net));
        assertEquals(List.of("10:1000"), asked(net));
    }
}
