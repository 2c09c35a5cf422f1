package pocket.plot;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.hist.Hist;

class StackPlotTest {
    @TempDir Path tmp;

    /** A Z peak for DY, a flat-ish tt̄ shoulder, and data drawn from their sum. */
    static Hist[] zPeak() {
        Random rnd = new Random(7);
        Hist dy = Hist.builder().reg(30, 60, 120, "mll", "$m_{\\mu\\mu}$ [GeV]").weight();
        Hist tt = Hist.builder().reg(30, 60, 120, "mll", "$m_{\\mu\\mu}$ [GeV]").weight();
        Hist data = Hist.builder().reg(30, 60, 120, "mll", "$m_{\\mu\\mu}$ [GeV]").weight();
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) x[i] = 91.19 + 2.5 * rnd.nextGaussian();
        double[] w = new double[x.length];
        java.util.Arrays.fill(w, 0.5);
        dy.fill(x, w);
        double[] t = new double[3000];
        for (int i = 0; i < t.length; i++) t[i] = 60 + 60 * rnd.nextDouble();
        tt.fill(t);
        double[] d = new double[13000];
        for (int i = 0; i < d.length; i++) d[i] = i < 10000 ? 91.19 + 2.5 * rnd.nextGaussian() : 60 + 60 * rnd.nextDouble();
        data.fill(d);
        return new Hist[]{dy, tt, data};
    }

    /** Pixels that differ from white. */
    static long inked(BufferedImage img, int x0, int y0, int x1, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++) for (int x = x0; x < x1; x++) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) n++;
        return n;
    }

    static long colored(BufferedImage img, Color c) {
        long n = 0;
        int rgb = c.getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == rgb) n++;
        return n;
    }

    @Test
    void stackWithDataAndRatioPanel() throws Exception {
        Hist[] h = zPeak();
        Plot p = StackPlot.builder().mc("DYJetsToLL", h[0]).mc("TTTo2L2Nu", h[1]).data(h[2])
                .lumi(59.7).energy(13).title("baseline").build();
        assertEquals(800, p.width());
        assertEquals(800, p.height());
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(p.png()));
        assertEquals(800, img.getWidth());
        // the bottom sample (DY) is filled with the first CMS colour, tt̄ with the second, over large areas
        long dyPixels = colored(img, Palette.CMS6.get(0)), ttPixels = colored(img, Palette.CMS6.get(1));
        assertTrue(dyPixels > 5000, "DY fill pixels " + dyPixels);
        assertTrue(ttPixels > 2000, "tt fill pixels " + ttPixels);
        // DY (10000 expected events at the peak) dwarfs tt̄ (3000 spread flat): more DY ink
        assertTrue(dyPixels > ttPixels, dyPixels + " vs " + ttPixels);
        // ratio panel (bottom quarter) holds points, the header holds the CMS and lumi labels
        assertTrue(inked(img, 100, 620, 780, 760) > 500, "ratio panel is blank");
        assertTrue(inked(img, 0, 0, 200, 34) > 100, "no CMS label");
        assertTrue(inked(img, 600, 0, 800, 34) > 100, "no lumi label");
        Path f = p.save(tmp);
        assertTrue(Files.size(f) > 5000);
    }

    /** Pixels of the ratio panel's interior darkened to grey by the MC band (neither white nor black, nor colour). */
    static long grey(BufferedImage img, int x0, int y0, int x1, int y1) {
        long n = 0;
        for (int y = y0; y < y1; y++)
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y), r = rgb >> 16 & 0xff, g = rgb >> 8 & 0xff, bl = rgb & 0xff;
                if (r == g && g == bl && r > 120 && r < 230) n++;
            }
        return n;
    }

    /** The band is √Σw² of the stack: wide for a few heavy MC events, a hairline for many light ones. */
    @Test
    void mcStatisticalBandFollowsSumOfWeightsSquared() {
        Hist[] h = zPeak();
        Random rnd = new Random(11);
        Hist few = Hist.builder().reg(30, 60, 120, "mll", "m").weight(), many = Hist.builder().reg(30, 60, 120, "mll", "m").weight();
        double[] x = new double[130], w = new double[130];
        for (int i = 0; i < x.length; i++) { x[i] = 60 + 60 * rnd.nextDouble(); w[i] = 100; }  // 13000 events, ±~30 % per bin
        few.fill(x, w);
        double[] y = new double[1_300_000], v = new double[y.length];
        for (int i = 0; i < y.length; i++) { y[i] = 60 + 60 * rnd.nextDouble(); v[i] = 0.01; }  // 13000 events, ±~0.5 % per bin
        many.fill(y, v);
        Hist data = h[2];
        BufferedImage wide = StackPlot.builder().mc("MC", few).data(data).build().image();
        BufferedImage thin = StackPlot.builder().mc("MC", many).data(data).build().image();
        long gw = grey(wide, 120, 600, 770, 740), gt = grey(thin, 120, 600, 770, 740);
        assertTrue(gw > 10_000, "wide band in the ratio panel: " + gw + " grey pixels");
        assertTrue(gt < gw / 10, "hairline band: " + gt + " grey pixels vs " + gw);
    }

    /** The band by hand: statistical variance plus each systematic's larger shift up and down, squared. */
    @Test
    void uncertaintyAddsSystematicShiftsInQuadraturePerSide() {
        double[] nominal = {10, 20, 30}, stat = {1, 4, 0};
        // A: up +2 / down -1 in bin 0; both below in bin 1 (-1, -3); unchanged in bin 2
        // B: up +3 / down -4 in bin 2 only
        double[][] a = {{12, 19, 30}, {9, 17, 30}}, b = {{10, 20, 33}, {10, 20, 26}};
        double[][] u = StackPlot.uncertainty(nominal, stat, java.util.List.of(a, b));
        assertArrayEquals(new double[]{Math.sqrt(1 + 4), Math.sqrt(4 + 0), Math.sqrt(0 + 9)}, u[0], 1e-12, "above");
        assertArrayEquals(new double[]{Math.sqrt(1 + 1), Math.sqrt(4 + 9), Math.sqrt(0 + 16)}, u[1], 1e-12, "below");
        double[][] none = StackPlot.uncertainty(nominal, stat, java.util.List.of());
        assertArrayEquals(new double[]{1, 2, 0}, none[0], 1e-12);
        assertArrayEquals(none[0], none[1], 1e-12);
    }

    /** A ±50 % systematic on a precisely known MC widens the band far beyond the statistical one. */
    @Test
    void systematicVariationsWidenTheBand() {
        Hist[] h = zPeak();
        Random rnd = new Random(5);
        Hist mc = Hist.builder().reg(30, 60, 120, "mll", "m").weight();
        double[] x = new double[1_300_000], w = new double[x.length];
        for (int i = 0; i < x.length; i++) { x[i] = 60 + 60 * rnd.nextDouble(); w[i] = 0.01; }
        mc.fill(x, w);
        BufferedImage stat = StackPlot.builder().mc("MC", mc).data(h[2]).build().image();
        BufferedImage syst = StackPlot.builder().mc("MC", mc).data(h[2]).variation("MC", "norm", mc.scale(1.5), mc.scale(0.5)).build().image();
        long gs = grey(stat, 120, 600, 770, 740), gy = grey(syst, 120, 600, 770, 740);
        assertTrue(gy > 10_000 && gs < gy / 10, "ratio-panel band: " + gs + " grey pixels with statistics only, " + gy + " with ±50 %");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> StackPlot.builder().mc("MC", mc).variation("TT", "norm", mc, mc).build());
        assertTrue(e.getMessage().contains("'TT'"), e.getMessage());
    }

    @Test
    void logYAndNoRatio() throws Exception {
        Hist[] h = zPeak();
        Plot p = StackPlot.builder().mc("DYJetsToLL", h[0]).mc("TTTo2L2Nu", h[1]).logY(true).size(640, 480).build();
        assertEquals(640, p.width());
        assertEquals(480, p.height());
        BufferedImage img = p.image();
        assertTrue(colored(img, Palette.CMS6.get(0)) > 2000);
    }

    @Test
    void ratioPanelKeepsItsAxesWhenNoPointFallsInside() throws Exception {
        Hist[] h = zPeak();
        // MC scaled far above the data: every ratio is below the panel's range
        Plot p = StackPlot.builder().mc("DYJetsToLL", h[0].scale(1000)).data(h[2]).lumi(59.7).build();
        BufferedImage img = p.image();
        // the x tick labels under the ratio panel are drawn (dark text pixels in the bottom strip)
        long ink = 0;
        for (int y = 745; y < 775; y++) {
            int row = 0;
            for (int x = 80; x < 780; x++) if ((img.getRGB(x, y) & 0xff) < 100) row++;
            if (row < 200) ink += row;  // text rows; a frame or axis line spans the width
        }
        assertTrue(ink > 200, "x tick labels under the ratio panel: " + ink);
    }

    @Test
    void refusesWhatItCannotDraw() {
        Hist twoD = Hist.builder().strCat("cat", "Category", "baseline").reg(10, 0, 1, "x", "x").weight();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StackPlot.builder().mc("a", twoD));
        assertTrue(e.getMessage().contains("[cat, x]") && e.getMessage().contains("select"), e.getMessage());
        Hist a = Hist.builder().reg(10, 0, 1, "x", "x").weight();
        Hist b = Hist.builder().reg(20, 0, 1, "x", "x").weight();
        assertThrows(IllegalArgumentException.class, () -> StackPlot.builder().mc("a", a).mc("b", b));
        assertThrows(IllegalArgumentException.class, () -> StackPlot.builder().build());
        assertThrows(IllegalArgumentException.class, () -> StackPlot.builder().mc("a", a).ratio(true).build());
    }

    @Test
    void latexLabelsBecomeText() {
        assertEquals("mμμ [GeV]", Labels.plain("$m_{\\mu\\mu}$ [GeV]"));
        assertEquals("pT [GeV]", Labels.plain("$p_T$ [GeV]"));
        assertEquals("Δη", Labels.plain("$\\Delta\\eta$"));
        assertEquals("59.7 fb⁻¹ (13 TeV)", Labels.lumi(59.7, 13));
        assertEquals("(13.6 TeV)", Labels.lumi(0, 13.6));
    }
}
