package pocket.rootio.compress;

import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdException;

/** ROOT's "ZS" blocks: one zstd frame, decoded by zstd-jni. */
public final class ZstdCodec implements Codec {
    @Override public String magic() { return "ZS"; }
    @Override public String algorithm() { return "ZSTD"; }

    @Override
    public void decode(byte[] src, int srcOff, int srcLen, byte[] dst, int dstOff, int dstLen) throws BlockException {
        long n;
        try {
            n = Zstd.decompressByteArray(dst, dstOff, dstLen, src, srcOff, srcLen);
        } catch (ZstdException e) {
            throw new BlockException("zstd data is corrupt (" + e.getMessage() + ")", e);
        }
        if (Zstd.isError(n)) throw new BlockException("zstd data is corrupt (" + Zstd.getErrorName(n) + ")");
        if (n != dstLen) throw new BlockException("zstd frame gave " + n + " bytes, expected " + dstLen);
    }
}
