package pocket.notebook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import pocket.workflow.Configurator;
import pocket.kernel.Display;
import pocket.run.DryRun;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;
import pocket.run.RunFlags;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;
import pocket.workflow.Output;
import pocket.remote.BatchRun;
import pocket.remote.RemoteRuns;

/**
 * A run described fluently, as {@code pocket run} takes it on the command line:
 * <pre>
 * Result r = Pocket.config("notebooks/zmumu/analysis.jsh").executor("futures").scaleout(2)
 *     .limitFiles(1).outputDir("out/zmumu").run();
 * </pre>
 * Immutable: each setter returns a new Pocket. {@link #run} resolves the run options exactly as
 * the command line does (defaults for the executor, then the run-options map or YAML as -ro,
 * then the options and flags) and calls {@link Runner#run}, the one run loop.
 */
public final class Pocket {
    private final Configurator config;
    private final Path script;
    private final String executor;
    private final Map<String, Object> runOptions;   // the -ro layer (null: none)
    private final String runOptionsLabel;           // how errors and dryRun() name it
    private final Map<String, Object> overrides;    // free --key=value options
    private final Integer scaleout, chunksize, limitFiles, limitChunks;
    private final boolean test, skipBadFiles, processSeparately;
    private final Path outputDir, customSetup;
    private final List<String> samples, datasets, years;
    private final String logLevel;
    private final double lumi;
    private final RunRequest.ExistingRun existing;

    private Pocket(Builder b) {
        config = b.config; script = b.script; executor = b.executor; runOptions = b.runOptions; runOptionsLabel = b.runOptionsLabel; overrides = Map.copyOf(b.overrides);
        scaleout = b.scaleout; chunksize = b.chunksize; limitFiles = b.limitFiles; limitChunks = b.limitChunks;
        test = b.test; skipBadFiles = b.skipBadFiles; processSeparately = b.processSeparately; outputDir = b.outputDir;
        customSetup = b.customSetup; samples = b.samples; datasets = b.datasets; years = b.years; logLevel = b.logLevel; lumi = b.lumi;
        existing = b.existing;
    }

    /** A run of the config script (analysis.jsh), loaded with {@link Configurator#load}. */
    public static Pocket config(String script) { return config(Path.of(script)); }

    public static Pocket config(Path script) {
        if (!Files.isRegularFile(script))
            throw new IllegalArgumentException("Pocket.config: config file " + script.toAbsolutePath() + " not found");
        Builder b = new Builder();
        b.config = Configurator.load(script);
        b.script = script.toAbsolutePath();
        return new Pocket(b);
    }

    /** A run of a Configurator built in the notebook (remote executors then have no script to stage). */
    public static Pocket config(Configurator cfg) {
        Builder b = new Builder();
        b.config = Objects.requireNonNull(cfg, "Pocket.config: the Configurator is null");
        return new Pocket(b);
    }

    public Configurator configurator() { return config; }

    /** iterative (default), futures, or name@site as -e. */
    public Pocket executor(String name) {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("executor: give a name such as iterative, futures or dask@lxplus");
        return with(b -> b.executor = name);
    }

    public Pocket scaleout(int n) { positive("scaleout", n); return with(b -> b.scaleout = n); }
    public Pocket chunksize(int n) { positive("chunksize", n); return with(b -> b.chunksize = n); }
    public Pocket limitFiles(int n) { positive("limitFiles", n); return with(b -> b.limitFiles = n); }
    public Pocket limitChunks(int n) { positive("limitChunks", n); return with(b -> b.limitChunks = n); }
    /** As -t: iterative unless an executor is set, one file and one chunk per dataset unless limits are set. */
    public Pocket test() { return with(b -> b.test = true); }
    public Pocket skipBadFiles() { return with(b -> b.skipBadFiles = true); }
    /** As -ps: one output per dataset. */
    public Pocket processSeparately() { return with(b -> b.processSeparately = true); }

    /** Run options as -ro gives them (a map of option → value), layered over the executor's defaults. */
    public Pocket runOptions(Map<String, ?> options) {
        return with(b -> { b.runOptions = new LinkedHashMap<>(options); b.runOptionsLabel = "runOptions(map)"; });
    }

    /** Run options from a YAML file, as {@code -ro FILE}. */
    public Pocket runOptions(String yamlFile) { return runOptions(Path.of(yamlFile)); }

