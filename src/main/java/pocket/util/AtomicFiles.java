package pocket.util;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all (a temporary name beside it, then an atomic rename), so a reader never sees half of one. */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, String text) throws IOException {
        // the pid keeps two processes writing the same file (a worker retried on another node) apart
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp-" + ProcessHandle.current().pid() + "-" + Thread.currentThread().getId());
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
