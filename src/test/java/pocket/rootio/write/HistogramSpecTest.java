package pocket.rootio.write;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The histogram spec: flow layout, statistics as ROOT's GetStats, and the checks that name the bad part. */
class HistogramSpecTest {

    @Test
    void th1StatisticsComeFromInRangeBinsAtTheirCentres() {
        // 4 bins on [0, 8): centres 1, 3, 5, 7; flow bins 0 and 5 must not count
        double[] c = {100, 1, 2, 3, 4, 200};
        double[] w2 = {9, 0.5, 1, 1.5, 2, 9};
        HistogramSpec h = HistogramSpec.builder("h").x(HistogramSpec.Axis.regular(4, 0, 8)).contents(c).sumw2(w2).build();
        assertEquals("TH1D", h.className());
        assertEquals(6, h.cells());
        assertEquals(10, h.tsumw(), 1e-12);
        assertEquals(5, h.tsumw2(), 1e-12);
        assertEquals(1 * 1 + 2 * 3 + 3 * 5 + 4 * 7, h.tsumwx(), 1e-12);
        assertEquals(1 * 1 + 2 * 9 + 3 * 25 + 4 * 49, h.tsumwx2(), 1e-12);
        assertEquals(310, h.entries(), 1e-12, "entries default to the sum with flow");
    }

    @Test
    void th2CellsAreXFastestWithFlowOnBothAxes() {
        HistogramSpec.Axis x = HistogramSpec.Axis.variable(0, 1, 3);       // centres 0.5, 2
        HistogramSpec.Axis y = HistogramSpec.Axis.regular(1, 10, 20);      // centre 15
        double[] c = new double[4 * 3];
        c[1 + 4 * 1] = 2;   // x bin 1, y bin 1
        c[2 + 4 * 1] = 3;   // x bin 2, y bin 1
        c[0] = 50;          // underflow corner, not in the statistics
        HistogramSpec h = HistogramSpec.builder("h2").directory("/a/b/").x(x).y(y).contents(c).build();
        assertEquals("TH2D", h.className());
        assertEquals("a/b/h2", h.path());
        assertEquals(5, h.tsumw(), 1e-12);
        assertEquals(5, h.tsumw2(), 1e-12, "without sumw2 the weights are their own variances");
        assertEquals(2 * 0.5 + 3 * 2, h.tsumwx(), 1e-12);
        assertEquals(5 * 15, h.tsumwy(), 1e-12);
        assertEquals(5 * 225, h.tsumwy2(), 1e-12);
        assertEquals(2 * 0.5 * 15 + 3 * 2 * 15, h.tsumwxy(), 1e-12);
    }

    @Test
    void regularEdgesAndLabels() {
        HistogramSpec.Axis a = HistogramSpec.Axis.categories(List.of("ee", "mumu", "emu"));
        assertArrayEquals(new double[]{0, 1, 2, 3}, a.edges(), 0);
        assertEquals(List.of("ee", "mumu", "emu"), a.labels());
        assertFalse(a.variable());
        assertEquals(0, a.storedEdges().length);
    }

    @Test
    void copiesItsInput() {
        double[] c = new double[3];
        HistogramSpec h = HistogramSpec.builder("h").x(HistogramSpec.Axis.regular(1, 0, 1)).contents(c).build();
        c[1] = 7;
        assertEquals(0, h.contents()[1]);
        h.contents()[1] = 9;
        assertEquals(0, h.contents()[1]);
    }

    @Test
    void badPartsAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> HistogramSpec.builder("mll").x(HistogramSpec.Axis.regular(4, 0, 1)).contents(new double[4]).build());
        assertTrue(e.getMessage().contains("mll") && e.getMessage().contains("6"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HistogramSpec.Axis.variable(0, 2, 1));
        assertTrue(e.getMessage().contains("increase"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HistogramSpec.builder("a/b").x(HistogramSpec.Axis.regular(1, 0, 1)).build());
        assertTrue(e.getMessage().contains("a/b"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> HistogramSpec.builder("h").directory("a//b").x(HistogramSpec.Axis.regular(1, 0, 1)).build());
        assertTrue(e.getMessage().contains("a//b"), e.getMessage());
    }
}
