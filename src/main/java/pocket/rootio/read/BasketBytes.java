package pocket.rootio.read;

/**
 * One basket's uncompressed values: {@code data[0, border)} holds the entries; for a jagged
 * branch {@code entryOffsets[i]} is where entry i starts (length entries+1, last == border),
 * or null when the basket carries no offset table.
 */
record BasketBytes(BasketRef ref, byte[] data, int border, int[] entryOffsets) {}
