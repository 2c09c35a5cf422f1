package pocket.rootio.rntuple;

/** One physical column of an RNTuple: its on-disk type and bits, its field and representation, its first element (deferred columns). */
record ColumnDesc(int id, ColumnType type, int rawType, int bits, int field, int representation, long firstElement) {}
