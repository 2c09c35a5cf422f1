package pocket.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pocket.run.ChunkFate;
import pocket.run.PerformanceReport;
import pocket.run.RunFolder;
import pocket.run.RunLog;
import pocket.workflow.Output;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;

/**
 * Batch runs by id, for the notebook and {@code pocket attach}: resume watching a run whose
 * driver stopped (the notebook kernel restarted, the laptop slept) and get its result.
 */
public final class RemoteRuns {
    private RemoteRuns() {}

    /** Watches run {@code runId} (state under ~/.pocket/runs) to the end and returns its result. */
    public static BatchRun.Result attach(String runId) throws IOException, InterruptedException {
        return attach(runId, new RunOptions(java.util.Map.of()), false, ProgressListener.NONE);
    }

    /**
     * @param overrides      runs-dir, and ssh-* or poll-interval to use this time (e.g. a new key path)
     * @param resubmitFailed give chunks that ran out of retries new attempts, as --resubmit-failed does
     */
    public static BatchRun.Result attach(String runId, RunOptions overrides, boolean resubmitFailed, ProgressListener progress)
            throws IOException, InterruptedException {
        return BatchRun.attach(runId, overrides, resubmitFailed, progress);
    }

    /**
     * The id of the batch run started last for output folder {@code outputDir} (state under the
     * options' runs-dir), so a restarted notebook can attach without the id copied by hand.
     */
    public static Optional<String> latest(RunOptions options, Path outputDir) throws IOException {
        Path runs = BatchRun.runsDir(options);
        if (!Files.isDirectory(runs)) return Optional.empty();
        String wanted = outputDir.toAbsolutePath().normalize().toString();
        List<Path> newestFirst;
        // ids start with their start time (yyyyMMdd-HHmmss), so names sort by age
        try (var s = Files.list(runs)) { newestFirst = s.sorted(Comparator.reverseOrder()).toList(); }
        for (Path d : newestFirst) {
            if (!Files.isRegularFile(d.resolve("state.json"))) continue;
            RunState st = RunState.load(d, d.getFileName().toString());
            if (st.outputDir != null && Path.of(st.outputDir).normalize().toString().equals(wanted)) return Optional.of(st.runId);
        }
        return Optional.empty();
    }

    /**
     * Writes an analysis run's result as the runner does (output_all.json with its raw sums,
     * failed_chunks.json) into {@code dir}; for a run attached after its driver died.
     */
    public static void writeOutput(BatchRun.Result r, Path dir) throws IOException {
        writeOutput(r, dir, Double.NaN);
    }

    /**
     * Completes the output folder of an attached run like every run does: outputs, failures,
     * performance.json and lines appended to logfile.log. {@code wallSeconds} NaN: from the run
     * id's start time to now.
     */
    public static void writeOutput(BatchRun.Result r, Path dir, double wallSeconds) throws IOException {
        if (!ConfigWork.class.getName().equals(r.workClass()))
            throw new IllegalArgumentException("remote: run " + r.runId() + " did not run an analysis config: no output folder to write");
        Files.createDirectories(dir);
        Output raw = r.merged() == null ? Output.empty() : Output.fromJson(r.merged());
        List<ChunkFate> failed = r.fates().stream().filter(f -> f.status() == ChunkFate.Status.FAILED).toList();
        List<ChunkFate> skipped = r.fates().stream().filter(f -> f.status() == ChunkFate.Status.SKIPPED).toList();
        Map<String, Integer> processed = new LinkedHashMap<>();
        for (ChunkFate f : r.fates()) if (f.status() == ChunkFate.Status.PROCESSED) processed.merge(f.chunk().dataset(), 1, Integer::sum);
        RunFolder folder = new RunFolder(dir);
        long done = processed.values().stream().mapToLong(Integer::longValue).sum();
        folder.writeOutput("all", raw, raw.postprocess(), new RunFolder.RunStatus(failed.isEmpty(), done, failed.size(), skipped.size(), false));
        folder.writeFailures(new RunFolder.Failures(failed, failed.stream().map(f -> -1).toList(), skipped, processed));
        folder.writeChunkIds(r.fates().stream().filter(f -> f.status() == ChunkFate.Status.PROCESSED).map(f -> f.chunk().id()).toList());
        double wall = Double.isNaN(wallSeconds) ? sinceStart(r.runId()) : wallSeconds;
        PerformanceReport perf = new PerformanceReport(r.fates(), wall, 1);
        folder.writeJson(dir.resolve(RunFolder.PERFORMANCE), perf.toJson());
        try (RunLog log = new RunLog(dir.resolve(RunFolder.LOGFILE), "INFO", null)) {
            log.info("pocket attach " + r.runId() + ": the batch run's output, written by attach");
            log.info("Performance:");
            for (String line : perf.format().split("\n")) log.info("  " + line);
            log.info("Saving output to " + folder.output("all") + (failed.isEmpty() ? "" : " (INCOMPLETE: " + failed.size() + " chunks failed)"));
            if (failed.isEmpty()) log.info("Run complete: " + done + " chunks processed" + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped"));
            else log.error("Run INCOMPLETE: " + failed.size() + " chunk(s) failed, " + done + " processed; `pocket attach " + r.runId()
                    + " --resubmit-failed` tries them again");
        }
        // last, as the runner does: until every file above is written the folder stays resumable
        if (failed.isEmpty()) folder.dropCheckpoint();
    }

    /** Seconds since the run started, from its id (yyyyMMdd-HHmmss-xxxx, local time); 0 when the id does not say. */
    static double sinceStart(String runId) {
        try {
            java.time.LocalDateTime start = java.time.LocalDateTime.parse(runId.substring(0, 15),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            return Math.max(0, java.time.Duration.between(start, java.time.LocalDateTime.now()).toMillis() / 1000.0);
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
