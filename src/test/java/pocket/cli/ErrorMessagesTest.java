package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.testing.TestData;

/** The messages and exit codes a physicist meets at the command line: the bad thing named, no Java class names. */
class ErrorMessagesTest {
    static final Path ZMUMU = PocketProcess.home().resolve("notebooks/zmumu");

    /** The Z->mumu example copied next to its datasets, with one line changed. */
    static Path zmumuWith(Path dir, String from, String to) throws Exception {
        for (String f : new String[] {"params.yaml", "DYJetsToLL_M-50_2018.json", "DATA_SingleMuon_2018.json"}) {
            String text = Files.readString(ZMUMU.resolve(f)).replace("../../../shared/data/nanoaod/", TestData.file("nano_dy.root").getParent() + "/");
            Files.writeString(dir.resolve(f), text);
        }
        String text = Files.readString(ZMUMU.resolve("analysis.jsh"));
        assertTrue(text.contains(from), from);
        Path cfg = dir.resolve("analysis.jsh");
        Files.writeString(cfg, text.replace(from, to));
        return cfg;
    }

    static int lineOf(Path file, String text) throws Exception {
        var lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        throw new AssertionError(text + " not in " + file);
    }

    static void noJavaNames(String s) {
        assertFalse(s.matches("(?s).*(Exception|\\bat [a-z]+\\.|java\\.|pocket\\.[a-z]+\\.[A-Z]).*"), s);
    }

    @Test
    void aTypoInTheWorkflowClassIsShownOnItsLineWithSymbolAndCaret(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, "events.put(\"mll\", Kinematics.pairMass", "events.put(\"mll\", Kinematic.pairMass");
        int line = lineOf(cfg, "Kinematic.pairMass");
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("pocket run: " + cfg.toAbsolutePath() + ":" + line + ": error: cannot find symbol: variable Kinematic\n"
                + "            events.put(\"mll\", Kinematic.pairMass(mu, 0, 1));\n"
                + "                              ^\n", r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written for a config that does not compile");
    }

    @Test
    void aMisspeltVariableInTheBuilderChainIsShownOnItsLine(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, ".preselections(dimuon)", ".preselections(dimuonn)");
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("pocket run: " + cfg.toAbsolutePath() + ":" + lineOf(cfg, "dimuonn") + ": error: cannot find symbol: variable dimuonn\n"
                + "        .preselections(dimuonn)\n"
                + "                       ^\n", r.err());
    }

    @Test
    void aMissingFileInADatasetJsonNamesTheFileWithoutAClassName(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, ".preselections(dimuon)", ".preselections(dimuon)");
        Path json = dir.resolve("DYJetsToLL_M-50_2018.json");
        Files.writeString(json, Files.readString(json).replace("nano_dy.root", "nano_dy_gone.root"));
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        // the run judges a missing file (an error here; skipped with --skip-bad-files), before it touches the output folder
        assertTrue(r.err().startsWith("pocket run: dataset 'DYJetsToLL_M-50_2018': file ") && r.err().contains("nano_dy_gone.root is not a readable file")
                && r.err().contains("--skip-bad-files"), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written");
        noJavaNames(r.err());
    }

    @Test
    void aBrokenDatasetJsonSaysWhereWithoutGsonsClassOrLink(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, ".preselections(dimuon)", ".preselections(dimuon)");
        Path json = dir.resolve("DATA_SingleMuon_2018.json");
        Files.writeString(json, "{\"DATA\": {\"metadata\": {\"year\": \"2018\"},\n  \"files\": [\"a.root\" \"b.root\"]}}\n");
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", dir.resolve("out").toString());
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().contains(": error: datasets: " + json + " is not valid JSON: "), r.err());
        assertTrue(r.err().contains("line 2 column"), r.err());
        assertFalse(r.err().contains("http"), r.err());
        noJavaNames(r.err());
    }

    @Test
    void anOutputFolderThatIsAFileIsBadInput(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, ".preselections(dimuon)", ".preselections(dimuon)");
        Path file = Files.writeString(dir.resolve("results.txt"), "not a folder\n");
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", file.toString());
        assertEquals(2, r.code(), r.toString());
        assertEquals("pocket run: -o/--outputdir: " + file + " is a file; name a folder (it is created when missing)\n", r.err());
    }

    @Test
    void lsOfAFolderSaysItIsAFolder(@TempDir Path dir) {
        PocketCli.Result r = PocketCli.run("ls", dir.toString());
        assertEquals(1, r.code(), r.toString());
        assertEquals("rootio: " + dir + " is a folder, not a ROOT file; name a .root file in it", r.err().strip());
    }

    @Test
    void noSiteListeningIsAConnectionErrorExitTwo(@TempDir Path dir) throws Exception {
        Path cfg = zmumuWith(dir, ".preselections(dimuon)", ".preselections(dimuon)");
        int port;
        try (var s = new java.net.ServerSocket(0)) { port = s.getLocalPort(); }
        PocketCli.Result r = PocketCli.run("run", "--cfg", cfg.toString(), "-o", dir.resolve("out").toString(), "-t",
                "-e", "slurm@127.0.0.1", "--ssh-port=" + port, "--runs-dir=" + dir.resolve("runs"), "--ssh-reconnect-first-ms=10");
        assertEquals(2, r.code(), r.toString());
        assertTrue(r.err().startsWith("pocket run: remote: cannot connect to "), r.err());
        assertTrue(r.err().contains("127.0.0.1:" + port + ": Connection refused"), r.err());
        noJavaNames(r.err());
    }
}
