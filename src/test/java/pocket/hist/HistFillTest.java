package pocket.hist;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** Fills checked against bin contents worked out by hand or by a naive loop over explicit edges. */
class HistFillTest {

    @Test
    void regularAxisFollowsRootFlowRule() {
        Hist h = Hist.builder().reg(4, 0, 4, "x", "x").doubleStorage();
        h.fill(new double[]{-1, 0, 0.5, 1.99, 2, 3.999, 4, 5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY});
        // by hand: under {-1,-inf}; [0,1) {0,0.5}; [1,2) {1.99}; [2,3) {2}; [3,4) {3.999}; over {4,5,+inf}
        assertArrayEquals(new double[]{2, 2, 1, 1, 1, 3}, h.values(true));
        assertArrayEquals(new double[]{2, 1, 1, 1}, h.values(false));
        assertEquals(1, h.nanCount());
        assertEquals(2, h.value(-1));
        assertEquals(3, h.value(4));
        assertEquals(5, h.sum(false));
        assertEquals(10, h.sum(true));
    }

    @Test
    void randomFillMatchesNaiveEdgeScan() {
        Random rnd = new Random(7);
        int n = 100_000;
        double[] x = new double[n];
        float[] xf = new float[n];
        for (int i = 0; i < n; i++) { x[i] = rnd.nextGaussian() * 3 + 4; xf[i] = (float) x[i]; }
        double lo = 0, hi = 8; int bins = 16;
        long[] expected = new long[bins + 2];
        for (double v : x) {
            if (v < lo) { expected[0]++; continue; }
            if (v >= hi) { expected[bins + 1]++; continue; }
            int k = 0;
            while (!(v >= lo + k * 0.5 && v < lo + (k + 1) * 0.5)) k++; // edges are exact binary fractions
            expected[k + 1]++;
        }
        Hist h = Hist.builder().reg(bins, lo, hi, "x").intStorage();
        h.fill(x);
        assertArrayEquals(expected, h.counts(true));
        Hist hf = Hist.builder().reg(bins, lo, hi, "x").intStorage();
        hf.fill(xf);
        long total = 0;
        for (long c : hf.counts(true)) total += c;
        assertEquals(n, total);
    }

    @Test
    void variableAxisLowerEdgeInclusive() {
        Hist h = Hist.builder().var(new double[]{0, 10, 30, 100}, "m", "m").doubleStorage();
        h.fill(new double[]{-0.1, 0, 9.99, 10, 29.9, 30, 99.99, 100, 1e9});
        assertArrayEquals(new double[]{1, 2, 2, 2, 2}, h.values(true));
        assertArrayEquals(new double[]{0, 10, 30, 100}, h.axis("m").edges());
    }

