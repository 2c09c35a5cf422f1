package pocket.rootio.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import pocket.rootio.RootIOException;

/** A ROOT file on local disk, read with positional reads so threads never share a file pointer. */
public final class LocalSource implements Source {
    private final String name;
    private final FileChannel channel;

    public LocalSource(Path path) throws RootIOException {
        this.name = path.toString();
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (NoSuchFileException e) {
            throw new pocket.rootio.MissingObjectException("rootio: no such file: " + path);
        } catch (IOException e) {
            throw new RootIOException("rootio: cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    @Override public String name() { return name; }

    @Override public long size() throws IOException { return channel.size(); }

    @Override public ByteBuffer read(long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length).order(ByteOrder.BIG_ENDIAN);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) throw new pocket.rootio.TruncatedFileException("rootio: " + name + " ends at byte " + channel.size()
                    + " but " + length + " bytes were wanted at offset " + offset + " (truncated file?)", new EOFException());
            pos += n;
        }
        return buf.flip();
    }

    /** Ranges closer than this are read with one positional read and then split. */
    static final int MERGE_GAP = 64 * 1024;
    /** Largest span read at once when merging. */
    static final int MAX_SPAN = 16 * 1024 * 1024;

    /**
     * One positional read per run of nearby ranges: a chunk's thousands of small baskets cost a
     * few system calls instead of one each.
     */
    @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
        int n = offsets.length;
        if (n != lengths.length)
            throw new IllegalArgumentException("readv: " + n + " offsets but " + lengths.length + " lengths");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
        ByteBuffer[] out = new ByteBuffer[n];
        int from = 0;
        while (from < n) {
            long start = offsets[order[from]], end = start + lengths[order[from]];
            int to = from + 1;
            while (to < n) {
                long s = offsets[order[to]], e = s + lengths[order[to]];
                if (s > end + MERGE_GAP || Math.max(e, end) - start > MAX_SPAN) break;
                end = Math.max(end, e);
                to++;
            }
            if (to - from == 1) {
                out[order[from]] = read(start, lengths[order[from]]);
            } else {
                byte[] span = read(start, (int) (end - start)).array();
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    int at = (int) (offsets[i] - start);
                    out[i] = ByteBuffer.wrap(span, at, lengths[i]).slice().order(ByteOrder.BIG_ENDIAN); // a view: no copy
                }
            }
            from = to;
        }
        return out;
    }

    @Override public void close() throws IOException { channel.close(); }
}
