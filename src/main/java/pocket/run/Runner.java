package pocket.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.skim.SkimmedDatasetDefinition;
import pocket.util.Names;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/**
 * The one run loop behind {@code pocket run}, the notebook API and remote workers: filter the
 * datasets, plan the chunks, run them on the executor, merge, postprocess once, and write the
 * output folder (outputs, raw sums, config, options, failures, tracebacks, performance, log).
 */
public final class Runner {
    private Runner() {}

    public static RunResult run(RunRequest req) throws IOException {
        Path out = req.outputDir();
        RunFolder folder = new RunFolder(out);
        Checkpoint checkpoint = new Checkpoint(out);
        Prepared p = prepare(req, folder, checkpoint);
        Files.createDirectories(out);
        RunRequest.ExistingRun existing = req.resubmitFailed() ? RunRequest.ExistingRun.RESUME : req.existing();
        try (FolderLock lock = FolderLock.take(out, existing);
             RunLog log = new RunLog(out.resolve(RunFolder.LOGFILE), req.logLevel(), System.out)) {
            Thread onInterrupt = new Thread(() -> interrupted(checkpoint, lock));
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                return run(req, p, folder, checkpoint, log);
            } finally {
                try { Runtime.getRuntime().removeShutdownHook(onInterrupt); } catch (IllegalStateException e) { /* shutting down */ }
            }
        }
    }

    /** What a run checks before it touches its output folder, so that bad input leaves the folder as it was. */
    private record Prepared(RunOptions opts, List<Dataset> datasets, ExecutorFactory factory, String fingerprint, boolean resuming,
                            List<String> warnings, List<String> notes) {}

    private static Prepared prepare(RunRequest req, RunFolder folder, Checkpoint checkpoint) throws IOException {
        Configurator cfg = req.config();
        RunOptions opts = optionsOf(req);
        List<String> warnings = new ArrayList<>(req.warnings()), notes = new ArrayList<>();
        List<Dataset> datasets = filter(req.datasets() != null ? req.datasets() : cfg.datasets(), req, warnings::add);
        ExecutorFactory factory = factoryFor(req, opts);   // unknown run options are refused before anything is written
        try {
            opts = factory.customizeArgs(opts);
            String fingerprint = fingerprint(cfg, datasets, req, opts);
            boolean resuming = req.resume() && resumable(checkpoint, fingerprint, folder, notes);
            // (a request with its own entry counter reads no files: synthetic datasets of tests and benchmarks)
            if (!resuming && !req.resubmitFailed() && req.chunks() == null && req.entries() == null && !opts.getBool("skip-bad-files", false))
                for (Dataset d : datasets)
                    for (String f : d.files())
                        if (!f.contains("://") && !Files.isReadable(Path.of(f)))
                            throw new IllegalArgumentException("dataset '" + d.name() + "': file " + f + " is not a readable file;"
                                    + " fix its dataset JSON, or add --skip-bad-files to run without it (--resubmit-failed tries it again later)");
            return new Prepared(opts, datasets, factory, fingerprint, resuming, warnings, notes);
        } catch (RuntimeException | IOException e) {
            factory.close();
            throw e;
        }
    }

    /**
     * What {@link #run} would do, without doing it: the datasets, files, chunks and events of the
     * plan and the resolved run options with their sources. Reads only the files' headers (to
     * count entries) and, with --resubmit-failed, the earlier run's records; writes nothing.
     */
    public static DryRun dryRun(RunRequest req) throws IOException {
        RunOptions given = optionsOf(req);
        RunOptions opts;
        try (ExecutorFactory factory = factoryFor(req, given)) {
            opts = factory.customizeArgs(given);
        }
        java.io.ByteArrayOutputStream notes = new java.io.ByteArrayOutputStream();
        List<GroupPlan> plans;
        try (RunLog log = new RunLog(null, "WARNING", new java.io.PrintStream(notes, true, java.nio.charset.StandardCharsets.UTF_8))) {
            List<Dataset> datasets = filter(req.datasets() != null ? req.datasets() : req.config().datasets(), req, log::warning);
            String treeName = req.config() != null ? req.config().treeName() : "Events";
            RunFolder folder = new RunFolder(req.outputDir());
            RunFolder.Failures earlier = req.resubmitFailed() ? folder.readFailures() : null;
            plans = plan(req, datasets, treeName, folder, earlier, opts, req.entries() != null ? req.entries() : EntryCounter.ROOT);
        }
        Map<String, String> resolved = req.resolution() != null ? req.resolution().sources() : Map.of();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : opts.asMap().entrySet()) {
            String k = e.getKey();
            boolean byExecutor = !given.asMap().containsKey(k) || !java.util.Objects.equals(e.getValue(), given.get(k));
            sources.put(k, byExecutor ? "executor " + req.executor() : resolved.getOrDefault(k, "given"));
        }
        List<String> lines = notes.toString(java.nio.charset.StandardCharsets.UTF_8).lines().map(l -> l.replaceFirst("^\\[[A-Z ]+\\] ", "")).toList();
        return DryRun.of(req.executor(), req.outputDir(), plans, opts, sources, lines);
    }

    /**
     * Refuses run options no layer knows unless the executor's factory declares them (exit 2 from
     * the command line): the fronts call it before loading the configuration, the run again itself.
     */
    public static void checkOptions(String executor, RunOptionsResolver.Resolution res, Path customSetup) {
        if (res == null || res.unknown().isEmpty()) return;
        try (ExecutorFactory f = ExecutorProviders.lookup(executor, res.options(), customSetup)) {
            res.unknown().require(f.optionKeys());
        }
    }

    private static RunOptions optionsOf(RunRequest req) {
        return req.options() != null ? req.options() : RunOptionsResolver.defaults().resolve(req.executor());
    }

    private static ExecutorFactory factoryFor(RunRequest req, RunOptions opts) {
        ExecutorFactory factory = ExecutorProviders.lookup(req.executor(), opts, req.executorCustomSetup());
        if (req.resolution() != null) {
            try {
                req.resolution().unknown().require(factory.optionKeys());
            } catch (RuntimeException e) {
                factory.close();
                throw e;
            }
        }
        return factory;
    }


    /** Ctrl-C (or a SIGTERM) during a run: the finished chunks stay in the checkpoint; say how to go on. */
    private static void interrupted(Checkpoint checkpoint, FolderLock lock) {
        System.out.flush();
        System.err.println("\npocket: run interrupted; " + checkpoint.saved() + " finished chunk(s) are kept in " + checkpoint.dir()
                + ": run the same command with --resume to process only the rest");
        try { lock.close(); } catch (IOException e) { /* the marker names a dead pid: the next run sees it is stale */ }
    }

    private static RunResult run(RunRequest req, Prepared prep, RunFolder folder, Checkpoint checkpoint, RunLog log) throws IOException {
        Configurator cfg = req.config();
        RunOptions opts = prep.opts();
        List<Dataset> datasets = prep.datasets();
        String treeName = cfg != null ? cfg.treeName() : "Events";
        ExecutorFactory factory = prep.factory();
        boolean resuming = prep.resuming();
        log.info("Running with executor " + req.executor() + (req.resubmitFailed() ? " (resubmitting failed chunks)" : "")
                + (resuming ? " (resuming the interrupted run in " + folder.dir() + ")" : ""));
        prep.notes().forEach(log::info);
        log.info("Run options:");
        new TreeMap<>(opts.asMap()).forEach((k, v) -> log.info(String.format("  %-24s %s", k, v)));
        for (String w : prep.warnings()) log.warning(w);
        folder.writeRunOptions(opts);
        writeConfig(cfg, datasets, folder, log);
        waitForStartingTime(opts, log);

        ChunkProcessor processor = req.processor() != null ? req.processor() : cfg.processor();
        ProgressListener shown = req.progress() != null ? req.progress() : ConsoleProgress.auto(log);
        ProgressListener progress = withFateLog(shown, log);
        RunContext ctx = new RunContext(cfg, req.configScript(), opts, processor, progress, req.outputDir());
        EntryCounter counter = req.entries() != null ? req.entries() : EntryCounter.ROOT;

        RunFolder.Failures earlier = req.resubmitFailed() ? folder.readFailures() : null;
        Map<String, Integer> processed = new LinkedHashMap<>(earlier != null ? earlier.processedPerDataset() : Map.of());
        // --resubmit-failed tries the skipped chunks again too (the user may have fixed the file): of the earlier ones only those outside this run stay
        List<ChunkFate> skipped = new ArrayList<>(earlier == null ? List.of() : earlier.skipped().stream()
                .filter(f -> datasets.stream().noneMatch(d -> d.name().equals(f.chunk().dataset()))).toList());
        List<ChunkFate> allFates = new ArrayList<>();
        Map<Chunk, Integer> leafIndex = new IdentityHashMap<>();
        List<GroupPlan> done = new ArrayList<>();
        List<Output> raws = new ArrayList<>();
        List<List<ChunkFate>> groupFates = new ArrayList<>();
        boolean checkpointed = earlier == null && req.chunks() == null;
        long t0 = System.nanoTime();
        try {
            factory.setup();
            List<GroupPlan> plans = resuming ? resumed(checkpoint, req, datasets, opts, log)
                    : plan(req, datasets, treeName, folder, earlier, opts, counter);
            if (checkpointed && !resuming) {
                int fanIn = opts.getInt("tree-reduction", 20);
                checkpoint.start(prep.fingerprint(), plans.stream().map(g -> g.saved(fanIn)).toList());
            }
            for (GroupPlan g : plans) {
                ExecutionResult er = execute(g, factory, ctx, progress, checkpointed ? checkpoint : null, log);
                List<ChunkFate> fates = er.fates();
                allFates.addAll(fates);
                for (int i = 0; i < g.chunks().chunks().size(); i++) leafIndex.put(g.chunks().chunks().get(i), g.leaves().get(i));
                for (ChunkFate f : fates) {
                    if (f.status() == ChunkFate.Status.PROCESSED) processed.merge(f.chunk().dataset(), 1, Integer::sum);
                    if (f.status() == ChunkFate.Status.SKIPPED) skipped.add(f);
                }
                raws.add(withEmptyDatasets(merge(g, er, folder, log), g, req.processor() == null ? cfg : null));
                done.add(g);
                groupFates.add(fates);
            }
            if (cfg != null && cfg.skimmedFilesDir() != null) writeSkimmedDatasetDefinition(datasets, raws, folder, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("run interrupted; the finished chunks are kept in " + checkpoint.dir() + ": run again with --resume (resume() in a notebook)", e);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("run failed: " + e.getMessage(), e);
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<ChunkFate> failed = allFates.stream().filter(f -> f.status() == ChunkFate.Status.FAILED).toList();
        folder.writeFailures(new RunFolder.Failures(failed, failed.stream().map(f -> leafIndex.getOrDefault(f.chunk(), -1)).toList(), skipped, processed));
        int workers = req.executor().startsWith("iterative") ? 1 : opts.getInt("scaleout", 1);
        PerformanceReport perf = new PerformanceReport(allFates, wall, workers);
        folder.writeJson(folder.dir().resolve(RunFolder.PERFORMANCE), perf.toJson());
        log.info("Performance:");
        for (String line : perf.format().split("\n")) log.info("  " + line);
        java.util.Set<String> chunkIds = new java.util.TreeSet<>();
        if (earlier != null) { java.util.Set<String> before = folder.readChunkIds(); if (before != null) chunkIds.addAll(before); }
        for (ChunkFate f : allFates) if (f.status() == ChunkFate.Status.PROCESSED) chunkIds.add(f.chunk().id());
        folder.writeChunkIds(chunkIds);
        // the outputs last: a folder whose output_*.json says complete holds everything else of that run
        Map<String, Output> outputs = new LinkedHashMap<>();
        for (int i = 0; i < done.size(); i++)
            outputs.put(done.get(i).name(), write(done.get(i), raws.get(i), groupFates.get(i), skipped, processed, folder, log));
        checkpoint.delete();
        RunResult result = new RunResult(req.outputDir(), outputs, allFates, opts, perf);
        summarize(result, skipped, log);
        return result;
    }

    /** What must match for a checkpoint to be resumed: the configuration (canonical JSON), the datasets and how they are chunked and grouped. */
    private static String fingerprint(Configurator cfg, List<Dataset> datasets, RunRequest req, RunOptions opts) {
        com.google.gson.JsonObject o = new com.google.gson.JsonObject();
        try { if (cfg != null) o.add("config", cfg.toJson()); } catch (UnsupportedOperationException e) { o.addProperty("config", "unserialisable"); }
        o.addProperty("datasets", datasets.stream().map(d -> d.name() + "=" + d.files()).toList().toString());
        o.addProperty("separately", req.processSeparately());
        o.addProperty("chunksize", opts.getLong("chunksize", 150000));
        o.addProperty("limit-files", opts.has("limit-files") ? opts.getInt("limit-files", 0) : -1);
        o.addProperty("limit-chunks", opts.has("limit-chunks") ? opts.getInt("limit-chunks", 0) : -1);
        o.addProperty("tree-reduction", opts.getInt("tree-reduction", 20));
        o.addProperty("skip-bad-files", opts.getBool("skip-bad-files", false));
        o.addProperty("group-samples", String.valueOf(opts.get("group-samples")));
        return Checkpoint.fingerprintOf(o);
    }

    /**
     * True when the folder's checkpoint can be resumed; false when the interrupted run had not
     * finished planning (then everything runs); an error for a finished run or a different one.
     */
    private static boolean resumable(Checkpoint checkpoint, String fingerprint, RunFolder folder, List<String> notes) throws IOException {
        String saved = checkpoint.exists() ? checkpoint.fingerprint() : null;
        if (saved == null) {
            if (FolderLock.held(folder.dir()).stream().anyMatch(n -> n.startsWith("output_")))
                throw new IllegalArgumentException("nothing to resume in " + folder.dir() + ": the run there finished"
                        + " (its failed chunks, if any, run again with --resubmit-failed)");
            notes.add("Resuming: the interrupted run had finished no chunk; running all of them");
            return false;
        }
        if (!saved.equals(fingerprint))
            throw new IllegalArgumentException("cannot resume the run in " + folder.dir() + ": the configuration, the datasets or the chunking"
                    + " options (chunksize, limit-files, limit-chunks, tree-reduction, skip-bad-files, -ps) differ from the interrupted run's;"
                    + " run it as it was, or start again with --overwrite");
        return true;
    }

    /** The interrupted run's plans, each with the leaves it finished. */
    private static List<GroupPlan> resumed(Checkpoint checkpoint, RunRequest req, List<Dataset> datasets, RunOptions opts, RunLog log) throws IOException {
        Map<String, List<Dataset>> groups = groups(datasets, req.processSeparately(), opts);
        List<GroupPlan> plans = new ArrayList<>();
        int finished = 0, total = 0;
        for (Checkpoint.SavedPlan saved : checkpoint.plans()) {
            GroupPlan g = GroupPlan.resumed(saved, groups.getOrDefault(saved.group(), List.of()), checkpoint.done(saved.group()));
            finished += g.restored().size();
            total += saved.chunks().size();
            plans.add(g);
        }
        log.info("Resuming: " + finished + " of " + total + " chunks were finished before the interruption; running the other " + (total - finished));
        return plans;
    }

    /** One plan per output group: the earlier run's failures, the caller's chunks, or every chunk of the datasets. */
    private static List<GroupPlan> plan(RunRequest req, List<Dataset> datasets, String treeName, RunFolder folder,
                                        RunFolder.Failures earlier, RunOptions opts, EntryCounter counter) throws IOException {
        if (req.chunks() != null)
            for (Chunk c : req.chunks())
                if (datasets.stream().noneMatch(d -> d.name().equals(c.dataset())))
                    throw new IllegalArgumentException("chunk " + c.id() + ": dataset '" + c.dataset() + "' is not among the datasets to run"
                            + Names.nearestHint(c.dataset(), datasets.stream().map(Dataset::name).toList()));
        List<GroupPlan> plans = new ArrayList<>();
        for (Map.Entry<String, List<Dataset>> g : groups(datasets, req.processSeparately(), opts).entrySet()) {
            GroupPlan p = earlier != null ? GroupPlan.resubmit(g.getKey(), g.getValue(), folder, earlier, req.processSeparately(), opts, counter)
                    : req.chunks() != null ? GroupPlan.explicit(g.getKey(), g.getValue(), req.chunks(), opts, counter)
                    : GroupPlan.fresh(g.getKey(), g.getValue(), treeName, opts, counter);
            if (p != null) plans.add(p);
        }
        return plans;
    }

    /**
     * Runs the group's chunks on the executor; the fates of files that could not be opened and of
     * chunks finished before an interruption come first. With a checkpoint, each chunk's output and
     * fate are saved as it finishes.
     */
    private static ExecutionResult execute(GroupPlan g, ExecutorFactory factory, RunContext ctx, ProgressListener progress,
                                           Checkpoint checkpoint, RunLog log) throws Exception {
        ChunkPlan plan = g.chunks();
        log.info((g.datasets().size() == 1 && !g.name().equals("all") ? "Working on dataset: " : "Working on datasets: ")
                + g.datasets().stream().map(Dataset::name).toList() + ": " + plan.chunks().size() + " chunks, " + plan.events() + " events");
        for (ChunkFate f : plan.unopened()) progress.chunkDone(f);
        progress.started(plan.chunks().size(), plan.events());
        List<ChunkFate> fates = new ArrayList<>(plan.unopened());
        fates.addAll(g.restored());
        if (plan.chunks().isEmpty()) return new ExecutionResult(Output.empty(), fates);
        ChunkProcessor processor = g.exact() == null ? ctx.processor() : g.exact().wrap(ctx.processor());
        ProgressListener reporting = ctx.progress();
        if (checkpoint != null) {
            Map<Chunk, Integer> leaf = new IdentityHashMap<>();
            for (int i = 0; i < plan.chunks().size(); i++) leaf.put(plan.chunks().get(i), g.leaves().get(i));
            processor = checkpoint.saving(g.name(), leaf, processor);
            reporting = checkpoint.saving(g.name(), leaf, reporting);
        }
        RunContext gctx = new RunContext(ctx.config(), ctx.configScript(), ctx.options(), processor, reporting, ctx.outputDir());
        ExecutionResult er = factory.get().execute(plan.chunks(), gctx);
        fates.addAll(er.fates());
        return new ExecutionResult(er.output(), fates);
    }

    /**
     * The group's raw sums: the merge tree of the clean run (rebuilt from the earlier partials when
     * resubmitting, so bit for bit its result), else the executor's sum added to the earlier raw output.
     */
    private static Output merge(GroupPlan g, ExecutionResult er, RunFolder folder, RunLog log) throws IOException {
        TreeReducer<Output> tree = g.exact() == null ? null : g.exact().finish(er.fates());
        if (tree != null) {
            Output extra = plus(g.extraBefore(), g.exact().extras());
            folder.writePartials(g.name(), tree, extra);
            return plus(tree.result(), extra);
        }
        if (g.resubmission()) log.warning("resubmission of " + g.name() + " merged by plain addition (no partials of the earlier run"
                + " or an executor that runs elsewhere): equal to a clean run up to floating-point rounding");
        folder.writePartials(g.name(), null, null);
        return g.earlierRaw() != null ? g.earlierRaw().add(er.output()) : er.output();
    }

    /**
     * The group's raw sums plus zeros for each of its datasets no chunk stood for (every file
     * empty), so such a dataset is in the output under every key rather than absent. Its keys are
     * its own, so adding them rounds nothing: merged runs still equal one run bit for bit.
     */
    private static Output withEmptyDatasets(Output raw, GroupPlan g, Configurator cfg) {
        if (cfg == null) return raw;
        java.util.Set<String> planned = new java.util.HashSet<>();
        for (Chunk c : g.chunks().chunks()) planned.add(c.dataset());
        for (ChunkFate f : g.chunks().unopened()) planned.add(f.chunk().dataset());
        for (ChunkFate f : g.restored()) planned.add(f.chunk().dataset());
        Output out = raw;
        for (Dataset d : g.datasets())
            if (!planned.contains(d.name()) && !out.datasetsMetadata().containsKey(d.name())) out = out.add(cfg.emptyOutput(d));
        return out;
    }

    /** Postprocesses the raw sums once and writes the group's output with its status; returns the postprocessed output. */
    private static Output write(GroupPlan g, Output raw, List<ChunkFate> fates, List<ChunkFate> skipped, Map<String, Integer> processed,
                                RunFolder folder, RunLog log) throws IOException {
        Output post = raw.postprocess();
        long failed = fates.stream().filter(f -> f.status() == ChunkFate.Status.FAILED).count();
        long nSkipped = skipped.stream().filter(f -> g.contains(f.chunk().dataset())).count();
        long nProcessed = g.datasets().stream().mapToLong(d -> processed.getOrDefault(d.name(), 0)).sum();
        folder.writeOutput(g.name(), raw, post, new RunFolder.RunStatus(failed == 0, nProcessed, failed, nSkipped, g.resubmission()));
        log.info("Saving output to " + folder.output(g.name()) + (failed == 0 ? "" : " (INCOMPLETE: " + failed + " chunks failed)"));
        return post;
    }

    /** PocketCoffea's skimmed_dataset_definition.json from the skimmed files the chunks recorded. */
    private static void writeSkimmedDatasetDefinition(List<Dataset> datasets, List<Output> raws, RunFolder folder, RunLog log) throws IOException {
        SkimmedDatasetDefinition def = new SkimmedDatasetDefinition();
        for (Output raw : raws) {
            for (Dataset d : datasets) {
                Long initial = raw.cutflowStep("initial").get(d.name());
                if (initial != null) def.add(d.name(), d.metadata(), null, initial, 0, raw.sumGenweights().getOrDefault(d.name(), 0.0), 0);
            }
            for (var e : raw.skimmedFiles().entrySet()) {
                Output.SkimmedFile f = e.getValue();
                Dataset d = datasets.stream().filter(x -> x.name().equals(f.dataset())).findFirst().orElse(null);
                if (d == null) continue;
                def.add(d.name(), d.metadata(), e.getKey(), 0, f.nevents(), 0, f.sumGenweights());
            }
        }
        Path file = folder.dir().resolve(SKIMMED_DATASET_DEFINITION);
        def.write(file);
        log.info("Skimmed files listed in " + file);
    }

    /** The file the run writes when the config saves skimmed files. */
    public static final String SKIMMED_DATASET_DEFINITION = "skimmed_dataset_definition.json";

    private static Output plus(Output a, Output b) {
        if (a == null) return b == null ? Output.empty() : b;
        return b == null ? a : a.add(b);
    }

    private static void summarize(RunResult r, List<ChunkFate> skipped, RunLog log) {
        long p = r.count(ChunkFate.Status.PROCESSED);
        if (!skipped.isEmpty())
            log.warning(skipped.size() + " file(s)/chunk(s) SKIPPED (skip-bad-files): " + skipped.stream().map(f -> f.chunk().file()).distinct().toList());
        if (r.complete()) log.info("Run complete: " + p + " chunks processed" + (skipped.isEmpty() ? "" : ", " + skipped.size() + " skipped"));
        else log.error("Run INCOMPLETE: " + r.failed().size() + " chunk(s) failed, " + p + " processed; the partial output is written;"
                + " see failed_chunks.json and error/, then rerun with --resubmit-failed");
    }

    private static ProgressListener withFateLog(ProgressListener shown, RunLog log) {
        return new ProgressListener() {
            @Override public void started(int chunks, long events) { shown.started(chunks, events); }
            @Override public void message(String text) { shown.message(text); }
            @Override public void chunkDone(ChunkFate f) {
                if (f.status() == ChunkFate.Status.FAILED)
                    log.error("chunk " + f.chunk().id() + " FAILED after " + f.attempts() + " attempt(s): " + f.reason());
                else if (f.status() == ChunkFate.Status.SKIPPED)
                    log.warning("chunk " + f.chunk().id() + " SKIPPED: " + f.reason());
                shown.chunkDone(f);
            }
        };
    }

    /** --filter-years/--filter-samples/--filter-datasets; an error when nothing is left. */
    static List<Dataset> filter(List<Dataset> all, RunRequest req, java.util.function.Consumer<String> warn) {
        List<Dataset> ds = all;
        ds = filterBy(ds, req.filterYears(), Dataset::year, "year", warn);
        ds = filterBy(ds, req.filterSamples(), Dataset::sample, "sample", warn);
        ds = filterBy(ds, req.filterDatasets(), Dataset::name, "dataset", warn);
        if (ds.isEmpty())
            throw new IllegalArgumentException("No datasets to process: the configuration has "
                    + all.stream().map(Dataset::name).toList() + " and the filters left none");
        return ds;
    }

    private static List<Dataset> filterBy(List<Dataset> ds, List<String> wanted, Function<Dataset, String> key, String what, java.util.function.Consumer<String> warn) {
        if (wanted.isEmpty()) return ds;
        Set<String> have = new LinkedHashSet<>();
        ds.forEach(d -> have.add(key.apply(d)));
        for (String w : wanted)
            if (!have.contains(w)) warn.accept("--filter-" + what + "s: no dataset has " + what + " '" + w + "'" + Names.nearestHint(w, have));
        return ds.stream().filter(d -> wanted.contains(key.apply(d))).toList();
    }

    /** "all", or one group per dataset (with run option group-samples: {group: [samples]} together). */
    @SuppressWarnings("unchecked")
    static Map<String, List<Dataset>> groups(List<Dataset> ds, boolean separately, RunOptions opts) {
        Map<String, List<Dataset>> g = new LinkedHashMap<>();
        if (!separately) { g.put("all", ds); return g; }
        List<Dataset> left = new ArrayList<>(ds);
        if (opts.get("group-samples") instanceof Map<?, ?> gs) {
            for (Map.Entry<?, ?> e : gs.entrySet()) {
                List<String> samples = e.getValue() instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(e.getValue()));
                List<Dataset> members = left.stream().filter(d -> samples.contains(d.sample())).toList();
                if (!members.isEmpty()) { g.put(String.valueOf(e.getKey()), members); left.removeAll(members); }
            }
        }
        for (Dataset d : left) g.put(d.name(), List.of(d));
        return g;
    }

    /**
     * Exactly the given chunks of these datasets (failed ones to resubmit, or a remote worker's share);
     * a whole-file chunk is chunked anew, within limit-chunks less the chunks its dataset already has.
     */
    static ChunkPlan explicitPlan(List<Dataset> group, List<Chunk> given, Map<String, Integer> alreadyProcessed,
                                  RunOptions opts, EntryCounter counter) {
        Set<String> names = new LinkedHashSet<>();
        group.forEach(d -> names.add(d.name()));
        int limitChunks = opts.has("limit-chunks") ? opts.getInt("limit-chunks", 0) : Integer.MAX_VALUE;
        List<Chunk> chunks = new ArrayList<>();
        List<ChunkFate> unopened = new ArrayList<>();
        Map<String, Long> events = new LinkedHashMap<>();
        Map<String, Integer> used = new LinkedHashMap<>(alreadyProcessed);
        for (Chunk c : given) {
            if (!names.contains(c.dataset())) continue;
            if (!ChunkPlan.isWholeFile(c)) {
                chunks.add(c);
                events.merge(c.dataset(), c.entries(), Long::sum);
                continue;
            }
            int budget = limitChunks == Integer.MAX_VALUE ? Integer.MAX_VALUE : limitChunks - used.getOrDefault(c.dataset(), 0);
            List<Chunk> fileChunks = new ArrayList<>();
            ChunkFate bad = ChunkPlan.chunkFile(new Dataset(c.dataset(), List.of(c.file()), c.metadata()), c.file(), c.tree(),
                    opts.getLong("chunksize", 150000), budget, FailurePolicy.of(opts), counter, fileChunks);
            if (bad != null) { unopened.add(bad); continue; }
            used.merge(c.dataset(), fileChunks.size(), Integer::sum);
            chunks.addAll(fileChunks);
            fileChunks.forEach(x -> events.merge(x.dataset(), x.entries(), Long::sum));
        }
        return new ChunkPlan(chunks, unopened, events);
    }

    private static void writeConfig(Configurator cfg, List<Dataset> datasets, RunFolder folder, RunLog log) throws IOException {
        try {
            com.google.gson.JsonObject json = cfg != null ? cfg.toJson() : new com.google.gson.JsonObject();
            if (cfg == null) {
                com.google.gson.JsonObject fs = new com.google.gson.JsonObject();
                for (Dataset d : datasets) {
                    com.google.gson.JsonObject o = new com.google.gson.JsonObject();
                    o.add("files", new com.google.gson.Gson().toJsonTree(d.files()));
                    o.add("metadata", new com.google.gson.Gson().toJsonTree(new TreeMap<>(d.metadata())));
                    fs.add(d.name(), o);
                }
                json.add("filesets", fs);
            }
            folder.writeJson(folder.dir().resolve(RunFolder.CONFIG), json);
        } catch (UnsupportedOperationException e) {
            log.warning("config.json not written: " + e.getMessage());
        }
    }

    private static void waitForStartingTime(RunOptions opts, RunLog log) {
        if (!opts.has("starting-time")) return;
        String s = opts.getString("starting-time", "");
        LocalDateTime at;
        try { at = LocalDateTime.parse(s.trim().replace('T', ' '), DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")); }
        catch (DateTimeParseException e) {
            throw new IllegalArgumentException("run option 'starting-time' must look like 2025-01-31 18:00:00, got '" + s + "'");
        }
        long ms = java.time.Duration.between(LocalDateTime.now(), at).toMillis();
        if (ms <= 0) return;
        log.info("Waiting until " + s + " to start processing");
        try { Thread.sleep(ms); }
        catch (InterruptedException e) { Thread.currentThread().interrupt(); throw new IllegalStateException("interrupted while waiting for starting-time"); }
    }
}
