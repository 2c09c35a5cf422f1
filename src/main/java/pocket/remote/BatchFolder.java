package pocket.remote;

import java.nio.file.Path;

/** The layout of a run folder on the batch side, shared by the driver (remote paths) and the worker (local paths). */
final class BatchFolder {
    private BatchFolder() {}

    static final String PLAN = "plan.json";
    static final String CLASSPATH = "classpath.txt";
    static final String WORKER_SCRIPT = "worker.sh";
    static final String OUT = "out";
    static final String FATE = "fate";
    static final String ROUNDS = "rounds";
    static final String LOGS = "logs";
    static final String CONFIG = "config";

    static String partial(int chunk) { return "chunk-" + chunk + ".json"; }
    static String round(int round) { return "round-" + round + ".json"; }

    /** The chunk index of a partial or fate file name, or -1. */
    static int chunkOf(String fileName) {
        if (!fileName.startsWith("chunk-") || !fileName.endsWith(".json")) return -1;
        try { return Integer.parseInt(fileName.substring(6, fileName.length() - 5)); }
        catch (NumberFormatException e) { return -1; }
    }

    static String join(String dir, String... parts) {
        StringBuilder b = new StringBuilder(dir);
        for (String p : parts) { if (b.charAt(b.length() - 1) != '/') b.append('/'); b.append(p); }
        return b.toString();
    }

    static Path local(Path dir, String... parts) {
        Path p = dir;
        for (String s : parts) p = p.resolve(s);
        return p;
    }
}
