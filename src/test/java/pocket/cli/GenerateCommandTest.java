package pocket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class GenerateCommandTest {
    @TempDir Path dir;

    private record Run(int code, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new GenerateCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generatesASampleAndItsJson() throws Exception {
        Run r = run("--sample", "zmumu", "--events", "500", "--compression", "lzma:3", "--seed", "9", "-o", dir.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("generated 500 zmumu events (lzma:3, seed 9)"), r.out());
        assertTrue(Files.exists(dir.resolve("zmumu/DYJetsToLL_M-50_2018_0.root")));
        assertTrue(Files.readString(dir.resolve("DYJetsToLL_M-50_2018.json")).contains("\"nevents\": \"500\""));
    }

    @Test
    void badSampleOrCompressionNamesTheChoices() {
        Run r = run("--sample", "wjets", "--events", "5", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown sample 'wjets'; expected zmumu, ttbar or data"), r.err());
        r = run("--sample", "data", "--events", "5", "--compression", "brotli", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown compression 'brotli'"), r.err());
        r = run("--sample", "data", "--events", "5", "--compression", "zstd:99", "-o", dir.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ZSTD level 99 is out of range 1..22"), r.err());
    }
}
