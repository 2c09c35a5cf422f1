package pocket.config;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.TestData;

class DatasetsConfigTest {
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

    @Test void datasetJsonMissingKeyNamesDatasetAndKey() throws Exception {
        Path j = write("ds.json", "{\"DY_2018\": {\"metadata\": {\"sample\": \"DY\", \"isMC\": \"True\"}, \"files\": []}}");
        ConfigException e = assertThrows(ConfigException.class, () -> DatasetsConfig.readJson(j));
        assertTrue(e.getMessage().contains("'DY_2018'") && e.getMessage().contains("'year'"), e.getMessage());
        Path j2 = write("ds2.json", "{\"DY_2018\": {\"metadata\": {\"sample\": \"DY\", \"year\": \"2018\", \"isMC\": \"True\"}, \"file\": []}}");
        e = assertThrows(ConfigException.class, () -> DatasetsConfig.readJson(j2));
        assertTrue(e.getMessage().contains("'DY_2018'") && e.getMessage().contains("unknown key 'file'; nearest: files,"), e.getMessage());
    }

    @Test void aMissingFileIsKeptForTheRunToJudge() throws Exception {
        Path j = write("ds.json", "{\"DY_2018\": {\"metadata\": {\"sample\": \"DY\", \"year\": \"2018\", \"isMC\": \"True\"}, \"files\": [\"missing.root\"]}}");
        var ds = DatasetsConfig.readJson(j);
        assertEquals(List.of(j.getParent().resolve("missing.root").normalize().toString()), ds.get(0).files(),
                "resolved against the JSON's folder; the run decides (an error, or skipped with skip-bad-files)");
    }

    @Test void filesResolveAgainstTheJsonFolderAndFiltersApply() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("datasets"));
        Files.writeString(sub.resolve("all.json"), """
            {"A_2018": {"metadata": {"sample": "A", "year": "2018", "isMC": "False"}, "files": ["../f.root"]},
             "B_2017": {"metadata": {"sample": "B", "year": "2017", "isMC": "False"}, "files": ["../f.root"]},
             "B_2018": {"metadata": {"sample": "B", "year": "2018", "isMC": "False"}, "files": ["root://host//f.root"]}}
            """);
        Files.writeString(dir.resolve("f.root"), "x");
        var all = DatasetsConfig.jsons("datasets/all.json").load(dir);
        assertEquals(dir.resolve("f.root").toAbsolutePath().normalize().toString(), all.get(0).files().get(0));
        assertEquals("root://host//f.root", all.get(2).files().get(0));
        assertEquals(1, DatasetsConfig.jsons("datasets/all.json").samples("B").year("2018").load(dir).size());
        assertEquals(2, DatasetsConfig.jsons("datasets/all.json").samplesExclude("A").load(dir).size());
        ConfigException e = assertThrows(ConfigException.class, () -> DatasetsConfig.jsons("datasets/all.json").samples("C").load(dir));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
    }

}
