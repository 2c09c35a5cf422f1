package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pocket.cli.PocketCommand;
import pocket.run.RunFolder;

/** The fluent API and `pocket run` are one code path: same options, same output folder, same numbers. */
class PocketSameAsRunTest {
    static final Path CONFIG = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh");

    @TempDir Path tmp;

    @Test
    void sameOutputsAsPocketRun() throws Exception {
        Path cli = tmp.resolve("cli"), api = tmp.resolve("api");
        Path ro = tmp.resolve("ro.yaml");
        Files.writeString(ro, "retries: 2\ntree-reduction: 4\n");
        StringWriter err = new StringWriter();
        CommandLine cl = PocketCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("run", "--cfg", CONFIG.toString(), "-o", cli.toString(), "-e", "futures", "-s", "2",
                "-c", "15", "-ro", ro.toString(), "--skip-bad-files");
        assertEquals(0, code, err.toString());

        Result r = Pocket.config(CONFIG).executor("futures").scaleout(2).chunksize(15).runOptions(ro).skipBadFiles()
                .outputDir(api).run();
        assertTrue(r.complete());
        // chunksize 15 over the 40-event samples: 3 chunks per dataset, merged by the tree reduction
        assertEquals(6, r.runResult().fates().size());

        assertEquals(Files.readString(cli.resolve(RunFolder.RUN_OPTIONS)), Files.readString(api.resolve(RunFolder.RUN_OPTIONS)));
        assertEquals(files(cli), files(api));
        JsonObject a = RunFolder.readJson(cli.resolve("output_all.json")), b = RunFolder.readJson(api.resolve("output_all.json"));
        for (String key : new String[]{"sum_genweights", "sum_signOf_genweights", "cutflow", "sumw", "sumw2", "variables"})
            assertEquals(a.get(key), b.get(key), key);
        assertEquals(RunFolder.readJson(cli.resolve("output_all.raw.json")), RunFolder.readJson(api.resolve("output_all.raw.json")));
    }

    @Test
    void runOptionsResolveAsOnTheCommandLine() throws Exception {
        Path ro = tmp.resolve("ro.yaml");
        Files.writeString(ro, "chunksize: 5000\nretries: 1\n");
        Pocket base = Pocket.config(CONFIG);
        // -t: one file, one chunk, iterative
        var t = base.test().options();
        assertEquals(1, t.getInt("limit-files", -1));
        assertEquals(1, t.getInt("limit-chunks", -1));
        assertEquals("iterative", base.test().executorName());
        // the map and the YAML file are the same -ro layer; flags win over it
        assertEquals(base.runOptions(ro).options(), base.runOptions(Map.of("chunksize", 5000, "retries", 1)).options());
        assertEquals(700, base.runOptions(ro).chunksize(700).options().getInt("chunksize", -1));
        assertEquals(3, base.runOptions(ro).option("retries", 3).options().getInt("retries", -1));
        // the instances are immutable
        Pocket p = base.scaleout(4);
        assertNotEquals(p.options(), base.options());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> base.scaleout(0));
        assertTrue(e.getMessage().contains("scaleout"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Pocket.config("no/such/analysis.jsh"));
        assertTrue(e.getMessage().contains("no/such/analysis.jsh"), e.getMessage());
    }

    @Test
    void resultNamesWhatIsMissing() {
        Result r = Pocket.config(CONFIG).test().outputDir(tmp.resolve("t")).run();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.hist("mlll"));
        assertTrue(e.getMessage().contains("nearest: mll"), e.getMessage());
        // a 2-d histogram plots as a colour map; a stack plot of it is refused, saying how to get one
        assertEquals(650, r.plot("mll_vs_ptll", "baseline").height());
        e = assertThrows(IllegalArgumentException.class, () -> r.plotBuilder("mll_vs_ptll", "baseline"));
        assertTrue(e.getMessage().contains("colour map") && e.getMessage().contains("project"), e.getMessage());
        assertEquals(800, r.plot("mll", "baseline").width());
        // the config's weight variation sf_mu_id (Up/Down) goes into the plot's uncertainty band
        assertEquals(Set.of("sf_mu_id"), r.plotBuilder("mll", "baseline").systematics());
        // two bookkeepings of the same selection agree: the data events counted in the cutflow's
        // baseline row are the entries of the data mll histogram in that category (data weights are 1)
        var cutflow = r.cutflow();
        double counted = cutflow.doubleColumn("DATA_SingleMuon").get(cutflow.stringColumn("step").indexOf("baseline"));
        double filled = r.hist("mll", "DATA_SingleMuon").select("cat", "baseline").sum(true);
        assertTrue(counted > 0);
        assertEquals(counted, filled, 1e-9);
    }

    private static Set<String> files(Path dir) throws Exception {
        try (Stream<Path> s = Files.walk(dir)) {
            Set<String> names = new TreeSet<>();
            s.filter(Files::isRegularFile).forEach(p -> names.add(dir.relativize(p).toString()));
            return names;
        }
    }
}
