package pocket.rootio.read;

import java.util.List;
import pocket.rootio.ColumnArray;
import pocket.rootio.CorruptDataException;
import pocket.rootio.LeafType;

/**
 * Trims and joins the decoded baskets of one branch into the {@link ColumnArray} of an entry
 * range: flat values, fixed-length arrays, or jagged arrays (offsets from the baskets' entry
 * tables, or from the counter branch's values when a basket has no table).
 */
final class Columns {
    private Columns() {}

    /**
     * @param baskets the decoded baskets overlapping {@code [start, stop)}, in entry order
     * @param counts  the counter values over {@code [countsStart, ...)} when some basket has no
     *                offset table; null otherwise
     */
    static ColumnArray assemble(BranchPlan p, List<BasketBytes> baskets, long start, long stop,
                                int[] counts, long countsStart, String where) throws CorruptDataException {
        int entries = (int) (stop - start);
        LeafType t = p.type;
        int item = t.bytes;
        if (!p.jagged()) {
            int perEntry = p.fixedLength;
            int entrySize = item * perEntry;
            Object out = Convert.allocate(t, entries * perEntry);
            int pos = 0;
            for (BasketBytes b : baskets) {
                BasketRef r = b.ref();
                if ((long) b.border() != r.entries() * entrySize)
                    throw new CorruptDataException(where + ", basket " + r.number() + ": " + b.border() + " bytes of values for "
                            + r.entries() + " entries, expected " + entrySize + " bytes per entry (" + t + " × " + perEntry + ")");
                int lo = (int) (Math.max(start, r.entryStart()) - r.entryStart());
                int hi = (int) (Math.min(stop, r.entryStop()) - r.entryStart());
                int n = (hi - lo) * perEntry;
                Convert.into(t, java.nio.ByteBuffer.wrap(b.data()), lo * entrySize, n, out, pos);
                pos += n;
            }
            int[] offsets = null;
            if (perEntry > 1) {
                offsets = new int[entries + 1];
                for (int i = 0; i <= entries; i++) offsets[i] = i * perEntry;
            }
            return new ColumnArray(t, out, offsets, entries);
        }
        int[] offsets = new int[entries + 1];
        int[][] byteOffsets = new int[baskets.size()][];
        long total = 0;
        int e = 0;
        for (int k = 0; k < baskets.size(); k++) {
            BasketBytes b = baskets.get(k);
            BasketRef r = b.ref();
            int[] eo = b.entryOffsets() != null ? b.entryOffsets() : fromCounts(b, counts, countsStart, item, p.fixedLength, where);
            byteOffsets[k] = eo;
            int lo = (int) (Math.max(start, r.entryStart()) - r.entryStart());
            int hi = (int) (Math.min(stop, r.entryStop()) - r.entryStart());
            for (int i = lo; i < hi; i++) {
                int bytes = eo[i + 1] - eo[i];
                if (bytes % item != 0)
                    throw new CorruptDataException(where + ", basket " + r.number() + ": entry " + (r.entryStart() + i) + " has "
                            + bytes + " bytes, not a multiple of the " + item + "-byte " + t);
                total += bytes / item;
                offsets[++e] = (int) total;
            }
        }
        if (total > Integer.MAX_VALUE - 16)
            throw new CorruptDataException(where + ": " + total + " values in entries [" + start + ", " + stop + ") exceed one Java array; read a smaller range");
        Object out = Convert.allocate(t, (int) total);
        int pos = 0;
        for (int k = 0; k < baskets.size(); k++) {
            BasketBytes b = baskets.get(k);
            BasketRef r = b.ref();
            int[] eo = byteOffsets[k];
            int lo = (int) (Math.max(start, r.entryStart()) - r.entryStart());
            int hi = (int) (Math.min(stop, r.entryStop()) - r.entryStart());
            int n = (eo[hi] - eo[lo]) / item;
            Convert.into(t, java.nio.ByteBuffer.wrap(b.data()), eo[lo], n, out, pos);
            pos += n;
        }
        return new ColumnArray(t, out, offsets, entries);
    }

    /** Entry byte offsets of a basket without a table, from the counter branch's values. */
    private static int[] fromCounts(BasketBytes b, int[] counts, long countsStart, int item, int perCount, String where) throws CorruptDataException {
        BasketRef r = b.ref();
        if (counts == null)
            throw new CorruptDataException(where + ", basket " + r.number() + ": jagged basket has no entry-offset table and no counter values were read");
        int n = (int) r.entries();
        int[] eo = new int[n + 1];
        int base = (int) (r.entryStart() - countsStart);
        long pos = 0;
        for (int i = 0; i < n; i++) {
            int c = counts[base + i];
            if (c < 0) throw new CorruptDataException(where + ": counter value " + c + " at entry " + (r.entryStart() + i) + " is negative");
            pos += (long) c * item * perCount;
            if (pos > b.border())
                throw new CorruptDataException(where + ", basket " + r.number() + ": counter values need " + pos + " bytes by entry "
                        + (r.entryStart() + i) + " but the basket holds " + b.border());
            eo[i + 1] = (int) pos;
        }
        if (pos != b.border())
            throw new CorruptDataException(where + ", basket " + r.number() + ": counter values sum to " + pos + " bytes but the basket holds "
                    + b.border() + " (counter and branch disagree)");
        return eo;
    }
}
