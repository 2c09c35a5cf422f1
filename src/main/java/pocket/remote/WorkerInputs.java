package pocket.remote;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a worker reads an input file: local paths as they are; root://host//eos/... through
 * the site's /eos mount when the file is visible there; other URLs go to the reader, which
 * reads them if it can and otherwise says that it cannot.
 */
final class WorkerInputs {
    private final Path eosMount;

    public WorkerInputs(Path eosMount) { this.eosMount = eosMount; }

    public String resolve(String file) {
        String lower = file.toLowerCase();
        if (lower.startsWith("root://") || lower.startsWith("roots://")) {
            int dbl = file.indexOf("//", file.indexOf("://") + 3);
            if (dbl > 0) {
                String path = file.substring(dbl + 1); // "/eos/..."
                if ((path.startsWith("/eos/") || path.equals("/eos")) && eosMount != null) {
                    Path local = eosMount.resolve(path.substring("/eos".length()).replaceFirst("^/+", ""));
                    if (Files.isReadable(local)) return local.toString();
                }
            }
        }
        return file;
    }
}
