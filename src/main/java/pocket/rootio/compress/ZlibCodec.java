package pocket.rootio.compress;

import java.nio.ByteBuffer;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** ROOT's "ZL" blocks: a zlib stream (with its 2-byte header and Adler-32), decoded by java.util.zip. */
final class ZlibCodec implements Codec {
    // One Inflater per thread: creating one costs native memory, and reads run on many threads.
    private static final ThreadLocal<Inflater> INFLATER = ThreadLocal.withInitial(Inflater::new);

    @Override public String magic() { return "ZL"; }
    @Override public String algorithm() { return "ZLIB"; }

    @Override
    public void decode(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstLen) throws BlockException {
        Inflater inf = INFLATER.get();
        inf.reset();
        inf.setInput(src.slice(srcOff, srcLen));
        ByteBuffer out = dst.slice(dstOff, dstLen);
        try {
            while (out.hasRemaining()) {
                int k = inf.inflate(out);
                if (k == 0 && (inf.finished() || inf.needsInput() || inf.needsDictionary())) break;
            }
            if (out.hasRemaining()) throw new BlockException("zlib stream gave " + out.position() + " bytes, expected " + dstLen);
            if (!inf.finished()) throw new BlockException("zlib stream continues past the " + dstLen + " bytes the block header announces");
        } catch (DataFormatException e) {
            throw new BlockException("zlib data is corrupt (" + e.getMessage() + ")", e);
        } finally {
            inf.reset(); // drops the reference to src, which may be a mapped file
        }
    }
}
