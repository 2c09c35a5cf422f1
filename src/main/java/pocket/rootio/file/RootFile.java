package pocket.rootio.file;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import pocket.rootio.CorruptDataException;
import pocket.rootio.FileBytes;
import pocket.rootio.KeyInfo;
import pocket.rootio.NotRootFileException;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.rootio.TruncatedFileException;
import pocket.rootio.UnsupportedFormatException;
import pocket.rootio.MissingObjectException;
import pocket.rootio.compress.Blocks;
import pocket.rootio.io.RBuffer;
import pocket.rootio.model.FileHeader;
import pocket.rootio.model.Streamers;
import pocket.rootio.model.TDirectory;
import pocket.rootio.model.TKey;
import pocket.rootio.model.TTree;
import pocket.rootio.read.TreeReader;
import pocket.rootio.source.Source;
import pocket.rootio.source.Sources;
import pocket.util.Names;

/**
 * An open ROOT file: its header, its keys and directories (highest cycle wins), and its TTrees
 * as columnar {@link Tree}s. Thread-safe: trees of one file may be read from several threads.
 */
public class RootFile implements FileBytes, Closeable {
    private final Source source;
    private final long size;
    private final FileHeader header;
    private final List<KeyInfo> topKeys;
    private final Map<String, List<KeyInfo>> dirKeys = new ConcurrentHashMap<>();
    private final Map<String, Tree> trees = new ConcurrentHashMap<>();

    private RootFile(Source source) throws RootIOException {
        this.source = source;
        try {
            this.size = source.size();
        } catch (IOException e) {
            throw new RootIOException("rootio: cannot get the size of " + source.name() + ": " + e.getMessage(), e);
        }
        this.header = readHeader();
        RBuffer top = new RBuffer(bytes(header.fBEGIN() + header.fNbytesName(), (int) Math.min(80, size - header.fBEGIN() - header.fNbytesName()),
                "top directory"), header.fBEGIN() + header.fNbytesName(), "rootio: " + name() + ", top directory");
        this.topKeys = parse(() -> readKeys(TDirectory.read(top), ""));
    }

    /** Opens a local path, or a root:// / http(s):// URL when a remote source for the scheme exists. */
    public static RootFile open(String pathOrUrl) throws RootIOException {
        Source s = Sources.open(pathOrUrl);
        try {
            return new RootFile(s);
        } catch (RootIOException | RuntimeException e) {
            try { s.close(); } catch (IOException ignored) { }
            throw e;
        }
    }

    /** Opens a ROOT file over an already open source (closed with the file). */
    public static RootFile open(Source source) throws RootIOException {
        try {
            return new RootFile(source);
        } catch (RootIOException | RuntimeException e) {
            try { source.close(); } catch (IOException ignored) { }
            throw e;
        }
    }

    @Override public String name() { return source.name(); }
    public Source source() { return source; }
    @Override public long size() { return size; }
    public FileHeader header() { return header; }

    /** ROOT's file-level compression setting, e.g. "LZMA:9". */
    @Override public String compression() { return Blocks.settingName(header.fCompress()); }

    /** All keys of the top directory, every cycle, in file order. */
    public List<KeyInfo> keys() { return topKeys; }

    /** All keys of a directory ("" for the top one, "dir/sub" for nested ones). */
    public List<KeyInfo> keys(String directory) throws RootIOException {
        String d = strip(directory);
        if (d.isEmpty()) return topKeys;
        List<KeyInfo> cached = dirKeys.get(d);
        if (cached != null) return cached;
        KeyInfo k = key(d);
        if (!k.isDirectory())
            throw new MissingObjectException("rootio: " + d + " in " + name() + " is a " + k.className() + ", not a directory");
        byte[] rec = bytes(k.seekKey(), k.nbytes(), "directory " + d);
        List<KeyInfo> keys = parse(() -> {
            RBuffer b = new RBuffer(rec, k.seekKey(), "rootio: " + name() + ", directory " + d);
            TKey tk = TKey.read(b);
            b.seek(tk.fKeylen());
            return readKeys(TDirectory.read(b), d + "/");
        });
        dirKeys.put(d, keys);
        return keys;
    }

    /** The highest cycle of each name in a directory, in file order. */
    public List<KeyInfo> latestKeys(String directory) throws RootIOException {
        Map<String, KeyInfo> best = new LinkedHashMap<>();
        for (KeyInfo k : keys(directory)) best.merge(k.name(), k, (a, b) -> b.cycle() > a.cycle() ? b : a);
        return List.copyOf(best.values());
    }

    /** Paths of all directories, nested ones included ("dir", "dir/sub"). */
    public List<String> directories() throws RootIOException {
        List<String> out = new ArrayList<>();
        collectDirs("", out);
        return out;
    }

