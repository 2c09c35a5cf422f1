package pocket.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `pocket` command: lists the subcommands and wires exit codes and error printing in one place. */
@Command(name = "pocket", mixinStandardHelpOptions = true, version = "pocket 0.1.0",
        description = "PocketCoffea's analysis runner in Java.")
public final class PocketCommand implements java.util.concurrent.Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /** Bare {@code pocket}: a command is missing, so the list of commands, and exit 2 like any usage error. */
    @Override public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        spec.commandLine().getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    /** The subcommands, in the order the usage lists them. */
    static final List<Class<?>> COMMANDS = List.of(RunCommand.class, DemoCommand.class, AttachCommand.class, PlotCommand.class,
            MergeCommand.class, ExportRootCommand.class, LsCommand.class, DrawCommand.class, GenerateCommand.class, BenchCommand.class,
            KernelCommand.class, JShellCommand.class, CommandLine.HelpCommand.class);

    /** The command line with pocket's error handling: a failing command prints its message, not a stack trace. */
    public static CommandLine commandLine() { return commandLine(null); }

    /**
     * As {@link #commandLine()}, with only the subcommand {@code first} names when it names one:
     * picocli's model of every command costs a tenth of a second of each run's start, and a run
     * needs only its own. Help, a misspelt command or none get them all.
     */
    static CommandLine commandLine(String first) {
        CommandLine cl = new CommandLine(new PocketCommand());
        Class<?> only = null;
        for (Class<?> c : COMMANDS)
            if (c != CommandLine.HelpCommand.class && c.getAnnotation(Command.class).name().equals(first)) only = c;
        for (Class<?> c : COMMANDS) if (only == null || c == only) cl.addSubcommand(c);
        cl.setExecutionExceptionHandler((ex, line, parsed) -> ExitCodes.report(line.getCommandName(), ex, line.getErr()));
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine(args.length > 0 ? args[0] : null).execute(args);
        } catch (OutOfMemoryError e) {
            // outside a chunk (planning, merging, writing): still a message, never a silent death
            System.err.println("pocket: out of memory (Java heap at most " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                    + " MiB): give the JVM more heap with POCKET_JAVA_OPTS=-Xmx4g, or lower --chunksize");
            code = ExitCodes.INCOMPLETE;
        }
        System.exit(code);
    }
}
