package pocket.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;
import pocket.hist.Hist;

/** Each flaw a physicist saw in pocket's plots, checked on the element that showed it. */
class PlotFlawsTest {
    private static Hist mll() { return Hist.builder().reg(10, 60, 120, "mll", "$m_{\\mu\\mu}$ [GeV]").weight(); }

    private static double[] xs(XYSeries s) { return s.getXData(); }

    @Test void categoryKeepsItsUnderscoresAndLatexStillBecomesText() {
        Hist h = mll();
        h.fill(new double[]{91});
        StackPlot.Drawn d = StackPlot.builder().mc("DY", h).title("Z_peak_1jet").drawn();
        assertEquals("Z_peak_1jet", d.titleText());
        assertEquals("mμμ [GeV]", Labels.plain("$m_{\\mu\\mu}$ [GeV]"));
        assertEquals("pT [GeV]", Labels.plain("$p_{T}$ [GeV]"));
        assertEquals("N_JetGood", Labels.plain("$N_{JetGood}$"), "a word as subscript stays apart from its symbol");
        assertEquals("Muon η", Labels.plain("Muon $\\eta$"));
    }

    @Test void lumiBelowOneInverseFemtobarnReadsInPicobarns() {
        assertEquals("5.8 pb⁻¹ (13 TeV)", Labels.lumi(0.0058, 13));
        assertEquals("59.7 fb⁻¹ (13 TeV)", Labels.lumi(59.7, 13));
        assertEquals("138 fb⁻¹ (13 TeV)", Labels.lumi(137.62, 13));
        assertEquals("(13.6 TeV)", Labels.lumi(0, 13.6));
        Hist h = mll();
        h.fill(new double[]{91});
        assertEquals("5.76 pb⁻¹ (13 TeV)", StackPlot.builder().mc("DY", h).lumi(0.005762).drawn().lumiText());
    }

