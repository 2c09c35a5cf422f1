package pocket.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import pocket.bench.Bench;
import pocket.bench.BenchTask;
import pocket.rootio.write.Compression;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** `pocket bench`: reading and analysis speed on cached generated samples, per compression. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure reading and analysis speed per compression on generated Z->mumu and data samples.",
                "The samples are made once and cached. Prints MB/s and events/s of raw decompression, of reading the analysis",
                "branches and of the Z->mumu analysis, on 1 thread and on all cores, with peak heap; then the ADL benchmark",
                "tasks 1-5 and Z->mumu as events/s per core, cold (a fresh JVM's pocket run, with its whole-process time) and",
                "warm (best of repeats), each beside the raw decompression of only the branches the task reads."})
final class BenchCommand implements Callable<Integer> {
    @Option(names = "--events", defaultValue = "1000000", description = "Z->mumu events per sample (default: ${DEFAULT-VALUE}).")
    long events;

    @Option(names = "--compression", split = ",", defaultValue = "zlib,lzma,lz4,zstd", paramLabel = "ALG[:LEVEL]",
            description = "Compressions to measure (default: ${DEFAULT-VALUE}).")
    List<String> compressions = new ArrayList<>();

    @Option(names = "--cache", defaultValue = "${sys:user.home}/.cache/pocket/bench", paramLabel = "DIR",
            description = "Where generated samples are kept (default: ${DEFAULT-VALUE}).")
    Path cache;

    @Option(names = "--cfg", defaultValue = "notebooks/zmumu/analysis.jsh", paramLabel = "FILE",
            description = "The Z->mumu analysis script (default: ${DEFAULT-VALUE}); skipped when absent.")
    Path cfg;

    @Option(names = {"-s", "--threads"}, paramLabel = "N", description = "Threads for the all-cores figures (default: available processors).")
    Integer threads;

    @Option(names = "--tasks", split = ",", paramLabel = "TASK", defaultValue = "adl1,adl2,adl3,adl4,adl5,zmumu",
            description = "Tasks timed cold (a fresh JVM's pocket run) and warm (best of repeats in this JVM): adl1..adl5, the ADL"
                    + " benchmark tasks, and zmumu, the --cfg analysis (default: ${DEFAULT-VALUE}); 'none' for none.")
    List<String> tasks = new ArrayList<>();

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Compression> list = new ArrayList<>();
        List<BenchTask> timed;
        try {
            for (String c : compressions) list.add(Compression.parse(c));
            timed = tasks.equals(List.of("none")) ? List.of() : BenchTask.parse(tasks);
            if (events < 1) throw new IllegalArgumentException("--events must be at least 1, got " + events);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        java.io.PrintWriter out = spec.commandLine().getOut();
        long initial = java.lang.management.ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getInit() >> 20;
        out.printf("pocket bench: %d events, %d threads, heap %d MB at start, %d MB at most, cache %s%n",
                events, n, initial, Runtime.getRuntime().maxMemory() >> 20, cache.toAbsolutePath());
        if (initial < 1024)   // measured: a heap still growing costs the 1-thread read up to a third of its speed
            out.println("  (the heap starts small: for steadier read figures run with POCKET_JAVA_OPTS=-Xms1g)");
        Bench b = new Bench(cache, events, n, cfg, timed, out);
        for (Compression c : list) { b.run(c); out.flush(); }
        out.flush();
        return 0;
    }
}
