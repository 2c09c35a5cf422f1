package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkRuleTest {
    /** coffea's rule written independently: Python's round() halves to even, on exact decimals. */
    static List<long[]> expected(long n, long chunksize) {
        List<long[]> out = new ArrayList<>();
        if (n == 0) return out;
        long k = new BigDecimal(n).divide(new BigDecimal(chunksize), 0, RoundingMode.HALF_EVEN).longValueExact();
        k = Math.max(k, 1);
        long size = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(k), 0, RoundingMode.CEILING).longValueExact();
        for (long s = 0; s < n; s += size) out.add(new long[] {s, Math.min(n, s + size)});
        return out;
    }

    static List<long[]> actual(long n, long chunksize) {
        long[] b = ChunkRule.boundaries(n, chunksize);
        List<long[]> out = new ArrayList<>();
        for (int i = 0; i + 1 < b.length; i++) out.add(new long[] {b[i], b[i + 1]});
        return out;
    }

    @Test
    void matchesTheRuleForManySizes() {
        long[] sizes = {1, 2, 3, 7, 10, 99, 100, 101, 1000, 150000};
        int checked = 0;
        for (long cs : sizes)
            for (long n = 0; n <= 2500; n += (n < 300 ? 1 : 37)) {
                List<long[]> e = expected(n, cs), a = actual(n, cs);
                assertEquals(e.size(), a.size(), "chunks for N=" + n + " chunksize=" + cs);
                for (int i = 0; i < e.size(); i++)
                    assertArrayEquals(e.get(i), a.get(i), "chunk " + i + " for N=" + n + " chunksize=" + cs);
                checked++;
            }
        for (long n : new long[] {149_999, 150_000, 225_000, 375_000, 1_000_003, 123_456_789})
            assertEquals(expected(n, 150_000).size(), actual(n, 150_000).size(), "N=" + n);
        assertTrue(checked > 1000);
    }

    @Test
    void examplesByHand() {
        // 100/40 = 2.5 rounds to 2 (half to even): two chunks of 50
        assertArrayEquals(new long[] {0, 50, 100}, ChunkRule.boundaries(100, 40));
        // 10/3 = 3.33 -> 3 chunks of ceil(10/3) = 4
        assertArrayEquals(new long[] {0, 4, 8, 10}, ChunkRule.boundaries(10, 3));
        // 140/40 = 3.5 rounds to 4: chunks of 35
        assertArrayEquals(new long[] {0, 35, 70, 105, 140}, ChunkRule.boundaries(140, 40));
        // fewer entries than a chunk: one chunk
        assertArrayEquals(new long[] {0, 7}, ChunkRule.boundaries(7, 150000));
        assertArrayEquals(new long[] {0}, ChunkRule.boundaries(0, 10));
        assertThrows(IllegalArgumentException.class, () -> ChunkRule.boundaries(10, 0));
    }
}
