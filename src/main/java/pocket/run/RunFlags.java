package pocket.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PocketCoffea's run-option flags as a value ({@code -e -t -lf -lc -s -c -q --skip-bad-files}),
 * built by the command line and by the notebook API alike; null means "not given".
 */
public record RunFlags(String executor, boolean test, Integer limitFiles, Integer limitChunks, Integer scaleout,
                       Integer chunksize, String queue, boolean skipBadFiles) {
    /** The executor string this run uses: iterative unless given. */
    public String executorString() { return executor != null ? executor : "iterative"; }

    /** The flags as run options, typed; {@code --test} limits files and chunks to 1 unless they are given. */
    public Map<String, Object> asOptions() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (limitFiles != null) m.put("limit-files", limitFiles);
        if (limitChunks != null) m.put("limit-chunks", limitChunks);
        if (scaleout != null) m.put("scaleout", scaleout);
        if (chunksize != null) m.put("chunksize", chunksize);
        if (queue != null) m.put("queue", queue);
        if (skipBadFiles) m.put("skip-bad-files", true);
        if (test) {
            if (limitFiles == null) m.put("limit-files", 1);
            if (limitChunks == null) m.put("limit-chunks", 1);
        }
        return m;
    }

    /**
     * Resolves defaults → {@code runOptions} (a -ro file's content, or null, named {@code roLabel}
     * in sources and errors) → {@code overrides} (free --key=value, option(k, v)) → these flags,
     * each flag labelled as the front spells it (the command line's {@code -c/--chunksize}, the
     * notebook's {@code chunksize(10)}).
     */
    public RunOptionsResolver.Resolution resolve(Map<String, Object> runOptions, String roLabel, List<RunOptionsResolver.Given> overrides,
                                                 RunOptionsResolver.Hints hints, boolean notebook) {
        List<RunOptionsResolver.Given> given = new ArrayList<>(overrides);
        asOptions().forEach((k, v) -> given.add(new RunOptionsResolver.Given(k, v, label(k, v, notebook))));
        return RunOptionsResolver.defaults().resolve(executorString(), runOptions, roLabel, given, hints);
    }

    private String label(String key, Object value, boolean notebook) {
        boolean fromTest = test && ((key.equals("limit-files") && limitFiles == null) || (key.equals("limit-chunks") && limitChunks == null));
        if (notebook) {
            if (fromTest) return "test()";
            if (key.equals("skip-bad-files")) return "skipBadFiles()";
            String[] parts = key.split("-");
            StringBuilder m = new StringBuilder(parts[0]);
            for (int i = 1; i < parts.length; i++) m.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
            return m + "(" + value + ")";
        }
        if (fromTest) return "-t/--test";
        return switch (key) {
            case "limit-files" -> "-lf/--limit-files";
            case "limit-chunks" -> "-lc/--limit-chunks";
            case "scaleout" -> "-s/--scaleout";
            case "chunksize" -> "-c/--chunksize";
            case "queue" -> "-q/--queue";
            default -> "--" + key;
        };
    }
}
