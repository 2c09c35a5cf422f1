package pocket.remote;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pocket.run.RunOptions;

/**
 * What one batch job asks for, read from PocketCoffea's run options: queue, walltime,
 * cores-per-worker, mem-per-worker, disk-per-worker, death-timeout, worker-image, voms-proxy,
 * custom-setup-commands, java-home. Values that go into job descriptions are checked here so a
 * typo is an error naming the option, not a broken submit file.
 */
record JobResources(String queue, String walltime, int cores, long memMiB, long diskKiB, long deathTimeoutSeconds,
                           String workerImage, String vomsProxy, List<String> setupCommands, String javaHome) {

    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kKmMgGtT]?)([iI]?[bB])?\\s*");
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_.:/@%+,=-]+");

    public static JobResources from(RunOptions o) {
        String queue = safe(o, "queue", o.getString("queue", null));
        String walltime = safe(o, "walltime", o.getString("walltime", null));
        if (walltime != null && !walltime.matches("(\\d+-)?\\d+(:\\d{1,2}){0,2}"))
            throw new IllegalArgumentException("run option 'walltime' = '" + walltime + "' is not a Slurm time (e.g. 00:40:00, 1-00:00:00 or minutes)");
        int cores = o.getInt("cores-per-worker", 1);
        if (cores < 1) throw new IllegalArgumentException("run option 'cores-per-worker' must be at least 1, got " + cores);
        long mem = o.has("mem-per-worker") ? bytes(o, "mem-per-worker") / (1024 * 1024) : 2048;
        long disk = o.has("disk-per-worker") ? bytes(o, "disk-per-worker") / 1024 : 2L * 1024 * 1024;
        long death = o.has("death-timeout") ? o.getLong("death-timeout", 3600) : 0;
        String image = o.getString("worker-image", null);
        String proxy = o.getString("voms-proxy", null);
        String javaHome = o.getString("java-home", null);
        List<String> setup = new ArrayList<>();
        for (String s : o.getList("custom-setup-commands")) if (!s.isBlank()) setup.add(s);
        return new JobResources(queue, walltime, cores, mem, disk, death, blankToNull(image), blankToNull(proxy), setup, blankToNull(javaHome));
    }

    /** "2GB", "2000MB", "1.5G", "512" (MB, as dask-jobqueue reads a bare number... here: MiB) to bytes. */
    static long bytes(RunOptions o, String key) {
        String v = o.getString(key, "");
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) throw new IllegalArgumentException("run option '" + key + "' = '" + v + "' is not a size (e.g. 2GB, 1500MB)");
        double n = Double.parseDouble(m.group(1));
        long unit = switch (m.group(2).toUpperCase()) {
            case "K" -> 1024L;
            case "", "M" -> 1024L * 1024;
            case "G" -> 1024L * 1024 * 1024;
            default -> 1024L * 1024 * 1024 * 1024;
        };
        return (long) (n * unit);
    }

    private static String safe(RunOptions o, String key, String v) {
        if (v == null || v.isBlank()) return null;
        if (!SAFE.matcher(v).matches())
            throw new IllegalArgumentException("run option '" + key + "' = '" + v + "' has characters a job description cannot take (allowed: letters, digits, _ . : / @ % + , = -)");
        return v;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s; }
}
