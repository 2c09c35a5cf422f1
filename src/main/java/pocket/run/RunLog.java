package pocket.run;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * PocketCoffea's run log: {@code [LEVEL   ] message} lines to logfile.log (INFO and up) and to
 * the console (from the -ll level up), keeping a live status line (the progress bar) below.
 */
public final class RunLog implements AutoCloseable {
    public enum Level { DEBUG, INFO, WARNING, ERROR, CRITICAL }

    private final BufferedWriter file;
    private final PrintStream console;
    private final Level consoleLevel;
    private Supplier<String> status;

    public RunLog(Path logfile, String consoleLevel, PrintStream console) throws IOException {
        this.file = logfile == null ? null : Files.newBufferedWriter(logfile, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        this.console = console;
        this.consoleLevel = parseLevel(consoleLevel);
    }

    public static Level parseLevel(String name) {
        String n = name == null ? "INFO" : name.trim().toUpperCase(Locale.ROOT);
        if (n.equals("WARN")) n = "WARNING";
        try { return Level.valueOf(n); }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("log level '" + name + "' unknown; valid: " + List.of(Level.values()).toString().replaceAll("[\\[\\]]", ""));
        }
    }

    public void debug(String m) { log(Level.DEBUG, m); }
    public void info(String m) { log(Level.INFO, m); }
    public void warning(String m) { log(Level.WARNING, m); }
    public void error(String m) { log(Level.ERROR, m); }

    public synchronized void log(Level level, String message) {
        String line = String.format("[%-8s] %s", level.name(), message);
        if (file != null && level.compareTo(Level.INFO) >= 0) {
            try { file.write(line); file.newLine(); file.flush(); }
            catch (IOException e) { throw new UncheckedIOException("cannot write the run log: " + e.getMessage(), e); }
        }
        if (console != null && level.compareTo(consoleLevel) >= 0) {
            if (status != null) console.print("\r\033[K");
            console.println(line);
            if (status != null) console.print(status.get());
            console.flush();
        }
    }

    /** Prints to the console only (banners, tables), above the status line. */
    public synchronized void print(String text) {
        if (console == null) return;
        if (status != null) console.print("\r\033[K");
        console.println(text);
        if (status != null) console.print(status.get());
        console.flush();
    }

    /** Shows (non-null) or removes (null) a status line that log lines keep below them. */
    public synchronized void status(Supplier<String> s) {
        if (console == null) return;
        if (s == null && status != null) { console.print("\r\033[K"); console.flush(); }
        status = s;
        redraw();
    }

    public synchronized void redraw() {
        if (console == null || status == null) return;
        console.print("\r\033[K" + status.get());
        console.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        status(null);
        if (file != null) file.close();
    }
}
