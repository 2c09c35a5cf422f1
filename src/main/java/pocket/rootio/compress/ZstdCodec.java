package pocket.rootio.compress;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import java.nio.ByteBuffer;

/** ROOT's "ZS" blocks: one zstd frame, decoded by zstd-jni. */
final class ZstdCodec implements Codec {
    // One context per thread: zstd's one-shot call would set up (and free) a fresh one per basket.
    private static final ThreadLocal<ZstdDecompressCtx> CTX = ThreadLocal.withInitial(ZstdDecompressCtx::new);

    @Override public String magic() { return "ZS"; }
    @Override public String algorithm() { return "ZSTD"; }

    @Override
    public void decode(ByteBuffer src, int srcOff, int srcLen, ByteBuffer dst, int dstOff, int dstLen) throws BlockException {
        ZstdDecompressCtx ctx = CTX.get();
        long n;
        try {
            if (src.isDirect() && dst.isDirect()) {
                n = ctx.decompressDirectByteBuffer(dst, dstOff, dstLen, src, srcOff, srcLen);
            } else if (src.hasArray() && dst.hasArray()) {
                n = ctx.decompressByteArray(dst.array(), dst.arrayOffset() + dstOff, dstLen, src.array(), src.arrayOffset() + srcOff, srcLen);
            } else if (src.hasArray() && dst.isDirect()) {
                n = ctx.decompressByteArrayToDirectByteBuffer(dst, dstOff, dstLen, src.array(), src.arrayOffset() + srcOff, srcLen);
            } else if (src.isDirect() && dst.hasArray()) {
                n = ctx.decompressDirectByteBufferToByteArray(dst.array(), dst.arrayOffset() + dstOff, dstLen, src, srcOff, srcLen);
            } else { // a read-only heap buffer: no array to hand over
                byte[] in = new byte[srcLen];
                src.get(srcOff, in);
                decode(ByteBuffer.wrap(in), 0, srcLen, dst, dstOff, dstLen);
                return;
            }
        } catch (ZstdException e) {
            throw new BlockException("zstd data is corrupt (" + e.getMessage() + ")", e);
        }
        if (n != dstLen) throw new BlockException("zstd frame gave " + n + " bytes, expected " + dstLen);
    }
}
