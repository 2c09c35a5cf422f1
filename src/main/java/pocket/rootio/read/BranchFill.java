package pocket.rootio.read;

import java.util.List;
import pocket.rootio.ColumnArray;
import pocket.rootio.CorruptDataException;
import pocket.rootio.LeafType;
import pocket.rootio.RootIOException;

/**
 * One branch over one entry range, filled basket by basket straight into its output arrays.
 * {@link #prepare} decodes only the partly covered baskets of a jagged branch (to count their
 * values) and sizes the outputs; then each basket's {@link #fill} decompresses into a per-thread
 * scratch buffer and converts into its own disjoint slice of the outputs, so baskets may be
 * filled on several threads at once and no basket is decompressed twice.
 */
final class BranchFill {
    private static final ThreadLocal<BasketDecoder.Scratch> SCRATCH = ThreadLocal.withInitial(BasketDecoder.Scratch::new);

    final BranchPlan plan;
    final List<BasketDecoder.Layout> layouts;
    private final long start, stop;
    private final String where;
    private final int item;
    /** Decoded partial baskets of a jagged branch (null for the others). */
    private final BasketDecoder.Data[] kept;
    private final int[][] keptOffsets;
    /** Per basket: first output value and first output entry; values it gives (jagged). */
    private final long[] valueBase;
    private final int[] entryBase;
    private final int[] valueCount;
    /** Offsets come from the counter branch read alongside (see {@link #offsetsFrom}), not from the baskets' tables. */
    private boolean offsetsFromCounter;
    private Object values;
    private int[] offsets;

    BranchFill(BranchPlan plan, List<BasketDecoder.Layout> layouts, long start, long stop, String where) {
        this.plan = plan; this.layouts = layouts; this.start = start; this.stop = stop; this.where = where;
        this.item = plan.itemSize();
        this.kept = new BasketDecoder.Data[layouts.size()];
        this.keptOffsets = new int[layouts.size()][];
        this.valueBase = new long[layouts.size()];
        this.entryBase = new int[layouts.size()];
        this.valueCount = new int[layouts.size()];
    }

    /** Whether every jagged basket carries an entry-offset table (otherwise the counter is needed). */
    boolean selfDescribing() {
        if (!plan.jagged()) return true;
        for (BasketDecoder.Layout l : layouts) if (!l.hasTable() && l.ref().entries() > 0) return false;
        return true;
    }

    private int lo(BasketRef r) { return (int) (Math.max(start, r.entryStart()) - r.entryStart()); }
    private int hi(BasketRef r) { return (int) (Math.min(stop, r.entryStop()) - r.entryStart()); }

    void prepare() throws RootIOException {
        int entries = (int) (stop - start);
        LeafType t = plan.type;
        if (!plan.jagged()) {
            int per = plan.fixedLength;
            for (int k = 0; k < layouts.size(); k++) {
                BasketRef r = layouts.get(k).ref();
                entryBase[k] = (int) (r.entryStart() + lo(r) - start);
                valueBase[k] = (long) entryBase[k] * per;
            }
            values = Convert.allocate(t, entries * per);
            if (per > 1) {
                offsets = new int[entries + 1];
                for (int i = 0; i <= entries; i++) offsets[i] = i * per;
            }
            return;
        }
        long total = 0;
        for (int k = 0; k < layouts.size(); k++) {
            BasketDecoder.Layout l = layouts.get(k);
            BasketRef r = l.ref();
            entryBase[k] = (int) (r.entryStart() + lo(r) - start);
            valueBase[k] = total;
            if (l.border() % item != 0)
                throw new CorruptDataException(l.at() + ": " + l.border() + " bytes of values, not a multiple of the " + item + "-byte " + t);
            if (lo(r) == 0 && hi(r) == r.entries()) {
                valueCount[k] = l.border() / item;  // item is 1, 2, 4 or 8
            } else {
                kept[k] = BasketDecoder.payload(l, null);
                keptOffsets[k] = BasketDecoder.entryOffsets(l, kept[k]);
                valueCount[k] = (keptOffsets[k][hi(r)] - keptOffsets[k][lo(r)]) / item;
            }
            total += valueCount[k];
        }
        if (total > Integer.MAX_VALUE - 16)
            throw new CorruptDataException(where + ": " + total + " values in entries [" + start + ", " + stop + ") exceed one Java array; read a smaller range");
        values = Convert.allocate(t, (int) total);
        offsets = new int[entries + 1];
    }

