package pocket.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import pocket.cli.PocketCommand;

/** Runs {@code pocket ARGS} as {@code bin/pocket} does (PocketCommand's command line), capturing exit code, stdout and stderr. */
public final class PocketCli {
    private PocketCli() {}

    public record Ran(int code, String out, String err) {
        @Override public String toString() { return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err; }
    }

    public static synchronized Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream wasOut = System.out, wasErr = System.err;
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            var cl = PocketCommand.commandLine();
            cl.setOut(new PrintWriter(System.out, true));
            cl.setErr(new PrintWriter(System.err, true));
            int code = cl.execute(args);
            return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(wasOut);
            System.setErr(wasErr);
        }
    }
}
