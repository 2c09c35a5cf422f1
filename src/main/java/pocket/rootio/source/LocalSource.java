package pocket.rootio.source;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import pocket.rootio.RootIOException;

/**
 * A ROOT file on local disk, memory-mapped as uproot's default local source is: a read is a
 * view of the page cache, so baskets are decompressed straight from it with no copy. Views are
 * read-only and direct; threads never share a file pointer.
 */
public final class LocalSource implements Source {
    /** Bytes per mapping (a Java buffer holds at most 2 GiB); consecutive windows overlap by {@link #OVERLAP}. */
    static final long WINDOW = 1L << 30;
    /** Any range up to this long lies wholly inside one window. */
    static final long OVERLAP = 64L << 20;

    private final String name;
    private final long window;
    private final FileChannel channel;
    private final long size;
    private final MappedByteBuffer[] windows;

    public LocalSource(Path path) throws RootIOException {
        this(path, WINDOW, OVERLAP);
    }

    /** With other window sizes, so tests can cross window borders on small files. */
    LocalSource(Path path, long window, long overlap) throws RootIOException {
        this.name = path.toString();
        this.window = window;
        if (java.nio.file.Files.isDirectory(path))
            throw new RootIOException("rootio: " + path + " is a folder, not a ROOT file; name a .root file in it");
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
            this.size = channel.size();
            int n = (int) ((size + window - 1) / window);
            this.windows = new MappedByteBuffer[n];
            for (int k = 0; k < n; k++) {
                long at = k * window;
                windows[k] = channel.map(FileChannel.MapMode.READ_ONLY, at, Math.min(window + overlap, size - at));
            }
        } catch (NoSuchFileException e) {
            throw new pocket.rootio.MissingObjectException("rootio: no such file: " + path);
        } catch (java.nio.file.AccessDeniedException e) {
            throw new RootIOException("rootio: cannot open " + path + ": permission denied", e);
        } catch (IOException e) {
            throw new RootIOException("rootio: cannot open " + path + ": " + e.getMessage(), e);
        }
    }

    @Override public String name() { return name; }

    /** The size when opened: a mapped file is a fixed view. */
    @Override public long size() { return size; }

    @Override public ByteBuffer read(long offset, int length) throws IOException {
        if (offset < 0 || length < 0 || offset + length > size)
            throw new pocket.rootio.TruncatedFileException("rootio: " + name + " ends at byte " + size
                    + " but " + length + " bytes were wanted at offset " + offset + " (truncated file?)", new EOFException());
        if (length == 0) return ByteBuffer.allocate(0);
        int k = (int) (offset / window);
        long in = offset - k * window;
        if (in + length <= windows[k].capacity())
            return windows[k].slice((int) in, length).order(ByteOrder.BIG_ENDIAN);
        return copy(offset, length); // longer than the overlap and straddling two windows
    }

    private ByteBuffer copy(long offset, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        long pos = offset;
        while (buf.hasRemaining()) {
            int n = channel.read(buf, pos);
            if (n < 0) throw new EOFException(name + " ended at byte " + pos);
            pos += n;
        }
        return buf.flip();
    }

    @Override public void close() throws IOException { channel.close(); }
}
