package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AttachCommandTest {
    @Test void unknownRunIdListsTheKnownOnes(@TempDir Path runs) throws Exception {
        Files.createDirectories(runs.resolve("20260101-120000-abcd"));
        Files.writeString(runs.resolve("20260101-120000-abcd/state.json"), "{}");
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new AttachCommand());
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("20260101-999999-zzzz", "--runs-dir", runs.toString());
        assertEquals(2, code);
        assertTrue(err.toString().contains("no batch run '20260101-999999-zzzz'") && err.toString().contains("20260101-120000-abcd"), err.toString());
    }

    @Test void parsesItsOptions() {
        AttachCommand a = new AttachCommand();
        new CommandLine(a).parseArgs("RUN1", "--resubmit-failed", "-o", "out", "--ssh-identity", "/k/id");
        assertEquals("RUN1", a.runId);
        assertTrue(a.resubmitFailed);
        assertEquals(Path.of("out"), a.outputDir);
        assertEquals(Path.of("/k/id"), a.identity);
    }
}
