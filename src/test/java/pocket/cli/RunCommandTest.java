package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pocket.run.RunOptions;

class RunCommandTest {
    static RunCommand parse(String... args) {
        RunCommand c = new RunCommand();
        new CommandLine(c).parseArgs(args);
        return c;
    }

    @Test
    void pocketCoffeasShortAndLongOptions(@TempDir Path dir) throws Exception {
        Path ro = dir.resolve("ro.yaml");
        Files.writeString(ro, "scaleout: 7\nretries: 5\nqueue: long\n");
        RunCommand c = parse("--cfg", "a.jsh", "-o", "out", "-ro", ro.toString(), "-lf", "2", "-lc", "3", "-s", "4",
                "-c", "500", "-q", "short", "--skip-bad-files", "-e", "futures", "-ll", "DEBUG", "-ps",
                "--filter-years", "2018,2017", "--filter-samples=DY", "--retries=3", "--voms-proxy", "/tmp/x509", "--ignore-grid-certificate",
                "--tree-reduction=4");
        assertEquals(Path.of("a.jsh"), c.cfg);
        assertEquals(Path.of("out"), c.outputDir);
        assertEquals("DEBUG", c.logLevel);
        assertTrue(c.processSeparately);
        assertEquals(java.util.List.of("2018", "2017"), c.filters.years);
        assertEquals(java.util.List.of("DY"), c.filters.samples);
        var res = c.runFlags.resolve(c.free);
        assertTrue(res.unknown().isEmpty(), res.unknown().keys().toString());
        RunOptions o = res.options();
        assertEquals(2, o.get("limit-files"));
        assertEquals(3, o.get("limit-chunks"));
        assertEquals(4, o.get("scaleout"));        // flag beats -ro's 7
        assertEquals(500, o.get("chunksize"));
        assertEquals("short", o.get("queue"));     // flag beats -ro's long
        assertEquals(true, o.get("skip-bad-files"));
        assertEquals(3, o.get("retries"));         // free override beats -ro's 5
        assertEquals(4, o.get("tree-reduction"));
        assertEquals("/tmp/x509", o.get("voms-proxy"));
        assertEquals(true, o.get("ignore-grid-certificate"));   // a bare --key means true
        assertEquals("futures", c.runFlags.executorString());
        // the long spellings
        RunCommand l = parse("--cfg", "a.jsh", "--outputdir", "o", "--custom-run-options", ro.toString(), "--limit-files", "9",
                "--scaleout", "2", "--full", "--executor", "dask@lxplus");
        assertEquals(9, l.runFlags.resolve(l.free).options().get("limit-files"));
        assertEquals(ro, l.runFlags.runOptions);
        assertTrue(l.full);
        assertEquals("dask@lxplus", l.runFlags.executorString());
        assertEquals(ro, parse("--cfg", "a", "-o", "o", "--run-options", ro.toString()).runFlags.runOptions);
    }

    @Test
    void testModeLimitsToOneFileAndOneChunkUnlessTold() {
        RunCommand t = parse("--cfg", "a.jsh", "-o", "out", "--test");
        RunOptions o = t.runFlags.resolve(t.free).options();
        assertEquals(1, o.get("limit-files"));
        assertEquals(1, o.get("limit-chunks"));
        assertEquals("iterative", t.runFlags.executorString());
        RunCommand t2 = parse("--cfg", "a.jsh", "-o", "out", "-t", "-lf", "3", "-e", "futures");
        RunOptions o2 = t2.runFlags.resolve(t2.free).options();
        assertEquals(3, o2.get("limit-files"));
        assertEquals(1, o2.get("limit-chunks"));
        assertEquals("futures", t2.runFlags.executorString());
        RunCommand plain = parse("--cfg", "a.jsh", "-o", "out");
        assertNull(plain.runFlags.resolve(plain.free).options().get("limit-files"));
    }

