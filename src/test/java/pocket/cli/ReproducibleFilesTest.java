package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same `pocket run` twice, each in its own JVM (Map.of orders its keys anew in every JVM): the same config.json and run_options.yaml, byte for byte. */
class ReproducibleFilesTest {
    @Test
    void twoRunsOfTheSameInputsWriteIdenticalConfigAndRunOptions(@TempDir Path dir) throws Exception {
        String cfg = PocketProcess.home().resolve("notebooks/zmumu/analysis.jsh").toString();
        byte[] config = null, options = null;
        for (int i = 0; i < 3; i++) {
            Path out = dir.resolve("run" + i);
            PocketProcess.Result r = PocketProcess.run(dir, "run", "--cfg", cfg, "-o", out.toString(), "-t", "--retries=3");
            assertEquals(0, r.code(), r.toString());
            byte[] c = Files.readAllBytes(out.resolve("config.json")), o = Files.readAllBytes(out.resolve("run_options.yaml"));
            // the cut get_nObj_min(2, 15.0, "Muon") has three parameters: listed by name
            assertTrue(new String(c).matches("(?s).*\"N\": \"2\",\\s*\"coll\": \"Muon\",\\s*\"minpt\": \"15.0\".*"), new String(c));
            if (config != null) {
                assertArrayEquals(config, c, "config.json of run " + i + " differs from run 0");
                assertArrayEquals(options, o, "run_options.yaml of run " + i + " differs from run 0");
            }
            config = c;
            options = o;
        }
    }
}
