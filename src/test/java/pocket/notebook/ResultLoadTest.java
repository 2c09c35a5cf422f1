package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.testing.PocketCli;

/** Result.load of folders the command line wrote (-f and -ps), the same histograms as the run, and Result.merge. */
class ResultLoadTest {
    @TempDir static Path dir;
    static Path full, separate, dy, rest;

    @BeforeAll static void runs() throws Exception {
        new DemoSamples(dir.resolve("samples"), 30_000).ensure(new PrintWriter(new StringWriter()));
        full = run("full");
        separate = run("ps", "-ps");
        dy = run("dy", "--filter-datasets", "DYJetsToLL_M-50_2018");
        rest = run("rest", "--filter-datasets", "TTToSemiLeptonic_2018,DATA_SingleMuon_2018_EraA");
    }

    static Path run(String name, String... more) {
        Path out = dir.resolve(name);
        List<String> args = new ArrayList<>(List.of("run", "--cfg", "notebooks/zmumu/analysis.jsh", "-o", out.toString(), "-e", "futures", "--chunksize", "2000"));
        args.addAll(List.of(more));
        String before = System.setProperty("pocket.zmumu.samples", dir.resolve("samples").toString());
        try {
            PocketCli.Ran r = PocketCli.run(args.toArray(String[]::new));
            assertEquals(0, r.code(), r.toString());
        } finally {
            if (before == null) System.clearProperty("pocket.zmumu.samples"); else System.setProperty("pocket.zmumu.samples", before);
        }
        return out;
    }

    @Test void aLoadedFolderHasTheRunsHistogramsPlotsAndTables() throws Exception {
        Result r = Result.load(full);
        assertTrue(r.complete());
        assertNull(r.runResult());
        assertTrue(r.histNames().containsAll(List.of("mll", "ptll", "nJetGood")), r.histNames().toString());
        assertEquals(List.of("baseline", "Z_peak", "Z_peak_1jet"), r.categories("mll"));
        assertTrue(r.samples("mll").containsAll(List.of("DYJetsToLL", "DATA_SingleMuon")), r.samples("mll").toString());
        // the file's own numbers: the data histogram's sum is the data events in the category (cutflow, counted apart)
        double dataZ = r.hist("mll", "DATA_SingleMuon").select("cat", "Z_peak").sum(true);
        double cutflowZ = r.cutflow().where(r.cutflow().stringColumn("step").isEqualTo("Z_peak")).doubleColumn("DATA_SingleMuon").get(0);
        assertEquals(cutflowZ, dataZ);
        assertTrue(dataZ > 100, "data events in the Z peak: " + dataZ);
        // the plots' luminosity is the config's lumi.picobarns of 2018, in fb⁻¹
        double pb = Double.parseDouble(Files.readAllLines(dir.resolve("samples/params_lumi.yaml")).stream()
                .filter(l -> l.strip().startsWith("tot:")).findFirst().orElseThrow().split(":")[1].strip());
        assertEquals(pb / 1000, r.histograms().lumi(), 1e-12);
        int perCategory = r.histNames().stream().filter(n -> r.histograms().dimensions(n) <= 2).mapToInt(n -> r.categories(n).size()).sum();
        assertTrue(r.histNames().stream().anyMatch(n -> r.histograms().dimensions(n) == 2), "the config has a 2-d histogram");
        assertEquals(perCategory, r.plots().size(), "a stack plot per 1-d histogram and category, a colour map per 2-d one");
        Path saved = r.save(dir.resolve("plots"));
        assertTrue(Files.isRegularFile(saved.resolve("mll_Z_peak.png")) || Files.list(saved).anyMatch(p -> p.toString().endsWith(".png")));
        assertTrue(r.toString().startsWith("pocket output complete: "), r.toString());
    }

    @Test void perDatasetOutputsLoadAsOne() {
        Result ps = Result.load(separate), all = Result.load(full);
        assertEquals(all.output(), ps.output(), "-ps outputs, added, equal the one output (each dataset's tree as in the full run)");
    }

    @Test void mergeFromANotebookEqualsTheOneRun() {
        Result m = Result.merge(dir.resolve("merged"), dy, rest);
        assertEquals(Result.load(full).output(), m.output());
        assertTrue(Files.isRegularFile(dir.resolve("merged/merged_from.json")));
    }

    @Test void whatIsNotAnOutputFolderIsNamed() throws Exception {
        Path none = dir.resolve("nothing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Result.load(none));
        assertTrue(e.getMessage().contains(none + " is not a folder"), e.getMessage());
        Path interrupted = dir.resolve("interrupted");
        Files.createDirectories(interrupted.resolve("checkpoint"));
        e = assertThrows(IllegalArgumentException.class, () -> Result.load(interrupted));
        assertTrue(e.getMessage().contains("interrupted run's checkpoint") && e.getMessage().contains("--resume"), e.getMessage());
        Path noRaw = dir.resolve("noraw");
        Files.createDirectories(noRaw);
        Files.copy(full.resolve("output_all.json"), noRaw.resolve("output_all.json"));
        e = assertThrows(IllegalArgumentException.class, () -> Result.load(noRaw));
        assertTrue(e.getMessage().contains("output_all.raw.json is missing"), e.getMessage());
    }
}
