package pocket.rootio.rntuple;

/** One field of an RNTuple schema as the header (or its extension) describes it; {@code id} is its place in the list. */
record FieldDesc(int id, int parent, int role, int flags, String name, String type, String alias, long arraySize, int source) {
    static final int LEAF = 0, COLLECTION = 1;

    boolean projected() { return (flags & 0x02) != 0; }
    boolean repetitive() { return (flags & 0x01) != 0; }
    boolean topLevel() { return parent == id; }
}
