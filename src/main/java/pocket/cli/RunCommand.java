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
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, headerHeading = "%n" + Banner.L1 + "%n" + Banner.L2 + "%n" + Banner.L3 + "%n" + Banner.L4 + "%n" + Banner.L5 + "%n" + Banner.L6 + "%n%n",
        header = "Run an analysis with PocketCoffea's runner options (same names, same meanings).",
        description = {"Run an analysis on NanoAOD files using a pocket configuration (analysis.jsh).",
                "Any other --key=value sets that run option (numbers and booleans parsed); an unknown flag or run option is an error."},
        footer = {"", "Exit codes: 0 run complete, 1 some chunks failed (partial output written;"
                + " complete it with --resubmit-failed), 2 bad arguments or configuration (an unknown flag, run option"
                + " or -ro key included; nothing is run)."})
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
            if (full && processSeparately) throw new IllegalArgumentException("-f/--full and -ps/--process-separately exclude each other");
            if (!Files.isRegularFile(cfg)) throw new IllegalArgumentException("--cfg: config file " + cfg + " not found");
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
                    .executorCustomSetup(executorCustomSetup)
                    .logLevel(logLevel)
                    .build();
            if (dryRun) {
                out.print(Runner.dryRun(req));
                return 0;
            }
            RunResult r = Runner.run(req);
            return r.exitCode();
        } catch (IllegalArgumentException | UnsupportedOperationException | pocket.config.ConfigException e) {
            for (String line : String.valueOf(e.getMessage()).split("\n")) err.println("pocket run: " + line);
            return 2;
        } catch (Exception e) {
            err.println("pocket run: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** The command's flags, offered when a flag or run option is unknown. */
    private List<String> flagNames() {
        List<String> names = new ArrayList<>();
        if (spec != null) spec.options().forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }
}