    @Test
    void integerAxisBinsIntegers() {
        Hist h = Hist.builder().integer(0, 10, "nJet", "N jets").intStorage();
        h.fill(new Object[]{new int[]{-1, 0, 0, 2, 9, 10, 11}}, null);
        h.fill(new double[]{2.5}); // lands with 2, as floor does
        double[] v = h.values(true);
        assertEquals(1, v[0]);          // underflow: -1
        assertEquals(2, h.value(0));
        assertEquals(2, h.value(2));
        assertEquals(1, h.value(9));
        assertEquals(2, h.value(10));   // overflow: 10, 11
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), h.axis("nJet").binLabels());
    }

    @Test
    void weightStorageSumsWeightsAndSquares() {
        Hist h = Hist.builder().reg(2, 0, 2, "x").weight();
        h.fill(new double[]{0.5, 0.5, 1.5, 7}, new double[]{2, 3, 0.5, 4});
        assertArrayEquals(new double[]{0, 5, 0.5, 4}, h.values(true));
        assertArrayEquals(new double[]{0, 4 + 9, 0.25, 16}, h.variances(true));
        assertEquals(13, h.variance(0));
    }

    @Test
    void intStorageRefusesWeights() {
        Hist h = Hist.builder().reg(2, 0, 2, "x").intStorage();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.fill(new double[]{1}, new double[]{2}));
        assertTrue(e.getMessage().contains("int storage"), e.getMessage());
    }

    @Test
    void twoDimensionalWithCategoriesGrowsAndLaysOutRowMajor() {
        Hist h = Hist.builder().strCat("cat", "Category", "baseline").reg(2, 0, 2, "pt", "pt").weight();
        h.fill(new Object[]{"baseline", new double[]{0.5, 1.5, 1.5}}, new double[]{1, 2, 3});
        h.fill(new Object[]{new String[]{"2jets", "baseline", "2jets"}, new double[]{0.1, 0.2, -5}}, null);
        StrCategoryAxis cat = (StrCategoryAxis) h.axis("cat");
        assertEquals(List.of("baseline", "2jets"), cat.categories());
        assertFalse(cat.overflow());
        // layout: cat (2, no flow) slowest, pt (4 with flow) fastest
        assertArrayEquals(new double[]{0, 1 + 1, 5, 0, /* 2jets */ 1, 1, 0, 0}, h.values(true));
        assertArrayEquals(new double[]{2, 5, 1, 0}, h.values(false));
        assertEquals(5, h.value(0, 1));
        assertEquals(1, h.value(1, -1));
        assertEquals(1 + 2 + 3 + 3, h.sum(true)); // three weighted entries and three unit ones
        assertEquals(4 + 9, h.variance(0, 1));
    }

    @Test
    void intCategoryAndBooleanAxes() {
        Hist h = Hist.builder().intCat("pdgId", "pdgId", 11, 13).bool("pass", "passes").intStorage();
        h.fill(new Object[]{new int[]{11, 13, 13, -13, 11}, new boolean[]{true, true, false, true, true}}, null);
        IntCategoryAxis ax = (IntCategoryAxis) h.axis("pdgId");
        assertEquals(List.of(11, 13, -13), ax.categories());
        assertEquals(2, h.value(0, 1));
        assertEquals(1, h.value(1, 0));
        assertEquals(1, h.value(1, 1));
        assertEquals(1, h.value(2, 1));
        assertEquals(0, h.value(2, 0));
    }

    @Test
    void nanInAnyAxisIsCountedApart() {
        Hist h = Hist.builder().reg(2, 0, 2, "x").reg(2, 0, 2, "y").weight();
        h.fill(new Object[]{new double[]{0.5, Double.NaN, 0.5, 5}, new double[]{Double.NaN, 0.5, 0.5, Double.NaN}}, new double[]{1, 1, 1, 1});
        assertEquals(3, h.nanCount());
        assertEquals(1, h.sum(true));
    }

    @Test
    void maskKeepsOnlySelectedEntries() {
        Hist h = Hist.builder().strCat("cat").reg(2, 0, 2, "x").weight();
        double[] x = {0.5, 1.5, 1.5, Double.NaN};
        double[] w = {1, 2, 4, 8};
        h.fill(new Object[]{"sel", x}, w, new boolean[]{true, false, true, false});
        assertArrayEquals(new double[]{0, 1, 4, 0}, h.values(true));
        assertEquals(0, h.nanCount()); // the NaN entry was masked out
        assertThrows(IllegalArgumentException.class, () -> h.fill(new Object[]{"sel", x}, w, new boolean[3]));
        h.fill(new Object[]{new String[]{"a", "b", "c", "d"}, x}, null, new boolean[]{false, true, false, false});
        assertEquals(List.of("sel", "b"), ((StrCategoryAxis) h.axis("cat")).categories()); // masked-out categories not added
    }

    @Test
    void axisWithoutFlowDropsOutsideValues() {
        Hist h = Hist.of(StorageType.DOUBLE, new RegularAxis(2, 0, 2, "x", "x", false, true));
        h.fill(new double[]{-1, 0.5, 3});
        assertArrayEquals(new double[]{1, 0, 1}, h.values(true));
        assertEquals(0, h.nanCount());
    }

    @Test
    void badFillsAreNamed() {
        Hist h = Hist.builder().strCat("cat").reg(2, 0, 2, "x").weight();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> h.fill(new Object[]{"a", new double[]{1, 2}}, new double[]{1}));
        assertTrue(e.getMessage().contains("2 entries but 1 weights"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.fill(new Object[]{new double[]{1}, new double[]{1}}, null));
        assertTrue(e.getMessage().contains("'cat'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.fill(new double[]{1}));
        assertTrue(e.getMessage().contains("2 coordinates"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> h.axis("pt"));
        assertTrue(e.getMessage().contains("no axis 'pt'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hist.builder().reg(0, 0, 1, "x").weight());
        assertThrows(IllegalArgumentException.class, () -> Hist.builder().reg(2, 1, 1, "x").weight());
        assertThrows(IllegalArgumentException.class, () -> Hist.builder().var(new double[]{0, 2, 1}, "x", "x").weight());
        assertThrows(IllegalArgumentException.class, () -> Hist.builder().reg(2, 0, 1, "x").reg(2, 0, 1, "x").weight());
        assertThrows(IllegalStateException.class, () -> Hist.builder().weight());
    }
}
