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
 * Anything under /forbidden/ answers 403, /moved/x redirects (302) to /x, and every request
 * is logged so tests can count them. With a certificate it serves https instead.
 */
public final class NginxServer implements AutoCloseable {
    private final Path dir;
    private final Path root;
    private final int port;
    private final Path certificate;   // null: plain http
    private final Path key;
    private Process process;

    private NginxServer(Path dir, Path root, int port, Path certificate, Path key) {
        this.dir = dir;
        this.root = root;
        this.port = port;
        this.certificate = certificate;
        this.key = key;
    }

    public static boolean available() { return Services.hasCommand("nginx"); }

    public static NginxServer start(Path root) throws IOException {
        return start(root, null, null);
    }

    /** An https server with this PEM certificate and key. */
    public static NginxServer startHttps(Path root, Path certificate, Path key) throws IOException {
        return start(root, certificate, key);
    }

    private static NginxServer start(Path root, Path certificate, Path key) throws IOException {
        Services.require(available(), "nginx (Debian package nginx-light)");
        Path dir = Files.createTempDirectory("pocket-nginx");
        NginxServer s = new NginxServer(dir, root, XRootDServer.spare(), certificate, key);
        s.launch();
        return s;
    }

    public int port() { return port; }

    /** http://127.0.0.1:port/name (https:// when started with a certificate) */
    public String url(String name) { return (certificate == null ? "http" : "https") + "://127.0.0.1:" + port + "/" + name; }

    /** The access log: one line "$request $status $body_bytes_sent" per answered request. */
    public Path accessLog() { return dir.resolve("access.log"); }

    /** How many requests the server has answered so far (lines of its access log). */
    public int requests() throws IOException {
        Path log = accessLog();
        if (!Files.exists(log)) return 0;
        try (var lines = Files.lines(log)) {
            return (int) lines.count();
        }
    }

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
                "  log_format pocket '$request $status $body_bytes_sent';",
                "  access_log " + d + "/access.log pocket;",
                "  sendfile on;",
                "  keepalive_requests 100000;",
                "  client_body_temp_path " + d + "/tmp/body;",
                "  proxy_temp_path " + d + "/tmp/proxy;",
                "  fastcgi_temp_path " + d + "/tmp/fastcgi;",
                "  uwsgi_temp_path " + d + "/tmp/uwsgi;",
                "  scgi_temp_path " + d + "/tmp/scgi;",
                "  types { application/octet-stream root; }",
                "  server {",
                "    listen 127.0.0.1:" + port + (certificate == null ? ";" : " ssl;"),
                certificate == null ? "" : "    ssl_certificate " + certificate + "; ssl_certificate_key " + key + ";",
                "    root " + root + ";",
                "    location /forbidden/ { return 403; }",
                "    location /moved/ { rewrite ^/moved/(.*)$ /$1 redirect; }",
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
        Services.stop(process);   // SIGTERM to the master: it stops its worker and exits
        process = null;
    }

    @Override public void close() {
        stop();
        XRootDServer.deleteTree(dir);
    }
}
