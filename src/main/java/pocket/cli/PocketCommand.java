package pocket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `pocket` command: lists the subcommands and wires exit codes and error printing in one place. */
@Command(name = "pocket", mixinStandardHelpOptions = true, version = "pocket 0.1.0",
        description = "PocketCoffea's analysis runner in Java.",
        subcommands = {CommandLine.HelpCommand.class})
public final class PocketCommand implements Runnable {
    @Override public void run() { new CommandLine(this).usage(System.out); }

    public static void main(String[] args) {
        System.exit(new CommandLine(new PocketCommand()).execute(args));
    }
}
