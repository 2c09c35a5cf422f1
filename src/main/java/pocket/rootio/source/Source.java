package pocket.rootio.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Random-access bytes of one ROOT file, wherever it lives (local disk, XRootD, HTTP).
 * Implementations are thread-safe: chunks of one file may be read from several threads.
 */
public interface Source extends Closeable {
    /** Where the bytes come from, as the user wrote it (a path or a URL); used in error messages. */
    String name();

    /** Total size in bytes. */
    long size() throws IOException;

    /** Exactly {@code length} bytes starting at {@code offset}, as a big-endian buffer positioned at 0. */
    ByteBuffer read(long offset, int length) throws IOException;

    /**
     * Several ranges at once, results in the same order. Remote sources send one request
     * (a vector read, or coalesced HTTP ranges) instead of one per range.
     */
    default ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
        ByteBuffer[] out = new ByteBuffer[offsets.length];
        for (int i = 0; i < offsets.length; i++) out[i] = read(offsets[i], lengths[i]);
        return out;
    }
}
