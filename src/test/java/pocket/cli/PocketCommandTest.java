package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** bin/pocket builds picocli's model of the one command it runs; help, a misspelt command or none get every command. */
class PocketCommandTest {
    static final List<String> ALL = List.of("run", "demo", "attach", "plot", "merge", "export-root", "ls", "draw", "generate",
            "bench", "kernel", "jshell", "help");

    @Test void aCommandGetsOnlyItsOwnModel() {
        assertEquals(List.of("run"), List.copyOf(PocketCommand.commandLine("run").getSubcommands().keySet()));
        assertEquals(List.of("ls"), List.copyOf(PocketCommand.commandLine("ls").getSubcommands().keySet()));
    }

    @Test void helpAMisspeltCommandOrNoneGetThemAll() {
        for (String first : new String[]{null, "help", "runn", "--help", "-V"})
            assertEquals(ALL, List.copyOf(PocketCommand.commandLine(first).getSubcommands().keySet()), String.valueOf(first));
    }

    @Test void theSingleCommandRunsAsWithTheFullModel() {
        var lean = new java.io.StringWriter();
        var full = new java.io.StringWriter();
        var a = PocketCommand.commandLine("run");
        a.setOut(new java.io.PrintWriter(lean));
        var b = PocketCommand.commandLine();
        b.setOut(new java.io.PrintWriter(full));
        assertEquals(b.execute("run", "--help"), a.execute("run", "--help"));
        assertEquals(full.toString(), lean.toString());
        assertTrue(lean.toString().contains("--cfg"), lean.toString());
    }
}
