package pocket.rootio;

/** The primitive type of a TTree leaf, with ROOT's leaf class and its width in bytes. */
public enum LeafType {
    BOOL("TLeafO", 1), INT8("TLeafB", 1), UINT8("TLeafB", 1), INT16("TLeafS", 2), UINT16("TLeafS", 2),
    INT32("TLeafI", 4), UINT32("TLeafI", 4), INT64("TLeafL", 8), UINT64("TLeafL", 8),
    FLOAT32("TLeafF", 4), FLOAT64("TLeafD", 8);

    public final String leafClass;
    public final int bytes;

    LeafType(String leafClass, int bytes) { this.leafClass = leafClass; this.bytes = bytes; }
}
