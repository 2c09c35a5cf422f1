package pocket.bench;

import pocket.run.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/**
 * Benchmark of the local executors: the same run with {@code iterative} and with {@code futures}
 * on N threads, printing events/s and the speed-up, and checking both outputs are identical.
 * <pre>
 *   pocket generate --sample zmumu --events 400000 --files 8 -o /tmp/gen
 *   java -cp target/pocket.jar pocket.bench.RunBenchmark --cfg notebooks/zmumu/analysis.jsh --datasets /tmp/gen/datasets_zmumu.json --replicate 1 --chunksize 25000
 *   java -cp target/pocket.jar pocket.bench.RunBenchmark --synthetic 4000000      (no ROOT files: a CPU-bound stand-in processor)
 * </pre>
 */
public final class RunBenchmark {
    private RunBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path cfgPath = null, datasetsJson = null;
        long synthetic = 0;
        int replicate = 20, threads = 2, chunksize = 5000, rounds = 2;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--cfg" -> cfgPath = Path.of(args[++i]);
                case "--datasets" -> datasetsJson = Path.of(args[++i]);
                case "--synthetic" -> synthetic = Long.parseLong(args[++i]);
                case "--replicate" -> replicate = Integer.parseInt(args[++i]);
                case "--threads", "-s" -> threads = Integer.parseInt(args[++i]);
                case "--chunksize", "-c" -> chunksize = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                default -> {
                    System.err.println("usage: RunBenchmark (--cfg analysis.jsh [--datasets built.json] [--replicate K] | --synthetic EVENTS) [--threads N] [--chunksize N] [--rounds R]");
                    System.exit(2);
                }
            }
        }
        Configurator cfg = null;
        List<Dataset> datasets;
        ChunkProcessor processor = null;
        EntryCounter counter = null;
        if (cfgPath != null) {
            cfg = Configurator.load(cfgPath);
            datasets = replicate(datasetsJson != null ? pocket.config.DatasetsConfig.readJson(datasetsJson) : cfg.datasets(), replicate);
        } else {
            long total = synthetic > 0 ? synthetic : 4_000_000;
            int files = 16;
            List<String> names = new ArrayList<>();
            for (int f = 0; f < files; f++) names.add("synthetic-" + f);
            datasets = List.of(new Dataset("synthetic", names, Map.of("sample", "synthetic", "isMC", "true")));
            processor = RunBenchmark::synthetic;
            long perFile = total / files;
            counter = (f, t) -> perFile;
        }
        Path tmp = Files.createTempDirectory("pocket-bench");
        RunOptions base = RunOptionsResolver.defaults().resolve("futures").with("chunksize", chunksize).with("scaleout", threads);
        RunRequest.Builder req = RunRequest.builder(cfg, tmp).datasets(datasets).processor(processor).entries(counter)
                .logLevel("ERROR").progress(ProgressListener.NONE);
        // warm-up: the whole workload once, so the JIT has compiled the reader and the processor
        run(req, "futures", base, tmp.resolve("warmup"));
        // then the two executors in turn, `rounds` times each; the best of each is kept
        RunResult it = null, fu = null;
        double itCpu = 0, fuCpu = 0;
        for (int r = 0; r < rounds; r++) {
            long c0 = cpuNanos();
            RunResult i1 = run(req, "iterative", base, tmp.resolve("iterative"));
            long c1 = cpuNanos();
            RunResult f1 = run(req, "futures", base, tmp.resolve("futures"));
            long c2 = cpuNanos();
            if (it == null || i1.performance().wallSeconds() < it.performance().wallSeconds()) { it = i1; itCpu = (c1 - c0) / 1e9; }
            if (fu == null || f1.performance().wallSeconds() < fu.performance().wallSeconds()) { fu = f1; fuCpu = (c2 - c1) / 1e9; }
        }
        boolean same = Files.readString(tmp.resolve("iterative/output_all.raw.json"))
                .equals(Files.readString(tmp.resolve("futures/output_all.raw.json")));
        PerformanceReport a = it.performance(), b = fu.performance();
        System.out.printf("workload: %s, %d chunks, %d events, chunksize %d, %d cores available%n",
                cfgPath != null ? cfgPath + (datasetsJson != null ? " on " + datasetsJson : "") + " (files x" + replicate + ")" : "synthetic", it.fates().size(), a.events(), chunksize,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("iterative      : %8.2f s  %12.0f events/s  (process CPU %.2f s)%n", a.wallSeconds(), a.eventsPerSecond(), itCpu);
        System.out.printf("futures x%-2d    : %8.2f s  %12.0f events/s  (process CPU %.2f s)%n", threads, b.wallSeconds(), b.eventsPerSecond(), fuCpu);
        System.out.printf("speed-up       : %8.2f x  (outputs identical: %s)%n", a.wallSeconds() / b.wallSeconds(), same);
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static RunResult run(RunRequest.Builder req, String executor, RunOptions o, Path out) throws Exception {
        RunRequest r = req.build();
        return Runner.run(new RunRequest(r.config(), r.configScript(), out, executor, o, false, null, null, null, false,
                null, r.logLevel(), r.processor(), r.entries(), r.progress(), null, r.datasets(), null, null, RunRequest.ExistingRun.OVERWRITE));
    }

    /** Every file listed K times, for enough events from small samples. */
    static List<Dataset> replicate(List<Dataset> datasets, int k) {
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : datasets) {
            List<String> files = new ArrayList<>();
            for (String f : d.files()) files.addAll(Collections.nCopies(k, f));
            out.add(new Dataset(d.name(), files, d.metadata()));
        }
        return out;
    }

    /** No files: each event draws two muons and computes their invariant mass (CPU-bound like a real processor). */
    static Output synthetic(Chunk c) {
        SplittableRandom rnd = new SplittableRandom(c.file().hashCode() * 31L + c.start());
        int n = (int) c.entries();
        double[] pt1 = new double[n], pt2 = new double[n], deta = new double[n], dphi = new double[n];
        for (int i = 0; i < n; i++) {
            pt1[i] = 20 + 60 * rnd.nextDouble();
            pt2[i] = 10 + 40 * rnd.nextDouble();
            deta[i] = 4 * rnd.nextDouble() - 2;
            dphi[i] = Math.PI * (2 * rnd.nextDouble() - 1);
        }
        long inWindow = 0;
        for (int i = 0; i < n; i++) {
            double m = Math.sqrt(2 * pt1[i] * pt2[i] * (Math.cosh(deta[i]) - Math.cos(dphi[i])));
            if (m > 60 && m < 120) inWindow++;
        }
        if (inWindow < 0) throw new IllegalStateException("impossible");
        return Output.empty();
    }
}
