package pocket.rootio.model;

/**
 * A TLeaf (TLeafF, TLeafD, TLeafI, TLeafL, TLeafS, TLeafB, TLeafO, TLeafC or TLeafElement):
 * the element type of its branch, the fixed length per entry and the counter leaf of a jagged
 * array ({@code fLeafCount}).
 */
public final class TLeaf {
    public final String className;
    public final String fName;
    public final String fTitle;
    public final int fLen;
    public final int fLenType;
    public final int fOffset;
    public final boolean fIsRange;
    public final boolean fIsUnsigned;
    public final TLeaf fLeafCount;
    /** TLeafElement's fType (the streamer element type), or -1 for the other leaf classes. */
    public final int fType;

    public TLeaf(String className, String fName, String fTitle, int fLen, int fLenType, int fOffset,
                 boolean fIsRange, boolean fIsUnsigned, TLeaf fLeafCount, int fType) {
        this.className = className; this.fName = fName; this.fTitle = fTitle; this.fLen = fLen;
        this.fLenType = fLenType; this.fOffset = fOffset; this.fIsRange = fIsRange;
        this.fIsUnsigned = fIsUnsigned; this.fLeafCount = fLeafCount; this.fType = fType;
    }

    @Override public String toString() { return className + " " + fTitle; }
}
