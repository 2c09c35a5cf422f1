package pocket.rootio.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

/**
 * The first and last bytes of one open remote file, fetched together when it is opened, so the
 * reader's small metadata reads (header, top directory, keys list, streamer info, TTree
 * metadata near the end) cost no round trip of their own; other ranges go to the network, and a
 * range reaching into a cached block fetches only the part outside it. Immutable; one per open.
 */
final class ReadAhead {
    /** Bytes fetched from the start: the file header and the first keys lie there. */
    static final int HEAD = 64 * 1024;
    /** Bytes fetched from the end: ROOT writes the keys list, streamer info and TTree metadata last. */
    static final int TAIL = 256 * 1024;

    /** The network reads of a source, without read-ahead: exactly the asked bytes, in order. */
    interface Network {
        ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException;
    }

    private static final ReadAhead NONE = new ReadAhead(new byte[0], 0, new byte[0]);

    private final byte[] head;       // file bytes [0, head.length)
    private final long tailStart;
    private final byte[] tail;       // file bytes [tailStart, tailStart + tail.length)

    ReadAhead(byte[] head, long tailStart, byte[] tail) {
        this.head = head;
        this.tailStart = tailStart;
        this.tail = tail;
    }

    static ReadAhead none() { return NONE; }

    /** Where the tail block starts in a file of {@code size} bytes. */
    static long tailStart(long size) { return Math.max(0, size - TAIL); }

    /** Bytes fetched at open: what this read-ahead holds. */
    long cachedBytes() { return head.length + tail.length; }

    /** The file bytes not held here inside [from, to): at most one gap, since the blocks sit at the two ends. */
    private long gapStart(long from) { return Math.max(from, head.length); }
    private long gapEnd(long to) { return tail.length == 0 ? to : Math.min(to, tailStart); }

    /** Exactly the asked ranges: from the cached blocks where they lie there, the rest in one network readv. */
    ByteBuffer[] readv(long[] offsets, int[] lengths, Network net) throws IOException {
        int n = offsets.length;
        ByteBuffer[] out = new ByteBuffer[n];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long from = offsets[i], to = from + lengths[i];
            if (gapStart(from) >= gapEnd(to)) out[i] = cached(from, lengths[i]);
            else pending.add(i);
        }
        if (pending.isEmpty()) return out;
        long[] o = new long[pending.size()];
        int[] l = new int[pending.size()];
        for (int k = 0; k < o.length; k++) {
            int i = pending.get(k);
            long gs = gapStart(offsets[i]), ge = gapEnd(offsets[i] + lengths[i]);
            o[k] = gs;
            l[k] = (int) (ge - gs);
        }
        ByteBuffer[] fetched = net.readv(o, l);
        for (int k = 0; k < o.length; k++) {
            int i = pending.get(k);
            if (o[k] == offsets[i] && l[k] == lengths[i]) out[i] = fetched[k];
            else out[i] = join(offsets[i], lengths[i], o[k], fetched[k]);
        }
        return out;
    }

    /** A range inside the cached blocks (it may span both when they touch or overlap). */
    private ByteBuffer cached(long from, int length) {
        if (from + length <= head.length)
            return ByteBuffer.wrap(head, (int) from, length).slice().order(ByteOrder.BIG_ENDIAN);
        if (from >= tailStart && from + length <= tailStart + tail.length)
            return ByteBuffer.wrap(tail, (int) (from - tailStart), length).slice().order(ByteOrder.BIG_ENDIAN);
        return join(from, length, gapStart(from), ByteBuffer.allocate(0));
    }

    /** The range [from, from+length): its cached parts around the fetched middle [midStart, midStart+mid.remaining()). */
    private ByteBuffer join(long from, int length, long midStart, ByteBuffer mid) {
        byte[] all = new byte[length];
        long to = from + length;
        if (from < head.length) System.arraycopy(head, (int) from, all, 0, (int) (Math.min(to, head.length) - from));
        int midLen = mid.remaining();
        mid.duplicate().get(all, (int) (midStart - from), midLen);
        long tailFrom = Math.max(from, midStart + midLen);
        if (tailFrom < to) System.arraycopy(tail, (int) (tailFrom - tailStart), all, (int) (tailFrom - from), (int) (to - tailFrom));
        return ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
    }
}
