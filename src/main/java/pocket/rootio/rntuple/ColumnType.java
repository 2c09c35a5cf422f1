package pocket.rootio.rntuple;

/** RNTuple column types (format 1.0) that pocket decodes, with their element width on storage and encoding. */
enum ColumnType {
    BIT(0x00, 1), BYTE(0x01, 8), CHAR(0x02, 8), INT8(0x03, 8), UINT8(0x04, 8), INT16(0x05, 16), UINT16(0x06, 16),
    INT32(0x07, 32), UINT32(0x08, 32), INT64(0x09, 64), UINT64(0x0A, 64), REAL32(0x0C, 32), REAL64(0x0D, 64),
    INDEX32(0x0E, 32), INDEX64(0x0F, 64),
    SPLIT_INT16(0x11, 16), SPLIT_UINT16(0x12, 16), SPLIT_INT32(0x13, 32), SPLIT_UINT32(0x14, 32),
    SPLIT_INT64(0x15, 64), SPLIT_UINT64(0x16, 64), SPLIT_REAL32(0x18, 32), SPLIT_REAL64(0x19, 64),
    SPLIT_INDEX32(0x1A, 32), SPLIT_INDEX64(0x1B, 64);

    final int code, bits;

    ColumnType(int code, int bits) { this.code = code; this.bits = bits; }

    boolean split() { return code >= 0x11; }
    boolean zigzag() { return this == SPLIT_INT16 || this == SPLIT_INT32 || this == SPLIT_INT64; }
    boolean index() { return this == INDEX32 || this == INDEX64 || this == SPLIT_INDEX32 || this == SPLIT_INDEX64; }
    boolean delta() { return this == SPLIT_INDEX32 || this == SPLIT_INDEX64; }

    /** The type for a column type code, or null when pocket does not decode it (Real16, Switch, truncated and quantized reals). */
    static ColumnType of(int code) {
        for (ColumnType t : values()) if (t.code == code) return t;
        return null;
    }

    /** ROOT's name of a column type code, for messages. */
    static String nameOf(int code) {
        return switch (code) {
            case 0x0B -> "Real16"; case 0x10 -> "Switch"; case 0x17 -> "SplitReal16";
            case 0x1C -> "Real32Trunc"; case 0x1D -> "Real32Quant";
            default -> { ColumnType t = of(code); yield t == null ? String.format("unknown type 0x%02x", code) : t.name(); }
        };
    }
}
