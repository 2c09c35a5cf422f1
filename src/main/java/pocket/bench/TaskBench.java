package pocket.bench;

import pocket.run.ProgressListener;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;
import pocket.workflow.Configurator;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times the benchmark tasks as users run them, one thread each, cold (a fresh JVM's
 * {@code pocket run}) and warm (best of repeats in this JVM), each beside the raw decompression
 * of only the branches the task reads.
 */
final class TaskBench {
    /** Warm figures: the best of this many runs, after one run that lets the JIT compile the task. */
    static final int WARM_REPEATS = 3;
    /** As the Z→μμ figures: one chunk per 100k events. */
    static final int CHUNKSIZE = 100_000;

    /** One task's figures; events/s are of the run's own wall time (planning, reading, processing, merging, writing the output). */
    record Figures(BenchTask task, long events, double decompressionEventsPerSecond, double warmEventsPerSecond,
                   double warmEventsPerCpuSecond, double coldEventsPerSecond, double coldProcessSeconds, double coldCpuSeconds) {
        double warmOverDecompression() { return warmEventsPerSecond / decompressionEventsPerSecond; }
        double coldOverDecompression() { return coldEventsPerSecond / decompressionEventsPerSecond; }
    }

    private final Path samples;
    private final Path firstFile;
    private final PrintWriter out;

    /** {@code samples}: the bench's folder of one compression; {@code firstFile}: its first Z→μμ file, whose branches are decompressed. */
    TaskBench(Path samples, Path firstFile, PrintWriter out) {
        this.samples = samples; this.firstFile = firstFile; this.out = out;
    }

    /** Measures and prints the tasks; the Z→μμ one only when {@code zmumuScript} (already next to the samples) exists. */
    List<Figures> run(List<BenchTask> tasks, Path zmumuScript) throws Exception {
        List<Figures> all = new ArrayList<>();
        for (BenchTask t : tasks) {
            Path script = t.isZmumu() ? zmumuScript : install(t);
            if (script == null || !Files.isRegularFile(script)) {
                out.println("  " + t.name() + ": skipped (no analysis script; give --cfg notebooks/zmumu/analysis.jsh)");
                continue;
            }
            all.add(measure(t, script));
        }
        if (all.isEmpty()) return all;
        printWarm(all);
        printCold(all);
        return all;
    }

    /** Copies the task's config next to the samples, where its dataset JSON resolves, as a user would place it. */
    private Path install(BenchTask t) throws IOException {
        Path script = samples.resolve(t.script());
        try (InputStream in = TaskBench.class.getResourceAsStream("adl/" + t.script())) {
            if (in == null) throw new IOException("bench: resource pocket/bench/adl/" + t.script() + " missing from the build");
            Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
        }
        return script;
    }

    private Figures measure(BenchTask t, Path script) throws Exception {
        // decompression of the task's branches: warmed up as the reader figures are, then best of five
        ReadBenchmark.measure(firstFile.toString(), "Events", t.branches(), 2);
        double decompression = ReadBenchmark.measure(firstFile.toString(), "Events", t.branches(), 5).rawEventsPerSecond();

        // compiling the script here first puts it in the config cache: the cold run is then the
        // fresh JVM of every run but a script's very first (which adds JShell's compile, about 1.5 s)
        Configurator cfg = Configurator.load(script);
        FreshJvmRun.Timing cold = FreshJvmRun.run(script, samples.resolve("out-" + t.name() + "-cold"), CHUNKSIZE);

        RunOptions o = RunOptionsResolver.defaults().resolve("iterative").with("chunksize", CHUNKSIZE);
        RunRequest req = RunRequest.builder(cfg, samples.resolve("out-" + t.name() + "-warm")).configScript(script)
                .executor("iterative").options(o).logLevel("ERROR").progress(ProgressListener.NONE)
                .existing(RunRequest.ExistingRun.OVERWRITE).build();
        Runner.run(req);   // warm-up: the JIT compiles the reader and the task
        double best = Double.MAX_VALUE, bestCpu = Double.MAX_VALUE;
        long events = 0;
        for (int k = 0; k < WARM_REPEATS; k++) {
            long c0 = processCpuNanos();
            RunResult r = Runner.run(req);
            bestCpu = Math.min(bestCpu, (processCpuNanos() - c0) / 1e9);
            best = Math.min(best, r.performance().wallSeconds());
            events = r.performance().events();
        }
        if (events != cold.events())
            throw new IllegalStateException("bench: " + t.name() + " saw " + cold.events() + " events cold but " + events + " warm");
        return new Figures(t, events, decompression, events / best, events / bestCpu, cold.eventsPerSecond(), cold.processSeconds(), cold.cpuSeconds());
    }

    /**
     * CPU time of every thread of this JVM: the iterative executor runs the task on one thread
     * but decompresses a chunk's baskets on the common pool, and GC and JIT run beside it, so the
     * per-core figure is events per CPU second, not per wall second.
     */
    static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private void printWarm(List<Figures> all) {
        out.printf(Locale.ROOT, "  tasks, warm: best of %d runs in this JVM after a warm-up run; 1 thread (iterative), chunksize %d%n", WARM_REPEATS, CHUNKSIZE);
        out.printf(Locale.ROOT, "    %-6s %-58s %9s %15s %13s %13s %11s%n", "task", "what", "events", "decompress ev/s", "task ev/s", "task ev/CPU-s", "task/decomp");
        for (Figures f : all)
            out.printf(Locale.ROOT, "    %-6s %-58s %9d %15.0f %13.0f %13.0f %11.4f%n", f.task().name(), f.task().title(), f.events(),
                    f.decompressionEventsPerSecond(), f.warmEventsPerSecond(), f.warmEventsPerCpuSecond(), f.warmOverDecompression());
    }

    private void printCold(List<Figures> all) {
        out.printf(Locale.ROOT, "  tasks, cold: the first run in a fresh JVM (pocket run, config already compiled once); 1 thread (iterative)%n");
        out.printf(Locale.ROOT, "    %-6s %9s %15s %13s %11s %16s %14s%n", "task", "events", "decompress ev/s", "task ev/s", "task/decomp", "whole process s", "process CPU s");
        for (Figures f : all)
            out.printf(Locale.ROOT, "    %-6s %9d %15.0f %13.0f %11.4f %16.2f %14.2f%n", f.task().name(), f.events(),
                    f.decompressionEventsPerSecond(), f.coldEventsPerSecond(), f.coldOverDecompression(), f.coldProcessSeconds(), f.coldCpuSeconds());
    }
}
