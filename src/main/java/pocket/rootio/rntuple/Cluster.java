package pocket.rootio.rntuple;

/**
 * One cluster: its entry range and, per physical column, its pages (element counts, locators,
 * whether a checksum follows) and the column's first element index in the cluster (-1 when suppressed).
 */
record Cluster(long firstEntry, long entries, ColumnPages[] columns) {
    record ColumnPages(long elementOffset, int compression, int[] elements, long[] offsets, long[] sizes, boolean[] checksummed) {
        long elementCount() { long n = 0; for (int e : elements) n += e; return n; }
    }
}
