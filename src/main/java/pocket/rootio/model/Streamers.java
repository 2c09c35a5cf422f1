package pocket.rootio.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pocket.rootio.CorruptDataException;
import pocket.rootio.UnsupportedFormatException;
import pocket.rootio.io.RBuffer;

/**
 * Reads the streamed objects of a TTree record (TTree, TObjArray, TBranch, TBranchElement, the
 * TLeaf family, TBasket) with their fixed member layouts, following TBufferFile's rules for byte
 * counts, versions and object/class references. Members pocket does not need are skipped by byte
 * count; every object's end is checked against its byte count, so a layout mismatch is an error,
 * never a silently wrong value.
 */
public final class Streamers {
    private static final int kByteCountMask = 0x40000000;
    private static final int kNewClassTag = 0xFFFFFFFF;
    private static final int kClassMask = 0x80000000;
    private static final int kMapOffset = 2;
    private static final int kIsReferenced = 1 << 4;

    private Streamers() {}

    /** A class seen in the reference table. */
    private record ClassTag(String name) {}

    /** An object of a class pocket skips (kept so references to it resolve to something). */
    public record Skipped(String className) {}

    /** A version header: the version and the displacement where the object ends (-1 without byte count). */
    record Header(int version, int end, int start) {}

    static Header header(RBuffer b) {
        int start = b.displacement();
        int first = b.i32();
        if ((first & kByteCountMask) != 0) {
            int count = first & ~kByteCountMask;
            int version = b.i16();
            return new Header(version, start + 4 + count, start);
        }
        b.seekDisplacement(start);
        return new Header(b.i16(), -1, start);
    }

    static void end(RBuffer b, Header h, String what) throws CorruptDataException {
        if (h.end >= 0 && b.displacement() != h.end)
            throw new CorruptDataException(b.where() + ": " + what + " (class version " + h.version + ") ends at "
                    + b.offsetText() + " but its byte count says it ends " + (h.end - b.displacement())
                    + " bytes further; pocket's layout for this class version does not match the file");
    }

    static void skipTo(RBuffer b, Header h, String what) throws CorruptDataException {
        if (h.end < 0) throw new CorruptDataException(b.where() + ": " + what + " at " + b.offsetText() + " has no byte count to skip by");
        b.seekDisplacement(h.end);
    }

    static void tobject(RBuffer b) {
        int version = b.i16();
        if ((version & 0x4000) != 0) b.skip(4); // a byte count (kByteCountVMask) written before the version
        b.i32(); // fUniqueID
        int bits = b.i32();
        if ((bits & kIsReferenced) != 0) b.skip(2); // pidf
    }

    /** TNamed: returns {fName, fTitle}. */
    static String[] tnamed(RBuffer b) throws CorruptDataException {
        Header h = header(b);
        tobject(b);
        String[] nt = {b.tstring(), b.tstring()};
        end(b, h, "TNamed");
        return nt;
    }

    static void skipObject(RBuffer b, String what) throws CorruptDataException {
        Header h = header(b);
        skipTo(b, h, what);
    }

    /** The TTree record, read up to its branches. */
    public static TTree ttree(RBuffer b) throws CorruptDataException, UnsupportedFormatException {
        Header h = header(b);
        int v = h.version;
        if (v < 16 || v > 20)
            throw new UnsupportedFormatException(b.where() + ": TTree class version " + v + " at " + b.offsetText()
                    + "; pocket reads versions 16 to 20 (ROOT 5.26 and later)");
        String[] nt = tnamed(b);
        skipObject(b, "TAttLine");
        skipObject(b, "TAttFill");
        skipObject(b, "TAttMarker");
        long entries = b.i64(), totBytes = b.i64(), zipBytes = b.i64();
        b.i64(); // fSavedBytes
        if (v >= 18) b.i64(); // fFlushedBytes
        b.f64(); // fWeight
        b.i32(); b.i32(); b.i32(); // fTimerInterval, fScanField, fUpdate
        if (v >= 17) b.i32(); // fDefaultEntryOffsetLen
        int nClusterRange = v >= 19 ? b.i32() : 0;
        b.i64(); b.i64(); b.i64(); b.i64(); // fMaxEntries, fMaxEntryLoop, fMaxVirtualSize, fAutoSave
        if (v >= 17) b.i64(); // fAutoFlush
        b.i64(); // fEstimate
        if (v >= 19) {
            b.skip(1); b.skip(8 * nClusterRange); // fClusterRangeEnd
            b.skip(1); b.skip(8 * nClusterRange); // fClusterSize
        }
        if (v >= 20) skipObject(b, "TIOFeatures");
        List<Object> branches = tobjarray(b);
        List<TBranch> out = new ArrayList<>();
        for (Object o : branches) if (o instanceof TBranch br) out.add(br);
        // fLeaves, aliases, indices, friends and user info follow; pocket needs none of them.
        if (h.end >= 0) b.seekDisplacement(h.end);
        return new TTree(nt[0], nt[1], v, entries, totBytes, zipBytes, List.copyOf(out));
    }

