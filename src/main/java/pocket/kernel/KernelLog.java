package pocket.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import pocket.util.CacheDir;

/**
 * Sends the kernel's java.util.logging records to a log file of its own (in pocket's cache
 * folder, named after the connection file), so the stderr Jupyter shows holds only what cells
 * print and real errors.
 */
final class KernelLog {
    private KernelLog() {}

    /** Held here: java.util.logging forgets the level of a logger nobody references. */
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger PROTOCOL = Logger.getLogger("io.github.spencerpark");

    /** The logs of the most recent kernels are kept; older ones are deleted when a kernel starts. */
    private static final int KEEP = 20;

    /** Where kernel logs go: pocket's cache folder's kernel/. */
    static Path dir() { return CacheDir.of("kernel"); }

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
        Path log = dir().resolve(name);
        try {
            Files.createDirectories(log.getParent());
            pruneOldLogs(log.getParent());
            FileHandler file = new FileHandler(log.toString(), true);
            file.setFormatter(new SimpleFormatter());
            file.setLevel(Level.ALL);
            ROOT.addHandler(file);
            return log;
        } catch (IOException | SecurityException e) {
            return null; // a read-only home: the records are dropped, stderr stays quiet
        }
    }

    private static void pruneOldLogs(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> logs = files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .sorted(Comparator.comparing((Path f) -> f.toFile().lastModified()).reversed()).toList();
            for (Path old : logs.subList(Math.min(KEEP, logs.size()), logs.size())) {
                Files.deleteIfExists(old);
                Files.deleteIfExists(Path.of(old + ".lck"));
            }
        }
    }
}
