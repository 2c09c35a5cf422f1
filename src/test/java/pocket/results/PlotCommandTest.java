package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.testing.PocketCli;

/** {@code pocket plot} as typed, on a folder the command line wrote: which plots, where, and refusals naming what exists. */
class PlotCommandTest {
    @TempDir static Path dir;
    static Path out;

    @BeforeAll static void run() throws Exception {
        new DemoSamples(dir.resolve("samples"), 20_000).ensure(new PrintWriter(new StringWriter()));
        out = dir.resolve("out");
        String before = System.setProperty("pocket.zmumu.samples", dir.resolve("samples").toString());
        try {
            PocketCli.Ran r = PocketCli.run("run", "--cfg", "notebooks/zmumu/analysis.jsh", "-o", out.toString(), "-e", "futures", "--chunksize", "5000");
            assertEquals(0, r.code(), r.toString());
        } finally {
            if (before == null) System.clearProperty("pocket.zmumu.samples"); else System.setProperty("pocket.zmumu.samples", before);
        }
    }

    static Set<String> names(Path d) throws Exception {
        try (var s = Files.list(d)) { return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new)); }
    }

    @Test void everyVariableTimesCategoryLinearAndLog() throws Exception {
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString());
        assertEquals(0, r.code(), r.toString());
        OutputFolder f = OutputFolder.read(out);
        Histograms h = new Histograms(f.postprocessed(), f.lumiFb());
        Set<String> expected = new TreeSet<>();
        for (String v : h.names())
            if (h.dimensions(v) == 1) for (String c : h.categories(v)) { expected.add(v + "_" + c + ".png"); expected.add(v + "_" + c + "_log.png"); }
            else if (h.dimensions(v) == 2) for (String c : h.categories(v)) expected.add(v + "_" + c + ".png");   // a colour map
        assertEquals(expected, names(out.resolve("plots")));
        assertTrue(r.out().contains("Wrote " + expected.size() + " plots to " + out.resolve("plots")), r.out());
        assertTrue(r.out().contains("] " + expected.size() + "/" + expected.size()), "the progress bar reaches the end: " + r.out());
        assertNotNull(ImageIO.read(out.resolve("plots/mll_Z_peak_log.png").toFile()));
        assertEquals(650, ImageIO.read(out.resolve("plots/mll_vs_ptll_baseline.png").toFile()).getHeight(), "the 2-d histogram as a colour map");
    }

    @Test void aSubsetOnlyMcOneScale() throws Exception {
        Path p = dir.resolve("subset");
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString(), "-o", p.toString(), "--variables", "mll,ptll",
                "--categories", "Z_peak", "--samples", "DYJetsToLL", "--only-mc", "--scale", "log", "-j", "1");
        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of("mll_Z_peak_log.png", "ptll_Z_peak_log.png"), names(p));
    }

    @Test void pdfAndSvgBesidePng() throws Exception {
        Path p = dir.resolve("vector");
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString(), "-o", p.toString(), "--variables", "mll",
                "--categories", "Z_peak", "--scale", "linear", "--format", "png,pdf,svg");
        assertEquals(0, r.code(), r.toString());
        assertEquals(Set.of("mll_Z_peak.png", "mll_Z_peak.pdf", "mll_Z_peak.svg"), names(p));
        assertTrue(r.out().contains("Wrote 1 plots as png, pdf, svg (3 files) to " + p), r.out());
        byte[] pdf = Files.readAllBytes(p.resolve("mll_Z_peak.pdf"));
        String head = new String(pdf, 0, 8, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(head.startsWith("%PDF-"), head);
        String pdfText = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(pdfText.contains("/Type /Page") && pdfText.contains("%%EOF"), "one page, complete file");
        // the SVG is XML a browser reads: the header's texts as text, XChart's panels as vector paths (its labels are outlines)
        var xml = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);   // no fetching of the SVG DTD
        var svg = xml.newDocumentBuilder().parse(p.resolve("mll_Z_peak.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getLocalName() != null ? svg.getDocumentElement().getLocalName() : svg.getDocumentElement().getTagName());
        String texts = svg.getDocumentElement().getTextContent();
        assertTrue(texts.contains("CMS") && texts.contains("Preliminary") && texts.contains("Z_peak") && texts.contains("pb⁻¹ (13 TeV)"), texts);
        assertTrue(svg.getElementsByTagName("path").getLength() > 20, "the bars, points and axes as paths: " + svg.getElementsByTagName("path").getLength());
        assertEquals(0, svg.getElementsByTagName("image").getLength(), "no bitmap inside");
        PocketCli.Ran bad = PocketCli.run("plot", "-i", out.toString(), "-o", dir.resolve("y").toString(), "--format", "jpg");
        assertEquals(2, bad.code(), bad.toString());
        assertTrue(bad.err().contains("unknown format 'jpg'; formats: [png, pdf, svg]"), bad.err());
    }

    @Test void styleFileSetsColoursLabelsGroupsOrderAndRebin() throws Exception {
        OutputFolder f = OutputFolder.read(out);
        Histograms h = new Histograms(f.postprocessed(), f.lumiFb());
        double[] e = h.hist("mll", "DYJetsToLL").axis("events.mll").edges();
        int n = e.length - 1;
        Path style = dir.resolve("style.yaml");
        // PocketCoffea's wrapper key is accepted; new bins: the old bins 0..19, 20..29 and 30..n-1
        Files.writeString(style, "plotting_style:\n"
                + "  colors_mc: {DY: '#ff3399'}\n"
                + "  labels_mc: {DY: 'Drell-Yan'}\n"
                + "  samples_groups: {DY: [DYJetsToLL]}\n"
                + "  order_mc: [TTToSemiLeptonic, DY]\n"
                + "  labels_data: 'Data 2018'\n"
                + "  rebin: {mll: [" + e[0] + ", " + e[20] + ", " + e[30] + ", " + e[n] + "]}\n"
                + "  lumi: 0.0058\n");
        MakePlots plots = MakePlots.of(h).style(style).build();
        var drawn = plots.builder(new MakePlots.Job("mll", "Z_peak", false, "x")).drawn();
        var series = drawn.main().getSeriesMap();
        assertTrue(series.containsKey("Drell-Yan") && !series.containsKey("DYJetsToLL"), series.keySet().toString());
        assertTrue(series.containsKey("Data 2018"), series.keySet().toString());
        assertEquals(new java.awt.Color(0xff3399), series.get("Drell-Yan").getFillColor());
        assertEquals("5.8 pb⁻¹ (13 TeV)", drawn.lumiText());
        // order_mc: tt̄ at the bottom although DY is larger; XChart gets the top of the stack first
        List<String> names = new ArrayList<>(series.keySet());
        assertTrue(names.indexOf("Drell-Yan") < names.indexOf("TTToSemiLeptonic"), names.toString());
        // the rebinned DY bins are sums of the original bins: the band of the stack's top sample steps over 3 bins
        double[] orig = h.hist("mll", "DYJetsToLL").select("cat", "Z_peak").select("variation", "nominal").values(false);
        double[] tt = h.hist("mll", "TTToSemiLeptonic").select("cat", "Z_peak").select("variation", "nominal").values(false);
        double[] want = new double[3];
        for (int k = 0; k < n; k++) want[k < 20 ? 0 : k < 30 ? 1 : 2] += orig[k] + tt[k];
        double[] top = series.get("Drell-Yan").getYData();
        assertEquals(4 * 3, top.length, "three drawn bins");
        for (int j = 0; j < 3; j++) assertEquals(want[j], top[2 * j], 1e-9 * Math.max(1, want[j]), "stack top, bin " + j);
        assertTrue(want[1] > want[0], "the middle bin holds the peak");
        // and the PNG has the style's colour in it
        var img = plots.draw(new MakePlots.Job("mll", "Z_peak", false, "x")).image();
        long pink = 0;
        for (int y = 0; y < img.getHeight(); y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) == 0xff3399) pink++;
        assertTrue(pink > 2000, "pink bar pixels " + pink);

        // rebin edges that are not edges, and unknown keys, are errors naming them, exit 2
        Files.writeString(style, "rebin: {mll: [" + e[0] + ", " + (e[0] + e[1]) / 2 + ", " + e[n] + "]}\n");
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString(), "-o", dir.resolve("s1").toString(), "--variables", "mll", "--style", style.toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("of 'mll' is not an edge of the histogram; the new edges must be chosen from ["), r.err());
        Files.writeString(style, "colours_mc: {DY: red}\n");
        PocketCli.Ran u = PocketCli.run("plot", "-i", out.toString(), "--style", style.toString());
        assertEquals(2, u.code(), u.toString());
        assertTrue(u.err().contains("unknown key 'colours_mc'") && u.err().contains(style.toString()) && u.err().contains("colors_mc"), u.err());
    }

    @Test void unknownNamesAreRefusedWithTheNearest() {
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString(), "-o", dir.resolve("x").toString(), "--categories", "Zpeak");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("pocket plot: no category 'Zpeak' in the output; categories: [Z_peak, Z_peak_1jet, baseline]; nearest: Z_peak"), r.err());
        PocketCli.Ran v = PocketCli.run("plot", "-i", out.toString(), "--variables", "mlll");
        assertEquals(2, v.code(), v.toString());
        assertTrue(v.err().contains("no variable 'mlll'") && v.err().contains("mll"), v.err());
        PocketCli.Ran s = PocketCli.run("plot", "-i", out.toString(), "--scale", "sqrt");
        assertEquals(2, s.code(), s.toString());
        assertTrue(s.err().contains("--scale must be both, linear or log, got 'sqrt'"), s.err());
        PocketCli.Ran none = PocketCli.run("plot", "-i", dir.resolve("samples").toString());
        assertEquals(2, none.code(), none.toString());
        assertTrue(none.err().contains("holds no output_*.json"), none.err());
        assertFalse(Files.exists(dir.resolve("x")), "nothing written on bad input");
    }
}
