package pocket.run;

import java.util.LinkedHashMap;
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

    /** Resolves defaults → {@code runOptions} (a -ro file's content, or null) → free overrides → these flags. */
    public RunOptionsResolver.Resolution resolve(Map<String, Object> runOptions, Map<String, Object> overrides) {
        Map<String, Object> cli = new LinkedHashMap<>(overrides);
        cli.putAll(asOptions());
        return RunOptionsResolver.defaults().resolve(executorString(), runOptions, cli);
    }
}