    @Test
    void badValuesAndCombinationsExitTwoWithAMessage(@TempDir Path dir) throws Exception {
        Path cfg = dir.resolve("a.jsh");
        Files.writeString(cfg, "// config");
        for (String[] args : new String[][] {
                {"--cfg", cfg.toString(), "-o", dir.resolve("o").toString(), "-f", "-ps"},
                {"--cfg", cfg.toString(), "-o", dir.resolve("o").toString(), "--retries=many"},
                {"--cfg", dir.resolve("nope.jsh").toString(), "-o", dir.resolve("o").toString()},
                {"--cfg", cfg.toString(), "-o", dir.resolve("o").toString(), "stray"}}) {
            RunCommand c = new RunCommand();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            c.err = new PrintStream(err, true);
            c.out = new PrintStream(new ByteArrayOutputStream(), true);
            int rc = new CommandLine(c).execute(args);
            assertEquals(2, rc, String.join(" ", args) + " -> " + err);
            assertTrue(err.toString().startsWith("pocket run: "), err.toString());
        }
        StringWriter pe = new StringWriter();
        int rc = new CommandLine(new RunCommand()).setErr(new PrintWriter(pe)).execute("-o", "x");
        assertEquals(2, rc);
        assertTrue(pe.toString().contains("--cfg"), pe.toString());   // required
        pe = new StringWriter();
        rc = new CommandLine(new RunCommand()).setErr(new PrintWriter(pe)).execute("--cfg", "a", "-o", "x", "-c", "many");
        assertEquals(2, rc);
        assertTrue(pe.toString().contains("'many'"), pe.toString());
    }

    @Test
    void helpShowsOptionsDefaultsAndExitCodesWithoutTheBanner() {
        PocketCli.Result r = PocketCli.run("run", "--help");
        assertEquals(0, r.code(), r.toString());
        String help = r.out();
        assertFalse(help.contains(Banner.L2) || help.contains(Banner.L5), help);
        assertTrue(help.contains("Usage: pocket run --cfg=FILE -o=DIR [OPTIONS] [--KEY=VALUE...]\n"), help);
        assertFalse(help.contains("[,...]") || help.contains("...]...]"), help);
        assertTrue(help.contains("--filter-datasets=DATASET[,DATASET...]"), help);
        // the defaults a run uses, from the shipped defaults file
        assertTrue(help.matches("(?s).*-c, --chunksize=N\\s+Overwrite chunksize config \\(default: 150000\\).*"), help);
        assertTrue(help.contains("--retries=N (default 10)"), help);
        assertTrue(help.matches("(?s).*futures: threads;\\s+default: 1\\).*"), help);
        assertTrue(help.contains("(default: iterative)") && help.contains("(default: INFO)"), help);
        assertTrue(help.contains("Exit codes:\n  0    the run is complete\n  1    chunks failed"), help);
        assertTrue(help.contains("\n  2    bad arguments") && help.contains("\n  130  interrupted (Ctrl-C)"), help);
        for (String opt : new String[] {"--cfg", "-ro, --run-options, --custom-run-options", "-o, --outputdir", "-t, --test",
                "-lf, --limit-files", "-lc, --limit-chunks", "-e, --executor", "-s, --scaleout", "-c, --chunksize",
                "-q, --queue", "-ll, --loglevel", "-f, --full", "-ps, --process-separately", "--executor-custom-setup",
                "--filter-years", "--filter-samples", "--filter-datasets", "--resubmit-failed", "--skip-bad-files"})
            assertTrue(help.contains(opt), "help lacks " + opt + "\n" + help);
    }

    @Test
    void barePocketListsTheCommandsAndExitsTwo() throws Exception {
        PocketProcess.Result r = PocketProcess.run(PocketProcess.home(), new String[0]);
        assertEquals(2, r.code(), r.toString());
        for (String cmd : new String[] {"run", "attach", "ls", "draw", "demo", "kernel"})
            assertTrue(r.err().matches("(?s).*\\n  " + cmd + "\\s+\\S.*"), r.toString());
        assertEquals("", r.out());
    }
}
