package pocket.remote;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the driver knows about a batch run, kept in ~/.pocket/runs/RUN_ID/state.json after
 * every step so that {@code pocket attach} can carry on where a dead driver stopped: where the
 * run folder is, which jobs were submitted with which chunks, and each chunk's attempts and fate.
 * Holds run options (paths to keys, never keys).
 */
final class RunState {
    static final class Round {
        int round;
        String jobId;
        List<List<Integer>> tasks = new ArrayList<>();
    }

    String runId;
    String executor;
    String batch;
    String remoteDir;
    String outputDir;
    String workClass;
    int chunkCount;
    long events;
    Map<String, Object> options = new LinkedHashMap<>();
    List<Round> rounds = new ArrayList<>();
    int[] attempts;
    String[] status;      // null while pending, else PROCESSED / FAILED / SKIPPED
    String[] reason;
    String[] traceback;
    String[] kind;        // FailurePolicy.Kind of the last failed attempt, else null
    double[] seconds;
    int[] lastRound;
    boolean finished;

    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

    static RunState fresh(String runId, int chunks) {
        RunState s = new RunState();
        s.runId = runId;
        s.chunkCount = chunks;
        s.attempts = new int[chunks];
        s.status = new String[chunks];
        s.reason = new String[chunks];
        s.traceback = new String[chunks];
        s.kind = new String[chunks];
        s.seconds = new double[chunks];
        s.lastRound = new int[chunks];
        return s;
    }

    int pending() {
        int n = 0;
        for (String s : status) if (s == null) n++;
        return n;
    }

    Round round(int r) {
        for (Round x : rounds) if (x.round == r) return x;
        return null;
    }

    void save(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path tmp = dir.resolve("state.json.tmp");
        Files.writeString(tmp, GSON.toJson(this), StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve("state.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static RunState load(Path dir, String runId) throws IOException {
        try {
            RunState s = GSON.fromJson(Files.readString(dir.resolve("state.json")), RunState.class);
            if (s.kind == null) s.kind = new String[s.chunkCount];   // state of an older pocket
            return s;
        } catch (NoSuchFileException e) {
            throw new IOException("remote: no batch run '" + runId + "' under " + dir.getParent() + " (no state.json); runs there: "
                    + known(dir.getParent()), e);
        }
    }

    static List<String> known(Path runsDir) {
        try (var s = Files.list(runsDir)) {
            return s.filter(p -> Files.exists(p.resolve("state.json"))).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) { return List.of(); }
    }
}
