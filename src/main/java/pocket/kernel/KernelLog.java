package pocket.kernel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Sends the kernel's java.util.logging records to a log file beside its connection file, so the
 * stderr Jupyter shows holds only what cells print and real errors.
 */
final class KernelLog {
    private KernelLog() {}

    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PROTOCOL = Logger.getLogger("io.github.spencerpark");

    /** {@code kernel-1234.json} logs to {@code kernel-1234.log}; returns that file, or null when it cannot be written. */
    static Path install(Path connectionFile) {
        LogManager.getLogManager().reset();
        ROOT.setLevel(Level.INFO);
        // the protocol library logs every message at INFO: a long session would fill the file with them
        PROTOCOL.setLevel(Level.WARNING);
        ConsoleHandler errors = new ConsoleHandler();
        errors.setLevel(Level.SEVERE);
        ROOT.addHandler(errors);
        String name = connectionFile.getFileName().toString().replaceFirst("\\.json$", "") + ".log";
        Path log = connectionFile.toAbsolutePath().resolveSibling(name);
        try {
            FileHandler file = new FileHandler(log.toString(), true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.ALL);
            ROOT.addHandler(file);
            return log;
        } catch (IOException | SecurityException e) {
            return null; // a read-only runtime folder: the records are dropped, stderr stays quiet
        }
    }
}
