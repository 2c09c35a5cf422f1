package pocket.rootio.compress;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/** ROOT's "XZ" blocks: an .xz stream (LZMA2 with its own integrity check), decoded by org.tukaani.xz. */
final class LzmaCodec implements Codec {
    @Override public String magic() { return "XZ"; }
    @Override public String algorithm() { return "LZMA"; }

    @Override
    public void decode(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstLen) throws BlockException {
        InputStream raw = src.hasArray() ? new ByteArrayInputStream(src.array(), src.arrayOffset() + srcOff, srcLen)
                : new BufferStream(src.slice(srcOff, srcLen));
        byte[] out = dst.hasArray() ? dst.array() : new byte[dstLen];
        int outOff = dst.hasArray() ? dst.arrayOffset() + dstOff : 0;
        // The array cache reuses the LZMA dictionary (64 MiB at ROOT's level 9) instead of allocating one per basket.
        try (XZInputStream in = new XZInputStream(raw, -1, true, BasicArrayCache.getInstance())) {
            int n = 0;
            while (n < dstLen) {
                int k = in.read(out, outOff + n, dstLen - n);
                if (k < 0) break;
                n += k;
            }
            if (n != dstLen) throw new BlockException("xz stream gave " + n + " bytes, expected " + dstLen);
            if (in.read() != -1) throw new BlockException("xz stream continues past the " + dstLen + " bytes the block header announces");
        } catch (EOFException e) {
            throw new BlockException("xz stream is cut short", e);
        } catch (IOException e) {
            throw new BlockException("xz data is corrupt (" + e.getMessage() + ")", e);
        }
        if (!dst.hasArray()) dst.put(dstOff, out, 0, dstLen);
    }

    /** A direct (mapped) buffer as a stream, for the xz decoder. */
    private static final class BufferStream extends InputStream {
        private final ByteBuffer b;
        BufferStream(ByteBuffer b) { this.b = b; }
        @Override public int read() { return b.hasRemaining() ? b.get() & 0xff : -1; }
        @Override public int read(byte[] a, int off, int len) {
            if (len == 0) return 0;
            if (!b.hasRemaining()) return -1;
            int n = Math.min(len, b.remaining());
            b.get(a, off, n);
            return n;
        }
        @Override public int available() { return b.remaining(); }
    }
}