    /** Decompresses basket {@code k} (unless prepare kept it) and converts its part of the range. */
    void fill(int k) throws RootIOException {
        BasketDecoder.Layout l = layouts.get(k);
        BasketRef r = l.ref();
        int lo = lo(r), hi = hi(r);
        BasketDecoder.Data d = kept[k];
        int[] eo = keptOffsets[k];
        if (d == null) d = BasketDecoder.payload(l, SCRATCH.get());
        LeafType t = plan.type;
        if (!plan.jagged()) {
            int entrySize = item * plan.fixedLength;
            if ((long) l.border() != r.entries() * entrySize)
                throw new CorruptDataException(l.at() + ": " + l.border() + " bytes of values for " + r.entries()
                        + " entries; expected " + entrySize + " bytes per entry (" + t + " × " + plan.fixedLength + ")");
            Convert.into(t, d.buffer(), d.offset() + lo * entrySize, (hi - lo) * plan.fixedLength, values, (int) valueBase[k]);
            return;
        }
        int base = (int) valueBase[k];
        int e = entryBase[k];
        int shift = Integer.numberOfTrailingZeros(item);
        if (offsetsFromCounter) {   // only the values: where each entry starts comes from the counter afterwards
            int first = eo == null ? 0 : eo[lo];
            Convert.into(t, d.buffer(), d.offset() + first, valueCount[k], values, base);
            return;
        }
        if (eo == null && tableInto(l, d, e, base, shift)) { // a whole basket: its table goes straight into the offsets
            Convert.into(t, d.buffer(), d.offset(), l.border() >>> shift, values, base);
            return;
        }
        if (eo == null) eo = BasketDecoder.entryOffsets(l, d); // throws the precise error when the table is bad
        if (eo == null)
            throw new CorruptDataException(l.at() + ": jagged basket has no entry-offset table");
        int first = eo[lo];
        for (int i = lo; i < hi; i++) {
            int bytes = eo[i + 1] - eo[i];
            if ((bytes & (item - 1)) != 0)
                throw new CorruptDataException(l.at() + ": entry " + (r.entryStart() + i) + " has " + bytes
                        + " bytes, not a multiple of the " + item + "-byte " + t);
            offsets[++e] = base + ((eo[i + 1] - first) >>> shift);
        }
        Convert.into(t, d.buffer(), d.offset() + first, (eo[hi] - first) >>> shift, values, base);
    }

    /**
     * Writes the ends of a whole basket's entries into {@code offsets[e+1 ..]} straight from its
     * entry-offset table (the starts of entries 1.., then the values' end). False, with nothing
     * promised about what was written, when the table is missing or fails a check; the caller
     * then takes the checked path that names the fault.
     */
    private boolean tableInto(BasketDecoder.Layout l, BasketDecoder.Data d, int e, int base, int shift) {
        if (!l.hasTable() || l.ref().embedded() != null) return false;
        int entries = (int) l.ref().entries();
        if (entries == 0) return true;
        java.nio.ByteBuffer a = d.buffer();
        int table = d.offset() + l.border();
        int n = a.getInt(table);
        int keylen = l.keylen(), border = l.border();
        if (n < entries || border + 4 + 4L * n > l.objlen() || a.getInt(table + 4) != keylen) return false;
        int[] off = offsets;
        a.slice(table + 8, 4 * (entries - 1)).asIntBuffer().get(off, e + 1, entries - 1);
        int end = keylen + border;
        off[e + entries] = end;
        // Entry starts, as stored (counted from the key's start), must rise from keylen to end by
        // whole values. Once every start is known to be <= end and not below end - MAX_VALUE, no
        // difference of two can overflow, so OR-ing the differences checks the rest (sign: out of
        // order; low bits: not whole values). Check, then convert: two plain loops the JIT vectorises.
        int steps = off[e + 1] - keylen, ends = end - off[e + 1];
        for (int i = e + 2; i <= e + entries; i++) {
            steps |= off[i] - off[i - 1];
            ends |= end - off[i];
        }
        if ((steps | ends) < 0 || (steps & (item - 1)) != 0) return false;
        for (int i = e + 1; i <= e + entries; i++) off[i] = base + ((off[i] - keylen) >>> shift);
        return true;
    }

    /** Takes the entry offsets from the counter branch (read in the same request) instead of the baskets' tables. */
    void useCounter() { offsetsFromCounter = plan.jagged(); }

    boolean usesCounter() { return offsetsFromCounter; }

    /**
     * Sets the offsets to {@code prefix}, the running sum of the counter over the range, once
     * every basket's number of values is checked against the counter's count for its entries.
     */
    void offsetsFrom(int[] prefix) throws CorruptDataException {
        for (int k = 0; k < layouts.size(); k++) {
            BasketRef r = layouts.get(k).ref();
            int e = entryBase[k], n = hi(r) - lo(r);
            int counted = prefix[e + n] - prefix[e];
            if (counted != valueCount[k])
                throw new CorruptDataException(layouts.get(k).at() + ": holds " + valueCount[k] + " values for entries ["
                        + (start + e) + ", " + (start + e + n) + ") but the counter branch '" + plan.counter + "' says " + counted);
        }
        System.arraycopy(prefix, 0, offsets, 0, prefix.length);
    }

    ColumnArray result() { return new ColumnArray(plan.type, values, offsets, stop - start); }
}
