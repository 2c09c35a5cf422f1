package pocket.remote;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.run.ChunkFate;
import pocket.run.FailurePolicy;
import pocket.util.AtomicFiles;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;
import pocket.run.TreeReducer;
import pocket.workflow.Chunk;

/**
 * The driver of one batch run: stages the run folder over SSH, submits {@code scaleout} worker
 * tasks, then polls job states and finished chunks (one remote command per poll), downloads each
 * partial output as it appears, resubmits lost or failed chunks up to {@code retries}, and at the
 * end adds the partials by tree reduction. Its state is saved after every step, so
 * {@link #attach} can finish a run whose driver died.
 */
public final class BatchRun {
    /** What a finished run gives back: the merged partial outputs (null when none) and every chunk's fate. */
    public record Result(String runId, JsonObject merged, List<ChunkFate> fates, Path localDir, String workClass, Path outputDir) {}

    private final RunState state;
    private final List<Chunk> chunks;
    private final Path localDir;
    private final ProgressListener progress;
    private final BatchSystem batch;
    private final RunOptions options;
    private SshConnection ssh;

    private BatchRun(RunState state, List<Chunk> chunks, Path localDir, ProgressListener progress) {
        this.state = state;
        this.chunks = chunks;
        this.localDir = localDir;
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.batch = batchSystem(state.batch);
        this.options = new RunOptions(state.options);
    }

    static BatchSystem batchSystem(String name) {
        return switch (name) {
            case "slurm" -> new Slurm();
            case "condor" -> new Condor();
            default -> throw new IllegalArgumentException("remote: unknown batch system '" + name + "' (slurm, condor)");
        };
    }

    /** The local folder holding runs' state: run option runs-dir, default ~/.pocket/runs. */
    static Path runsDir(RunOptions o) {
        return o.has("runs-dir") ? SshTarget.expand(o.getString("runs-dir", null)) : SshTarget.home().resolve(".pocket").resolve("runs");
    }

    static String newRunId() {
        return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-"
                + Integer.toHexString(0x1000 + new java.security.SecureRandom().nextInt(0xefff));
    }

    // ------------------------------------------------------------------ start

    /**
     * Stages and submits a new run, then watches it to the end.
     *
     * @param workClass  the {@link PartialWork} the workers run (normally {@link ConfigWork})
     * @param script     the config script to stage (null when the work needs none)
     * @param batchName  "slurm" or "condor"
     */
    public static Result start(String executor, String batchName, List<Chunk> chunks, String workClass, Path script,
                               RunOptions options, Path outputDir, ProgressListener progress) throws IOException, InterruptedException {
        BatchRun run = submit(executor, batchName, chunks, workClass, script, options, outputDir, progress);
        return run.watch();
    }

