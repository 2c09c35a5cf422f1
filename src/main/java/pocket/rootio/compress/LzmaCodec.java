package pocket.rootio.compress;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.XZInputStream;

/** ROOT's "XZ" blocks: an .xz stream (LZMA2 with its own integrity check), decoded by org.tukaani.xz. */
public final class LzmaCodec implements Codec {
    @Override public String magic() { return "XZ"; }
    @Override public String algorithm() { return "LZMA"; }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws BlockException {
        // The array cache reuses the LZMA dictionary (64 MiB at ROOT's level 9) instead of allocating one per basket.
        try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(src, srcOff, srcLen), -1, true, BasicArrayCache.getInstance())) {
            int n = 0;
            while (n < dstLen) {
                int k = in.read(dst, dstOff + n, dstLen - n);
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
    }
}
