package pocket.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pocket.generate.DemoSamples;
import pocket.config.ConfigException;
import pocket.workflow.Configurator;
import pocket.notebook.Pocket;
import pocket.notebook.Result;

/**
 * {@code pocket demo}: the whole chain offline in one command: generate the demo samples (once),
 * run notebooks/zmumu/analysis.jsh on them with the futures executor through the one run loop,
 * and save the output folder and the CMS plots (MC stacked, data, ratio) per category.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the Z->mumu example offline on generated samples, with the futures executor.",
                "Drell-Yan and ttbar MC and SingleMuon-like data are made once under DIR/samples, with their PocketCoffea dataset JSONs.",
                "Writes the run's output folder to DIR/output and PNG plots (MC stacked, data, ratio; per category) to DIR/plots."})
public final class DemoCommand implements Callable<Integer> {
    /** The system property notebooks/zmumu/analysis.jsh reads to switch to generated samples. */
    static final String SAMPLES_PROPERTY = "pocket.zmumu.samples";
    static final String EXAMPLE = "notebooks/zmumu/analysis.jsh";

    @Option(names = {"-o", "--output"}, defaultValue = "demo-output", paramLabel = "DIR",
            description = "Folder for samples, output and plots (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--events", defaultValue = "300000", paramLabel = "N",
            description = "Events generated in all, shared 3:1:2 over DY, ttbar and data (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--scaleout", paramLabel = "N", description = "Worker threads of the futures executor (default: the number of cores).")
    Integer scaleout;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut(), err = spec.commandLine().getErr();
        long t0 = System.nanoTime();
        try {
            int threads = scaleout != null ? scaleout : Runtime.getRuntime().availableProcessors();
            if (threads < 1) throw new IllegalArgumentException("--scaleout must be at least 1, got " + threads);
            Path base = dir.toAbsolutePath().normalize();
            DemoSamples samples = new DemoSamples(base.resolve("samples"), events);
            Path script = example();

            out.println("pocket demo: samples in " + samples.dir());
            samples.ensure(out);
            out.println("pocket demo: running " + script + " with futures x" + threads);
            out.flush();
            // Tablesaw logs through SLF4J, which pocket ships without a backend: keep its notice off the demo's screen
            if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
            Configurator cfg = load(script, samples.dir());
            Result result = Pocket.config(cfg)
                    .executor("futures").scaleout(threads)
                    .chunksize((int) Math.max(1000, Math.min(150_000, events / (4L * threads))))
                    .outputDir(base.resolve("output"))
                    .logLevel("WARNING")
                    .lumi(samples.lumiPb() / 1000)
                    .run();
            Path plots = base.resolve("plots");
            clearPngs(plots);
            result.save(plots);

            out.println();
            out.println(result.cutflow().print());
            long pngs;
            try (Stream<Path> s = Files.list(plots)) { pngs = s.filter(p -> p.toString().endsWith(".png")).count(); }
            out.printf(Locale.ROOT, "pocket demo: %s in %.1f s%n", result.complete() ? "done" : "INCOMPLETE (some chunks failed)",
                    (System.nanoTime() - t0) / 1e9);
            out.println("  output: " + result.outputDir().toAbsolutePath() + "  (output_all.json, config.json, logs)");
            out.println("  plots:  " + plots + "  (" + pngs + " PNG, cutflow and sumw tables)");
            out.println("pocket demo: everything is in " + base);
            out.flush();
            return result.runResult().exitCode();
        } catch (IllegalArgumentException | ConfigException e) {
            err.println("pocket demo: " + e.getMessage());
            err.flush();
            return 2;
        }
    }

    /** Loads the example with its datasets switched to the generated samples. */
    static Configurator load(Path script, Path samplesDir) {
        synchronized (DemoCommand.class) {
            String before = System.getProperty(SAMPLES_PROPERTY);
            System.setProperty(SAMPLES_PROPERTY, samplesDir.toString());
            try {
                return Configurator.load(script);
            } finally {
                if (before == null) System.clearProperty(SAMPLES_PROPERTY); else System.setProperty(SAMPLES_PROPERTY, before);
            }
        }
    }

    /** The example script: in the working folder (the repository root), else next to the jar's target/ folder. */
    static Path example() {
        Path here = Path.of(EXAMPLE);
        if (Files.isRegularFile(here)) return here.toAbsolutePath().normalize();
        try {
            Path code = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // target/pocket.jar or target/classes: the repository is the parent of target/
            Path repo = code.getParent() != null ? code.getParent().getParent() : null;
            if (repo != null && Files.isRegularFile(repo.resolve(EXAMPLE))) return repo.resolve(EXAMPLE);
        } catch (URISyntaxException | RuntimeException e) {
            // no usable code location: fall through to the error naming where we looked
        }
        throw new IllegalArgumentException("cannot find " + EXAMPLE + " in " + Path.of("").toAbsolutePath()
                + " or next to pocket's jar; run pocket demo from the repository root");
    }

    private static void clearPngs(Path plots) throws IOException {
        if (!Files.isDirectory(plots)) return;
        try (Stream<Path> s = Files.list(plots)) {
            for (Path p : s.filter(p -> p.toString().endsWith(".png")).toList()) Files.delete(p);
        }
    }
}
