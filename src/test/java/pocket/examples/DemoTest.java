package pocket.examples;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import picocli.CommandLine;
import pocket.cli.DemoCommand;
import pocket.config.Dataset;
import pocket.config.DatasetsConfig;
import pocket.hist.Hist;
import pocket.workflow.Output;

/**
 * {@code pocket demo} on a few thousand events in a temp folder: the generated samples, the
 * run's output checked against a direct loop over the generated files (ZmumuExampleTest's),
 * the PNG plots decoded and looked at, and the samples reused on a second run.
 */
class DemoTest {
    static final List<String> CATEGORIES = List.of("baseline", "Z_peak", "Z_peak_1jet");
    @TempDir static Path tmp;
    static Path dir;
    static String stdout;
    static int exit;

    @BeforeAll static void runDemo() {
        dir = tmp.resolve("demo");
        String[] r = demo("-o", dir.toString(), "--events", "6000", "--scaleout", "2");
        exit = Integer.parseInt(r[0]);
        stdout = r[1];
    }

    /** Runs the command; returns {exit code, stdout + stderr}. */
    static String[] demo(String... args) {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintWriter pw = new PrintWriter(buf, true);
        int code = new CommandLine(new DemoCommand()).setOut(pw).setErr(pw).execute(args);
        pw.flush();
        return new String[]{String.valueOf(code), buf.toString()};
    }

    static Dataset dataset(String sample) {
        List<Dataset> ds = DatasetsConfig.readJson(dir.resolve("samples/datasets.json"));
        assertEquals(3, ds.size(), "DY, ttbar, data");
        String name = Map.of("zmumu", "DYJetsToLL", "ttbar", "TTToSemiLeptonic", "data", "DATA_SingleMuon").get(sample);
        return ds.stream().filter(d -> d.sample().equals(name)).findFirst().orElseThrow();
    }

    @Test void samplesAndDatasetJsonsAreWritten() throws Exception {
        assertEquals(0, exit, stdout);
        Map<String, Integer> expectedEvents = Map.of("zmumu", 3000, "ttbar", 1000, "data", 2000);
        for (var e : expectedEvents.entrySet()) {
            Dataset d = dataset(e.getKey());
            assertEquals(String.valueOf(e.getValue()), d.metadata().get("nevents"), e.getKey());
            assertEquals(!e.getKey().equals("data"), d.isMC(), e.getKey());
            for (String f : d.files()) assertTrue(Files.size(Path.of(f)) > 10_000, f);
        }
        assertTrue(Files.isRegularFile(dir.resolve("samples/params_lumi.yaml")));
    }

    @Test void outputMatchesADirectLoopOverTheGeneratedFiles() throws Exception {
        assertEquals(0, exit, stdout);
        Path out = dir.resolve("output/output_all.json");
        assertTrue(Files.isRegularFile(out), stdout);
        Output post = Output.fromJson(JsonParser.parseString(Files.readString(out)).getAsJsonObject());
        assertTrue(Files.readString(dir.resolve("output/logfile.log")).contains("Running with executor futures"));

        Map<String, Object> yaml = new Yaml().load(Files.readString(dir.resolve("samples/params_lumi.yaml")));
        @SuppressWarnings("unchecked")
        double lumi = ((Number) ((Map<String, Map<String, Map<String, Object>>>) yaml.get("lumi")).get("picobarns").get("2018").get("tot")).doubleValue();
        assertEquals(0.35 * 2000 / 6077.22, lumi, 1e-5, "the data's luminosity: 35% of 2000 events are Z->mumu");

        Dataset data = dataset("data");
        ZmumuExampleTest.Expected e = ZmumuExampleTest.direct(data, lumi);
        assertEquals(2000, e.initial());
        assertTrue(e.zPeak() > 100, "a Z peak in the data: " + e.zPeak());
        Hist mll = post.histogram("mll", data.sample(), data.name());
        assertEquals(e.presel(), mll.select("cat", "baseline").sum(true), "data mll, baseline");
        assertEquals(e.zPeak(), mll.select("cat", "Z_peak").sum(true), "data mll, Z_peak");
        assertEquals(e.zPeak1j(), mll.select("cat", "Z_peak_1jet").sum(true), "data mll, Z_peak_1jet");
        assertEquals(e.presel(), post.cutflowStep("presel").get(data.name()));

        Dataset dy = dataset("zmumu");
        ZmumuExampleTest.Expected m = ZmumuExampleTest.direct(dy, lumi);
        double got = post.histogram("mll", dy.sample(), dy.name()).select("cat", "Z_peak").select("variation", "nominal").sum(true);
        double want = m.sumwZ() / m.sumGenw();
        assertEquals(want, got, Math.abs(want) * 1e-9, "DY mll in Z_peak, normalised to the data's luminosity");
        // with that luminosity the simulation predicts the data's Z peak to within a few standard deviations
        assertEquals(e.zPeak(), got, 5 * Math.sqrt(e.zPeak()) + 0.05 * e.zPeak(), "data vs DY in the Z peak");
    }

