package pocket.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import jdk.jshell.tool.JavaShellToolBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import pocket.kernel.CellImports;

/** {@code pocket jshell [SCRIPT]}: the JDK's jshell with pocket on the class path and the kernel's imports. */
@Command(name = "jshell", mixinStandardHelpOptions = true,
        description = {"Start JShell with pocket on the class path and the imports notebook cells have",
                "(pocket.notebook.*, pocket.hist.*, pocket.plot.*, pocket.config.*, java.util.*, ...).",
                "With SCRIPT, run it (end it with /exit to leave; /exit N sets the exit code).",
                "Other arguments go to jshell, e.g. -R-Xmx4g for the JVM that runs the snippets."})
public final class JShellCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "SCRIPT|JSHELL-ARG", description = "a .jsh script and/or jshell options")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (ModuleLayer.boot().findModule("jdk.jshell").isEmpty()) {
            spec.commandLine().getErr().println("pocket jshell: this Java (" + System.getProperty("java.home")
                    + ") has no jshell; it needs a full JDK 17+ (e.g. openjdk-17-jdk-headless)");
            return ExitCodes.BAD_INPUT;
        }
        for (String a : args)
            if (!a.startsWith("-") && a.endsWith(".jsh") && !Files.isRegularFile(Path.of(a))) {
                spec.commandLine().getErr().println("pocket jshell: script " + a + " not found (looked in " + Path.of("").toAbsolutePath() + ")");
                return ExitCodes.BAD_INPUT;
            }
        Path startup = Files.createTempFile("pocket-jshell-imports", ".jsh");
        try {
            Files.writeString(startup, startupImports());
            List<String> argv = new ArrayList<>(List.of("--class-path", System.getProperty("java.class.path"),
                    "--startup", "DEFAULT", "--startup", startup.toString()));
            argv.addAll(args);
            return JavaShellToolBuilder.builder().start(argv.toArray(String[]::new));
        } finally {
            deleteQuietly(startup);
        }
    }

    /** The kernel's imports as jshell startup snippets; Display needs a kernel, so a plain shell leaves it out. */
    static String startupImports() {
        StringBuilder s = new StringBuilder();
        for (String imp : CellImports.ALL)
            if (!imp.endsWith(".Display")) s.append("import ").append(imp).append(";\n");
        return s.toString();
    }

    private static void deleteQuietly(Path p) {
        try { Files.deleteIfExists(p); } catch (IOException ignored) { /* a temp file left behind is harmless */ }
    }
}
