package pocket.run;

import java.nio.file.Path;
import java.util.List;
import pocket.workflow.Configurator;
import pocket.workflow.ChunkProcessor;

/**
 * Everything one run needs, as the fronts (pocket run, notebooks, remote workers) hand it to
 * {@link Runner#run}. Built with {@link #builder}; {@code options} are the resolved run options
 * (null: the defaults for the executor).
 *
 * @param processor  null: the configuration's own processor
 * @param entries    how files are counted (null: open them with pocket's reader)
 * @param progress   null: a live bar on a terminal, plain log lines otherwise
 * @param chunks     null: plan the chunks from the datasets; else exactly these chunks (a remote
 *                   worker's share; a whole-file chunk {@code [0, 0)} is chunked when it runs)
 * @param datasets   null: the configuration's datasets; else these (the run's filters still apply)
 * @param config     may be null when {@code datasets} and {@code processor} are given (then the
 *                   tree is "Events" and config.json lists the datasets only)
 * @param warnings   what the front warns of, logged by the run to the console and logfile.log
 * @param resolution how the front resolved {@code options} (null: given as they are): its unknown
 *                   keys are refused unless the executor declares them, its sources shown by a dry run
 */
public record RunRequest(Configurator config, Path configScript, Path outputDir, String executor,
                         RunOptions options, boolean processSeparately, List<String> filterYears,
                         List<String> filterSamples, List<String> filterDatasets, boolean resubmitFailed,
                         Path executorCustomSetup, String logLevel, ChunkProcessor processor,
                         EntryCounter entries, ProgressListener progress, List<pocket.workflow.Chunk> chunks,
                         List<pocket.config.Dataset> datasets, List<String> warnings,
                         RunOptionsResolver.Resolution resolution, ExistingRun existing) {
    /**
     * What a run does when its output folder already holds a run: refuse ({@code pocket run}'s
     * default), replace it ({@code --overwrite}), finish it ({@code --resume}), or replace it only
     * when it finished (a notebook cell run again) and refuse an interrupted one.
     */
    public enum ExistingRun { REFUSE, OVERWRITE, RESUME, REPLACE_FINISHED }

    public RunRequest {
        if (config == null && (datasets == null || processor == null))
            throw new IllegalArgumentException("run request: without a configuration give the datasets and the processor");
        java.util.Objects.requireNonNull(outputDir, "outputDir");
        executor = executor == null ? "iterative" : executor;
        filterYears = filterYears == null ? List.of() : List.copyOf(filterYears);
        filterSamples = filterSamples == null ? List.of() : List.copyOf(filterSamples);
        filterDatasets = filterDatasets == null ? List.of() : List.copyOf(filterDatasets);
        logLevel = logLevel == null ? "INFO" : logLevel;
        chunks = chunks == null ? null : List.copyOf(chunks);
        datasets = datasets == null ? null : List.copyOf(datasets);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
        existing = existing == null ? ExistingRun.REFUSE : existing;
        if (existing == ExistingRun.RESUME && resubmitFailed)
            throw new IllegalArgumentException("--resume and --resubmit-failed exclude each other: --resume finishes an interrupted run,"
                    + " --resubmit-failed reruns the failed chunks of a finished one");
    }

    /** True when this run finishes an interrupted one from its checkpoint. */
    public boolean resume() { return existing == ExistingRun.RESUME; }

    public static Builder builder(Configurator config, Path outputDir) { return new Builder(config, outputDir); }

    public Builder toBuilder() {
        Builder b = new Builder(config, outputDir);
        b.configScript = configScript; b.executor = executor; b.options = options;
        b.processSeparately = processSeparately; b.filterYears = filterYears; b.filterSamples = filterSamples;
        b.filterDatasets = filterDatasets; b.resubmitFailed = resubmitFailed; b.executorCustomSetup = executorCustomSetup;
        b.logLevel = logLevel; b.processor = processor; b.entries = entries; b.progress = progress; b.chunks = chunks; b.datasets = datasets;
        b.warnings = warnings; b.resolution = resolution; b.existing = existing;
        return b;
    }

    /** Fluent builder of a {@link RunRequest}. */
    public static final class Builder {
        private final Configurator config;
        private final Path outputDir;
        private Path configScript, executorCustomSetup;
        private String executor = "iterative", logLevel = "INFO";
        private RunOptions options;
        private boolean processSeparately, resubmitFailed;
        private List<String> filterYears = List.of(), filterSamples = List.of(), filterDatasets = List.of();
        private ChunkProcessor processor;
        private EntryCounter entries;
        private ProgressListener progress;
        private List<pocket.workflow.Chunk> chunks;
        private List<pocket.config.Dataset> datasets;
        private List<String> warnings = List.of();
        private ExistingRun existing;
        private RunOptionsResolver.Resolution resolution;

        private Builder(Configurator config, Path outputDir) { this.config = config; this.outputDir = outputDir; }

        public Builder configScript(Path p) { configScript = p; return this; }
        public Builder executor(String e) { executor = e; return this; }
        public Builder options(RunOptions o) { options = o; return this; }
        public Builder processSeparately(boolean b) { processSeparately = b; return this; }
        public Builder filterYears(List<String> l) { filterYears = l; return this; }
        public Builder filterSamples(List<String> l) { filterSamples = l; return this; }
        public Builder filterDatasets(List<String> l) { filterDatasets = l; return this; }
        public Builder resubmitFailed(boolean b) { resubmitFailed = b; return this; }
        public Builder executorCustomSetup(Path p) { executorCustomSetup = p; return this; }
        public Builder logLevel(String l) { logLevel = l; return this; }
        public Builder processor(ChunkProcessor p) { processor = p; return this; }
        public Builder entries(EntryCounter c) { entries = c; return this; }
        public Builder progress(ProgressListener p) { progress = p; return this; }
        public Builder chunks(List<pocket.workflow.Chunk> c) { chunks = c; return this; }
        public Builder datasets(List<pocket.config.Dataset> d) { datasets = d; return this; }
        public Builder warnings(List<String> w) { warnings = w; return this; }
        /** The resolved options with their sources and unknown keys (sets {@link #options}). */
        public Builder resolution(RunOptionsResolver.Resolution r) { resolution = r; options = r.options(); return this; }

        public Builder existing(ExistingRun e) { existing = e; return this; }

        public RunRequest build() {
            return new RunRequest(config, configScript, outputDir, executor, options, processSeparately, filterYears,
                    filterSamples, filterDatasets, resubmitFailed, executorCustomSetup, logLevel, processor, entries, progress, chunks, datasets, warnings, resolution, existing);
        }
    }
}
