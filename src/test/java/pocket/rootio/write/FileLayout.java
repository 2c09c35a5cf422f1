package pocket.rootio.write;

import com.github.luben.zstd.Zstd;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;
import org.tukaani.xz.XZInputStream;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;

/**
 * A test's own reading of a written file's layout, from ROOT's documented format: the header,
 * every key from fBEGIN to fEND in order, and ROOT's compression blocks. Independent of pocket's reader.
 */
final class FileLayout {
    final byte[] d;
    final ByteBuffer bb;
    final int version;
    final boolean large;
    final long begin, end, seekFree, seekInfo;
    final int nbytesFree, nfree, nbytesName, units, compress, nbytesInfo;
    final List<Key> keys = new ArrayList<>();

    record Key(long pos, int nbytes, int version, int objlen, int keylen, int cycle, long seekKey, long seekPdir,
               String className, String name, String title, int headerEnd) {
        boolean large() { return version > 1000; }
        boolean compressed() { return objlen != nbytes - keylen; }
    }

    FileLayout(Path file) throws IOException {
        d = Files.readAllBytes(file);
        bb = ByteBuffer.wrap(d);
        if (!new String(d, 0, 4, StandardCharsets.US_ASCII).equals("root")) throw new IOException("no magic");
        version = bb.getInt(4);
        large = version > 1000000;
        begin = bb.getInt(8);
        int p = 12;
        if (large) {
            end = bb.getLong(p); seekFree = bb.getLong(p + 8); p += 16;
        } else {
            end = bb.getInt(p); seekFree = bb.getInt(p + 4); p += 8;
        }
        nbytesFree = bb.getInt(p); nfree = bb.getInt(p + 4); nbytesName = bb.getInt(p + 8); units = d[p + 12]; compress = bb.getInt(p + 13);
        p += 17;
        if (large) { seekInfo = bb.getLong(p); p += 8; } else { seekInfo = bb.getInt(p); p += 4; }
        nbytesInfo = bb.getInt(p);
        for (long at = begin; at < end; ) {
            Key k = key(at);
            if (k.nbytes <= 0) throw new IOException("key of " + k.nbytes + " bytes at " + at);
            keys.add(k);
            at += k.nbytes;
        }
    }

    Key key(long at) {
        int p = (int) at;
        int nbytes = bb.getInt(p), v = bb.getShort(p + 4), objlen = bb.getInt(p + 6), keylen = bb.getShort(p + 14), cycle = bb.getShort(p + 16);
        long seekKey, seekPdir;
        int q = p + 18;
        if (v > 1000) { seekKey = bb.getLong(q); seekPdir = bb.getLong(q + 8); q += 16; }
        else { seekKey = bb.getInt(q); seekPdir = bb.getInt(q + 4); q += 8; }
        String[] s = new String[3];
        for (int i = 0; i < 3; i++) {
            int n = d[q] & 0xff; q++;
            if (n == 255) { n = bb.getInt(q); q += 4; }
            s[i] = new String(d, q, n, StandardCharsets.UTF_8);
            q += n;
        }
        return new Key(at, nbytes, v, objlen, keylen, cycle, seekKey, seekPdir, s[0], s[1], s[2], q);
    }

    List<Key> keys(String className) { return keys.stream().filter(k -> k.className.equals(className)).toList(); }

    /** The object bytes of a key, decompressed block by block. */
    byte[] object(Key k) throws IOException {
        int from = (int) k.pos + k.keylen, to = (int) k.pos + k.nbytes;
        if (!k.compressed()) return java.util.Arrays.copyOfRange(d, from, to);
        return decompress(d, from, to, k.objlen);
    }

    /** The blocks of a compressed key: {compressed size, uncompressed size, position of its 9-byte header}. */
    List<int[]> blocks(Key k) {
        List<int[]> out = new ArrayList<>();
        for (int p = (int) k.pos + k.keylen; p < k.pos + k.nbytes; ) {
            int c = u24(d, p + 3), u = u24(d, p + 6);
            out.add(new int[]{c, u, p});
            p += 9 + c;
        }
        return out;
    }

    static int u24(byte[] b, int p) { return (b[p] & 0xff) | (b[p + 1] & 0xff) << 8 | (b[p + 2] & 0xff) << 16; }

    static byte[] decompress(byte[] d, int from, int to, int objlen) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(objlen);
        for (int p = from; p < to; ) {
            String magic = new String(d, p, 2, StandardCharsets.US_ASCII);
            int c = u24(d, p + 3), u = u24(d, p + 6);
            byte[] block = new byte[u];
            int s = p + 9;
            switch (magic) {
                case "ZL" -> {
                    Inflater inf = new Inflater();
                    inf.setInput(d, s, c);
                    try { if (inf.inflate(block) != u) throw new IOException("short ZL block"); }
                    catch (java.util.zip.DataFormatException e) { throw new IOException(e); }
                    finally { inf.end(); }
                }
                case "XZ" -> {
                    try (XZInputStream in = new XZInputStream(new ByteArrayInputStream(d, s, c))) { in.readNBytes(block, 0, u); }
                }
                case "L4" -> {
                    long stored = ByteBuffer.wrap(d, s, 8).getLong();
                    long actual = XXHashFactory.fastestInstance().hash64().hash(d, s + 8, c - 8, 0L);
                    if (stored != actual) throw new IOException("LZ4 checksum mismatch");
                    LZ4Factory.fastestInstance().safeDecompressor().decompress(d, s + 8, c - 8, block, 0, u);
                }
                case "ZS" -> {
                    long n = Zstd.decompressByteArray(block, 0, u, d, s, c);
                    if (n != u) throw new IOException("short ZS block");
                }
                default -> throw new IOException("unknown block magic " + magic + " at " + p);
            }
            out.write(block);
            p += 9 + c;
        }
        if (out.size() != objlen) throw new IOException("blocks gave " + out.size() + " bytes, key says " + objlen);
        return out.toByteArray();
    }

    /** The basket's TBasket fields after the key header: version, fBufferSize, fNevBufSize, fNevBuf, fLast, flag. */
    int[] basketFields(Key k) {
        int q = k.headerEnd;
        return new int[]{bb.getShort(q), bb.getInt(q + 2), bb.getInt(q + 6), bb.getInt(q + 10), bb.getInt(q + 14), d[q + 18]};
    }
}
