package pocket.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;
import pocket.workflow.Configurator;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;

/** {@code pocket run} (and {@code runner}): PocketCoffea's run command, same options, same meanings. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, resourceBundle = "pocket.cli.RunDefaults",
        header = "Run an analysis with PocketCoffea's runner options (same names, same meanings).",
        customSynopsis = {"pocket run --cfg=FILE -o=DIR [OPTIONS] [--KEY=VALUE...]"},
        description = {"Run an analysis on NanoAOD files using a pocket configuration (analysis.jsh).",
                "Any other --key=value sets that run option (numbers and booleans parsed); an unknown flag or run option is an error. E.g."
                        + " --retries=N (default ${bundle:default.retries}), --tree-reduction=N (default ${bundle:default.tree-reduction});"
                        + " defaults/executor_options_defaults.yaml lists them all.", ""},
        footerHeading = "%nExit codes:%n",
        footer = {"  0    the run is complete",
                "  1    chunks failed or the run stopped early (the partial output is",
                "       written; complete it with --resubmit-failed)",
                "  2    bad arguments, configuration or input files, no connection",
                "       to the batch site, or an output folder holding another run",
                "       (add --resume or --overwrite)",
                "  130  interrupted (Ctrl-C): the finished chunks are kept; run the",
                "       same command with --resume"})
final class RunCommand implements Callable<Integer> {
    /** How a request starts from --cfg and -o: loads the configuration (tests give datasets and a processor instead). */
    static BiFunction<Path, Path, RunRequest.Builder> start = (cfg, out) -> RunRequest.builder(Configurator.load(cfg), out);

    @Option(names = "--cfg", required = true, paramLabel = "FILE", description = "Config file (analysis .jsh) of this run")
    Path cfg;

    @Option(names = {"-o", "--outputdir"}, required = true, paramLabel = "DIR", description = "Output folder")
    Path outputDir;

    @Mixin RunOptionFlags runFlags = new RunOptionFlags();

    @Option(names = {"-ll", "--loglevel"}, defaultValue = "INFO", paramLabel = "LEVEL",
            description = "Console logging level: DEBUG, INFO, WARNING, ERROR (default: ${DEFAULT-VALUE})")
    String logLevel;

    @Option(names = {"-ps", "--process-separately"}, description = "Process each dataset separately: output_<dataset>.json")
    boolean processSeparately;

    @Option(names = {"-f", "--full"}, description = "Process all datasets at the same time: output_all.json (the default)")
    boolean full;

    @Option(names = "--executor-custom-setup", paramLabel = "FILE",
            description = "A .jsh defining getExecutorFactory(String name, RunOptions options), or a jar with an ExecutorProvider")
    Path executorCustomSetup;

    @Mixin DatasetFilterFlags filters = new DatasetFilterFlags();

    @Option(names = "--resubmit-failed", description = "Process only the chunks in <outputdir>/failed_chunks.json and merge them into that output")
    boolean resubmitFailed;

    @Option(names = "--resume", description = "Finish the interrupted run in <outputdir> (killed, Ctrl-C, power cut): only the chunks"
            + " it had not finished run, and the output equals an uninterrupted run's")
    boolean resume;

    @Option(names = "--overwrite", description = "Replace the run in <outputdir> (pocket's own files there are removed first)")
    boolean overwrite;

    @Option(names = "--dry-run", description = "Print the plan (datasets, files, chunks, events) and the run options with where each"
            + " value came from; process and write nothing")
    boolean dryRun;

    @Unmatched List<String> free = new ArrayList<>();

    @Spec CommandSpec spec;

    PrintStream out = System.out, err = System.err;

    @Override
    public Integer call() {
        out.println(Banner.text());
        try {
            if (resume && overwrite) throw new IllegalArgumentException("--resume and --overwrite exclude each other: --resume finishes the run in "
                    + outputDir + ", --overwrite replaces it");
            if (full && processSeparately) throw new IllegalArgumentException("-f/--full and -ps/--process-separately exclude each other");
            if (!Files.isRegularFile(cfg)) throw new IllegalArgumentException("--cfg: config file " + cfg + " not found");
            if (Files.exists(outputDir) && !Files.isDirectory(outputDir))
                throw new IllegalArgumentException("-o/--outputdir: " + outputDir + " is a file; name a folder (it is created when missing)");
            RunOptionsResolver.Resolution res = runFlags.resolve(free, new RunOptionsResolver.Hints("flags", flagNames()));
            if (executorCustomSetup == null) Runner.checkOptions(runFlags.executorString(), res, null);
            out.println("Loading the configuration file " + cfg + " ...");
            RunRequest req = start.apply(cfg, outputDir)
                    .configScript(cfg.toAbsolutePath())
                    .executor(runFlags.executorString())
                    .resolution(res)
                    .processSeparately(processSeparately)
                    .filterYears(filters.years).filterSamples(filters.samples).filterDatasets(filters.datasets)
                    .resubmitFailed(resubmitFailed)
                    .existing(resume ? RunRequest.ExistingRun.RESUME : overwrite ? RunRequest.ExistingRun.OVERWRITE : RunRequest.ExistingRun.REFUSE)
                    .executorCustomSetup(executorCustomSetup)
                    .logLevel(logLevel)
                    .build();
            if (dryRun) {
                out.print(Runner.dryRun(req));
                return 0;
            }
            RunResult r = Runner.run(req);
            return r.exitCode();
        } catch (Exception e) {
            return ExitCodes.report("run", e, err);
        }
    }

    /** The command's flags, offered when a flag or run option is unknown. */
    private List<String> flagNames() {
        List<String> names = new ArrayList<>();
        if (spec != null) spec.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
