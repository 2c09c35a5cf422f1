package pocket.run;

import java.util.ArrayList;
import java.util.List;

/**
 * coffea's balanced chunking of one file: n = max(round(N / chunksize), 1) chunks of
 * ceil(N / n) entries (the last one shorter), so chunks never cross files and stay near the
 * target size. round() is Python's, halves to even.
 */
final class ChunkRule {
    private ChunkRule() {}

    /** The entry boundaries {@code [0, b1, ..., N]} of a file with {@code entries} entries. */
    public static long[] boundaries(long entries, long chunksize) {
        if (chunksize < 1) throw new IllegalArgumentException("chunksize must be at least 1, got " + chunksize);
        if (entries < 0) throw new IllegalArgumentException("entries must not be negative, got " + entries);
        if (entries == 0) return new long[] {0};
        long n = Math.max((long) Math.rint((double) entries / chunksize), 1);
        long size = (entries + n - 1) / n;
        List<Long> b = new ArrayList<>();
        for (long start = 0; start < entries; start = Math.min(entries, start + size)) b.add(start);
        long[] out = new long[b.size() + 1];
        for (int i = 0; i < b.size(); i++) out[i] = b.get(i);
        out[b.size()] = entries;
        return out;
    }
}
