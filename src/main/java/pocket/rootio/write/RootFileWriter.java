package pocket.rootio.write;

import pocket.rootio.RootIOException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes a ROOT file of TTrees that ROOT, uproot and JSROOT read:
 * <pre>
 *   try (RootFileWriter f = RootFileWriter.create(path, WriteOptions.defaults().withCompression(Compression.zstd(5)))) {
 *       TreeWriter events = f.tree("Events", "Events", schema);
 *       events.extend(columns);   // as often as needed
 *   }
 * </pre>
 * Layout: the 100-byte file header; the top directory's TFile record; the StreamerInfo list
 * (written first so that its key is always in the small format); the baskets as they fill; at
 * close each TTree's metadata, the keys list and the free-segments record, then the header and
 * directory are rewritten with their final seeks. Records use 64-bit seeks once the file passes
 * ROOT's 2 GB mark (kStartBigFile), or throughout with {@link WriteOptions#withLargeFormat}.
 */
public final class RootFileWriter implements Closeable {
    /** ROOT's fBEGIN: the first record follows a 100-byte header. */
    static final int BEGIN = 100;
    /** ROOT's TFile::kStartBigFile: records past it need 64-bit seeks. */
    static final long START_BIG_FILE = 2_000_000_000L;
    /** The ROOT version this file claims to be written by (6.24/00). */
    static final int ROOT_VERSION = 62400;
    /** fKeylen of the StreamerInfo key ("TList", "StreamerInfo", "Doubly linked list", small format). */
    static final int STREAMER_INFO_KEYLEN = 64;
    /** Bytes of a TDirectory record after its key and names, small or large format alike. */
    static final int DIRECTORY_RECORD = 60;
    /** A basket's key header is followed by fVersion, fBufferSize, fNevBufSize, fNevBuf, fLast and a flag byte. */
    static final int BASKET_FIELDS = 19;

    final WriteOptions options;
    private final Path path;
    private final FileChannel channel;
    private final String fileName;
    private final String title = "";
    private final int datime;
    private final byte[] uuid;
    private final List<TreeWriter> trees = new ArrayList<>();
    private final List<KeyHeader> keys = new ArrayList<>();
    private long end;
    private long seekInfo;
    private int nbytesInfo;
    private boolean closed;

