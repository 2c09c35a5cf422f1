package pocket.rootio.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Makes the writer's streamer-info resource from real NanoAOD files: reads the StreamerInfo
 * TList of each with its own byte-level code, keeps the records the writer's TTrees need, and
 * re-streams them as one TList whose back references suit a key of {@link RootFileWriter#STREAMER_INFO_KEYLEN}
 * bytes. Run {@code main} to refresh src/main/resources/pocket/rootio/write/streamerinfo.bin;
 * {@code StreamerInfoResourceTest} checks that the committed bytes are what this makes.
 */
public final class StreamerInfoResource {
    /** Records taken from nano_dy.root (written by CMSSW's ROOT 6.18), in its order. */
    static final String ROOT_FILE = "nano_dy.root";
    /** nano_dy.root has no TLeafS (no Short_t branch); its record comes from nano_tt_v15.root. */
    static final String SHORT_LEAF_FILE = "nano_tt_v15.root";

    private StreamerInfoResource() {}

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data/nanoaod");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/pocket/rootio/write/streamerinfo.bin");
        Files.createDirectories(out.getParent());
        Files.write(out, make(data));
        System.out.println("wrote " + out);
    }

    /** The TList payload for the writer, made from the samples in {@code dataDir}. */
    static byte[] make(Path dataDir) throws IOException {
        List<Item> fromRoot = readList(dataDir.resolve(ROOT_FILE));
        List<Item> fromV15 = readList(dataDir.resolve(SHORT_LEAF_FILE));
        List<Item> keep = new ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Item it : fromRoot) {
            if (!seen.add(it.name)) continue;               // ROOT wrote ROOT::TIOFeatures twice
            if (it.name.equals("listOfRules")) continue;     // goes last, as ROOT puts it
            keep.add(it);
            if (it.name.equals("TLeafI")) {
                for (Item s : fromV15) if (s.name.equals("TLeafS")) { keep.add(s); seen.add("TLeafS"); }
            }
        }
        if (!seen.contains("TLeafS")) throw new IOException("no TLeafS record in " + SHORT_LEAF_FILE);
        for (Item it : fromRoot) if (it.name.equals("listOfRules")) keep.add(it);

        return restream(keep, RootFileWriter.STREAMER_INFO_KEYLEN);
    }

    /** Streams the items as one TList for a key of {@code keylen} bytes. */
    static byte[] restream(List<Item> items, int keylen) {
        OutBuffer out = new OutBuffer(32768, keylen);
        int m = out.beginVersion(5);
        out.tobject(0x02000000).tstring("").i32(items.size());   // ROOT writes this list with kNotDeleted only
        for (Item it : items) {
            emit(out, it.node);
            out.i8(it.option.length).bytes(it.option);
        }
        out.endVersion(m);
        return out.toByteArray();
    }

    /** One entry of the list: an object pointer and its option string. */
    record Item(String name, Node node, byte[] option) {}

    /** An object pointer: its class and its streamed body, as raw bytes and nested pointers. */
    record Node(String className, List<Object> body) {}

    /** A versioned block inside a body: byte count recomputed on emission. */
    record Block(int version, List<Object> parts) {}

    private static void emit(OutBuffer out, Node n) {
        int m = out.beginObject(new Object(), n.className);
        emitParts(out, n.body);
        out.endVersion(m);
    }

    private static void emitParts(OutBuffer out, List<Object> parts) {
        for (Object p : parts) {
            if (p instanceof byte[] b) out.bytes(b);
            else if (p instanceof Node n) emit(out, n);
            else if (p instanceof Block b) {
                int m = out.beginVersion(b.version);
                emitParts(out, b.parts);
                out.endVersion(m);
            }
        }
    }

    // ---- reading one file's StreamerInfo TList ----

    static List<Item> readList(Path file) throws IOException {
        byte[] d = Files.readAllBytes(file);
        return readPayload(payload(file), new Reader(d).i16((int) seekInfo(d, file) + 14));
    }

    /** The uncompressed StreamerInfo TList of a ROOT file. */
    static byte[] payload(Path file) throws IOException {
        byte[] d = Files.readAllBytes(file);
        return keyPayload(d, (int) seekInfo(d, file), file);
    }

    private static long seekInfo(byte[] d, Path file) throws IOException {
        if (!new String(d, 0, 4, StandardCharsets.US_ASCII).equals("root")) throw new IOException(file + " is not a ROOT file");
        Reader r = new Reader(d);
        return r.i32(4) > 1000000 ? r.i64(45) : r.i32(37);
    }

    /** The items of a StreamerInfo TList payload that was streamed for a key of {@code keylen} bytes. */
    static List<Item> readPayload(byte[] payload, int keylen) throws IOException {
        Reader p = new Reader(payload);
        p.keylen = keylen;
        p.pos = 0;
        // TList body: byte count, version, TObject, name, count
        p.pos += 6 + 10;
        p.tstring();
        int n = p.i32(p.pos); p.pos += 4;
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Node node = p.pointer();
            int optLen = payload[p.pos] & 0xff;
            byte[] opt = java.util.Arrays.copyOfRange(payload, p.pos + 1, p.pos + 1 + optLen);
            p.pos += 1 + optLen;
            items.add(new Item(p.lastName, node, opt));
        }
        return items;
    }

    private static byte[] keyPayload(byte[] d, int at, Path file) throws IOException {
        Reader r = new Reader(d);
        int nbytes = r.i32(at);
        int objlen = r.i32(at + 6);
        int keylen = r.i16(at + 14);
        if (objlen == nbytes - keylen) return java.util.Arrays.copyOfRange(d, at + keylen, at + nbytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream(objlen);
        int p = at + keylen;
        while (p < at + nbytes) {
            String magic = new String(d, p, 2, StandardCharsets.US_ASCII);
            int c = (d[p + 3] & 0xff) | (d[p + 4] & 0xff) << 8 | (d[p + 5] & 0xff) << 16;
            int u = (d[p + 6] & 0xff) | (d[p + 7] & 0xff) << 8 | (d[p + 8] & 0xff) << 16;
            if (!magic.equals("ZL")) throw new IOException(file + ": streamer info compressed with " + magic + ", only ZL is read here");
            Inflater inf = new Inflater();
            inf.setInput(d, p + 9, c);
            byte[] block = new byte[u];
            try {
                if (inf.inflate(block) != u) throw new IOException(file + ": short zlib block");
            } catch (DataFormatException e) {
                throw new IOException(file + ": bad zlib block", e);
            } finally {
                inf.end();
            }
            out.write(block);
            p += 9 + c;
        }
        return out.toByteArray();
    }

    /** Walks the list: knows the shapes of TStreamerInfo, TObjArray and TList; everything else is raw. */
    private static final class Reader {
        final byte[] d;
        int pos;
        int keylen;
        String lastName;
        final Map<Integer, String> classes = new HashMap<>();

        Reader(byte[] d) { this.d = d; }

        int i16(int at) { return (short) ((d[at] & 0xff) << 8 | (d[at + 1] & 0xff)); }
        int i32(int at) { return (d[at] & 0xff) << 24 | (d[at + 1] & 0xff) << 16 | (d[at + 2] & 0xff) << 8 | (d[at + 3] & 0xff); }
        long i64(int at) { return ((long) i32(at) << 32) | (i32(at + 4) & 0xffffffffL); }

        String tstring() {
            int n = d[pos] & 0xff; pos++;
            if (n == 255) { n = i32(pos); pos += 4; }
            String s = new String(d, pos, n, StandardCharsets.UTF_8);
            pos += n;
            return s;
        }

        byte[] raw(int from, int to) { return java.util.Arrays.copyOfRange(d, from, to); }

        Node pointer() throws IOException {
            int count = i32(pos) & ~OutBuffer.BYTE_COUNT_MASK;
            int end = pos + 4 + count;
            int tagAt = pos + 4;
            int tag = i32(tagAt);
            String cls;
            pos = tagAt + 4;
            if (tag == OutBuffer.NEW_CLASS_TAG) {
                int z = pos;
                while (d[z] != 0) z++;
                cls = new String(d, pos, z - pos, StandardCharsets.US_ASCII);
                classes.put(keylen + tagAt + OutBuffer.MAP_OFFSET, cls);
                pos = z + 1;
            } else if ((tag & OutBuffer.CLASS_MASK) != 0) {
                cls = classes.get(tag & ~OutBuffer.CLASS_MASK);
                if (cls == null) throw new IOException("unknown class reference " + Integer.toHexString(tag) + " at " + tagAt);
            } else {
                throw new IOException("object reference where an object was expected at " + tagAt);
            }
            List<Object> body = new ArrayList<>();
            switch (cls) {
                case "TStreamerInfo" -> body.add(streamerInfo(end));
                case "TObjArray", "TList" -> body.add(collection(end, cls.equals("TList")));
                default -> {
                    int bodyStart = pos;
                    body.add(raw(bodyStart, end));
                }
            }
            pos = end;
            return new Node(cls, body);
        }

        Block streamerInfo(int end) throws IOException {
            int version = i16(pos + 4);
            int start = pos + 6;
            pos = start;
            // TNamed: byte count and version, TObject, name, title
            int namedCount = i32(pos) & ~OutBuffer.BYTE_COUNT_MASK;
            int namedEnd = pos + 4 + namedCount;
            pos += 6 + 10;
            lastName = tstring();
            pos = namedEnd + 8;                      // fCheckSum, fClassVersion
            List<Object> parts = new ArrayList<>();
            parts.add(raw(start, pos));
            String name = lastName;
            parts.add(pointer());
            lastName = name;
            if (pos != end) throw new IOException("TStreamerInfo " + name + " ends at " + pos + ", byte count says " + end);
            return new Block(version, parts);
        }

        Block collection(int end, boolean isList) throws IOException {
            int version = i16(pos + 4);
            int start = pos + 6;
            pos = start + 10;
            String name = tstring();
            int n = i32(pos); pos += 4;
            if (!isList) pos += 4;                   // TObjArray's fLowerBound
            List<Object> parts = new ArrayList<>();
            parts.add(raw(start, pos));
            for (int i = 0; i < n; i++) {
                parts.add(pointer());
                if (isList) {
                    int optLen = d[pos] & 0xff;
                    parts.add(raw(pos, pos + 1 + optLen));
                    pos += 1 + optLen;
                }
            }
            if (pos != end) throw new IOException("collection '" + name + "' ends at " + pos + ", byte count says " + end);
            lastName = name;
            return new Block(version, parts);
        }
    }
}
