package pocket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pocket.generate.Sample;
import pocket.generate.SampleWriter;
import pocket.rootio.write.Compression;
import pocket.rootio.write.WriteOptions;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** `pocket generate`: synthetic NanoAOD samples and their PocketCoffea dataset JSON. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write synthetic NanoAOD ROOT files (Events and Runs trees) and a PocketCoffea dataset JSON.",
                "Samples: zmumu (Drell-Yan Z->mumu), ttbar (top-pair-like multijet), data (SingleMuon-like, no genWeight)."})
final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--sample", required = true, paramLabel = "zmumu|ttbar|data", description = "Which sample to make.")
    String sample;

    @Option(names = "--events", required = true, paramLabel = "N", description = "Number of events.")
    long events;

    @Option(names = "--compression", defaultValue = "zstd:5", paramLabel = "ALG[:LEVEL]",
            description = "zlib|lzma|lz4|zstd|none, optionally with a level (default: ${DEFAULT-VALUE}).")
    String compression;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Random seed: the same seed gives the same files (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--files", defaultValue = "1", paramLabel = "K", description = "Split the events over K files (default: ${DEFAULT-VALUE}).")
    int files;

    @Option(names = "--year", defaultValue = "2018", description = "The year in the dataset metadata (default: ${DEFAULT-VALUE}).")
    String year;

    @Option(names = "--basket-size", defaultValue = "32000", paramLabel = "BYTES", description = "Basket size in bytes (default: ${DEFAULT-VALUE}, ROOT's).")
    int basketSize;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR", description = "Output folder (created if absent).")
    Path output;

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Sample s;
        WriteOptions options;
        SampleWriter w;
        try {
            s = Sample.parse(sample);
            options = WriteOptions.defaults().withCompression(Compression.parse(compression)).withBasketSize(basketSize);
            w = new SampleWriter(s, events, files, seed, options, year);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long t0 = System.nanoTime();
        SampleWriter.Result r = w.write(output);
        double sec = (System.nanoTime() - t0) / 1e9;
        long bytes = 0;
        for (Path p : r.files()) bytes += java.nio.file.Files.size(p);
        var out = spec.commandLine().getOut();
        out.printf("generated %d %s events (%s, seed %d) in %.1f s: %d file(s), %.1f MB%n",
                r.events(), s.cliName(), options.compression(), seed, sec, r.files().size(), bytes / 1e6);
        for (Path p : r.files()) out.println("  " + p);
        out.println("dataset " + r.datasetKey() + " -> " + r.json());
        out.flush();
        return 0;
    }
}