    private void collectDirs(String dir, List<String> out) throws RootIOException {
        for (KeyInfo k : latestKeys(dir)) if (k.isDirectory()) { out.add(k.path()); collectDirs(k.path(), out); }
    }

    /**
     * The key at a path "dir/name" or "dir/name;cycle"; without a cycle the highest wins.
     *
     * @throws MissingObjectException naming the nearest keys
     */
    public KeyInfo key(String path) throws RootIOException {
        String p = strip(path);
        int cycle = -1;
        int semi = p.lastIndexOf(';');
        if (semi >= 0) {
            try { cycle = Integer.parseInt(p.substring(semi + 1)); } catch (NumberFormatException e) {
                throw new MissingObjectException("rootio: bad cycle in key path '" + path + "' for " + name() + "; expected name;number");
            }
            p = p.substring(0, semi);
        }
        int slash = p.lastIndexOf('/');
        String dir = slash < 0 ? "" : p.substring(0, slash), leaf = p.substring(slash + 1);
        KeyInfo best = null;
        List<KeyInfo> keys = keys(dir);
        for (KeyInfo k : keys)
            if (k.name().equals(leaf) && (cycle < 0 ? best == null || k.cycle() > best.cycle() : k.cycle() == cycle)) best = k;
        if (best == null) {
            List<String> names = new ArrayList<>();
            for (KeyInfo k : keys) if (!names.contains(k.path())) names.add(k.path());
            throw new MissingObjectException("rootio: no key '" + path + "' in " + name()
                    + (dir.isEmpty() ? "" : " (directory " + dir + ")") + Names.nearestHint(p, names));
        }
        return best;
    }

    /**
     * The TTree or RNTuple at a key path (e.g. "Events" or "dir/sub/tree"), highest cycle; an RNTuple
     * comes as a {@link pocket.rootio.rntuple.RNTupleTree} with the TTree's branch names.
     *
     * @throws MissingObjectException when there is no such key (listing the nearest)
     * @throws UnsupportedFormatException when the key holds another class
     */
    public Tree tree(String name) throws RootIOException {
        Tree t = trees.get(name);
        if (t != null) return t;
        KeyInfo k = key(name);
        if (k.isRNTuple()) {
            t = pocket.rootio.rntuple.RNTupleTree.open(this, k);
            trees.put(name, t);
            return t;
        }
        if (!k.isTree()) {
            List<String> treeKeys = new ArrayList<>();
            for (KeyInfo o : latestKeys("")) treeKeys.add(o.path() + " (" + o.className() + ")");
            String why = "a " + k.className() + ", not a TTree or an RNTuple";
            throw new UnsupportedFormatException("rootio: '" + k.path() + "' in " + name() + " is " + why + "; keys: " + String.join(", ", treeKeys));
        }
        Record rec = record(k);
        String where = "rootio: " + name() + ", tree " + k.path();
        TTree model = parse(() -> Streamers.ttree(new RBuffer(rec.object, 0, rec.object.length, rec.keylen, rec.stored == rec.object.length ? k.seekKey() + rec.keylen : -1, where)));
        t = new TreeReader(this, k.path(), model);
        trees.put(name, t);
        return t;
    }

    /** Names of the trees (TTrees and RNTuples) in the top directory (highest cycles). */
    public List<String> treeNames() throws RootIOException {
        List<String> out = new ArrayList<>();
        for (KeyInfo k : latestKeys("")) if (k.isTree() || k.isRNTuple()) out.add(k.path());
        return out;
    }

    /** The uncompressed object of a key (its record after the key header). */
    @Override public byte[] objectBytes(KeyInfo k) throws RootIOException { return record(k).object; }

    private record Record(byte[] object, int keylen, int stored) {}

    private Record record(KeyInfo k) throws RootIOException {
        byte[] rec = bytes(k.seekKey(), k.nbytes(), k.className() + " " + k.path());
        TKey tk = parse(() -> TKey.read(new RBuffer(rec, k.seekKey(), "rootio: " + name() + ", key " + k.path())));
        if (tk.fKeylen() <= 0 || tk.fKeylen() > rec.length)
            throw new CorruptDataException("rootio: " + name() + ", key " + k.path() + " at byte " + k.seekKey() + ": key length "
                    + tk.fKeylen() + " does not fit the " + rec.length + "-byte record");
        byte[] obj = Blocks.decompress(rec, tk.fKeylen(), rec.length - tk.fKeylen(), tk.fObjlen(),
                "rootio: " + name() + ", " + k.className() + " " + k.path(), k.seekKey() + tk.fKeylen());
        return new Record(obj, tk.fKeylen(), rec.length - tk.fKeylen());
    }