    public Pocket runOptions(Path yamlFile) {
        Map<String, Object> m = RunOptionsResolver.readRunOptionsFile(yamlFile);
        return with(b -> { b.runOptions = new LinkedHashMap<>(m); b.runOptionsLabel = "runOptions(\"" + yamlFile + "\")"; });
    }

    /**
     * One option as {@code --key=value} on the command line (over -ro). A key that neither the
     * defaults nor the executor know is refused by {@link #run} and {@link #dryRun}.
     */
    public Pocket option(String key, Object value) { return with(b -> b.overrides.put(key, value)); }

    public Pocket outputDir(String dir) { return outputDir(Path.of(dir)); }
    public Pocket outputDir(Path dir) { return with(b -> b.outputDir = dir); }

    /** As --executor-custom-setup: a .jsh defining getExecutorFactory(name, options), or a jar with an ExecutorProvider. */
    public Pocket executorCustomSetup(String file) { return with(b -> b.customSetup = Path.of(file)); }

    public Pocket filterSamples(String... s) { return with(b -> b.samples = List.of(s)); }
    public Pocket filterDatasets(String... d) { return with(b -> b.datasets = List.of(d)); }
    public Pocket filterYears(String... y) { return with(b -> b.years = List.of(y)); }

    /** Console log level of the run (the log file always gets everything); default WARNING in a notebook. */
    public Pocket logLevel(String level) { return with(b -> b.logLevel = level); }

    /** The luminosity (fb⁻¹) the plots of the result are labelled with. */
    public Pocket lumi(double fbInv) { return with(b -> b.lumi = fbInv); }

    /** The executor this run uses: as the command line, iterative unless set. */
    public String executorName() { return executor != null ? executor : "iterative"; }

    /** The run options this run would use, resolved as {@code pocket run} does. */
    public RunOptions options() { return resolution().options(); }

    private RunOptionsResolver.Resolution resolution() {
        List<RunOptionsResolver.Given> given = new java.util.ArrayList<>();
        overrides.forEach((k, v) -> given.add(new RunOptionsResolver.Given(k, v,
                "option(\"" + k + "\", " + (v instanceof String ? "\"" + v + "\"" : v) + ")")));
        return new RunFlags(executor, test, limitFiles, limitChunks, scaleout, chunksize, null, skipBadFiles)
                .resolve(runOptions, runOptionsLabel, given, new RunOptionsResolver.Hints("Pocket methods", METHODS), true);
    }

    /** The fluent setters, offered when an option's key is unknown. */
    private static final List<String> METHODS = List.of("executor", "scaleout", "chunksize", "limitFiles", "limitChunks", "test",
            "skipBadFiles", "processSeparately", "runOptions", "option", "outputDir", "executorCustomSetup", "filterSamples",
            "filterDatasets", "filterYears", "logLevel", "lumi", "dryRun");

    public Path outputDirectory() {
        if (outputDir != null) return outputDir;
        String name = script != null ? script.getParent().getFileName().toString() : "notebook";
        return Path.of("pocket-output", name);
    }

    /** Replaces whatever run the output folder holds, an interrupted one too ({@code --overwrite}). */
    public Pocket overwrite() { return with(b -> b.existing = RunRequest.ExistingRun.OVERWRITE); }

    /**
     * Finishes the interrupted run in the output folder ({@code --resume}): only the chunks it had
     * not finished run, and the result equals an uninterrupted run's.
     */
    public Result resume() { return with(b -> b.existing = RunRequest.ExistingRun.RESUME).run(); }

    /** Runs through {@link Runner#run}; in a notebook a progress bar updates in place meanwhile. */
    public Result run() {
        ProgressListener progress = Display.inNotebook() ? new NotebookProgress() : null;
        RunRequest req = request().progress(progress).build();
        try {
            RunResult r = Runner.run(req);
            if (progress instanceof NotebookProgress np) np.finished(r);
            return Result.of(r, lumi >= 0 ? lumi : configLumi(r));
        } catch (IOException e) {
            throw new UncheckedIOException("run failed: " + e.getMessage(), e);
        }
    }

    /** The config's lumi.picobarns for the years run (as a loaded folder's plots take it), NaN when it has none. */
    private double configLumi(RunResult r) {
        try {
            Output out = r.output() != null ? r.output() : r.outputs().values().stream().findFirst().orElse(null);
            return out == null ? Double.NaN : pocket.results.OutputFolder.lumiFb(config.toJson(), out);
        } catch (UnsupportedOperationException e) {
            return Double.NaN;
        }
    }

