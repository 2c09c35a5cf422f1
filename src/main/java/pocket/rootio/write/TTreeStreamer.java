package pocket.rootio.write;

/**
 * Streams a written tree's metadata as ROOT's TTree v20, with its TBranch v13 branches and
 * TLeaf v2 leaves (TLeafO/B/S/I/L/F/D v1), as the streamer-info records in the file describe them.
 */
final class TTreeStreamer {
    /** fBits of TObjects as ROOT writes them: kNotDeleted | kIsOnHeap. */
    private static final int BITS = 0x03000000;
    private static final int TREE_BITS = BITS | 0x8;          // kMustCleanup
    private static final int BRANCH_BITS = BITS | 0x00400000; // as ROOT's own TBranches carry
    private static final int OWNER_ARRAY_BITS = BITS | 0x4000; // TCollection::kIsOwner

    private TTreeStreamer() {}

    static void write(OutBuffer out, TreeWriter t, int fCompress) {
        long totBytes = 0, zipBytes = 0;
        for (BranchBuffer b : t.branches) { totBytes += b.totBytes; zipBytes += b.zipBytes; }

        int m = out.beginVersion(20);
        out.tnamed(t.name(), t.title(), TREE_BITS);
        int a = out.beginVersion(2); out.i16(602).i16(1).i16(1); out.endVersion(a);          // TAttLine
        a = out.beginVersion(2); out.i16(0).i16(1001); out.endVersion(a);                      // TAttFill
        a = out.beginVersion(2); out.i16(1).i16(1).f32(1f); out.endVersion(a);                 // TAttMarker
        out.i64(t.entries()).i64(totBytes).i64(zipBytes).i64(zipBytes).i64(0);
        out.f64(1.0);                                   // fWeight
        out.i32(0).i32(25).i32(0).i32(1000).i32(0);     // fTimerInterval, fScanField, fUpdate, fDefaultEntryOffsetLen, fNClusterRange
        out.i64(1_000_000_000_000L).i64(1_000_000_000_000L); // fMaxEntries, fMaxEntryLoop
        out.i64(0).i64(-300_000_000L).i64(-30_000_000L).i64(1_000_000L); // fMaxVirtualSize, fAutoSave, fAutoFlush, fEstimate
        out.i8(0).i8(0);                                // fClusterRangeEnd, fClusterSize: no ranges
        ioFeatures(out);

        int arr = beginArray(out, OWNER_ARRAY_BITS, t.branches.size());
        for (BranchBuffer b : t.branches) branch(out, b, t, fCompress);
        out.endVersion(arr);

        arr = beginArray(out, BITS, t.branches.size());
        for (BranchBuffer b : t.branches) leaf(out, b.spec, t);
        out.endVersion(arr);

        out.nullPointer();          // fAliases
        out.i32(0);                 // fIndexValues (TArrayD)
        out.i32(0);                 // fIndex (TArrayI)
        out.nullPointer();          // fTreeIndex
        out.nullPointer();          // fFriends
        out.nullPointer();          // fUserInfo
        out.nullPointer();          // fBranchRef
        out.endVersion(m);
    }

    private static void branch(OutBuffer out, BranchBuffer b, TreeWriter t, int fCompress) {
        int obj = out.beginObject(b, "TBranch");
        int m = out.beginVersion(13);
        out.tnamed(b.spec.name(), b.spec.branchTitle(), BRANCH_BITS);
        int a = out.beginVersion(2); out.i16(0).i16(1001); out.endVersion(a);   // TAttFill
        out.i32(fCompress).i32(t.options.basketSize()).i32(b.spec.jagged() ? 1000 : 0);
        out.i32(b.baskets).i64(b.entries);                 // fWriteBasket, fEntryNumber
        ioFeatures(out);
        int maxBaskets = Math.max(10, b.baskets + 1);
        out.i32(0).i32(maxBaskets).i32(0);                 // fOffset, fMaxBaskets, fSplitLevel
        out.i64(b.entries).i64(0).i64(b.totBytes).i64(b.zipBytes);
        out.endVersion(beginArray(out, BITS, 0));          // fBranches
        int leaves = beginArray(out, BITS, 1);
        leaf(out, b.spec, t);
        out.endVersion(leaves);
        out.endVersion(beginArray(out, BITS, 0));          // fBaskets: every basket has its own key
        out.i8(1);
        for (int i = 0; i < maxBaskets; i++) out.i32(i < b.baskets ? b.basketBytes[i] : 0);
        out.i8(1);
        for (int i = 0; i < maxBaskets; i++) out.i64(i <= b.baskets ? b.basketEntry[i] : 0);
        out.i8(1);
        for (int i = 0; i < maxBaskets; i++) out.i64(i < b.baskets ? b.basketSeek[i] : 0);
        out.tstring("");                                   // fFileName
        out.endVersion(m);
        out.endVersion(obj);
    }

    /** Writes the leaf of a branch, or a back reference when it is already in the buffer. */
    private static void leaf(OutBuffer out, BranchSpec s, TreeWriter t) {
        int obj = out.beginObject(s, s.type().leafClass);
        if (obj < 0) return;
        boolean isCounter = t.schema().isCounter(s.name());
        int m = out.beginVersion(1);
        int l = out.beginVersion(2);
        out.tnamed(s.name(), s.leafTitle(), BITS);
        out.i32(1).i32(s.type().bytes).i32(0);             // fLen, fLenType, fOffset
        out.bool(isCounter).bool(s.unsigned());            // fIsRange, fIsUnsigned
        if (s.jagged()) leaf(out, t.schema().branch(s.counter()), t);
        else out.nullPointer();
        out.endVersion(l);
        long max = isCounter ? maximumOf(s, t) : 0;
        switch (s.type()) {
            case BOOL, INT8, UINT8 -> out.i8(0).i8((int) max);
            case INT16, UINT16 -> out.i16(0).i16((int) max);
            case INT32, UINT32 -> out.i32(0).i32((int) max);
            case INT64, UINT64 -> out.i64(0).i64(max);
            case FLOAT32 -> out.f32(0).f32(0);
            case FLOAT64 -> out.f64(0).f64(0);
        }
        out.endVersion(m);
        out.endVersion(obj);
    }

    private static long maximumOf(BranchSpec s, TreeWriter t) {
        for (BranchBuffer b : t.branches) if (b.spec == s) return b.maximum;
        return 0;
    }

    /** A TObjArray header (v3): TObject, empty name, size, lower bound 0; closed by the caller. */
    private static int beginArray(OutBuffer out, int bits, int size) {
        int m = out.beginVersion(3);
        out.tobject(bits).tstring("").i32(size).i32(0);
        return m;
    }

    /** ROOT::TIOFeatures: version 0, so its class checksum follows, then fIOBits. */
    private static void ioFeatures(OutBuffer out) {
        int m = out.beginVersion(0);
        out.i32(0x1aa12f10).i8(0);
        out.endVersion(m);
    }
}