    /** Stages and submits a new run without watching it; {@link #watch} or {@link #attach} finish it. */
    public static BatchRun submit(String executor, String batchName, List<Chunk> chunks, String workClass, Path script,
                                  RunOptions options, Path outputDir, ProgressListener progress) throws IOException {
        if (chunks.isEmpty()) throw new IllegalArgumentException("remote: nothing to run: the plan has no chunks");
        String runId = newRunId();
        RunState s = RunState.fresh(runId, chunks.size());
        s.executor = executor;
        s.batch = batchName;
        s.workClass = workClass;
        s.outputDir = outputDir == null ? null : outputDir.toAbsolutePath().toString();
        s.options.putAll(options.asMap());
        for (Chunk c : chunks) s.events += c.entries();
        Path local = runsDir(options).resolve(runId);
        Files.createDirectories(local.resolve("partials"));
        Files.writeString(local.resolve("chunks.json"), Chunk.toJson(chunks).toString(), StandardCharsets.UTF_8);
        BatchRun run = new BatchRun(s, chunks, local, progress);
        run.progress.message("batch run " + runId + " (" + executor + "): " + chunks.size() + " chunks; local state in " + local);
        run.connect();
        run.stage(script);
        int tasks = Math.max(1, Math.min(options.getInt("scaleout", 1), chunks.size()));
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < chunks.size(); i++) all.add(i);
        run.submitRound(all, tasks);
        return run;
    }

    /** Resumes watching a run whose driver stopped; with {@code resubmitFailed}, failed chunks get new attempts. */
    public static Result attach(String runId, RunOptions overrides, boolean resubmitFailed, ProgressListener progress)
            throws IOException, InterruptedException {
        Path local = runsDir(overrides).resolve(runId);
        RunState s = RunState.load(local, runId);
        for (var e : overrides.asMap().entrySet()) if (e.getKey().startsWith("ssh-") || e.getKey().equals("poll-interval")) s.options.put(e.getKey(), e.getValue());
        List<Chunk> chunks = Chunk.fromJson(JsonParser.parseString(Files.readString(local.resolve("chunks.json"))).getAsJsonArray());
        BatchRun run = new BatchRun(s, chunks, local, progress);
        run.progress.message("attaching to batch run " + runId + " (" + s.pending() + " of " + s.chunkCount + " chunks pending)");
        run.connect();
        if (resubmitFailed) {
            List<Integer> again = new ArrayList<>();
            for (int i = 0; i < s.chunkCount; i++)
                if ("FAILED".equals(s.status[i])) { s.status[i] = null; s.kind[i] = null; s.attempts[i] = 0; again.add(i); }
            if (!again.isEmpty()) {
                s.finished = false;
                run.submitRound(again, Math.max(1, Math.min(run.options.getInt("scaleout", 1), again.size())));
            }
        }
        return run.watch();
    }

    public String runId() { return state.runId; }

    // ------------------------------------------------------------------ steps

    private void connect() throws IOException {
        if (ssh != null) return;
        SshTarget t = SshTarget.fromOptions(options);
        Path config = options.has("ssh-config") ? SshTarget.expand(options.getString("ssh-config", null)) : SshTarget.home().resolve(".ssh/config");
        Backoff b = new Backoff(options.getLong("ssh-reconnect-first-ms", 1000), options.getLong("ssh-reconnect-max-ms", 30_000),
                options.getInt("ssh-reconnect-attempts", 8));
        ssh = SshConnection.open(t, config, b, progress::message);
    }

    private void stage(Path script) throws IOException {
        String workdir = options.getString("remote-workdir", "pocket-runs");
        if (!workdir.startsWith("/")) workdir = BatchFolder.join(ssh.home(), workdir);
        String runDir = BatchFolder.join(workdir, state.runId);
        state.remoteDir = runDir;
        String lib = BatchFolder.join(workdir, "lib");
        ssh.run(ShellQuote.command("mkdir", "-p", lib, BatchFolder.join(runDir, BatchFolder.OUT), BatchFolder.join(runDir, BatchFolder.FATE),
                BatchFolder.join(runDir, BatchFolder.ROUNDS), BatchFolder.join(runDir, BatchFolder.LOGS)));
        List<Path> cp = options.has("pocket-jar") ? List.of(SshTarget.expand(options.getString("pocket-jar", null))) : Staging.currentClassPath();
        List<String> jars = Staging.classPath(ssh, lib, cp);
        ssh.write(String.join(":", jars).getBytes(StandardCharsets.UTF_8), BatchFolder.join(runDir, BatchFolder.CLASSPATH));
        JsonObject plan = new JsonObject();
        plan.addProperty("run", state.runId);
        JsonObject work = new JsonObject();
        work.addProperty("class", state.workClass);
        if (script != null) work.addProperty("script", Staging.config(ssh, script, runDir));
        plan.add("work", work);
        JsonObject o = new JsonObject();
        o.addProperty("skip-bad-files", options.getBool("skip-bad-files", false));
        o.addProperty("eos-mount", options.getString("eos-mount", "/eos"));
        plan.add("options", o);
        plan.add("properties", forwardedProperties());
        plan.add("chunks", Chunk.toJson(chunks));
        ssh.write(plan.toString().getBytes(StandardCharsets.UTF_8), BatchFolder.join(runDir, BatchFolder.PLAN));
        ssh.write(WorkerScript.text(runDir, state.runId, JobResources.from(options)).getBytes(StandardCharsets.UTF_8),
                BatchFolder.join(runDir, BatchFolder.WORKER_SCRIPT));
        state.save(localDir);
        progress.message("staged run folder " + runDir + " on " + ssh.target().display());
    }

    /**
     * The driver's {@code pocket.*} system properties, which a config script may read (the Z→μμ
     * example's {@code pocket.zmumu.samples}): the worker sets them before it evaluates the same
     * script, or it would build a different analysis than the one the chunks were planned for.
     * The cache folder is the worker's own.
     */
    static JsonObject forwardedProperties() {
        JsonObject p = new JsonObject();
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("pocket.") && !k.equals("pocket.cache.dir"))
                .sorted()
                .forEach(k -> p.addProperty(k, System.getProperty(k)));
        return p;
    }

    private void submitRound(List<Integer> chunkIndices, int tasks) throws IOException {
        int r = state.rounds.isEmpty() ? 0 : state.rounds.get(state.rounds.size() - 1).round + 1;
        RunState.Round round = new RunState.Round();
        round.round = r;
        for (int k = 0; k < tasks; k++) round.tasks.add(new ArrayList<>());
        for (int j = 0; j < chunkIndices.size(); j++) round.tasks.get(j % tasks).add(chunkIndices.get(j));
        JsonArray a = new JsonArray();
        for (List<Integer> t : round.tasks) { JsonArray ta = new JsonArray(); t.forEach(ta::add); a.add(ta); }
        String runDir = state.remoteDir;
        ssh.write(a.toString().getBytes(StandardCharsets.UTF_8), BatchFolder.join(runDir, BatchFolder.ROUNDS, BatchFolder.round(r)));
        Map.Entry<String, String> job = batch.jobFile(runDir, state.runId, r, tasks, JobResources.from(options));
        ssh.write(job.getValue().getBytes(StandardCharsets.UTF_8), BatchFolder.join(runDir, job.getKey()));
        String out = ssh.run("cd " + ShellQuote.quote(runDir) + " && " + batch.submitCommand(runDir, job.getKey(), r));
        round.jobId = batch.parseJobId(out);
        for (int i : chunkIndices) { state.attempts[i]++; state.lastRound[i] = r; }
        state.rounds.add(round);
        state.save(localDir);
        progress.message((r == 0 ? "submitted " : "resubmitted ") + chunkIndices.size() + " chunk(s) as " + batch.name()
                + " job " + round.jobId + " with " + tasks + " task(s)");
    }

    /** Polls until every chunk is processed, skipped or out of retries; then merges. */
    public Result watch() throws IOException, InterruptedException {
        if (state.rounds.isEmpty() || state.rounds.stream().allMatch(x -> x.jobId == null)) throw new IllegalStateException("remote: run " + state.runId + " was never submitted");
        progress.started(state.chunkCount, state.events);
        for (int i = 0; i < state.chunkCount; i++) if (state.status[i] != null) progress.chunkDone(fate(i));
        long poll = Math.max(50, (long) (options.getDouble("poll-interval", 10) * 1000));
        while (state.pending() > 0) {
            if (Thread.interrupted()) throw new InterruptedException("remote: driver of run " + state.runId + " stopped; `pocket attach " + state.runId + "` resumes it");
            poll();
            if (state.pending() == 0) break;
            Thread.sleep(poll);
        }
        state.finished = true;
        state.save(localDir);
        cancelLeftovers();
        return merge();
    }

    private void poll() throws IOException {
        int retries = options.getInt("retries", 20);
        Set<String> activeJobs = new java.util.LinkedHashSet<>();
        for (int i = 0; i < state.chunkCount; i++) if (state.status[i] == null) activeJobs.add(state.round(state.lastRound[i]).jobId);
        String runDir = state.remoteDir;
        // job states first, then the folders: a task seen over has already written everything it will write
        String cmd = "cd " + ShellQuote.quote(runDir) + " && { " + batch.statusCommand(new ArrayList<>(activeJobs))
                + "; echo @@out; ls -1 " + BatchFolder.OUT + "; echo @@fate; ls -1 " + BatchFolder.FATE + "; }";
        String text = ssh.run(cmd);
        int at = text.indexOf("@@out\n"), af = text.indexOf("@@fate\n");
        Map<String, BatchSystem.TaskState> states = batch.parseStatus(text.substring(0, at));
        Set<Integer> outs = indices(text.substring(at + 6, af));
        Set<Integer> fates = indices(text.substring(af + 7));
        List<Integer> resubmit = new ArrayList<>();
        Map<String, String> stderrTails = new HashMap<>();
        for (int i = 0; i < state.chunkCount; i++) {
            if (state.status[i] != null) continue;
            if (outs.contains(i)) {
                Path local = localDir.resolve("partials").resolve(BatchFolder.partial(i));
                byte[] data = ssh.read(BatchFolder.join(runDir, BatchFolder.OUT, BatchFolder.partial(i)));
                JsonObject partial = JsonParser.parseString(new String(data, StandardCharsets.UTF_8)).getAsJsonObject();
                var secs = partial.remove("pocket_worker_seconds");
                state.seconds[i] = secs == null ? 0 : secs.getAsDouble();
                AtomicFiles.write(local, partial.toString());
                state.status[i] = "PROCESSED";
                progress.chunkDone(fate(i));
                continue;
            }
            int r = state.lastRound[i];
            RunState.Round round = state.round(r);
            if (fates.contains(i)) {
                byte[] record = ssh.readIfExists(BatchFolder.join(runDir, BatchFolder.FATE, BatchFolder.partial(i)));
                // gone since the listing: a later attempt finished and removed the earlier round's record; the next poll sees its output
                if (record == null) continue;
                JsonObject f = JsonParser.parseString(new String(record, StandardCharsets.UTF_8)).getAsJsonObject();
                if (f.get("round").getAsInt() == r) {
                    ChunkFate got = ChunkFate.fromJson(f, ChunkFate.Status.FAILED,
                            f.has("traceback") && !f.get("traceback").isJsonNull() ? f.get("traceback").getAsString() : null);
                    state.reason[i] = got.reason();
                    state.traceback[i] = got.traceback();
                    state.seconds[i] = got.seconds();
                    state.kind[i] = got.kind() == null ? null : got.kind().name();
                    if (got.status() == ChunkFate.Status.SKIPPED) {
                        state.status[i] = "SKIPPED";
                        progress.chunkDone(fate(i));
                    } else {
                        failedAttempt(i, retries, resubmit);
                    }
                    continue;
                }
            }
            int task = taskOf(round, i);
            BatchSystem.TaskState ts = states.get(round.jobId + "." + task);
            if (ts == null || ts == BatchSystem.TaskState.ENDED) {
                String log = "logs/round-" + r + "-" + task + ".err";
                String tail = stderrTails.computeIfAbsent(log, l -> stderrTail(BatchFolder.join(runDir, BatchFolder.LOGS, "round-" + r + "-" + task + ".err")));
                state.reason[i] = batch.name() + " job " + round.jobId + " task " + task + " ended without finishing the chunk"
                        + (tail.isEmpty() ? " (cancelled, killed or out of time; see " + log + " in " + runDir + ")"
                                : "; its stderr (" + log + " in " + runDir + ") ends with: " + tail);
                state.traceback[i] = null;
                state.kind[i] = FailurePolicy.Kind.TRANSIENT.name();   // a lost job: its chunk may well succeed on another node
                failedAttempt(i, retries, resubmit);
            }
        }
        if (!resubmit.isEmpty())
            submitRound(resubmit, Math.max(1, Math.min(options.getInt("scaleout", 1), resubmit.size())));
        state.save(localDir);
    }

    /** The last lines of a job's stderr on the site, joined by " | " (why a worker could not start: no java, a bad module); "" when empty or unreadable. */
    private String stderrTail(String file) {
        try {
            ExecResult r = ssh.exec("tail -n 5 " + ShellQuote.quote(file) + " 2>/dev/null");
            return String.join(" | ", r.stdout().lines().map(String::strip).filter(l -> !l.isEmpty()).toList());
        } catch (RemoteException e) {
            return "";
        }
    }

    /** A chunk's attempt failed: resubmitted when the failure policy says another attempt may help. */
    private void failedAttempt(int i, int retries, List<Integer> resubmit) {
        boolean transientError = state.kind[i] == null || FailurePolicy.Kind.TRANSIENT.name().equals(state.kind[i]);
        if (transientError && state.attempts[i] <= retries) {
            progress.message("chunk " + i + " (" + chunks.get(i).id() + ") attempt " + state.attempts[i] + " failed: " + state.reason[i] + "; resubmitting");
            resubmit.add(i);
        } else {
            state.status[i] = "FAILED";
            progress.chunkDone(fate(i));
        }
    }

    private static int taskOf(RunState.Round round, int chunk) {
        for (int k = 0; k < round.tasks.size(); k++) if (round.tasks.get(k).contains(chunk)) return k;
        return -1;
    }

    private static Set<Integer> indices(String listing) {
        Set<Integer> s = new HashSet<>();
        for (String line : listing.split("\n")) { int i = BatchFolder.chunkOf(line.trim()); if (i >= 0) s.add(i); }
        return s;
    }

    private FailurePolicy.Kind kind(int i) { return state.kind[i] == null ? null : FailurePolicy.Kind.valueOf(state.kind[i]); }

    private ChunkFate fate(int i) {
        Chunk c = chunks.get(i);
        return switch (state.status[i]) {
            case "PROCESSED" -> ChunkFate.processed(c, state.attempts[i], state.seconds[i]);
            case "SKIPPED" -> new ChunkFate(c, ChunkFate.Status.SKIPPED, state.reason[i], state.traceback[i], state.attempts[i], state.seconds[i], kind(i));
            default -> new ChunkFate(c, ChunkFate.Status.FAILED, state.reason[i], state.traceback[i], state.attempts[i], state.seconds[i], kind(i));
        };
    }

    private void cancelLeftovers() {
        // duplicates of resubmitted work may still sit in the queue: they would only redo finished chunks
        List<String> ids = state.rounds.stream().map(r -> r.jobId).filter(java.util.Objects::nonNull).toList();
        try { ssh.exec(batch.cancelCommand(ids) + " 2>/dev/null"); }
        catch (IOException e) { progress.message("could not cancel leftover jobs of run " + state.runId + ": " + e.getMessage()); }
        finally { ssh.close(); }
    }

    /**
     * Adds the downloaded partial outputs with the runner's own merge tree (fan-in: run option
     * tree-reduction, leaves in chunk order), so a batch run adds exactly as the futures executor does.
     */
    private Result merge() throws IOException {
        PartialWork work = PartialWork.create(state.workClass);
        TreeReducer<JsonObject> tree = new TreeReducer<>(state.chunkCount, Math.max(2, options.getInt("tree-reduction", 20)), work::merge);
        for (int i = 0; i < state.chunkCount; i++) {
            if ("PROCESSED".equals(state.status[i]))
                tree.offer(i, JsonParser.parseString(Files.readString(localDir.resolve("partials").resolve(BatchFolder.partial(i)))).getAsJsonObject());
            else if ("FAILED".equals(state.status[i])) tree.fail(i);
            else tree.offer(i, null);
        }
        JsonObject merged = tree.result();
        if (merged != null) Files.writeString(localDir.resolve("merged.json"), merged.toString(), StandardCharsets.UTF_8);
        List<ChunkFate> fates = new ArrayList<>();
        for (int i = 0; i < state.chunkCount; i++) fates.add(fate(i));
        return new Result(state.runId, merged, fates, localDir, state.workClass, state.outputDir == null ? null : Path.of(state.outputDir));
    }

    /** The run folder on the batch side. */
    public String remoteDir() { return state.remoteDir; }
}
