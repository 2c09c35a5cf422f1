package pocket.run;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunOptionsResolverTest {
    static final String DEFAULTS = """
            general:
              scaleout: 1
              chunksize: 100
              retries: 10
              tree-reduction: 20
              queue: null
              walltime: null
              mem-per-worker: null
              skip-bad-files: false
              limit-files: null
              group-samples: {signal: [ttH]}
            lxplus:
              queue: site-queue
              walltime: "1:00:00"
              chunksize: 200
            dask:
              queue: executor-queue
              scaleout: 5
              retries: 4
            dask@lxplus:
              scaleout: 10
              mem-per-worker: "2GB"
            """;

    @Test
    void eachLayerWinsOverTheOnesBefore() {
        RunOptionsResolver r = RunOptionsResolver.fromYaml(DEFAULTS);
        Map<String, Object> ro = new LinkedHashMap<>();
        ro.put("mem-per-worker", "4GB");
        ro.put("retries", 3);
        ro.put("group-samples", Map.of("background", List.of("DY")));
        Map<String, Object> cli = new LinkedHashMap<>();
        cli.put("retries", 1);
        cli.put("limit-files", "2");
        var res = r.resolve("dask@lxplus", ro, cli);
        RunOptions o = res.options();
        // option by option: value and the layer that set it
        assertEquals(20, o.get("tree-reduction"));
        assertEquals("defaults [general]", res.sources().get("tree-reduction"));
        assertEquals(false, o.get("skip-bad-files"));
        assertEquals(200, o.get("chunksize"));                       // site beats general
        assertEquals("defaults [lxplus]", res.sources().get("chunksize"));
        assertEquals("1:00:00", o.get("walltime"));                  // only the site sets it
        assertEquals("executor-queue", o.get("queue"));              // executor beats site
        assertEquals("defaults [dask]", res.sources().get("queue"));
        assertEquals(10, o.get("scaleout"));                         // executor@site beats executor
        assertEquals("defaults [dask@lxplus]", res.sources().get("scaleout"));
        assertEquals("4GB", o.get("mem-per-worker"));                // -ro beats executor@site
        assertEquals("-ro", res.sources().get("mem-per-worker"));
        assertEquals(1, o.get("retries"));                           // cli beats -ro beats executor
        assertEquals("cli", res.sources().get("retries"));
        assertEquals(2, o.get("limit-files"));                       // typed: the string "2" became a number
        // deep merge of maps from -ro onto the defaults
        assertEquals(Map.of("signal", List.of("ttH"), "background", List.of("DY")), o.get("group-samples"));
        assertTrue(res.unknown().isEmpty(), res.unknown().keys().toString());
    }

    @Test
    void sectionsOfOtherExecutorsAndSitesDoNotLeakIn() {
        RunOptionsResolver r = RunOptionsResolver.fromYaml(DEFAULTS);
        RunOptions plain = r.resolve("futures");
        assertEquals(1, plain.get("scaleout"));
        assertEquals(100, plain.get("chunksize"));
        assertNull(plain.get("queue"));
        RunOptions dask = r.resolve("dask");          // executor without site: no site or executor@site layer
        assertEquals(5, dask.get("scaleout"));
        assertEquals(100, dask.get("chunksize"));
        assertNull(dask.get("mem-per-worker"));
        RunOptions siteOnly = r.resolve("futures@lxplus");
        assertEquals(200, siteOnly.get("chunksize"));
        assertEquals(1, siteOnly.get("scaleout"));
    }

    @Test
    void unknownKeyIsRefusedWithTheNearestKnownKeysUnlessTheExecutorDeclaresIt() {
        RunOptionsResolver r = RunOptionsResolver.fromYaml(DEFAULTS);
        var res = r.resolve("futures", Map.of("chunksise", 5), "-ro ro.yaml",
                List.of(new RunOptionsResolver.Given("retrys", 3, "--retrys=3")), new RunOptionsResolver.Hints("flags", List.of("--retries", "--chunksize", "-c")));
        assertEquals(List.of("chunksise", "retrys"), res.unknown().keys());
        assertEquals(100, res.options().get("chunksize"));
        var e = assertThrows(IllegalArgumentException.class, () -> res.unknown().require(java.util.Set.of()));
        String[] lines = e.getMessage().split("\n");
        assertEquals("unknown run option 'chunksise' in -ro ro.yaml; nearest run options or sections: chunksize, queue, walltime; nearest flags: --chunksize, --retries", lines[0]);
        assertEquals("unknown option '--retrys'; nearest flags: --retries, --chunksize; nearest run options (as --key=value): retries, queue, walltime", lines[1]);
        // a key the executor's factory declares is fine
        res.unknown().require(java.util.Set.of("chunksise", "retrys"));
    }

    @Test
    void runOptionsFileSectionsApplyInTheDefaultsOrderAndOnlyForTheirExecutor() {
        RunOptionsResolver r = RunOptionsResolver.fromYaml(DEFAULTS);
        Map<String, Object> ro = new LinkedHashMap<>();
        ro.put("dask@lxplus", Map.of("scaleout", 30));          // the most specific, listed first: still wins
        ro.put("retries", 2);                                  // a top-level option
        ro.put("general", Map.of("retries", 1, "scaleout", 3, "chunksize", 7));
        ro.put("lxplus", Map.of("chunksize", 8));
        ro.put("dask", Map.of("scaleout", 20, "queue", "ro-queue"));
        ro.put("futures", Map.of("chunksize", 999));           // another executor's section: not applied
        var res = r.resolve("dask@lxplus", ro, "-ro ro.yaml", List.of(), RunOptionsResolver.Hints.NONE);
        RunOptions o = res.options();
        assertEquals(30, o.get("scaleout"));
        assertEquals("-ro ro.yaml [dask@lxplus]", res.sources().get("scaleout"));
        assertEquals(1, o.get("retries"));
        assertEquals("-ro ro.yaml [general]", res.sources().get("retries"));
        assertEquals(8, o.get("chunksize"));
        assertEquals("-ro ro.yaml [lxplus]", res.sources().get("chunksize"));
        assertEquals("ro-queue", o.get("queue"));
        assertEquals("defaults [dask@lxplus]", res.sources().get("mem-per-worker"));
        assertTrue(res.unknown().isEmpty(), res.unknown().keys().toString());
        assertEquals(999, r.resolve("futures", ro, "-ro ro.yaml", List.of(), RunOptionsResolver.Hints.NONE).options().get("chunksize"));
        // other sections are checked too: an unknown key there, a misspelt section, a section that is no mapping
        var other = r.resolve("futures", Map.of("dask@lxplus", Map.of("scaleot", 3), "futurs", Map.of("scaleout", 2)), "-ro ro.yaml",
                List.of(), RunOptionsResolver.Hints.NONE);
        var e = assertThrows(IllegalArgumentException.class, () -> other.unknown().require(java.util.Set.of()));
        assertTrue(e.getMessage().contains("unknown run option 'scaleot' in -ro ro.yaml [dask@lxplus]; nearest run options: scaleout"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown run option 'futurs' in -ro ro.yaml; nearest run options or sections: futures"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", Map.of("futures", 3), "-ro ro.yaml", List.of(), RunOptionsResolver.Hints.NONE));
        assertTrue(e.getMessage().contains("-ro ro.yaml: section 'futures' must be a mapping"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", Map.of("dask@lxplus", Map.of("scaleout", "many")), "-ro ro.yaml",
                List.of(), RunOptionsResolver.Hints.NONE));
        assertTrue(e.getMessage().contains("'scaleout'") && e.getMessage().contains("[dask@lxplus]"), e.getMessage());
    }

    @Test
    void wrongTypeIsAnErrorNamingKeyAndValue() {
        RunOptionsResolver r = RunOptionsResolver.fromYaml(DEFAULTS);
        var e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", Map.of("chunksize", "lots"), Map.of()));
        assertTrue(e.getMessage().contains("'chunksize'") && e.getMessage().contains("'lots'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", null, Map.of("skip-bad-files", 3)));
        assertTrue(e.getMessage().contains("'skip-bad-files'") && e.getMessage().contains("'3'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", null, Map.of("limit-files", "x")));
        assertTrue(e.getMessage().contains("'limit-files'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> r.resolve("futures", null, Map.of("chunksize", 0)));
        assertTrue(e.getMessage().contains("'chunksize'") && e.getMessage().contains("at least 1"), e.getMessage());
    }

    @Test
    void runOptionsFileIsReadAndBadFilesNamed(@TempDir Path dir) throws Exception {
        Path ro = dir.resolve("ro.yaml");
        Files.writeString(ro, "scaleout: 4\nqueue: short\n");
        assertEquals(Map.of("scaleout", 4, "queue", "short"), RunOptionsResolver.readRunOptionsFile(ro));
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "- a\n- b\n");
        var e = assertThrows(IllegalArgumentException.class, () -> RunOptionsResolver.readRunOptionsFile(bad));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RunOptionsResolver.readRunOptionsFile(dir.resolve("missing.yaml")));
        assertTrue(e.getMessage().contains("missing.yaml"), e.getMessage());
    }

    @Test
    void freeValuesAreTyped() {
        assertEquals(3, RunOptionsResolver.parseValue("3"));
        assertEquals(10_000_000_000L, RunOptionsResolver.parseValue("10000000000"));
        assertEquals(1.5, RunOptionsResolver.parseValue("1.5"));
        assertEquals(true, RunOptionsResolver.parseValue("True"));
        assertEquals(false, RunOptionsResolver.parseValue("false"));
        assertEquals("2GB", RunOptionsResolver.parseValue("2GB"));
        assertEquals("6:00:00", RunOptionsResolver.parseValue("6:00:00"));
        assertNull(RunOptionsResolver.parseValue("null"));
    }

    @Test
    void shippedDefaultsArePocketCoffeas() {
        RunOptionsResolver r = RunOptionsResolver.defaults();
        RunOptions o = r.resolve("futures");
        assertEquals(1, o.get("scaleout"));
        assertEquals(150000, o.get("chunksize"));
        assertEquals(10, o.get("retries"));
        assertEquals(20, o.get("tree-reduction"));
        assertEquals(false, o.get("skip-bad-files"));
        assertTrue(o.asMap().containsKey("limit-files") && o.get("limit-files") == null);
        assertTrue(r.sectionNames().containsAll(List.of("general", "iterative", "futures")));
    }
}