    /** A TObjArray streamed as a member (no pointer tag), its elements as objects (null kept). */
    static List<Object> tobjarray(RBuffer b) throws CorruptDataException, UnsupportedFormatException {
        Header h = header(b);
        if (h.version > 2) tobject(b);
        if (h.version > 1) b.tstring(); // fName
        int n = b.i32();
        b.i32(); // fLowerBound
        if (n < 0 || n > b.remaining())
            throw new CorruptDataException(b.where() + ": TObjArray at " + b.offsetText() + " claims " + n + " elements");
        List<Object> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) out.add(objectAny(b));
        end(b, h, "TObjArray");
        return out;
    }

    /** TBufferFile::ReadObjectAny: a pointer that is null, a reference, or a (new-class) object. */
    static Object objectAny(RBuffer b) throws CorruptDataException, UnsupportedFormatException {
        int beg = b.displacement();
        int bcnt = b.i32();
        int tag;
        int start = 0;
        boolean hasCount;
        if ((bcnt & kByteCountMask) == 0 || bcnt == kNewClassTag) {
            tag = bcnt;
            bcnt = 0;
            hasCount = false;
        } else {
            hasCount = true;
            start = b.displacement();
            tag = b.i32();
            bcnt &= ~kByteCountMask;
        }
        Map<Integer, Object> refs = b.refs();
        if ((tag & kClassMask) == 0) {
            if (tag == 0) return null;
            Object o = refs.get(tag);
            if (o == null && hasCount) b.seekDisplacement(beg + 4 + bcnt); // reference to an object pocket skipped
            return o instanceof ClassTag ? null : o;
        }
        String cls;
        if (tag == kNewClassTag) {
            cls = b.cstring();
            refs.put(hasCount ? start + kMapOffset : refs.size() + 1, new ClassTag(cls));
        } else {
            int ref = tag & ~kClassMask;
            Object c = refs.get(ref);
            if (!(c instanceof ClassTag ct))
                throw new CorruptDataException(b.where() + ": object at " + b.offsetText() + " refers to class tag " + ref
                        + " that was not defined before (corrupt record?)");
            cls = ct.name;
        }
        int objEnd = hasCount ? beg + 4 + bcnt : -1;
        Object obj = switch (cls) {
            case "TBranch", "TBranchElement", "TBranchObject" -> tbranch(b, cls);
            case "TBasket" -> tbasket(b);
            case "TLeafF", "TLeafD", "TLeafI", "TLeafL", "TLeafS", "TLeafB", "TLeafO", "TLeafC", "TLeafF16", "TLeafD32",
                 "TLeafG", "TLeafElement", "TLeafObject" -> tleaf(b, cls);
            default -> {
                if (objEnd < 0)
                    throw new UnsupportedFormatException(b.where() + ": object of class " + cls + " at " + b.offsetText()
                            + " has no byte count, and pocket does not read that class");
                b.seekDisplacement(objEnd);
                yield new Skipped(cls);
            }
        };
        if (objEnd >= 0 && b.displacement() != objEnd)
            throw new CorruptDataException(b.where() + ": " + cls + " object ends at " + b.offsetText() + " but its byte count says "
                    + (objEnd - b.displacement()) + " bytes further; pocket's layout for this class does not match the file");
        refs.put(hasCount ? beg + kMapOffset : refs.size() + 1, obj);
        return obj;
    }

    static TLeaf tleaf(RBuffer b, String cls) throws CorruptDataException, UnsupportedFormatException {
        Header outer = header(b);
        Header h = header(b); // the TLeaf base
        String[] nt = tnamed(b);
        int len = b.i32(), lenType = b.i32(), offset = b.i32();
        boolean isRange = b.bool(), isUnsigned = b.bool();
        Object count = objectAny(b);
        end(b, h, "TLeaf " + nt[0]);
        int type = -1;
        if (cls.equals("TLeafElement")) {
            b.i32(); // fID
            type = b.i32();
        }
        // fMinimum/fMaximum of the typed leaves are not needed
        skipTo(b, outer, cls + " " + nt[0]);
        return new TLeaf(cls, nt[0], nt[1], len, lenType, offset, isRange, isUnsigned,
                count instanceof TLeaf l ? l : null, type);
    }

    static TBranch tbranch(RBuffer b, String cls) throws CorruptDataException, UnsupportedFormatException {
        Header outer = header(b);
        Header h = cls.equals("TBranch") ? outer : header(b);
        int v = h.version;
        if (v < 12 || v > 13)
            throw new UnsupportedFormatException(b.where() + ": TBranch class version " + v + " at " + b.offsetText()
                    + "; pocket reads versions 12 and 13 (ROOT 6)");
        String[] nt = tnamed(b);
        skipObject(b, "TAttFill");
        int compress = b.i32(), basketSize = b.i32(), entryOffsetLen = b.i32(), writeBasket = b.i32();
        b.i64(); // fEntryNumber
        if (v >= 13) skipObject(b, "TIOFeatures");
        b.i32(); // fOffset
        int maxBaskets = b.i32();
        b.i32(); // fSplitLevel
        long entries = b.i64();
        b.i64(); // fFirstEntry
        long totBytes = b.i64(), zipBytes = b.i64();
        String where = "branch " + nt[0];
        if (maxBaskets < 0 || writeBasket < 0 || writeBasket > maxBaskets)
            throw new CorruptDataException(b.where() + ", " + where + ": fWriteBasket " + writeBasket + " / fMaxBaskets "
                    + maxBaskets + " at " + b.offsetText() + " are inconsistent");
        List<TBranch> subs = new ArrayList<>();
        for (Object o : tobjarray(b)) if (o instanceof TBranch br) subs.add(br);
        List<TLeaf> leaves = new ArrayList<>();
        for (Object o : tobjarray(b)) if (o instanceof TLeaf l) leaves.add(l);
        List<Object> baskets = tobjarray(b);
        TBasket[] embedded = new TBasket[Math.max(maxBaskets, baskets.size())];
        for (int i = 0; i < baskets.size(); i++) if (baskets.get(i) instanceof TBasket t) embedded[i] = t;
        b.skip(1);
        int[] basketBytes = b.i32s(maxBaskets);
        b.skip(1);
        long[] basketEntry = b.i64s(maxBaskets);
        b.skip(1);
        long[] basketSeek = b.i64s(maxBaskets);
        b.tstring(); // fFileName
        end(b, h, "TBranch " + nt[0]);
        int type = -1, streamerType = -1;
        String className = null;
        if (!cls.equals("TBranch") && cls.equals("TBranchElement")) {
            className = b.tstring();
            b.tstring(); // fParentName
            b.tstring(); // fClonesName
            b.i32(); // fCheckSum
            if (outer.version >= 10) b.i16(); else b.i32(); // fClassVersion
            b.i32(); // fID
            type = b.i32();
            streamerType = b.i32();
        }
        if (outer != h) skipTo(b, outer, cls + " " + nt[0]);
        return new TBranch(cls, nt[0], nt[1], compress, basketSize, entryOffsetLen, writeBasket, maxBaskets, entries,
                totBytes, zipBytes, List.copyOf(subs), List.copyOf(leaves), embedded, basketBytes, basketEntry, basketSeek,
                type, streamerType, className);
    }

    /** A TBasket streamed inside its TTree (TBasket::Streamer): key header, basket header, offsets, payload. */
    static TBasket tbasket(RBuffer b) throws CorruptDataException {
        TKey key = TKey.read(b);
        b.i16(); // TBasket version
        int bufferSize = b.i32();
        int nevBufSize = b.i32();
        if (nevBufSize < 0) { nevBufSize = -nevBufSize; b.u8(); } // fIOBits
        int nevBuf = b.i32();
        int last = b.i32();
        int flag = b.i8();
        boolean generateOffsets = flag >= 80;
        if (generateOffsets) flag -= 80;
        int[] entryOffset = null;
        if (!generateOffsets && flag != 0 && flag % 10 != 2) {
            if (nevBuf > 0) {
                int n = b.i32();
                if (n < 0 || n * 4L > b.remaining())
                    throw new CorruptDataException(b.where() + ": embedded basket of " + key.fName() + " at " + b.offsetText()
                            + " claims " + n + " entry offsets");
                entryOffset = b.i32s(n);
                if (20 < flag && flag < 40) for (int i = 0; i < n; i++) entryOffset[i] &= ~0xFF000000;
            }
            if (flag > 40) { int n = b.i32(); b.skip(4 * n); } // fDisplacement
        }
        byte[] data = null;
        if (flag == 1 || flag > 10) {
            int keylen = key.fKeylen();
            if (last < keylen)
                throw new CorruptDataException(b.where() + ": embedded basket of " + key.fName() + " at " + b.offsetText()
                        + " has fLast " + last + " below its key length " + keylen);
            b.need(last);
            data = new byte[last - keylen];
            System.arraycopy(b.array(), b.pos() + keylen, data, 0, last - keylen);
            b.skip(last);
        }
        return new TBasket(key, bufferSize, nevBufSize, nevBuf, last, flag, entryOffset, data);
    }

    /** The basket header that opens an on-disk basket record (TKey fields, then the TBasket ones). */
    public static TBasket basketHeader(RBuffer b) {
        TKey key = TKey.read(b);
        b.i16();
        int bufferSize = b.i32();
        int nevBufSize = b.i32();
        if (nevBufSize < 0) { nevBufSize = -nevBufSize; b.u8(); }
        int nevBuf = b.i32();
        int last = b.i32();
        int flag = b.i8();
        return new TBasket(key, bufferSize, nevBufSize, nevBuf, last, flag, null, null);
    }
}
