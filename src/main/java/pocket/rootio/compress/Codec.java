package pocket.rootio.compress;

import java.nio.ByteBuffer;

/** One ROOT compression algorithm: decodes the payload of one block (after its 9-byte header). */
public interface Codec {
    /** The two magic bytes that open a block of this algorithm, e.g. "ZL". */
    String magic();

    /** The algorithm's name as ROOT's fCompress setting spells it (ZLIB, LZMA, LZ4, ZSTD). */
    String algorithm();

    /**
     * Decodes {@code src[srcOff, srcOff+srcLen)} (the block without its 9-byte header) into exactly
     * {@code dstLen} bytes at {@code dst[dstOff]}. Indices are absolute; neither buffer's position
     * or limit is used or changed. Heap and direct (mapped) buffers both work, fastest when both
     * are of one kind.
     *
     * @throws BlockException when the bytes do not decode to exactly dstLen bytes
     */
    void decode(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstLen) throws BlockException;

    /** A block that does not decode; {@link Blocks} adds the file, object and offset. */
    final class BlockException extends Exception {
        public BlockException(String message) { super(message); }
        public BlockException(String message, Throwable cause) { super(message, cause); }
    }
}
