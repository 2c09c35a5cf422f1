package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.PocketCli;
import pocket.testing.TestData;

/** An unknown flag, free --key=value, -ro key or section, or dataset JSON key is an error (exit 2) naming it and the nearest valid names. */
class StrictInputTest {
    static final Path HOME = Path.of(System.getProperty("pocket.home", "."));
    static final String CFG = HOME.resolve("notebooks/zmumu/analysis.jsh").toString();

    @TempDir Path tmp;

    static void assertClean(PocketCli.Ran r) {
        assertEquals(2, r.code(), r.toString());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat ") || r.err().contains("pocket."), r.toString());
    }

    @Test
    void misspeltFlagsExitTwoNamingTheNearestFlagAndRunOption() {
        Path out = tmp.resolve("out");
        String[][] cases = {
                {"--exector", "futures"},
                {"--skip-bad-file"},
                {"--chunksiz", "10"},
                {"--dry-rn"},
                {"--retires=3"}};
        String[] expected = {
                "pocket run: unknown option '--exector'; nearest flags: --executor, --test, --cfg; nearest run options (as --key=value): queue, ssh-port, scaleout\n",
                "pocket run: unknown option '--skip-bad-file'; nearest flags: --skip-bad-files, --limit-files, --outputdir; nearest run options (as --key=value): skip-bad-files, limit-files, starting-time\n",
                "pocket run: unknown option '--chunksiz'; nearest flags: --chunksize, --cfg, --test; nearest run options (as --key=value): chunksize, runs-dir, queue\n",
                "pocket run: unknown option '--dry-rn'; nearest flags: --dry-run, --version, --cfg;",
                "pocket run: unknown option '--retires'; nearest flags: --resume, --test, --queue; nearest run options (as --key=value): retries, queue, walltime\n"};
        for (int i = 0; i < cases.length; i++) {
            String[] args = concat(new String[] {"run", "--cfg", CFG, "-o", out.toString()}, cases[i]);
            PocketCli.Ran r = PocketCli.run(args);
            assertClean(r);
            assertTrue(r.err().startsWith(expected[i]), String.join(" ", cases[i]) + " -> " + r.err());
            assertFalse(Files.exists(out), "nothing is written: " + out);
        }
        // a free --key=value of a known run option is fine
        PocketCli.Ran ok = PocketCli.run(concat(new String[] {"run", "--cfg", CFG, "-o", out.toString()}, new String[] {"--retries=3", "--dry-run"}));
        assertEquals(0, ok.code(), ok.toString());
    }

    @Test
    void runOptionsFileWithAnUnknownKeyOrSectionExitsTwo() throws Exception {
        Path ro = tmp.resolve("ro.yaml");
        Files.writeString(ro, "chunksze: 10\n");
        PocketCli.Ran r = PocketCli.run("run", "--cfg", CFG, "-o", tmp.resolve("o").toString(), "-ro", ro.toString());
        assertClean(r);
        assertEquals("pocket run: unknown run option 'chunksze' in -ro " + ro + "; nearest run options or sections: chunksize, queue, condor;"
                + " nearest flags: --chunksize, --queue, --cfg\n", r.err());
        Files.writeString(ro, "general:\n  retries: 2\nfutures:\n  chunksize: 10\nslurm@login.example:\n  ssh-prot: 2222\nfutrues:\n  scaleout: 2\n");
        r = PocketCli.run("run", "--cfg", CFG, "-o", tmp.resolve("o").toString(), "-ro", ro.toString(), "-e", "futures");
        assertClean(r);
        assertTrue(r.err().contains("pocket run: unknown run option 'ssh-prot' in -ro " + ro + " [slurm@login.example]; nearest run options: ssh-port,"), r.err());
        assertTrue(r.err().contains("pocket run: unknown run option 'futrues' in -ro " + ro + "; nearest run options or sections: futures,"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    @Test
    void optionKeysACustomExecutorFactoryDeclaresAreAccepted() throws Exception {
        Path setup = tmp.resolve("my_executors.jsh");
        Files.writeString(setup, """
                ExecutorFactory getExecutorFactory(String name, RunOptions options) {
                    if (!name.equals("knobbed")) return null;
                    return new ExecutorFactory() {
                        public void setup() {}
                        public ChunkExecutor get() { return new IterativeExecutor(); }
                        public java.util.Set<String> optionKeys() { return java.util.Set.of("knob-level"); }
                        public void close() {}
                    };
                }
                """);
        String[] base = {"run", "--cfg", CFG, "-o", tmp.resolve("o").toString(), "-e", "knobbed", "--executor-custom-setup", setup.toString(), "--dry-run"};
        PocketCli.Ran ok = PocketCli.run(concat(base, new String[] {"--knob-level=3"}));
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().matches("(?s).*\\n  knob-level +3 +--knob-level=3\\n.*"), ok.out());
        PocketCli.Ran bad = PocketCli.run(concat(base, new String[] {"--knob-levl=3"}));
        assertClean(bad);
        assertTrue(bad.err().startsWith("pocket run: unknown option '--knob-levl';") && bad.err().contains("nearest run options (as --key=value): knob-level"), bad.err());
    }

    @Test
    void datasetJsonWithAnUnknownKeyExitsTwoNamingItAndTheValidKeys() throws Exception {
        Path cfgDir = Files.createDirectories(tmp.resolve("zmumu"));
        Path src = HOME.resolve("notebooks/zmumu");
        for (String f : new String[] {"analysis.jsh", "params.yaml"}) Files.copy(src.resolve(f), cfgDir.resolve(f));
        for (String json : new String[] {"DYJetsToLL_M-50_2018.json", "DATA_SingleMuon_2018.json"}) {
            String text = Files.readString(src.resolve(json)).replace("../../../shared/data/nanoaod/", TestData.dir() + "/");
            if (json.startsWith("DY")) text = text.replace("\"files\"", "\"filez\"");
            Files.writeString(cfgDir.resolve(json), text);
        }
        PocketCli.Ran r = PocketCli.run("run", "--cfg", cfgDir.resolve("analysis.jsh").toString(), "-o", tmp.resolve("o").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains("dataset 'DYJetsToLL_M-50_2018' in ") && r.err().contains("DYJetsToLL_M-50_2018.json: unknown key 'filez'; nearest: files"), r.err());
        assertFalse(Files.exists(tmp.resolve("o")));
    }

    static String[] concat(String[] a, String[] b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