    @Test void plotsArePngsWithContent() throws Exception {
        assertEquals(0, exit, stdout);
        Path plots = dir.resolve("plots");
        for (String cat : CATEGORIES) {
            Path png = plots.resolve("mll_" + cat + ".png");
            assertTrue(Files.isRegularFile(png), png + " in " + stdout);
            BufferedImage img = ImageIO.read(png.toFile());
            assertNotNull(img, png + " is not a readable image");
            assertTrue(img.getWidth() >= 400 && img.getHeight() >= 300, png + ": " + img.getWidth() + "x" + img.getHeight());
            int background = img.getRGB(1, 1), inked = 0;
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y++)
                for (int x = 0; x < img.getWidth(); x++) {
                    int c = img.getRGB(x, y);
                    if (c != background) inked++;
                    colours.add(c);
                }
            double share = inked / (double) (img.getWidth() * img.getHeight());
            assertTrue(share > 0.02 && share < 0.9, png + ": " + share + " of the pixels drawn");
            assertTrue(colours.size() > 10, png + ": only " + colours.size() + " colours");
        }
        // a 2-d histogram is drawn as a colour map (HeatPlot's 800x650 canvas), not as a stack plot of one of its axes
        BufferedImage map = ImageIO.read(plots.resolve("mll_vs_ptll_baseline.png").toFile());
        assertEquals(650, map.getHeight(), "the colour map's canvas, not the 800x800 stack plot");
        assertTrue(Files.isRegularFile(plots.resolve("cutflow.csv")));
    }

    @Test void stdoutNamesTheFolder() {
        assertEquals(0, exit, stdout);
        String[] lines = stdout.strip().split("\n");
        assertTrue(lines[lines.length - 1].contains(dir.toAbsolutePath().toString()), lines[lines.length - 1]);
        assertTrue(stdout.contains("generated 3000 zmumu events"), stdout);
    }

    @Test void aSecondRunReusesTheSamples() throws Exception {
        assertEquals(0, exit, stdout);
        Path file = Path.of(dataset("data").files().get(0));
        FileTime before = Files.getLastModifiedTime(file);
        String[] r = demo("-o", dir.toString(), "--events", "6000", "--scaleout", "1");
        assertEquals("0", r[0], r[1]);
        assertTrue(r[1].contains("reusing 2000 data events"), r[1]);
        assertFalse(r[1].contains("generated"), r[1]);
        assertEquals(before, Files.getLastModifiedTime(file));
    }

    @Test void tooFewEventsIsAClearError() {
        String[] r = demo("-o", tmp.resolve("bad").toString(), "--events", "3");
        assertEquals("2", r[0]);
        assertTrue(r[1].contains("--events must be at least 6"), r[1]);
        assertFalse(r[1].contains("Exception"), r[1]);
    }
}
