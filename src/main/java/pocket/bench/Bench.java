package pocket.bench;

import pocket.workflow.Configurator;
import pocket.generate.Sample;
import pocket.generate.SampleWriter;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.rootio.write.Compression;
import pocket.rootio.write.WriteOptions;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * What {@code pocket bench} measures, per compression, on generated samples cached on disk:
 * raw basket decompression, reading the Z→μμ analysis branches, and the Z→μμ analysis itself,
 * on one thread and on all cores, each with its peak heap; then the ADL benchmark tasks and the
 * Z→μμ analysis as users run them, cold and warm, beside the decompression of their branches.
 */
public final class Bench {
    /** The branches the Z→μμ example reads. */
    public static final List<String> ANALYSIS_BRANCHES = List.of("genWeight", "PV_npvsGood", "HLT_IsoMu24",
            "nMuon", "Muon_pt", "Muon_eta", "Muon_phi", "Muon_mass", "Muon_charge", "Muon_tightId", "Muon_pfRelIso04_all",
            "nJet", "Jet_pt", "Jet_eta", "Jet_phi", "Jet_mass", "Jet_jetId", "MET_pt");

    private final Path cache;
    private final long events;
    private final int threads;
    private final Path analysis;
    private final PrintWriter out;
    private final List<BenchTask> tasks;

    /** {@code tasks}: the ADL and Z→μμ tasks to time cold and warm, none for only the read and analysis figures. */
    public Bench(Path cache, long events, int threads, Path analysis, List<BenchTask> tasks, PrintWriter out) {
        this.cache = cache; this.events = events; this.threads = threads; this.analysis = analysis; this.tasks = List.copyOf(tasks); this.out = out;
    }

    public Bench(Path cache, long events, int threads, Path analysis, PrintWriter out) {
        this(cache, events, threads, analysis, BenchTask.ALL, out);
    }

    /** The cached Z→μμ and data samples of one compression, generated when absent. */
    public Path samples(Compression c) throws IOException {
        Path dir = cache.resolve(c.toString().replace(':', '_') + "_" + events);
        Path done = dir.resolve(".complete");
        if (Files.exists(done)) return dir;
        Files.createDirectories(dir);
        int files = (int) Math.max(1, Math.min(8, events / 100_000));
        long t0 = System.nanoTime();
        WriteOptions o = WriteOptions.defaults().withCompression(c);
        new SampleWriter(Sample.ZMUMU, events, files, 1, o, "2018").write(dir);
        new SampleWriter(Sample.DATA, Math.max(1, events / 5), Math.max(1, files / 4), 2, o, "2018").write(dir);
        out.printf(Locale.ROOT, "  generated %d Z->mumu + %d data events with %s in %.1f s%n", events, Math.max(1, events / 5), c, secondsSince(t0));
        Files.writeString(done, "");
        return dir;
    }

