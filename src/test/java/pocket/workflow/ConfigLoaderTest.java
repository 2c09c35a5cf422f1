package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import pocket.config.*;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.TestData;

class ConfigLoaderTest {
    @TempDir Path dir;

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private void datasetJson() throws Exception {
        write("ds.json", """
            {"DY_2018": {"metadata": {"sample": "DY", "year": "2018", "isMC": "True", "xsec": "10.0"},
                         "files": ["%s"]}}
            """.formatted(TestData.file("nano_dy.root").toString()));
    }

    @Test void loadsALiveConfiguratorWithRelativePaths() throws Exception {
        datasetJson();
        write("params.yaml", "lumi:\n  picobarns:\n    2018:\n      tot: 1000.0\n");
        Path script = write("analysis.jsh", """
            // a comment line
            var cfg = Configurator.builder()
                .parameters("params.yaml")
                .datasets(DatasetsConfig.jsons("ds.json"))
                .category("baseline", Cuts.passthrough)
                .weights(WeightsConfig.inclusive("genWeight", "lumi", "XS"))
                .variable("nMuon", HistConf.of(Axis.integer("events", "nMuon", 0, 5)))
                .build();
            """);
        Configurator cfg = Configurator.load(script);
        assertEquals(1, cfg.datasets().size());
        assertEquals("DY", cfg.datasets().get(0).sample());
        assertEquals(1000.0, cfg.parameters().getDouble("lumi.picobarns.2018.tot"));
        assertEquals(dir.toAbsolutePath().normalize(), cfg.baseDir());
        assertTrue(cfg.toJson().getAsJsonObject("categories").has("baseline"));
        // dataset metadata has no order of its own: config.json lists it sorted, the same in every run
        var meta = cfg.toJson().getAsJsonObject("datasets").getAsJsonObject("filesets").getAsJsonObject(cfg.datasets().get(0).name())
                .getAsJsonObject("metadata");
        List<String> keys = new java.util.ArrayList<>(meta.keySet());
        assertTrue(keys.size() >= 3, keys.toString());
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test void compileErrorNamesFileAndLine() throws Exception {
        datasetJson();
        Path script = write("bad.jsh", """
            int a = 1;

            var cfg = Configurator.builder()
                .datasets(DatasetsConfig.jsons("ds.json"))
                .categoryy("baseline", Cuts.passthrough)
                .build();
            """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertTrue(e.getMessage().contains("bad.jsh:5: error"), e.getMessage());
        assertTrue(e.getMessage().contains("categoryy"), e.getMessage());
    }

    @Test void aTypoInAClassBodyIsShownOnItsLineWithTheSymbolAndACaret() throws Exception {
        Path script = write("typo.jsh", """
            // a workflow with a misspelt class name on line 6
            /* a block comment */

            class MyWorkflow extends BaseWorkflow {
                @Override protected void defineCommonVariablesAfterPresel(String variation) {
                    events.put("mll", Kinematic.pairMass(events.collection("Muon"), 0, 1));
                }
            }
            var cfg = Configurator.builder().category("a", Cuts.passthrough).build();
            """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertEquals(script.toAbsolutePath() + ":6: error: cannot find symbol: variable Kinematic\n"
                + "            events.put(\"mll\", Kinematic.pairMass(events.collection(\"Muon\"), 0, 1));\n"
                + "                              ^", e.getMessage());
    }

    @Test void aMisspeltBuilderMethodNamesTheMethodItsLineAndColumn() throws Exception {
        Path script = write("method.jsh", """
            int a = 1;
            // the builder, one call per line
            var cfg = Configurator.builder()
                .category("baseline", Cuts.passthrough)
                .preselection(Cuts.passthrough)
                .build();
            """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertEquals(script.toAbsolutePath() + ":5: error: cannot find symbol: method preselection(Cut) in Configurator.Builder\n"
                + "        .preselection(Cuts.passthrough)\n"
                + "         ^", e.getMessage());
    }

    @Test void anExceptionNamesTheLineThatThrewWithoutAJavaClassName() throws Exception {
        Path script = write("throws.jsh", """
            int a = 1;

            // three lines of one statement, the third throws
            var sizes = List.of(1,
                2,
                Integer.parseInt("x"));
            var cfg = Configurator.builder().category("a", Cuts.passthrough).build();
            """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertEquals(script.toAbsolutePath() + ":6: error: For input string: \"x\"\n    Integer.parseInt(\"x\"));", e.getMessage());
        Path missing = write("missing.jsh", """
            var cfg = Configurator.builder()
                .datasets(DatasetsConfig.jsons("nope.json"))
                .category("a", Cuts.passthrough)
                .build();
            """);
        e = assertThrows(ConfigException.class, () -> Configurator.load(missing));
        assertTrue(e.getMessage().startsWith(missing.toAbsolutePath() + ":4: error: datasets: cannot read dataset JSON "), e.getMessage());
        assertFalse(e.getMessage().contains("Exception"), e.getMessage());
    }

    @Test void missingCfgIsAClearError() throws Exception {
        Path script = write("nocfg.jsh", "var config = 3;\n");
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertTrue(e.getMessage().contains("nocfg.jsh") && e.getMessage().contains("no variable 'cfg'"), e.getMessage());
    }

    @Test void exceptionWhileBuildingNamesLineAndCause() throws Exception {
        Path script = write("missingjson.jsh", """
            var x = 1;
            var cfg = Configurator.builder().datasets(DatasetsConfig.jsons("nope.json")).category("a", Cuts.passthrough).build();
            """);
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.load(script));
        assertTrue(e.getMessage().contains("missingjson.jsh:2") && e.getMessage().contains("nope.json"), e.getMessage());
    }

    @Test void validationCatchesUnknownWeightsAndCategories() throws Exception {
        datasetJson();
        ConfigException e = assertThrows(ConfigException.class, () -> Configurator.builder().baseDir(dir)
                .datasets(DatasetsConfig.jsons("ds.json")).category("baseline", Cuts.passthrough)
                .weights(WeightsConfig.inclusive("genWieght")).build());
        assertTrue(e.getMessage().contains("genWieght") && e.getMessage().contains("nearest: genWeight"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Configurator.builder().baseDir(dir)
                .datasets(DatasetsConfig.jsons("ds.json")).category("presel", Cuts.passthrough).build());
        assertTrue(e.getMessage().contains("reserved"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Configurator.builder().baseDir(dir)
                .datasets(DatasetsConfig.jsons("ds.json")).category("baseline", Cuts.passthrough)
                .weights(WeightsConfig.inclusive("genWeight", "lumi")).build());
        assertTrue(e.getMessage().contains("lumi.picobarns.2018.tot"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> Configurator.builder().baseDir(dir)
                .datasets(DatasetsConfig.jsons("ds.json")).category("baseline", Cuts.passthrough)
                .weights(WeightsConfig.inclusive("genWeight").variations("genWeight")).build());
        assertTrue(e.getMessage().contains("no Up/Down"), e.getMessage());
    }
}