    /**
     * The id of the batch run ({@code dask@...}, {@code slurm@...}) started last into this output
     * folder, looked up in the runs-dir of these options: what a restarted kernel attaches to.
     */
    public String lastBatchRun() {
        try {
            return RemoteRuns.latest(options(), outputDirectory()).orElseThrow(() -> new IllegalStateException(
                    "no batch run was started into " + outputDirectory() + " (runs-dir " + options().getString("runs-dir", "~/.pocket/runs")
                            + "); the run id is in the progress line of the cell that started it"));
        } catch (IOException e) {
            throw new UncheckedIOException("batch runs: " + e.getMessage(), e);
        }
    }

    /**
     * Watches batch run {@code runId} to its end, as {@code pocket attach} does after the driver
     * stopped (a kernel restart), writes its output folder (this one's {@link #outputDir} if set,
     * else the one the run was started with) and returns the merged result; the
     * connection settings (ssh-*, runs-dir, poll-interval) come from these options.
     */
    public Result attach(String runId) {
        NotebookProgress progress = Display.inNotebook() ? new NotebookProgress() : null;
        try {
            BatchRun.Result r = RemoteRuns.attach(runId, options(), false, progress != null ? progress : ProgressListener.NONE);
            // as pocket attach: an outputDir given wins, else the folder the run was started with
            Path dir = outputDir != null ? outputDir : r.outputDir() != null ? r.outputDir() : outputDirectory();
            RemoteRuns.writeOutput(r, dir);
            if (progress != null) progress.finished(null);
            Result loaded = Result.load(dir);
            return lumi >= 0 ? loaded.withLumi(lumi) : loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("attach " + runId + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("attach " + runId + " interrupted; the run goes on: attach again to watch it", e);
        }
    }

    /**
     * What {@link #run} would do, without doing it: datasets, files, chunks and events of the plan
     * and the run options with where each came from (as {@code pocket run --dry-run}); reads only
     * the files' headers, writes nothing. Shows itself as a table in a notebook.
     */
    public DryRun dryRun() {
        try {
            return Runner.dryRun(request().build());
        } catch (IOException e) {
            throw new UncheckedIOException("dry run failed: " + e.getMessage(), e);
        }
    }

    private RunRequest.Builder request() {
        return RunRequest.builder(config, outputDirectory())
                .configScript(script)
                .executor(executorName())
                .resolution(resolution())
                .processSeparately(processSeparately)
                .filterSamples(samples).filterDatasets(datasets).filterYears(years)
                .executorCustomSetup(customSetup)
                .logLevel(logLevel != null ? logLevel : (Display.inNotebook() ? "WARNING" : "INFO"))
                .existing(existing);
    }

    @Override
    public String toString() {
        return "Pocket run of " + (script != null ? script : "a notebook Configurator") + " with " + executorName()
                + " into " + outputDirectory() + ", options " + new java.util.TreeMap<>(options().asMap());
    }

    private static void positive(String what, int n) {
        if (n < 1) throw new IllegalArgumentException(what + " must be at least 1, got " + n);
    }

    private Pocket with(java.util.function.Consumer<Builder> change) {
        Builder b = new Builder();
        b.config = config; b.script = script; b.executor = executor;
        b.runOptions = runOptions == null ? null : new LinkedHashMap<>(runOptions);
        b.runOptionsLabel = runOptionsLabel;
        b.overrides = new LinkedHashMap<>(overrides);
        b.scaleout = scaleout; b.chunksize = chunksize; b.limitFiles = limitFiles; b.limitChunks = limitChunks;
        b.test = test; b.skipBadFiles = skipBadFiles; b.processSeparately = processSeparately; b.outputDir = outputDir;
        b.customSetup = customSetup; b.samples = samples; b.datasets = datasets; b.years = years; b.logLevel = logLevel; b.lumi = lumi;
        b.existing = existing;
        change.accept(b);
        return new Pocket(b);
    }

    private static final class Builder {
        Configurator config;
        Path script, outputDir, customSetup;
        String executor, logLevel, runOptionsLabel = "runOptions(map)";
        Map<String, Object> runOptions;
        Map<String, Object> overrides = new LinkedHashMap<>();
        Integer scaleout, chunksize, limitFiles, limitChunks;
        boolean test, skipBadFiles, processSeparately;
        List<String> samples = List.of(), datasets = List.of(), years = List.of();
        double lumi = -1;
        // a cell run again replaces its finished run; an interrupted one waits for resume() or overwrite()
        RunRequest.ExistingRun existing = RunRequest.ExistingRun.REPLACE_FINISHED;
    }
}
