package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test void unknownNamesAreRefusedWithTheNearest() {
        PocketCli.Ran r = PocketCli.run("plot", "-i", out.toString(), "-o", dir.resolve("x").toString(), "--categories", "Zpeak");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("pocket plot: plot: no category 'Zpeak' in the output; categories: [Z_peak, Z_peak_1jet, baseline]; nearest: Z_peak"), r.err());
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
