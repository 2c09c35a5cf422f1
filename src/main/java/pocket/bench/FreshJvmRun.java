package pocket.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code pocket run} in a new JVM, as a user starts it, timed from process start to exit:
 * the cold figure, paying JVM start, class loading, the config script and an unwarmed JIT.
 */
final class FreshJvmRun {
    /** The whole process's seconds and CPU seconds (all its threads), and the run's own wall time and events as its performance.json gives them. */
    record Timing(double processSeconds, double cpuSeconds, double runSeconds, long events) {
        double eventsPerSecond() { return events / runSeconds; }
    }

    private FreshJvmRun() {}

    /** Runs {@code script} on one thread (the iterative executor) into {@code out}; fails with the child's output when it fails. */
    static Timing run(Path script, Path out, int chunksize) throws IOException, InterruptedException {
        List<String> cmd = javaCommand();
        cmd.addAll(List.of("pocket.cli.PocketCommand", "run", "--cfg", script.toString(), "-o", out.toString(),
                "-e", "iterative", "-c", Integer.toString(chunksize), "--overwrite", "-ll", "ERROR"));
        Path log = Files.createTempFile("pocket-bench-cold", ".log");
        try {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            // the child's CPU time can be read only while it lives (Linux forgets it once reaped): sampled
            // every 5 ms, the last sample misses at most the exit's last milliseconds
            double cpu = 0;
            ProcessHandle child = p.toHandle();
            while (!p.waitFor(5, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                var d = child.info().totalCpuDuration();
                if (d.isPresent()) cpu = d.get().toNanos() / 1e9;
            }
            int code = p.exitValue();
            double seconds = Bench.secondsSince(t0);
            if (code != 0)
                throw new IOException("bench: the cold run of " + script.getFileName() + " exited with " + code + ":\n" + Files.readString(log));
            JsonObject total = JsonParser.parseString(Files.readString(out.resolve("performance.json"))).getAsJsonObject().getAsJsonObject("total");
            return new Timing(seconds, cpu, total.get("wall_seconds").getAsDouble(), total.get("events").getAsLong());
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /**
     * This JVM's java and class path, with bin/pocket's class-data-sharing archive when this runs
     * from the jar it belongs to and POCKET_JAVA_OPTS as bin/pocket passes them: the child starts
     * as {@code bin/pocket run} would.
     */
    static List<String> javaCommand() {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = System.getProperty("java.class.path");
        Path jar = Path.of(classPath);
        if (classPath.endsWith("pocket.jar") && Files.isRegularFile(jar)) {
            Path jsa = jar.resolveSibling("pocket.jsa");
            try {
                if (Files.isRegularFile(jsa) && Files.getLastModifiedTime(jsa).compareTo(Files.getLastModifiedTime(jar)) > 0)
                    cmd.addAll(List.of("-XX:SharedArchiveFile=" + jsa, "-Xshare:auto"));
            } catch (IOException e) {
                // no archive then: the child starts a little slower, as bin/pocket would
            }
        }
        // the config cache this JVM uses, so the child finds the script this JVM compiled
        String configCache = System.getProperty("pocket.cache.dir");
        if (configCache != null) cmd.add("-Dpocket.cache.dir=" + configCache);
        String opts = System.getenv("POCKET_JAVA_OPTS");
        if (opts != null && !opts.isBlank()) cmd.addAll(List.of(opts.trim().split("\\s+")));
        cmd.addAll(List.of("-cp", classPath));
        return cmd;
    }
}
