package pocket.rootio.model;

import java.util.List;

/**
 * A TBranch or TBranchElement with ROOT's field names: compression, basket positions
 * (fBasketSeek), sizes (fBasketBytes) and first entries (fBasketEntry), its leaves,
 * sub-branches, and the baskets stored inside the TTree record (fBaskets, by basket number).
 */
public final class TBranch {
    public final String className;
    public final String fName;
    public final String fTitle;
    public final int fCompress;
    public final int fBasketSize;
    public final int fEntryOffsetLen;
    public final int fWriteBasket;
    public final int fMaxBaskets;
    public final long fEntries;
    public final long fTotBytes;
    public final long fZipBytes;
    public final List<TBranch> fBranches;
    public final List<TLeaf> fLeaves;
    /** Embedded baskets indexed by basket number (null where the basket is on disk or absent). */
    public final TBasket[] fBaskets;
    public final int[] fBasketBytes;
    public final long[] fBasketEntry;
    public final long[] fBasketSeek;
    /** TBranchElement's fType and fStreamerType, -1 for a plain TBranch. */
    public final int fType;
    public final int fStreamerType;
    public final String fClassName;

    public TBranch(String className, String fName, String fTitle, int fCompress, int fBasketSize, int fEntryOffsetLen,
                   int fWriteBasket, int fMaxBaskets, long fEntries, long fTotBytes, long fZipBytes,
                   List<TBranch> fBranches, List<TLeaf> fLeaves, TBasket[] fBaskets, int[] fBasketBytes,
                   long[] fBasketEntry, long[] fBasketSeek, int fType, int fStreamerType, String fClassName) {
        this.className = className; this.fName = fName; this.fTitle = fTitle; this.fCompress = fCompress;
        this.fBasketSize = fBasketSize; this.fEntryOffsetLen = fEntryOffsetLen; this.fWriteBasket = fWriteBasket;
        this.fMaxBaskets = fMaxBaskets; this.fEntries = fEntries; this.fTotBytes = fTotBytes; this.fZipBytes = fZipBytes;
        this.fBranches = fBranches; this.fLeaves = fLeaves; this.fBaskets = fBaskets; this.fBasketBytes = fBasketBytes;
        this.fBasketEntry = fBasketEntry; this.fBasketSeek = fBasketSeek; this.fType = fType;
        this.fStreamerType = fStreamerType; this.fClassName = fClassName;
    }

    /** Baskets on disk plus embedded ones. */
    public int basketCount() {
        int n = 0;
        for (int i = 0; i < fWriteBasket && i < fBasketSeek.length; i++) if (fBasketSeek[i] != 0) n++;
        for (TBasket b : fBaskets) if (b != null && b.fNevBuf > 0) n++;
        return n;
    }

    @Override public String toString() { return className + " " + fName; }
}
