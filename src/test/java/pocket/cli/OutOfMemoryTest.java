package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.generate.DemoSamples;
import pocket.kernel.JupyterSupport;

/**
 * A run in a JVM whose heap is too small for its chunks, as `bin/pocket` with POCKET_JAVA_OPTS=-Xmx64m
 * runs it: the chunks that do not fit fail with a message saying what to lower or raise, the rest is
 * kept, and --resubmit-failed with more heap completes it to exactly a clean run's output.
 */
class OutOfMemoryTest {
    @TempDir Path tmp;

    private JupyterSupport.Result run(Path samples, String heap, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-Dpocket.zmumu.samples=" + samples, "-cp", System.getProperty("java.class.path"),
                "pocket.cli.PocketCommand", "run", "--cfg", "notebooks/zmumu/analysis.jsh", "-e", "iterative", "--chunksize", "1000000"));
        cmd.addAll(List.of(args));
        Path home = Path.of(System.getProperty("pocket.home", ".")).toAbsolutePath();
        return JupyterSupport.run(cmd, Map.of(), home, 600);
    }

    @Test
    void aChunkTooBigForTheHeapFailsWithAdviceAndResubmitCompletesIt() throws Exception {
        Path samples = tmp.resolve("samples");
        new DemoSamples(samples, 300_000).ensure(new PrintWriter(new StringWriter()));
        Path out = tmp.resolve("out"), clean = tmp.resolve("clean");

        JupyterSupport.Result small = run(samples, "64m", "-o", out.toString());
        assertEquals(1, small.exit(), small.output());
        assertTrue(small.output().contains("out of memory on this chunk's "), small.output());
        assertTrue(small.output().contains("Java heap at most "), small.output());
        assertTrue(small.output().contains("lower --chunksize") && small.output().contains("POCKET_JAVA_OPTS=-Xmx"), small.output());
        assertFalse(small.output().contains("java.lang."), "no Java class names:\n" + small.output());
        String failed = Files.readString(out.resolve("failed_chunks.json"));
        assertTrue(failed.contains("out of memory"), failed);
        assertTrue(Files.isRegularFile(out.resolve("output_all.json")), "the chunks that fitted are kept");

        JupyterSupport.Result more = run(samples, "1g", "-o", out.toString(), "--resubmit-failed");
        assertEquals(0, more.exit(), more.output());
        JupyterSupport.Result ref = run(samples, "1g", "-o", clean.toString());
        assertEquals(0, ref.exit(), ref.output());
        // the one difference allowed: the run's metadata says it was resubmitted
        assertEquals(Files.readString(clean.resolve("output_all.json")).replace("\"resubmitted\": false", ""),
                Files.readString(out.resolve("output_all.json")).replace("\"resubmitted\": true", ""),
                "resubmitted with more heap equals a run that never ran short");
    }
}
