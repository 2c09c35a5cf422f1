package pocket.rootio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.function.Supplier;

/**
 * The bytes of one open ROOT file as the TTree and RNTuple readers need them, owned here so the
 * readers do not depend on the file facade that creates them.
 */
public interface FileBytes {
    /** The file's name or URL, as error messages name it. */
    String name();

    /** Size of the file in bytes. */
    long size();

    /** The file's default compression setting, e.g. "ZSTD/5". */
    String compression();

    /** Exactly {@code length} bytes at {@code offset}; {@code what} names the object in errors. */
    byte[] bytes(long offset, int length, String what) throws RootIOException;

    /** The uncompressed object of a key (its record after the key header). */
    byte[] objectBytes(KeyInfo key) throws RootIOException;

    /** Several ranges in one request where the source can (one round trip for a remote file). */
    ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException;

    /** @throws TruncatedFileException when {@code [offset, offset+length)} is not inside the file; {@code what} is built only then */
    void checkRange(long offset, long length, Supplier<String> what) throws TruncatedFileException;
}
