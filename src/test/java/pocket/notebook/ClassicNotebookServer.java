package pocket.notebook;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pocket.kernel.JupyterSupport;
import pocket.testing.Services;

/** A private Jupyter Notebook (classic, Debian's) on 127.0.0.1 with a token, serving one folder, for browser tests. */
final class ClassicNotebookServer implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final String token;
    final int port;
    final Path log;
    private final Process process;

    private ClassicNotebookServer(String token, int port, Path log, Process process) {
        this.token = token;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** True when Debian's python3 has the classic notebook server (apt: jupyter-notebook). */
    static boolean available() { return JupyterSupport.pythonHas("notebook.notebookapp"); }

    /** Starts the server on notebookDir with the given Jupyter environment and waits until its API answers. */
    static ClassicNotebookServer start(Path notebookDir, Map<String, String> jupyterEnv, Path tmp) throws Exception {
        byte[] secret = new byte[16];
        new SecureRandom().nextBytes(secret);
        String token = HexFormat.of().formatHex(secret);
        int port = freePort();
        Path log = tmp.resolve("notebook-server.log");
        ProcessBuilder pb = new ProcessBuilder(List.of(JupyterSupport.PYTHON, "-m", "notebook",
                "--no-browser", "--allow-root", // CI runs as root
                "--ip=127.0.0.1", "--port=" + port, "--port-retries=0", // fail rather than move to a port we do not know
                "--notebook-dir=" + notebookDir, "--NotebookApp.token=" + token))
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(jupyterEnv);
        ClassicNotebookServer s = new ClassicNotebookServer(token, port, log, pb.start());
        try {
            s.awaitReady(Duration.ofSeconds(90));
        } catch (Throwable t) {
            s.close();
            throw t;
        }
        return s;
    }

    String base() { return "http://127.0.0.1:" + port; }

    /** The URL that opens a notebook (a path relative to the served folder) in the UI, logged in by the token. */
    String notebookUrl(String relativePath) { return base() + "/notebooks/" + relativePath + "?token=" + token; }

    private void awaitReady(Duration timeout) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new AssertionError("the notebook server exited (" + process.exitValue() + "):\n" + logText());
            try {
                if (api("GET", "/api/status").statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            // the server does not announce readiness on a channel we could block on; poll its API
            process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("the notebook server did not answer within " + timeout + ":\n" + logText());
    }

    HttpResponse<String> api(String method, String path) throws IOException, InterruptedException {
        HttpRequest req = HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "token " + token).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    }

    /** Shuts down every kernel the server runs, so that one notebook's JVM does not idle through the next test. */
    void shutdownKernels() throws IOException, InterruptedException {
        Matcher m = Pattern.compile("\"id\":\\s*\"([0-9a-f-]+)\"").matcher(api("GET", "/api/kernels").body());
        while (m.find()) api("DELETE", "/api/kernels/" + m.group(1));
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Kernels first (through the API, as the server's own shutdown would), then the server, then any child left over. */
    @Override
    public void close() {
        if (process == null) return;
        try {
            if (process.isAlive()) shutdownKernels();
        } catch (Exception e) {
            System.err.println("notebook server: could not shut kernels down through the API: " + e);
        }
        List<ProcessHandle> children = process.descendants().toList();
        Services.stop(process);
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