    @Test void logScaleFloorShowsADataPointOfOneEventUnderHugeMc() {
        // MC weighted to a big luminosity (1.6e7 per event) against one data event in a bin: the old floor sat at ~30
        Hist mc = mll(), data = mll();
        double[] x = {91, 91, 85, 75};
        mc.fill(x, new double[]{1.6e7, 1.6e7, 1.6e7, 1.6e7});
        data.fill(new double[]{91, 91, 75});
        XYChart main = StackPlot.builder().mc("DY", mc).data(data).logY(true).drawn().main();
        double floor = main.getStyler().getYAxisMin();
        assertTrue(floor < 1, "y floor " + floor + " is below the 1-event point and its error bar's start");
        assertEquals(Math.rint(Math.log10(floor)), Math.log10(floor), 1e-12, "a whole decade: " + floor);
        assertNull(main.getStyler().getyAxisTickLabelsFormattingFunction(), "XChart's decade ticks");
        assertEquals("#,##0.####", main.getStyler().getYAxisDecimalPattern(), "1,000,000 rather than 1E6");
        assertEquals("10,000,000,000", new java.text.DecimalFormat(main.getStyler().getYAxisDecimalPattern(),
                java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(1e10));
    }

    @Test void noDataMarkerInAnEmptyBin() {
        Hist mc = mll(), data = mll();
        mc.fill(new double[]{65, 75, 91, 105});
        data.fill(new double[]{91, 105});   // bins of 65 and 75 have no data
        StackPlot.Drawn d = StackPlot.builder().mc("DY", mc).data(data).drawn();
        XYSeries pts = d.main().getSeriesMap().get("Data");
        assertArrayEquals(new double[]{93, 105}, xs(pts), 1e-12, "markers only where there are events");
        for (double y : pts.getYData()) assertTrue(y > 0);
        XYSeries ratio = d.ratio().getSeriesMap().get("ratio");
        assertArrayEquals(new double[]{93, 105}, xs(ratio), 1e-12, "no ratio point of 0 either");
    }

    @Test void integerVariableTicksSitAtBinCentresAndTheYAxisSaysPerBin() {
        Hist n = Hist.builder().integer(0, 6, "nJetGood", "$N_{JetGood}$").weight();
        n.fill(new double[]{0, 0, 1, 2, 2, 2, 5});
        StackPlot.Drawn d = StackPlot.builder().mc("DY", n).data(n).drawn();
        assertEquals(-0.5, d.xShift());
        XYChart main = d.main();
        assertEquals(-0.5, main.getStyler().getXAxisMin(), "bin 0 spans -0.5..0.5, so the tick 0 is its centre");
        assertEquals(5.5, main.getStyler().getXAxisMax());
        var fmt = d.ratio().getStyler().getxAxisTickLabelsFormattingFunction();
        assertEquals("0", fmt.apply(0.0));
        assertEquals("5", fmt.apply(5.0));
        assertTrue(fmt.apply(0.5).isBlank(), "no label at a bin edge");
        assertArrayEquals(new double[]{0, 1, 2, 5}, xs(main.getSeriesMap().get("Data")), 1e-12, "data points at the integers");
        assertEquals("N_JetGood", d.ratio().getXAxisTitle());
        assertEquals("Events / bin", main.getYAxisTitle());
    }

    @Test void yAxisTitleGivesTheBinWidth() {
        Hist h = Hist.builder().reg(30, 60, 120, "mll", "$m_{\\mu\\mu}$ [GeV]").weight();
        h.fill(new double[]{91});
        assertEquals("Events / 2 GeV", StackPlot.builder().mc("DY", h).drawn().main().getYAxisTitle());
        Hist eta = Hist.builder().reg(10, -2.5, 2.5, "eta", "$\\eta$").weight();
        eta.fill(new double[]{0.1});
        assertEquals("Events / 0.5", StackPlot.builder().mc("DY", eta).drawn().main().getYAxisTitle());
        Hist v = Hist.builder().var(new double[]{0, 10, 30, 100}, "pt", "$p_T$ [GeV]").weight();
        v.fill(new double[]{5});
        assertEquals("Events / bin", StackPlot.builder().mc("DY", v).drawn().main().getYAxisTitle());
        assertEquals("Entries", StackPlot.builder().mc("DY", v).yLabel("Entries").drawn().main().getYAxisTitle());
    }

    @Test void ratioPointsOffThePanelAreTrianglesAtItsEdge() {
        Hist mc = mll(), data = mll();
        mc.fill(new double[]{65, 65, 65, 65, 75, 75, 91, 91});
        data.fill(new double[]{65, 75, 75, 75, 75, 75, 91, 91});   // ratios 0.25 (below 0.5), 2.5 (above 1.5), 1
        StackPlot.Drawn d = StackPlot.builder().mc("DY", mc).data(data).drawn();
        XYSeries above = d.ratio().getSeriesMap().get("above the panel"), below = d.ratio().getSeriesMap().get("below the panel");
        assertNotNull(above, d.ratio().getSeriesMap().keySet().toString());
        assertArrayEquals(new double[]{75}, xs(above), 1e-12);
        assertEquals(SeriesMarkers.TRIANGLE_UP.getClass(), above.getMarker().getClass());
        assertTrue(above.getYData()[0] < 1.5 && above.getYData()[0] > 1.4, "inside the panel, at its top: " + above.getYData()[0]);
        assertArrayEquals(new double[]{63}, xs(below), 1e-12);
        assertEquals(SeriesMarkers.TRIANGLE_DOWN.getClass(), below.getMarker().getClass());
        assertArrayEquals(new double[]{93}, xs(d.ratio().getSeriesMap().get("ratio")), 1e-12);
    }

    @Test void ratioBandIsOneStepOutlineOverEveryBin() {
        Hist mc = mll(), data = mll();
        mc.fill(new double[]{65, 65, 75, 91, 91, 91});
        data.fill(new double[]{65, 91});
        XYSeries band = StackPlot.builder().mc("DY", mc).data(data).drawn().ratio().getSeriesMap().get("MC stat. unc.");
        double[] x = xs(band);
        assertEquals(4 * 10, x.length, "two points per bin along the top, two back along the bottom");
        for (int k = 0; k < 10; k++) {   // the top runs edge to edge without a gap
            assertEquals(60 + 6 * k, x[2 * k], 1e-12);
            assertEquals(60 + 6 * (k + 1), x[2 * k + 1], 1e-12);
        }
    }

    @Test void aTwoDimensionalHistogramIsAColourMapNotAProjection() {
        Hist h2 = Hist.builder().reg(4, 0, 4, "mll", "$m_{\\mu\\mu}$ [GeV]").reg(2, 0, 2, "ptll", "$p_{T,\\mu\\mu}$ [GeV]").weight();
        h2.fill(new Object[]{new double[]{0.5, 0.5, 0.5, 3.5}, new double[]{0.5, 0.5, 0.5, 1.5}}, null);   // bin (0,0): 3, bin (3,1): 1
        Plot p = Plots.of(h2);
        assertNotNull(p);
        assertEquals(650, p.height(), "HeatPlot's canvas");
        HeatPlot.Builder b = HeatPlot.builder(h2);
        int[] f = b.frame();
        BufferedImage img = p.image();
        int w = f[2] - f[0], hgt = f[3] - f[1];
        Color full = new Color(img.getRGB(f[0] + w / 8, f[3] - hgt / 4)), quarter = new Color(img.getRGB(f[0] + 7 * w / 8, f[1] + hgt / 4));
        Color empty = new Color(img.getRGB(f[0] + 3 * w / 8, f[3] - hgt / 4));
        assertEquals(HeatPlot.Viridis.at(1.0), full, "the fullest bin has the top colour");
        assertEquals(HeatPlot.Viridis.at(1.0 / 3), quarter, "1 of 3 is a third up the scale");
        assertEquals(Color.WHITE, empty, "an empty bin stays white");
        Hist unlabelled = Hist.builder().reg(4, 0, 4, "events.mll").weight();
        assertEquals("mll", Labels.axisTitle(unlabelled.axes().get(0)), "an axis named by its column reads as the variable");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackPlot.builder().mc("DY", h2));
        assertTrue(e.getMessage().contains("[mll, ptll]"), e.getMessage());
    }

    @Test void niceTicksAreRound() {
        assertEquals(List.of(60.0, 70.0, 80.0, 90.0, 100.0, 110.0, 120.0), HeatPlot.Ticks.nice(60, 120, 8));
        assertEquals(List.of(1.0, 10.0, 100.0), HeatPlot.Ticks.decades(0.5, 300));
    }
}
