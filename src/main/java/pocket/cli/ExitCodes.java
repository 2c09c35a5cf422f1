package pocket.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.FileSystemException;
import pocket.config.ConfigException;
import pocket.remote.RemoteException;
import pocket.util.UserMessages;

/**
 * pocket's exit codes, as {@code pocket run --help} documents them, and the one way a failed
 * command reports itself: "pocket CMD: message", with the class name and stack trace only
 * under POCKET_DEBUG=1.
 */
final class ExitCodes {
    private ExitCodes() {}

    static final int OK = 0;
    /** Some chunks failed (partial output written) or the run stopped before it completed. */
    static final int INCOMPLETE = 1;
    /** Bad arguments, configuration or input files, or no connection to a site. */
    static final int BAD_INPUT = 2;
    /** Interrupted (Ctrl-C): 128 + SIGINT. */
    static final int INTERRUPTED = 130;

    /** The exit code for a command that ended with {@code e}. */
    static int of(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof ClosedByInterruptException) return INTERRUPTED;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException || t instanceof UnsupportedOperationException || t instanceof ConfigException
                    || t instanceof RemoteException || t instanceof FileSystemException) return BAD_INPUT;
        }
        return INCOMPLETE;
    }

    /** Each message line names the command (one per unknown key, say); indented lines (source and caret of a compile error) stay as they are. */
    static String prefixed(String command, String message) {
        StringBuilder b = new StringBuilder();
        for (String line : message.split("\n", -1)) {
            if (b.length() > 0) b.append('\n');
            if (line.startsWith(command + ": ")) line = line.substring(command.length() + 2);   // the API's own prefix, said once
            b.append(line.isEmpty() || Character.isWhitespace(line.charAt(0)) ? line : "pocket " + command + ": " + line);
        }
        return b.toString();
    }

    /** Prints "pocket CMD: message" (and the stack trace under POCKET_DEBUG) and returns the exit code. */
    static int report(String command, Throwable e, PrintStream err) {
        err.println(prefixed(command, UserMessages.of(e)));
        if (UserMessages.debug()) e.printStackTrace(err);
        err.flush();
        return of(e);
    }

    static int report(String command, Throwable e, PrintWriter err) {
        err.println(prefixed(command, UserMessages.of(e)));
        if (UserMessages.debug()) e.printStackTrace(err);
        err.flush();
        return of(e);
    }
}