    private RootFileWriter(Path path, WriteOptions options) throws IOException {
        this.path = path;
        this.options = options;
        this.fileName = path.getFileName().toString();
        LocalDateTime t = options.timestamp() != null ? options.timestamp() : LocalDateTime.now();
        this.datime = Datime.encode(t);
        UUID u = options.uuid() != null ? options.uuid() : UUID.randomUUID();
        this.uuid = new byte[16];
        OutBuffer.putLong(uuid, 0, u.getMostSignificantBits());
        OutBuffer.putLong(uuid, 8, u.getLeastSignificantBits());
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.READ);
        this.end = BEGIN + topRecordLength();
        writeStreamerInfo();
    }

    /** Creates (or replaces) the file at {@code path}. */
    public static RootFileWriter create(Path path, WriteOptions options) throws RootIOException {
        if (path.getParent() != null && !Files.isDirectory(path.getParent()))
            throw new RootIOException("rootio: cannot write " + path + ": folder " + path.getParent() + " does not exist");
        try {
            return new RootFileWriter(path, options);
        } catch (IOException e) {
            throw new RootIOException("rootio: cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    public static RootFileWriter create(Path path) throws RootIOException { return create(path, WriteOptions.defaults()); }

    public Path path() { return path; }

    /** Declares a tree; its metadata is written when the file closes. */
    public TreeWriter tree(String name, String title, TreeSchema schema) throws RootIOException {
        if (closed) throw new RootIOException("rootio: " + path + " is closed");
        if (name == null || name.isEmpty() || name.contains("/"))
            throw new RootIOException("rootio: tree name '" + name + "' for " + path + " must be non-empty without '/'");
        for (TreeWriter t : trees)
            if (t.name().equals(name)) throw new RootIOException("rootio: tree '" + name + "' is declared twice in " + path);
        TreeWriter t = new TreeWriter(this, name, title == null ? "" : title, schema);
        trees.add(t);
        return t;
    }

    public TreeWriter tree(String name, TreeSchema schema) throws RootIOException { return tree(name, name, schema); }

    private boolean large(long position) { return options.largeFormat() || position > START_BIG_FILE; }

    private int topRecordLength() {
        return KeyHeader.length(false, "TFile", fileName, title) + OutBuffer.tstringSize(fileName)
                + OutBuffer.tstringSize(title) + DIRECTORY_RECORD;
    }

    private void writeStreamerInfo() throws IOException {
        byte[] payload;
        try (InputStream in = RootFileWriter.class.getResourceAsStream("streamerinfo.bin")) {
            if (in == null) throw new IOException("rootio: resource pocket/rootio/write/streamerinfo.bin is missing from the build");
            payload = withHistogramClasses(in.readAllBytes());
        }
        KeyHeader probe = new KeyHeader(0, false, 0, 0, 1, 0, 0, "TList", "StreamerInfo", "Doubly linked list");
        if (probe.keylen() != STREAMER_INFO_KEYLEN) throw new IllegalStateException("StreamerInfo key length " + probe.keylen());
        seekInfo = end;
        nbytesInfo = writeKey(end, false, "TList", "StreamerInfo", "Doubly linked list", payload, payload.length, 1);
    }

    /** The TList of the sample files' records with the histogram classes' records appended: its byte count and size grow. */
    private static byte[] withHistogramClasses(byte[] list) {
        OutBuffer more = new OutBuffer(16_384, STREAMER_INFO_KEYLEN + list.length);
        HistogramStreamerInfos.write(more);
        OutBuffer all = new OutBuffer(list.length + more.length());
        all.bytes(list).bytes(more.array(), 0, more.length());
        byte[] b = all.toByteArray();
        OutBuffer.putInt(b, 0, (b.length - 4) | OutBuffer.BYTE_COUNT_MASK);
        int countAt = 4 + 2 + 10 + 1;   // byte count, version, TObject, empty name
        OutBuffer.putInt(b, countAt, readInt(b, countAt) + HistogramStreamerInfos.COUNT);
        return b;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }

    /**
     * Writes a histogram as a TH1D or TH2D key in the top directory, now. A second histogram of
     * the same name is refused: ROOT would keep both as cycles, and combine would read only the last.
     */
    public void histogram(HistogramSpec h) throws RootIOException {
        if (closed) throw new RootIOException("rootio: " + path + " is closed");
        if (!h.directory().isEmpty())
            throw new RootIOException("rootio: histogram '" + h.path() + "': this writer puts histograms in the top directory only; use a name without '/'");
        for (KeyHeader k : keys)
            if (k.name().equals(h.name())) throw new RootIOException("rootio: two histograms are named '" + h.name() + "' in " + path);
        for (TreeWriter t : trees)
            if (t.name().equals(h.name())) throw new RootIOException("rootio: histogram '" + h.name() + "' has the name of a tree in " + path);
        try {
            long at = end;
            boolean large = large(at);
            int keylen = KeyHeader.length(large, h.className(), h.name(), h.title());
            OutBuffer obj = new OutBuffer(64 + 8 * 2 * h.cells(), keylen);
            TH1Streamer.write(obj, h);
            writeKey(at, large, h.className(), h.name(), h.title(), obj.array(), obj.length(), 1);
        } catch (IOException e) {
            throw new RootIOException("rootio: writing histogram '" + h.name() + "' to " + path + " failed: " + e.getMessage(), e);
        }
    }

    /** Compresses {@code payload} and writes it under a key at {@code at}; returns the key's fNbytes. */
    private int writeKey(long at, boolean large, String cls, String name, String keyTitle, byte[] payload, int len, int cycle) throws IOException {
        byte[] stored = BlockCompressor.compress(payload, len, options.compression());
        int keylen = KeyHeader.length(large, cls, name, keyTitle);
        KeyHeader h = new KeyHeader(keylen + stored.length, large, len, datime, cycle, at, BEGIN, cls, name, keyTitle);
        OutBuffer out = new OutBuffer(keylen);
        h.write(out);
        write(at, out.array(), out.length());
        write(at + keylen, stored, stored.length);
        end = Math.max(end, at + h.nbytes());
        if (!cls.equals("TBasket") && !name.equals("StreamerInfo")) keys.add(h);
        return h.nbytes();
    }

    /** Writes one basket of {@code b} at the end of the file. */
    BranchBuffer.BasketWrite writeBasket(BranchBuffer b, OutBuffer data, int[] entryStarts, int n) throws IOException {
        long at = end;
        boolean large = large(at);
        String treeName = treeOf(b).name();
        int keylen = KeyHeader.length(large, "TBasket", b.spec.name(), treeName) + BASKET_FIELDS;
        int dataLen = data.length();
        byte[] payload;
        int len;
        int nevBufSize;
        if (b.spec.jagged()) {
            // entry offsets count from the key's start; ROOT appends n+1 of them after the data
            data.i32(n + 1);
            for (int i = 0; i < n; i++) data.i32(keylen + entryStarts[i]);
            data.i32(keylen + dataLen);
            payload = data.array();
            len = data.length();
            nevBufSize = 1000;
            while (n + 1 >= nevBufSize) nevBufSize *= 2;
        } else {
            payload = data.array();
            len = dataLen;
            nevBufSize = b.itemSize;
        }
        byte[] stored = BlockCompressor.compress(payload, len, options.compression());
        int nbytes = keylen + stored.length;
        OutBuffer out = new OutBuffer(keylen);
        new KeyHeader(nbytes, large, len, datime, 0, at, BEGIN, "TBasket", b.spec.name(), treeName).write(out, keylen);
        out.i16(3).i32(Math.max(options.basketSize(), keylen + len)).i32(nevBufSize).i32(n).i32(keylen + dataLen).i8(0);
        write(at, out.array(), out.length());
        write(at + keylen, stored, stored.length);
        end = at + nbytes;
        return new BranchBuffer.BasketWrite(at, nbytes, keylen, len);
    }

    private TreeWriter treeOf(BranchBuffer b) {
        for (TreeWriter t : trees) if (t.branches.contains(b)) return t;
        throw new IllegalStateException("branch " + b.spec.name() + " belongs to no tree");
    }

    private void write(long at, byte[] b, int len) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
        long p = at;
        while (bb.hasRemaining()) p += channel.write(bb, p);
    }

    /** Writes the trees' last baskets and metadata, the keys list, free segments, directory and header. */
    @Override
    public void close() throws RootIOException {
        if (closed) return;
        closed = true;
        try {
            for (TreeWriter t : trees) {
                t.finish();
                long at = end;
                boolean large = large(at);
                int keylen = KeyHeader.length(large, "TTree", t.name(), t.title());
                OutBuffer obj = new OutBuffer(4096, keylen);
                TTreeStreamer.write(obj, t, options.compression().fCompress());
                writeKey(at, large, "TTree", t.name(), t.title(), obj.array(), obj.length(), 1);
            }
            long seekKeys = end;
            boolean keysLarge = large(seekKeys);
            OutBuffer list = new OutBuffer(256);
            list.i32(keys.size());
            for (KeyHeader k : keys) k.write(list);
            int keysKeylen = KeyHeader.length(keysLarge, "TFile", fileName, title);
            int nbytesKeys = keysKeylen + list.length();
            OutBuffer keysRecord = new OutBuffer(nbytesKeys);
            new KeyHeader(nbytesKeys, keysLarge, list.length(), datime, 1, seekKeys, BEGIN, "TFile", fileName, title).write(keysRecord);
            keysRecord.bytes(list.array(), 0, list.length());
            write(seekKeys, keysRecord.array(), keysRecord.length());
            end = seekKeys + nbytesKeys;

            long seekFree = end;
            boolean freeLarge = large(seekFree);
            int freeKeylen = KeyHeader.length(freeLarge, "TFile", fileName, title);
            int freeLen = freeLarge ? 18 : 10;
            int nbytesFree = freeKeylen + freeLen;
            long fileEnd = seekFree + nbytesFree;
            OutBuffer free = new OutBuffer(nbytesFree);
            new KeyHeader(nbytesFree, freeLarge, freeLen, datime, 1, seekFree, BEGIN, "TFile", fileName, title).write(free);
            // one free segment: from the end of the file to ROOT's "unlimited"
            if (freeLarge) free.i16(1001).i64(fileEnd).i64(Math.max(fileEnd, START_BIG_FILE) * 1000);
            else free.i16(1).i32((int) fileEnd).i32((int) START_BIG_FILE);
            write(seekFree, free.array(), free.length());
            end = fileEnd;

            int nbytesName = KeyHeader.length(false, "TFile", fileName, title) + OutBuffer.tstringSize(fileName) + OutBuffer.tstringSize(title);
            OutBuffer top = new OutBuffer(topRecordLength());
            int topLen = topRecordLength();
            new KeyHeader(topLen, false, topLen - KeyHeader.length(false, "TFile", fileName, title), datime, 1, BEGIN, 0, "TFile", fileName, title).write(top);
            top.tstring(fileName).tstring(title);
            boolean dirLarge = large(seekKeys);
            top.i16(dirLarge ? 1005 : 5).i32(datime).i32(datime).i32(nbytesKeys).i32(nbytesName);
            if (dirLarge) top.i64(BEGIN).i64(0).i64(seekKeys);
            else top.i32(BEGIN).i32(0).i32((int) seekKeys);
            top.i16(1).bytes(uuid);
            if (!dirLarge) top.zeros(12);
            if (top.length() != topLen) throw new IllegalStateException("top directory record is " + top.length() + " bytes, expected " + topLen);
            write(BEGIN, top.array(), top.length());

            boolean fileLarge = large(fileEnd);
            OutBuffer h = new OutBuffer(BEGIN);
            h.bytes(new byte[]{'r', 'o', 'o', 't'}).i32(ROOT_VERSION + (fileLarge ? 1_000_000 : 0)).i32(BEGIN);
            if (fileLarge) h.i64(fileEnd).i64(seekFree); else h.i32((int) fileEnd).i32((int) seekFree);
            h.i32(nbytesFree).i32(1).i32(nbytesName).i8(fileLarge ? 8 : 4).i32(options.compression().fCompress());
            if (fileLarge) h.i64(seekInfo); else h.i32((int) seekInfo);
            h.i32(nbytesInfo).i16(1).bytes(uuid);
            h.zeros(BEGIN - h.length());
            write(0, h.array(), h.length());
            channel.truncate(fileEnd);
        } catch (IOException e) {
            throw new RootIOException("rootio: writing " + path + " failed: " + e.getMessage(), e);
        } finally {
            try {
                channel.close();
            } catch (IOException ignored) {
                // the write error above, if any, is the one to report
            }
        }
    }
}
