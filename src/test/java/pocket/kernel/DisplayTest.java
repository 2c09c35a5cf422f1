package pocket.kernel;

import pocket.display.MimeBundle;
import static org.junit.jupiter.api.Assertions.*;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import pocket.hist.Hist;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class DisplayTest {
    static BufferedImage png(MimeBundle b) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(b.get("image/png"))));
    }

    @Test
    void aHistWithCategoriesShowsItsNominalSliceAsAPlot() throws Exception {
        Hist h = Hist.builder().strCat("cat", "Category", "baseline", "2jets").strCat("variation", "Variation", "pileupUp", "nominal")
                .reg(20, 0, 200, "pt", "$p_T$ [GeV]").weight();
        double[] x = new double[500];
        for (int i = 0; i < x.length; i++) x[i] = 40 + 0.1 * i;
        h.fill(new Object[]{"baseline", "nominal", x}, null);
        MimeBundle b = Display.render(h);
        assertTrue(b.plainText().length() > 0);
        BufferedImage img = png(b);
        assertEquals(640, img.getWidth());
        long blue = 0;
        int fill = pocket.plot.Palette.CMS6.get(0).getRGB() & 0xffffff;
        for (int y = 0; y < img.getHeight(); y++) for (int xx = 0; xx < img.getWidth(); xx++) if ((img.getRGB(xx, y) & 0xffffff) == fill) blue++;
        assertTrue(blue > 3000, "filled bins of the nominal baseline slice: " + blue);

        // an empty histogram: at most the zero-height band's hairline along the axis (one pixel row)
        Hist empty = Hist.builder().strCat("variation", "Variation", "nominal").reg(20, 0, 200, "pt", "pt").weight();
        BufferedImage e = png(Display.render(empty));
        long blueEmpty = 0;
        for (int y = 0; y < e.getHeight(); y++) for (int xx = 0; xx < e.getWidth(); xx++) if ((e.getRGB(xx, y) & 0xffffff) == fill) blueEmpty++;
        assertTrue(blueEmpty < e.getWidth(), "empty histogram fill pixels: " + blueEmpty);
    }

    @Test
    void tablesShowAsHtmlAndOtherValuesAsText() {
        Table t = Table.create("Cutflow", StringColumn.create("step", "initial", "skim"), DoubleColumn.create("DY", 10.0, 4.0));
        MimeBundle b = Display.render(t);
        assertTrue(b.get("text/html").contains("<td>skim</td><td style=\"text-align:right\">4</td>"), b.get("text/html"));
        assertEquals("[1, 2]", Display.render(java.util.List.of(1, 2)).plainText());
        assertNull(Display.render(42).get("text/html"));
    }

    @Test
    void registeredRenderersWinForTheirTypesAndSubtypes() {
        class Yield { final double n; Yield(double n) { this.n = n; } }
        class SignalYield extends Yield { SignalYield(double n) { super(n); } }
        Display.register(Yield.class, y -> MimeBundle.text(y.n + " events").withHtml("<b>" + y.n + "</b>"));
        assertEquals("<b>3.5</b>", Display.render(new SignalYield(3.5)).get("text/html"));
    }

    @Test
    void pocketValuesShowAsTablesNeverAsClassNames() {
        BuiltinRenderers.registerAll();
        pocket.run.RunOptions o = new pocket.run.RunOptions(java.util.Map.of("scaleout", 4, "chunksize", 100000));
        MimeBundle b = Display.render(o);
        assertTrue(b.get("text/html").contains("<td>chunksize</td><td>100000</td>"), b.get("text/html"));
        assertTrue(b.plainText().startsWith("Run options:") && b.plainText().indexOf("chunksize") < b.plainText().indexOf("scaleout"), b.plainText());
        pocket.workflow.Chunk c = new pocket.workflow.Chunk("DY_2018", "a.root", "Events", 0, 1000, java.util.Map.of());
        pocket.run.ChunkFate f = new pocket.run.ChunkFate(c, pocket.run.ChunkFate.Status.FAILED, "muon SF lookup failed", "trace", 2, 0.5,
                pocket.run.FailurePolicy.Kind.DETERMINISTIC);
        MimeBundle l = Display.render(java.util.List.of(f));
        assertTrue(l.get("text/html").contains("<td>DY_2018</td><td>a.root</td><td>0-1000</td><td>FAILED</td><td>2</td><td>muon SF lookup failed</td>"),
                l.get("text/html"));
        assertEquals("FAILED DY_2018 a.root entries 0-1000 after 2 attempt(s): muon SF lookup failed", l.plainText());
        for (Object v : java.util.List.of(o, f, java.util.List.of(f)))
            assertFalse(Display.render(v).plainText().matches("(?s).*pocket\\.[a-z.]+[A-Z]\\w*[@\\[].*"), Display.render(v).plainText());
        assertEquals("[1, 2]", Display.render(java.util.List.of(1, 2)).plainText(), "other lists stay text");
    }
}
