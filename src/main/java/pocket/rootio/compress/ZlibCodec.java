package pocket.rootio.compress;

import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** ROOT's "ZL" blocks: a zlib stream (with its 2-byte header and Adler-32), decoded by java.util.zip. */
public final class ZlibCodec implements Codec {
    // One Inflater per thread: creating one costs native memory, and reads run on many threads.
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    @Override public String magic() { return "ZL"; }
    @Override public String algorithm() { return "ZLIB"; }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws BlockException {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(src, srcOff, srcLen);
        try {
            int n = 0;
            while (n < dstLen) {
                int k = inf.inflate(dst, dstOff + n, dstLen - n);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
                n += k;
            }
            if (n != dstLen) throw new BlockException("zlib stream gave " + n + " bytes, expected " + dstLen);
            if (!inf.finished()) throw new BlockException("zlib stream continues past the " + dstLen + " bytes the block header announces");
        } catch (DataFormatException e) {
            throw new BlockException("zlib data is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inf.reset();
        }
    }
}
