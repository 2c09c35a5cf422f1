package pocket.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;
import pocket.run.RunFlags;
import pocket.run.RunOptionsResolver;

/**
 * PocketCoffea's run-option flags as a picocli mixin (pocket run, and any front that parses the
 * same words): -e, -t, -ro, -lf, -lc, -s, -c, -q, --skip-bad-files, plus free --key=value
 * overrides handed in by the command. {@link #resolve} layers them onto the defaults.
 */
final class RunOptionFlags {
    @Option(names = {"-e", "--executor"}, paramLabel = "NAME[@SITE]",
            description = "Executor: iterative, futures, or name@site (default: iterative)")
    public String executor;

    @Option(names = {"-t", "--test"},
            description = "Test run: iterative executor, 1 file and 1 chunk per dataset unless -e, -lf or -lc say otherwise")
    public boolean test;

    @Option(names = {"-ro", "--run-options", "--custom-run-options"}, paramLabel = "YAML",
            description = "User run options .yaml file, merged over the defaults")
    public Path runOptions;

    @Option(names = {"-lf", "--limit-files"}, paramLabel = "N", description = "Limit number of files per dataset (default: all)")
    public Integer limitFiles;

    @Option(names = {"-lc", "--limit-chunks"}, paramLabel = "N", description = "Limit number of chunks per dataset (default: all)")
    public Integer limitChunks;

    @Option(names = {"-s", "--scaleout"}, paramLabel = "N", description = "Overwrite scaleout config (futures: threads; default: ${bundle:default.scaleout})")
    public Integer scaleout;

    @Option(names = {"-c", "--chunksize"}, paramLabel = "N", description = "Overwrite chunksize config (default: ${bundle:default.chunksize})")
    public Integer chunksize;

    @Option(names = {"-q", "--queue"}, paramLabel = "QUEUE", description = "Overwrite queue config (default: the site's)")
    public String queue;

    @Option(names = "--skip-bad-files", description = "Skip (and report) files that cannot be opened or read instead of failing")
    public boolean skipBadFiles;

    /** The flags as the run's value. */
    public RunFlags value() {
        return new RunFlags(executor, test, limitFiles, limitChunks, scaleout, chunksize, queue, skipBadFiles);
    }

    /** The executor string this run uses. */
    public String executorString() { return value().executorString(); }

    /** Resolves defaults → -ro → free overrides → flags; unknown keys are collected for the run to refuse. */
    public RunOptionsResolver.Resolution resolve(List<String> freeOverrides) { return resolve(freeOverrides, RunOptionsResolver.Hints.NONE); }

    /** As {@link #resolve(List)}, an unknown key's error offering the nearest of {@code hints} (the command's flags). */
    public RunOptionsResolver.Resolution resolve(List<String> freeOverrides, RunOptionsResolver.Hints hints) {
        Map<String, Object> ro = runOptions == null ? null : RunOptionsResolver.readRunOptionsFile(runOptions);
        return value().resolve(ro, "-ro " + runOptions, parseFree(freeOverrides), hints, false);
    }

    /** PocketCoffea's free options: --key=value, --key value, or a bare --key meaning true; each labelled as typed. */
    public static List<RunOptionsResolver.Given> parseFree(List<String> args) {
        List<RunOptionsResolver.Given> m = new ArrayList<>();
        if (args == null) return m;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--") || a.length() == 2)
                throw new IllegalArgumentException("unexpected argument '" + a + "': run options go as --key=value (e.g. --retries=3)");
            String body = a.substring(2);
            int eq = body.indexOf('=');
            if (eq > 0) m.add(new RunOptionsResolver.Given(body.substring(0, eq), RunOptionsResolver.parseValue(body.substring(eq + 1)), a));
            else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                String v = args.get(++i);
                m.add(new RunOptionsResolver.Given(body, RunOptionsResolver.parseValue(v), a + " " + v));
            } else m.add(new RunOptionsResolver.Given(body, Boolean.TRUE, a));
        }
        return m;
    }
}