    /**
     * Exactly {@code length} bytes at {@code offset}.
     *
     * @throws TruncatedFileException when the file ends first, naming what was being read
     */
    @Override public byte[] bytes(long offset, int length, String what) throws RootIOException {
        ByteBuffer buf = buffer(offset, length, what);
        if (buf.hasArray() && buf.arrayOffset() == 0 && buf.position() == 0 && buf.array().length == length) return buf.array();
        byte[] out = new byte[length];
        buf.get(out);
        return out;
    }

    /** As {@link #bytes}, as the source's buffer. */
    public ByteBuffer buffer(long offset, int length, String what) throws RootIOException {
        checkRange(offset, length, what);
        try {
            return source.read(offset, length);
        } catch (RootIOException e) {
            throw e;
        } catch (IOException e) {
            throw new RootIOException("rootio: " + name() + ", " + what + ": cannot read " + length + " bytes at byte " + offset + ": " + e.getMessage(), e);
        }
    }

    /** @throws TruncatedFileException when {@code [offset, offset+length)} is not inside the file */
    public void checkRange(long offset, long length, String what) throws TruncatedFileException {
        checkRange(offset, length, () -> what);
    }

    /** As {@link #checkRange(long, long, String)}, the object named only when the check fails (a read checks thousands of baskets). */
    @Override public void checkRange(long offset, long length, java.util.function.Supplier<String> what) throws TruncatedFileException {
        if (offset < 0 || length < 0 || offset + length > size)
            throw new TruncatedFileException("rootio: " + name() + ", " + what.get() + ": needs bytes " + offset + " to " + (offset + length)
                    + " but the file has " + size + " bytes (truncated file?)");
    }

    private FileHeader readHeader() throws RootIOException {
        if (size < 4) throw new NotRootFileException("rootio: " + name() + " is not a ROOT file: it has only " + size + " bytes (expected the \"root\" header)");
        byte[] head = bytes(0, (int) Math.min(size, 128), "file header");
        if (head[0] != 'r' || head[1] != 'o' || head[2] != 'o' || head[3] != 't')
            throw new NotRootFileException("rootio: " + name() + " is not a ROOT file: byte 0 holds \"" + printable(head)
                    + "\", expected \"root\"");
        FileHeader h = parse(() -> FileHeader.read(new RBuffer(head, 0, "rootio: " + name() + ", file header")));
        if (h.fEND() > size)
            throw new TruncatedFileException("rootio: " + name() + " is truncated: its header says the file ends at byte " + h.fEND()
                    + " but it has " + size + " bytes");
        if (h.fBEGIN() <= 0 || h.fBEGIN() + h.fNbytesName() >= size)
            throw new CorruptDataException("rootio: " + name() + ", file header: fBEGIN " + h.fBEGIN() + " / fNbytesName " + h.fNbytesName()
                    + " point outside the file of " + size + " bytes");
        return h;
    }

    private List<KeyInfo> readKeys(TDirectory dir, String prefix) throws RootIOException {
        if (dir.fSeekKeys() == 0) return List.of();
        String what = "key list of " + (prefix.isEmpty() ? "the top directory" : "directory " + prefix.substring(0, prefix.length() - 1));
        byte[] rec = bytes(dir.fSeekKeys(), dir.fNbytesKeys(), what);
        RBuffer b = new RBuffer(rec, dir.fSeekKeys(), "rootio: " + name() + ", " + what);
        TKey listKey = TKey.read(b);
        b.seek(listKey.fKeylen());
        int n = b.i32();
        if (n < 0 || n > rec.length / 20)
            throw new CorruptDataException("rootio: " + name() + ", " + what + " at byte " + dir.fSeekKeys() + " claims " + n + " keys");
        List<KeyInfo> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            TKey k = TKey.read(b);
            out.add(new KeyInfo(prefix + k.fName(), k.fName(), k.fClassName(), k.fCycle(), k.fTitle(), k.fSeekKey(), k.fNbytes(), k.fObjlen()));
        }
        return Collections.unmodifiableList(out);
    }

    private static String strip(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    private static String printable(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) s.append(b[i] >= 32 && b[i] < 127 ? String.valueOf((char) b[i]) : String.format("\\x%02x", b[i] & 0xff));
        return s.toString();
    }

    /** Runs a parse step, turning a record that ends too early into a CorruptDataException. */
    public <T> T parse(Parse<T> step) throws RootIOException {
        try {
            return step.run();
        } catch (RBuffer.BufferException e) {
            throw new CorruptDataException(e.getMessage(), e);
        }
    }

    /** One parse step over a record. */
    @FunctionalInterface public interface Parse<T> { T run() throws RootIOException; }

    @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException { return source.readv(offsets, lengths); }

    @Override public void close() throws IOException { source.close(); }

    @Override public String toString() { return "RootFile(" + name() + ")"; }
}
