package pocket.hist;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** add, scale, select and project, checked against the same data filled in one go or summed by hand. */
class HistArithmeticTest {

    private static Hist empty() {
        return Hist.builder().strCat("cat", "Category").reg(8, 0, 4, "x", "x").weight();
    }

    /** Weights are multiples of 1/4 so every sum is exact and addition order cannot matter. */
    private static Hist filled(long seed, String... cats) {
        Random r = new Random(seed);
        Hist h = empty();
        for (String c : cats) {
            int n = 200;
            double[] x = new double[n], w = new double[n];
            for (int i = 0; i < n; i++) { x[i] = r.nextDouble() * 5 - 0.5; w[i] = r.nextInt(16) / 4.0; }
            h.fill(new Object[]{c, x}, w);
        }
        return h;
    }

    @Test
    void addIsCommutativeAndAssociative() {
        Hist a = filled(1, "baseline"), b = filled(2, "2jets", "baseline"), c = filled(3, "3jets");
        assertEquals(a.add(b), b.add(a));
        assertEquals(a.add(b).hashCode(), b.add(a).hashCode());
        assertEquals(a.add(b).add(c), a.add(b.add(c)));
        assertNotEquals(a.add(b), a.add(c));
    }

    @Test
    void addUnionsCategoriesAndMatchesOneFill() {
        Hist a = filled(1, "baseline");
        Hist b = filled(2, "2jets");
        Hist sum = a.add(b);
        assertEquals(List.of("baseline", "2jets"), ((StrCategoryAxis) sum.axis("cat")).categories());
        assertEquals(a.select("cat", "baseline"), sum.select("cat", "baseline"));
        assertEquals(b.select("cat", "2jets"), sum.select("cat", "2jets"));
        // the same data filled into one histogram gives the same result
        Hist one = empty();
        Random r1 = new Random(1), r2 = new Random(2);
        for (Object[] spec : new Object[][]{{r1, "baseline"}, {r2, "2jets"}}) {
            Random r = (Random) spec[0];
            double[] x = new double[200], w = new double[200];
            for (int i = 0; i < 200; i++) { x[i] = r.nextDouble() * 5 - 0.5; w[i] = r.nextInt(16) / 4.0; }
            one.fill(new Object[]{spec[1], x}, w);
        }
        assertEquals(one, sum);
        // inputs untouched
        assertEquals(List.of("baseline"), ((StrCategoryAxis) a.axis("cat")).categories());
    }

    @Test
    void addSumsBinsAndNanCounts() {
        Hist a = Hist.builder().reg(2, 0, 2, "x").doubleStorage();
        Hist b = Hist.builder().reg(2, 0, 2, "x").doubleStorage();
        a.fill(new double[]{0.5, 1.5, Double.NaN});
        b.fill(new double[]{0.5, -3, Double.NaN, Double.NaN});
        Hist s = a.add(b);
        assertArrayEquals(new double[]{1, 2, 1, 0}, s.values(true));
        assertEquals(3, s.nanCount());
    }

    @Test
    void mismatchedAxesAreNamed() {
        Hist a = Hist.builder().reg(50, 0, 200, "Jet_pt").weight();
        Hist b = Hist.builder().reg(40, 0, 200, "Jet_pt").weight();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("'Jet_pt'") && e.getMessage().contains("binning"), e.getMessage());
        Hist c = Hist.builder().reg(50, 0, 200, "Muon_pt").weight();
        e = assertThrows(IllegalArgumentException.class, () -> a.add(c));
        assertTrue(e.getMessage().contains("name"), e.getMessage());
        Hist d = Hist.builder().reg(50, 0, 200, "Jet_pt").doubleStorage();
        assertThrows(IllegalArgumentException.class, () -> a.add(d));
        Hist f = Hist.builder().var(new double[]{0, 100, 200}, "Jet_pt", "Jet_pt").weight();
        e = assertThrows(IllegalArgumentException.class, () -> a.add(f));
        assertTrue(e.getMessage().contains("axis type"), e.getMessage());
    }

    @Test
    void scaleMultipliesValuesAndSquaresForVariances() {
        Hist h = filled(4, "baseline");
        Hist s = h.scale(2.5);
        double[] v = h.values(true), v2 = h.variances(true), sv = s.values(true), sv2 = s.variances(true);
        for (int i = 0; i < v.length; i++) {
            assertEquals(v[i] * 2.5, sv[i], 0);
            assertEquals(v2[i] * 6.25, sv2[i], 0);
        }
        Hist counts = Hist.builder().reg(2, 0, 2, "x").intStorage();
        counts.fill(new double[]{0.5, 0.5, 1.5});
        Hist sc = counts.scale(3);
        assertEquals(StorageType.WEIGHT, sc.storageType());
        assertArrayEquals(new double[]{6, 3}, sc.values(false));
        assertArrayEquals(new double[]{18, 9}, sc.variances(false)); // Poisson 2 and 1, times 9
    }

    @Test
    void projectSumsOverTheOtherAxes() {
        Hist h = filled(5, "baseline", "2jets");
        Hist px = h.project("x");
        Hist manual = h.select("cat", "baseline").add(h.select("cat", "2jets"));
        assertEquals(manual, px);
        Hist pc = h.project("cat");
        assertEquals(h.select("cat", "2jets").sum(true), pc.value(1), 0);
        // transposition keeps every bin
        Hist t = h.project("x", "cat");
        assertEquals(h.value(1, 3), t.value(3, 1));
    }

    @Test
    void selectUnknownCategoryHintsTheNearest() {
        Hist h = filled(6, "baseline", "2jets");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> h.select("cat", "baselin"));
        assertTrue(e.getMessage().contains("nearest: baseline"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> h.select("x", "baseline"));
    }

    @Test
    void equalityIsExact() {
        Hist a = filled(8, "baseline"), b = filled(8, "baseline");
        assertEquals(a, b);
        b.fill(new Object[]{"baseline", new double[]{1}}, new double[]{0.25});
        assertNotEquals(a, b);
        Hist c = a.copy();
        c.fill(new Object[]{"baseline", new double[]{Double.NaN}}, new double[]{1});
        assertNotEquals(a, c);
    }
}
