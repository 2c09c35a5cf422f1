package pocket.rootio.write;

import java.io.IOException;
import java.util.Arrays;

/**
 * One branch while its tree is written: the open basket's bytes (and entry starts when jagged),
 * the written baskets' sizes, first entries and seeks, and the byte totals ROOT keeps in TBranch.
 */
final class BranchBuffer {
    final BranchSpec spec;
    final int itemSize;
    private final TreeWriter tree;

    private final OutBuffer data = new OutBuffer(1024);
    private int[] entryStarts = new int[64];
    private int basketEntries;

    int[] basketBytes = new int[16];
    long[] basketEntry = new long[16];
    long[] basketSeek = new long[16];
    int baskets;
    long entries;
    long totBytes;
    long zipBytes;
    /** Largest value seen, kept for counter leaves: ROOT sizes its read buffers with it. */
    long maximum;

    BranchBuffer(BranchSpec spec, TreeWriter tree) {
        this.spec = spec;
        this.tree = tree;
        this.itemSize = spec.type().bytes;
    }

    /** Appends entries {@code [0, n)} of a flat column. */
    void appendFlat(Object values, int n, boolean isCounter) throws IOException {
        if (isCounter) trackMaximum((int[]) values, n);
        int i = 0;
        while (i < n) {
            int room = roomInEntries();
            int k = Math.min(room, n - i);
            if (spec.jagged()) throw new IllegalStateException("jagged branch " + spec.name() + " appended as flat");
            data.values(values, i, i + k);
            basketEntries += k;
            entries += k;
            i += k;
            if (basketFull()) flush();
        }
    }

    /** Appends entries {@code [0, n)} of a jagged column whose entry j holds {@code values[offsets[j], offsets[j+1])}. */
    void appendJagged(Object values, int[] offsets, int n) throws IOException {
        for (int j = 0; j < n; j++) {
            if (basketEntries + 1 >= entryStarts.length) entryStarts = Arrays.copyOf(entryStarts, entryStarts.length * 2);
            entryStarts[basketEntries] = data.length();
            data.values(values, offsets[j], offsets[j + 1]);
            basketEntries++;
            entries++;
            if (basketFull()) flush();
        }
    }

    private void trackMaximum(int[] counts, int n) {
        long max = maximum;
        for (int i = 0; i < n; i++) {
            long v = spec.unsigned() ? counts[i] & 0xffffffffL : counts[i];
            if (v > max) max = v;
        }
        maximum = max;
    }

    /** How many more flat entries fit before the basket reaches its size or entry limit. */
    private int roomInEntries() {
        int bySize = Math.max(1, (tree.options.basketSize() - data.length() + itemSize - 1) / itemSize);
        int perBasket = tree.options.entriesPerBasket();
        return perBasket > 0 ? Math.min(bySize, perBasket - basketEntries) : bySize;
    }

    private boolean basketFull() {
        int perBasket = tree.options.entriesPerBasket();
        if (perBasket > 0 && basketEntries >= perBasket) return true;
        int offsetBytes = spec.jagged() ? 4 * (basketEntries + 2) : 0;
        return data.length() + offsetBytes >= tree.options.basketSize();
    }

    /** Writes the open basket, if it holds any entry. */
    void flush() throws IOException {
        if (basketEntries == 0) return;
        if (baskets + 1 >= basketSeek.length) {
            int cap = basketSeek.length * 2;
            basketBytes = Arrays.copyOf(basketBytes, cap);
            basketEntry = Arrays.copyOf(basketEntry, cap);
            basketSeek = Arrays.copyOf(basketSeek, cap);
        }
        BasketWrite w = tree.file.writeBasket(this, data, entryStarts, basketEntries);
        basketBytes[baskets] = w.nbytes();
        basketSeek[baskets] = w.seek();
        basketEntry[baskets + 1] = entries;
        baskets++;
        totBytes += w.keylen() + (long) w.objlen();
        zipBytes += w.nbytes();
        data.reset();
        basketEntries = 0;
    }

    /** What writing one basket cost: where it went and its sizes. */
    record BasketWrite(long seek, int nbytes, int keylen, int objlen) {}
}
