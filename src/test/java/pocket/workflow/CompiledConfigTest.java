package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.ConfigException;
import pocket.testing.TestData;

/** A config compiled once is kept: the same script again runs without the compiler, any change compiles afresh. */
class CompiledConfigTest {
    @TempDir Path dir;
    private String cacheBefore;

    @BeforeEach void ownCache() {
        cacheBefore = System.getProperty("pocket.cache.dir");
        System.setProperty("pocket.cache.dir", dir.resolve("cache").toString());
    }

    @AfterEach void restoreCache() {
        if (cacheBefore == null) System.clearProperty("pocket.cache.dir"); else System.setProperty("pocket.cache.dir", cacheBefore);
    }

    private Path script(String body) throws Exception {
        Files.writeString(dir.resolve("ds.json"), """
            {"DY_2018": {"metadata": {"sample": "DY", "year": "2018", "isMC": "True", "xsec": "10.0"}, "files": ["%s"]}}
            """.formatted(TestData.file("nano_dy.root").toString()));
        Files.writeString(dir.resolve("params.yaml"), "lumi:\n  picobarns:\n    2018:\n      tot: 1000.0\n");
        Path p = dir.resolve("analysis.jsh");
        Files.writeString(p, body);
        return p;
    }

    private static final String ANALYSIS = """
        // helpers, a record and a lambda: what the kept classes must bring back
        record Window(double lo, double hi) {}
        Window z = new Window(70, 110);
        double lumiFromFile = Double.parseDouble(Files.readString(Path.of("%s")).strip());
        var cfg = Configurator.builder()
            .parameters("params.yaml")
            .datasets(DatasetsConfig.jsons("ds.json"))
            .category("baseline", Cuts.passthrough)
            .weights(WeightsConfig.inclusive("genWeight", "lumi", "XS"))
            .variable("nMuon", HistConf.of(Axis.integer("events", "nMuon", 0, (int) lumiFromFile)))
            .build();
        """;

    @Test void theSameScriptRunsAgainWithoutTheCompilerAndReadsItsInputsAfresh() throws Exception {
        Path value = dir.resolve("value.txt");
        Files.writeString(value, "5");
        Path s = script("import java.nio.file.*;\n" + ANALYSIS.formatted(value.toString().replace("\\", "\\\\")));
        int before = ConfigLoader.compiles();
        Configurator first = ConfigLoader.load(s);
        assertEquals(before + 1, ConfigLoader.compiles());
        try (var files = Files.list(dir.resolve("cache").resolve("configs"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".bin")).count(), "one compiled config kept");
        }
        Configurator again = ConfigLoader.load(s);
        assertEquals(before + 1, ConfigLoader.compiles(), "the kept compilation ran, the compiler did not");
        assertEquals(first.toJson().toString(), again.toJson().toString());
        assertEquals(dir.toRealPath(), again.baseDir(), "relative paths resolve from the script's folder as before");

        // the kept code runs again, so what it reads is read again: 7 bins now, not the 5 of the first run
        Files.writeString(value, "7");
        Configurator changedInput = ConfigLoader.load(s);
        assertEquals(before + 1, ConfigLoader.compiles());
        assertNotEquals(first.toJson().toString(), changedInput.toJson().toString());
        System.setProperty("pocket.cache.dir", dir.resolve("fresh-cache").toString());
        Configurator compiledNow = ConfigLoader.load(s);
        assertEquals(before + 2, ConfigLoader.compiles(), "an empty cache compiles");
        assertEquals(compiledNow.toJson().toString(), changedInput.toJson().toString(), "kept and freshly compiled agree");
        System.setProperty("pocket.cache.dir", dir.resolve("cache").toString());

        // any change of the script, a comment even, compiles afresh
        Files.writeString(s, Files.readString(s) + "\n// changed\n");
        ConfigLoader.load(s);
        assertEquals(before + 3, ConfigLoader.compiles());
    }

    @Test void anErrorOnTheKeptPathIsReportedWithItsLineAsOnTheFirst() throws Exception {
        Path value = dir.resolve("value.txt");
        Files.writeString(value, "5");
        Path s = script("import java.nio.file.*;\n" + ANALYSIS.formatted(value.toString().replace("\\", "\\\\")));
        ConfigLoader.load(s);
        Files.delete(value);
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(s));
        assertTrue(e.getMessage().startsWith(s.toRealPath() + ":5: error:"), e.getMessage());
        assertTrue(e.getMessage().contains("value.txt"), e.getMessage());
    }

    @Test void aDamagedCacheFileIsCompiledAround() throws Exception {
        Path value = dir.resolve("value.txt");
        Files.writeString(value, "5");
        Path s = script("import java.nio.file.*;\n" + ANALYSIS.formatted(value.toString().replace("\\", "\\\\")));
        ConfigLoader.load(s);
        Path kept;
        try (var files = Files.list(dir.resolve("cache").resolve("configs"))) { kept = files.findFirst().orElseThrow(); }
        Files.write(kept, new byte[]{1, 2, 3});
        int before = ConfigLoader.compiles();
        assertEquals(1, ConfigLoader.load(s).datasets().size());
        assertEquals(before + 1, ConfigLoader.compiles());
    }

    @Test void aRebuiltPocketChangesTheKey() throws Exception {
        Path jar = dir.resolve("pocket.jar");
        Files.writeString(jar, "v1");
        Path classes = Files.createDirectories(dir.resolve("classes/pocket"));
        Files.writeString(classes.resolve("A.class"), "a");
        List<String> cp = List.of(jar.toString(), dir.resolve("classes").toString());
        String k1 = CompiledConfig.key("var cfg = 1;", ConfigLoader.DEFAULT_IMPORTS, cp);
        assertEquals(k1, CompiledConfig.key("var cfg = 1;", ConfigLoader.DEFAULT_IMPORTS, cp));
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 5000));
        String k2 = CompiledConfig.key("var cfg = 1;", ConfigLoader.DEFAULT_IMPORTS, cp);
        assertNotEquals(k1, k2, "a jar built again");
        Files.writeString(classes.resolve("B.class"), "b");
        assertNotEquals(k2, CompiledConfig.key("var cfg = 1;", ConfigLoader.DEFAULT_IMPORTS, cp), "a class added to a class folder");
        assertNotEquals(k1, CompiledConfig.key("var cfg = 2;", ConfigLoader.DEFAULT_IMPORTS, cp), "another script");
    }
}
