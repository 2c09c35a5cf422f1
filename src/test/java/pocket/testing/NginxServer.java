package pocket.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real nginx on 127.0.0.1 and a spare port serving one folder (byte ranges included), with a
 * private config, pid, logs and temp paths in a temp folder; stopped by its own PID on close.
 * Anything under /forbidden/ answers 403, so tests can see a refusal.
 */
public final class NginxServer implements AutoCloseable {
    private final Path dir;
    private final Path root;
    private final int port;
    private Process process;

    private NginxServer(Path dir, Path root, int port) {
        this.dir = dir;
        this.root = root;
        this.port = port;
    }

    public static boolean available() { return Services.hasCommand("nginx"); }

    public static NginxServer start(Path root) throws IOException {
        Services.require(available(), "nginx (Debian package nginx-light)");
        Path dir = Files.createTempDirectory("pocket-nginx");
        NginxServer s = new NginxServer(dir, root, XRootDServer.spare());
        s.launch();
        return s;
    }

    public int port() { return port; }

    /** http://127.0.0.1:port/name */
    public String url(String name) { return "http://127.0.0.1:" + port + "/" + name; }

    private void launch() throws IOException {
        Files.createDirectories(dir.resolve("tmp"));
        String d = dir.toString();
        String conf = String.join("\n", List.of(
                "root".equals(System.getProperty("user.name")) ? "user root;" : "",
                "daemon off;",
                "worker_processes 1;",
                "pid " + d + "/nginx.pid;",
                "error_log " + d + "/error.log warn;",
                "events { worker_connections 256; }",
                "http {",
                "  access_log off;",
                "  sendfile on;",
                "  keepalive_requests 100000;",
                "  client_body_temp_path " + d + "/tmp/body;",
                "  proxy_temp_path " + d + "/tmp/proxy;",
                "  fastcgi_temp_path " + d + "/tmp/fastcgi;",
                "  uwsgi_temp_path " + d + "/tmp/uwsgi;",
                "  scgi_temp_path " + d + "/tmp/scgi;",
                "  types { application/octet-stream root; }",
                "  server {",
                "    listen 127.0.0.1:" + port + ";",
                "    root " + root + ";",
                "    location /forbidden/ { return 403; }",
                "  }",
                "}", ""));
        Path confFile = dir.resolve("nginx.conf");
        Files.writeString(confFile, conf);
        process = new ProcessBuilder("nginx", "-c", confFile.toString(), "-p", d, "-e", d + "/error.log")
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        Process started = process;   // a test JVM stopped early must not leave its server running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("nginx exited with " + process.exitValue() + ":\n" + log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                XRootDServer.sleep(100);
            }
        }
        throw new IOException("nginx did not listen on port " + port + " within 20 s:\n" + log());
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("stdout.txt")) + Files.readString(dir.resolve("error.log"));
        } catch (IOException e) {
            return "(no nginx log)";
        }
    }

    public void stop() {
        if (process == null) return;
        process.destroy();   // SIGTERM to the master: it stops its worker and exits
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    @Override public void close() {
        stop();
        XRootDServer.deleteTree(dir);
    }
}
