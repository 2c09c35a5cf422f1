package pocket.kernel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Test helpers around Debian's Jupyter (/usr/bin/python3): a kernel spec for this test JVM and process runs. */
public final class JupyterSupport {
    public static final String PYTHON = "/usr/bin/python3";

    private JupyterSupport() {}

    /** Whether Debian's python3 can import these modules (jupyter_client, nbconvert, ...). */
    public static boolean pythonHas(String... modules) {
        if (!Files.isExecutable(Path.of(PYTHON))) return false;
        try {
            Result r = run(List.of(PYTHON, "-c", "import " + String.join(", ", modules)), Map.of(), null, 60);
            return r.exit == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** A JUPYTER_PATH folder holding kernels/NAME/kernel.json that starts the kernel on this JVM's class path. */
    public static Path jupyterPath(Path tmp, String name) throws IOException {
        Path jp = tmp.resolve("jupyter-path");
        KernelSpec.forThisJvm(name, "Java (pocket, test)", List.of("-Xmx1g")).installInto(jp.resolve("kernels"));
        return jp;
    }

    /** The environment Jupyter needs to find that spec and to keep its runtime files in the temp folder. */
    public static Map<String, String> env(Path tmp, Path jupyterPath) {
        return Map.of("JUPYTER_PATH", jupyterPath.toString(),
                "JUPYTER_RUNTIME_DIR", tmp.resolve("runtime").toString(),
                "JUPYTER_DATA_DIR", tmp.resolve("data").toString(),
                "JUPYTER_CONFIG_DIR", tmp.resolve("config").toString(),
                "IPYTHONDIR", tmp.resolve("ipython").toString(),
                "XDG_CACHE_HOME", tmp.resolve("cache").toString(),
                "PYTHONNOUSERSITE", "1");
    }

    public record Result(int exit, String output) {}

    /** Runs a command with extra environment, output merged; fails the test on timeout. */
    public static Result run(List<String> cmd, Map<String, String> env, Path dir, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        if (dir != null) pb.directory(dir.toFile());
        Path log = Files.createTempFile("pocket-proc", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("timed out after " + timeoutSeconds + " s: " + cmd + "\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
