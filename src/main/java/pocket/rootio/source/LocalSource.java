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

    @Override public void close() throws IOException { channel.close(); }
}
