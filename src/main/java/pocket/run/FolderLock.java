package pocket.run;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import pocket.util.AtomicFiles;

/**
 * The marker that says an output folder is being written ({@code pocket_run.lock}: run id, host,
 * pid, start), and the rule that keeps two runs out of one folder: a folder in use is refused; a
 * folder holding another run is refused unless the run resumes it, resubmits into it, or
 * replaces it (then pocket's own files there are removed first, nothing else).
 */
final class FolderLock implements AutoCloseable {
    static final String FILE = "pocket_run.lock";

    /** The files and folders a run writes; {@code --overwrite} removes these and only these. */
    private static final List<String> OWN = List.of(RunFolder.CONFIG, RunFolder.RUN_OPTIONS, RunFolder.FAILED_CHUNKS, RunFolder.CHUNKS,
            RunFolder.PERFORMANCE, RunFolder.LOGFILE, RunFolder.ERRORS, Checkpoint.DIR, Runner.SKIMMED_DATASET_DEFINITION);

    private final Path file;
    final String runId;

    private FolderLock(Path file, String runId) { this.file = file; this.runId = runId; }

    /** Checks the folder against {@code existing}, clears it for an overwrite, and marks it in use. */
    static FolderLock take(Path dir, RunRequest.ExistingRun existing) throws IOException {
        Path marker = dir.resolve(FILE);
        if (Files.isRegularFile(marker)) {
            JsonObject m = readMarker(marker);
            String host = str(m, "host"), since = str(m, "started");
            long pid = m.has("pid") ? m.get("pid").getAsLong() : -1;
            boolean here = host.equals(hostName());
            boolean alive = here && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive || !here)
                throw new IllegalArgumentException("output folder " + dir + " is in use by run " + str(m, "run_id") + " (pid " + pid + " on "
                        + host + ", since " + since + ")" + (here ? "; wait for it to end or stop it"
                        : "; if that run is gone, remove " + marker + " and run again"));
        }
        List<String> held = held(dir);
        boolean interrupted = Files.isDirectory(dir.resolve(Checkpoint.DIR));
        if (!held.isEmpty()) {
            switch (existing) {
                case REFUSE -> throw new IllegalArgumentException("output folder " + dir + " holds " + (interrupted ? "an interrupted run" : "another run")
                        + " (" + String.join(", ", held) + "): " + (interrupted ? "add --resume to finish it, " : "")
                        + "add --overwrite to replace it, or choose another -o/--outputdir");
                case REPLACE_FINISHED -> {
                    if (interrupted) throw new IllegalArgumentException("output folder " + dir + " holds an interrupted run (" + String.join(", ", held)
                            + "): resume() to finish it, overwrite() to replace it, or choose another outputDir");
                    clear(dir);
                }
                case OVERWRITE -> clear(dir);
                case RESUME -> { }
            }
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        JsonObject m = new JsonObject();
        m.addProperty("run_id", id);
        m.addProperty("host", hostName());
        m.addProperty("pid", ProcessHandle.current().pid());
        m.addProperty("started", Instant.now().toString());
        AtomicFiles.write(marker, m.toString());
        return new FolderLock(marker, id);
    }

    /** The run files in {@code dir} (empty: a new or foreign folder). */
    static List<String> held(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) return out;
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                String n = p.getFileName().toString();
                if (OWN.contains(n) || isOutput(n)) out.add(n + (Files.isDirectory(p) ? "/" : ""));
            }
        }
        return out;
    }

    private static boolean isOutput(String n) { return n.startsWith("output_") && n.endsWith(".json"); }

    private static void clear(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!OWN.contains(n) && !isOutput(n)) continue;
                try (Stream<Path> w = Files.walk(p)) {
                    for (Path q : w.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(q);
                }
            }
        }
    }

    private static JsonObject readMarker(Path marker) {
        try {
            return JsonParser.parseString(Files.readString(marker)).getAsJsonObject();
        } catch (IOException | RuntimeException e) {
            return new JsonObject(); // unreadable: treated as a run on an unknown host, which the message names
        }
    }

    private static String str(JsonObject o, String k) { return o.has(k) ? o.get(k).getAsString() : "?"; }

    /** This machine's name without a network lookup. */
    static String hostName() {
        try {
            String h = Files.readString(Path.of("/etc/hostname")).trim();
            if (!h.isEmpty()) return h;
        } catch (IOException e) { /* not Linux: the environment's name below */ }
        String h = System.getenv("HOSTNAME");
        return h != null && !h.isBlank() ? h.trim() : "localhost";
    }

    /** Removes the marker: the folder is no longer in use. */
    @Override
    public void close() throws IOException { Files.deleteIfExists(file); }
}
