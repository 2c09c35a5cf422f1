package pocket.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real tinyproxy (Debian package tinyproxy) on 127.0.0.1 and a spare port: an HTTP proxy that
 * forwards http:// requests and opens CONNECT tunnels to the listed ports only, optionally
 * asking for a login; its log records every request it got.
 */
public final class TinyProxy implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private TinyProxy(Path dir, int port) { this.dir = dir; this.port = port; }

    public static boolean available() { return Services.hasCommand("tinyproxy"); }

    /** Starts tinyproxy allowing CONNECT to {@code connectPorts} (all ports when empty, as tinyproxy does); with a user and password it asks for them (Basic). */
    public static TinyProxy start(List<Integer> connectPorts, String user, String password) throws IOException {
        Services.require(available(), "tinyproxy (Debian package tinyproxy)");
        Path dir = Files.createTempDirectory("pocket-tinyproxy");
        Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxrwxrwx"));
        TinyProxy p = new TinyProxy(dir, XRootDServer.spare());
        List<String> conf = new ArrayList<>(List.of(
                "Port " + p.port, "Listen 127.0.0.1", "Timeout 60",
                "LogFile \"" + dir.resolve("tinyproxy.log") + "\"", "LogLevel Info",
                "PidFile \"" + dir.resolve("tinyproxy.pid") + "\"", "MaxClients 50", "Allow 127.0.0.1",
                "ViaProxyName \"tinyproxy\""));
        for (int c : connectPorts) conf.add("ConnectPort " + c);
        if (user != null) conf.add("BasicAuth " + user + " " + password);
        Files.write(dir.resolve("tinyproxy.conf"), conf);
        p.process = new ProcessBuilder("tinyproxy", "-d", "-c", dir.resolve("tinyproxy.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile()).start();
        Process started = p.process;   // a test JVM stopped early must not leave its proxy running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!p.process.isAlive()) throw new IOException("tinyproxy exited with " + p.process.exitValue() + ":\n" + p.log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p.port), 200);
                return p;
            } catch (IOException notYet) {
                XRootDServer.sleep(100);
            }
        }
        throw new IOException("tinyproxy did not listen on port " + p.port + " within 20 s:\n" + p.log());
    }

    public int port() { return port; }

    /** http://127.0.0.1:port */
    public String url() { return "http://127.0.0.1:" + port; }

    /** The requests the proxy got, as its log writes them ("CONNECT 127.0.0.1:443 HTTP/1.1", "GET http://... HTTP/1.1"). */
    public List<String> requests() throws IOException {
        Path log = dir.resolve("tinyproxy.log");
        if (!Files.exists(log)) return List.of();
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            int i = line.indexOf("Request (file descriptor");
            if (i >= 0) out.add(line.substring(line.indexOf("): ", i) + 3).strip());
        }
        return out;
    }

    public String log() {
        try {
            return Files.readString(dir.resolve("stdout.txt")) + (Files.exists(dir.resolve("tinyproxy.log")) ? Files.readString(dir.resolve("tinyproxy.log")) : "");
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public void stop() {
        Services.stop(process);
        process = null;
    }

    @Override public void close() {
        stop();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder; nothing depends on it being gone
        }
    }
}
