package pocket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The bench's plumbing on a tiny sample (figures are not checked: speed is for the real run to print). */
class BenchCommandTest {
    @TempDir Path dir;

    @Test
    void printsEveryFigureAndCachesTheSamples() throws Exception {
        Path cfg = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = {"--events", "3000", "--compression", "lz4", "--cache", dir.toString(), "--cfg", cfg.toString(), "-s", "2"};
        assertEquals(0, cl.execute(args), err.toString() + out);
        String text = out.toString();
        assertTrue(text.contains("generated 3000 Z->mumu + 600 data events with lz4:4"), text);
        for (String line : new String[]{"1 thread   raw decompression", "1 thread   decompress + copy", "1 thread   read branches", "2 threads  read branches",
                "1 thread  Z->mumu analysis", "2 threads Z->mumu analysis   "})
            assertTrue(text.contains(line), line + " in\n" + text);
        assertTrue(text.contains("(3600 events,"), "the analysis saw every Z->mumu and data event:\n" + text);
        assertTrue(Files.exists(dir.resolve("lz4_4_3000/.complete")));

        StringWriter again = new StringWriter();
        CommandLine cl2 = new CommandLine(new BenchCommand());
        cl2.setOut(new PrintWriter(again));
        assertEquals(0, cl2.execute(args));
        assertFalse(again.toString().contains("generated"), "second run uses the cache:\n" + again);
    }

    @Test
    void badCompressionIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--compression", "gzip", "--cache", dir.toString()));
        assertTrue(err.toString().contains("unknown compression 'gzip'"), err.toString());
    }
}