    /** Runs every measurement for one compression and prints a block of figures. */
    public void run(Compression c) throws Exception {
        out.println("== " + c);
        out.flush();
        Path dir = samples(c);
        List<Path> files;
        try (Stream<Path> s = Files.list(dir.resolve("zmumu"))) {
            files = s.filter(p -> p.toString().endsWith(".root")).sorted().toList();
        }
        long stored = 0;
        for (Path f : files) stored += Files.size(f);
        out.printf(Locale.ROOT, "  files: %d, %.1f MB on disk, %d events%n", files.size(), stored / 1e6, events);

        // raw decompression and the reader, one thread, the analysis branches of the first file
        resetPeak();
        ReadBenchmark.measure(files.get(0).toString(), "Events", ANALYSIS_BRANCHES, 2);   // warm-up: JIT, page cache
        ReadBenchmark.Result r = ReadBenchmark.measure(files.get(0).toString(), "Events", ANALYSIS_BRANCHES, 5);
        out.printf(Locale.ROOT, "  1 thread   raw decompression  %8.1f MB/s  %10.0f events/s%n", r.rawMBps(), r.rawEventsPerSecond());
        out.printf(Locale.ROOT, "  1 thread   decompress + copy  %8.1f MB/s  (into new Java arrays: the least a reader can do, %.0f%% of raw)%n",
                r.copyBoundMBps(), 100 * r.copyBoundMBps() / r.rawMBps());
        out.printf(Locale.ROOT, "  1 thread   read branches      %8.1f MB/s  %10.0f events/s  (%d branches, %.0f%% of raw)  peak heap %s%n",
                r.readMBps(), r.readEventsPerSecond(), r.branches(), 100 * r.ratio(), peakHeap());

        // all cores: one file per task
        resetPeak();
        long[] totals = null;
        double sec = Double.MAX_VALUE;
        for (int k = 0; k < 3; k++) {   // best of three: the first pays for opening and mapping the files
            long t0 = System.nanoTime();
            totals = readAll(files);
            sec = Math.min(sec, secondsSince(t0));
        }
        double bytesPerEvent = (double) r.uncompressedBytes() / r.events();
        out.printf(Locale.ROOT, "  %d threads  read branches      %8.1f MB/s  %10.0f events/s  peak heap %s%n",
                threads, totals[0] * bytesPerEvent / 1e6 / sec, totals[0] / sec, peakHeap());

        if (analysis == null || !Files.isRegularFile(analysis)) {
            out.println("  analysis: skipped (no analysis script; give --cfg notebooks/zmumu/analysis.jsh)");
            new TaskBench(dir, files.get(0), out).run(tasks, null);
            return;
        }
        Files.copy(analysis, dir.resolve("analysis.jsh"), StandardCopyOption.REPLACE_EXISTING);
        Path params = analysis.resolveSibling("params.yaml");
        if (Files.exists(params)) Files.copy(params, dir.resolve("params.yaml"), StandardCopyOption.REPLACE_EXISTING);
        Configurator cfg = Configurator.load(dir.resolve("analysis.jsh"));
        double[] rate = new double[2];
        List<String> executors = List.of("iterative", "futures");
        // a warm-up run first: otherwise the first executor measured pays for the JIT, which also keeps the other core busy
        analysisRun(cfg, dir, "iterative", 1);
        for (int k = 0; k < executors.size(); k++) {
            String executor = executors.get(k);
            int n = executor.equals("futures") ? threads : 1;
            resetPeak();
            double[] best = null;
            for (int rep = 0; rep < 2; rep++) {
                double[] r2 = analysisRun(cfg, dir, executor, n);
                if (best == null || r2[0] / r2[1] > best[0] / best[1]) best = r2;
            }
            rate[k] = best[0] / best[1];
            out.printf(Locale.ROOT, "  %d thread%s Z->mumu analysis   %10.0f events/s  (%.0f events, %.1f s, %s, best of 2 after a warm-up, %.2f cores busy)  peak heap %s%n",
                    n, n == 1 ? " " : "s", rate[k], best[0], best[1], executor, best[2], peakHeap());
        }
        // scaleout is the cores a run uses, decompression included: the scaling is the executors' alone
        out.printf(Locale.ROOT, "  futures -s %d / iterative: %.2fx  (target on 2 cores: >= 1.9x)%n", threads, rate[1] / rate[0]);
        out.flush();
        new TaskBench(dir, files.get(0), out).run(tasks, dir.resolve("analysis.jsh"));
    }

    /** One run of the analysis on all samples: {events, seconds, cores busy}. */
    private static double[] analysisRun(Configurator cfg, Path dir, String executor, int n) throws Exception {
        RunOptions o = RunOptionsResolver.defaults().resolve(executor).with("scaleout", n).with("chunksize", 100_000);
        long cpu0 = processCpuNanos();
        long t1 = System.nanoTime();
        RunResult res = Runner.run(RunRequest.builder(cfg, dir.resolve("out-" + executor)).configScript(dir.resolve("analysis.jsh"))
                .executor(executor).options(o).logLevel("ERROR").existing(RunRequest.ExistingRun.OVERWRITE).build());
        double s = secondsSince(t1);
        long processed = res.output().cutflowStep("initial").values().stream().mapToLong(Long::longValue).sum();
        return new double[]{processed, s, (processCpuNanos() - cpu0) / 1e9 / s};
    }

    /** Reads the analysis branches of every file, a file per task; returns {events}. */
    private long[] readAll(List<Path> files) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> parts = new ArrayList<>();
            for (Path f : files) parts.add(pool.submit(() -> {
                try (RootFile rf = RootFile.open(f.toString())) {
                    Tree t = rf.tree("Events");
                    long n = t.entries();
                    for (long s = 0; s < n; s += 100_000) {
                        var cols = t.read(ANALYSIS_BRANCHES, s, Math.min(n, s + 100_000));
                        if (cols.size() != ANALYSIS_BRANCHES.size()) throw new IllegalStateException("missing columns");
                    }
                    return n;
                }
            }));
            long total = 0;
            for (Future<Long> p : parts) total += p.get();
            return new long[]{total};
        } finally {
            pool.shutdownNow();
        }
    }

    static double secondsSince(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** CPU time of this process, all threads (GC and JIT included); -1 where the JVM does not say. */
    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : -1;
    }

    static void resetPeak() {
        System.gc();
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) if (p.getType() == MemoryType.HEAP) p.resetPeakUsage();
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap in use. */
    static String peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans())
            if (p.getType() == MemoryType.HEAP) peak += p.getPeakUsage().getUsed();
        return String.format(Locale.ROOT, "%.0f MB", peak / 1e6);
    }

}
