package pocket.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A second, independent reader for tests: JSROOT under node opens a ROOT file and returns its objects as JSON. */
public final class Jsroot {
    /** Where jsroot is installed, once per machine (npm install --prefix). */
    static final Path CACHE = Path.of(System.getProperty("user.home"), ".cache", "pocket-jsroot");
    private static final String VERSION = "7.11.2";
    private static final String SCRIPT = "read-histograms.mjs";

    private Jsroot() {}

    /**
     * Reads {@code keys} (paths such as {@code mll/Z_peak/DYJets}) from {@code file}; the answer has
     * {@code keys} (the top directory's key names) and {@code objects} (per key the class, axes,
     * contents, sumw2, errors and entries, or {@code error}). Skips the test when node or npm is
     * missing, fails instead under {@code CI=true}.
     */
    public static JsonObject read(Path file, String... keys) throws IOException, InterruptedException {
        Path script = ready();
        List<String> cmd = new ArrayList<>(List.of("node", script.toString(), file.toAbsolutePath().toString()));
        cmd.addAll(List.of(keys));
        Ran r = exec(cmd, CACHE, 120);
        if (r.code != 0) throw new AssertionError("jsroot could not read " + file + " (exit " + r.code + "):\n" + r.out);
        return JsonParser.parseString(r.out).getAsJsonObject();
    }

    private static synchronized Path ready() throws IOException, InterruptedException {
        need("node");
        Path module = CACHE.resolve("node_modules/jsroot/package.json");
        if (!Files.isRegularFile(module)) {
            need("npm");
            Files.createDirectories(CACHE);
            Ran r = exec(List.of("npm", "install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", CACHE.toString(), "jsroot@" + VERSION), CACHE, 600);
            if (r.code != 0 || !Files.isRegularFile(module))
                throw new AssertionError("npm install jsroot@" + VERSION + " into " + CACHE + " failed (exit " + r.code + "):\n" + r.out);
        }
        // node resolves 'jsroot' from the script's folder, so the script lives next to node_modules
        Path script = CACHE.resolve(SCRIPT);
        try (InputStream in = Jsroot.class.getResourceAsStream(SCRIPT)) {
            if (in == null) throw new AssertionError("test resource pocket/testing/" + SCRIPT + " is missing");
            Path tmp = Files.createTempFile(CACHE, "read-", ".mjs");
            Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(tmp, script, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return script;
    }

    private static void need(String tool) throws InterruptedException {
        boolean found;
        try {
            found = exec(List.of(tool, "--version"), Path.of("."), 60).code == 0;
        } catch (IOException e) {
            found = false;
        }
        String why = tool + " is not installed: the JSROOT cross-check of written ROOT files cannot run";
        if (!found && "true".equals(System.getenv("CI"))) throw new AssertionError(why + " (CI=true: required)");
        Assumptions.assumeTrue(found, why);
    }

    private record Ran(int code, String out) {}

    private static Ran exec(List<String> cmd, Path dir, int seconds) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Ran(-1, "timed out after " + seconds + " s");
        }
        return new Ran(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
