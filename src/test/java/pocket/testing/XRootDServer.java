package pocket.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Debian xrootd server on 127.0.0.1 and a spare port, exporting one folder, with its
 * config, log and admin files in a private temp folder; stopped (by its own PID) on close.
 */
public final class XRootDServer implements AutoCloseable {
    private final Path dir;
    private final Path exported;
    private final int port;
    private final List<String> extraConfig;
    private final java.util.Map<String, String> env;
    private Process process;

    private XRootDServer(Path dir, Path exported, int port, List<String> extraConfig, java.util.Map<String, String> env) {
        this.dir = dir;
        this.exported = exported;
        this.port = port;
        this.extraConfig = extraConfig;
        this.env = env;
    }

    public static boolean available() { return Services.hasCommand("xrootd"); }

    /** Starts xrootd exporting {@code exported}; extra lines go into its config (an xrd.allow there replaces 127.0.0.1). */
    public static XRootDServer start(Path exported, String... extraConfig) throws IOException {
        return start(exported, java.util.Map.of(), extraConfig);
    }

    /** As {@link #start(Path, String...)}, with extra environment variables for the daemon. */
    public static XRootDServer start(Path exported, java.util.Map<String, String> env, String... extraConfig) throws IOException {
        Services.require(available(), "xrootd (Debian package xrootd-server)");
        Path dir = Files.createTempDirectory("pocket-xrootd");
        XRootDServer s = new XRootDServer(dir, readableByXrootd(exported), spare(), List.of(extraConfig), java.util.Map.copyOf(env));
        s.launch();
        return s;
    }

    /**
     * xrootd runs as its own user: when a folder above the exported one is closed to others
     * (a checkout under a 0700 temp folder), it serves a world-readable copy in /tmp instead.
     */
    static Path readableByXrootd(Path exported) throws IOException {
        Path real = exported.toRealPath();
        boolean open = true;
        for (Path p = real; p != null; p = p.getParent())
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) open = false;
        if (open) return real;
        Path copy = Files.createTempDirectory("pocket-xrootd-export");
        Files.setPosixFilePermissions(copy, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        try (var files = Files.list(real)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (!Files.isRegularFile(f)) continue;
                Path t = Files.copy(f, copy.resolve(f.getFileName().toString()));
                Files.setPosixFilePermissions(t, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
        }
        return copy;
    }

    public int port() { return port; }

    /** The folder xrootd really serves (see readableByXrootd). */
    public Path exported() { return exported; }

    public Path dir() { return dir; }

    /** root://127.0.0.1:port//abs/path/name */
    public String url(String name) { return "root://127.0.0.1:" + port + "/" + exported.resolve(name); }

    private static boolean isRoot() { return "root".equals(System.getProperty("user.name")); }

    private void launch() throws IOException {
        List<String> cfg = new ArrayList<>(List.of(
                "all.export " + exported,
                "xrd.port " + port,
                "all.adminpath " + dir,
                "all.pidpath " + dir));
        if (extraConfig.stream().noneMatch(l -> l.startsWith("xrd.allow"))) cfg.add("xrd.allow host 127.0.0.1");
        cfg.addAll(extraConfig);
        Path conf = dir.resolve("xrootd.cfg");
        Files.write(conf, cfg);
        List<String> cmd = new ArrayList<>(List.of("xrootd", "-c", conf.toString(), "-l", dir.resolve("xrootd.log").toString()));
        if (isRoot()) {   // xrootd refuses to run as root: drop to the package's user, which must own the folder
            UserPrincipal xrootd = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("xrootd");
            Files.setOwner(dir, xrootd);
            cmd.addAll(Arrays.asList("-R", "xrootd"));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("stdout.txt").toFile());
        pb.environment().putAll(env);
        process = pb.start();
        Process started = process;   // a test JVM stopped early must not leave its server running
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy));
        waitUntilListening();
    }

    private void waitUntilListening() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) throw new IOException("xrootd exited with " + process.exitValue() + ":\n" + log());
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                sleep(100);
            }
        }
        throw new IOException("xrootd did not listen on port " + port + " within 20 s:\n" + log());
    }

    public String log() {
        StringBuilder sb = new StringBuilder();
        for (String f : List.of("stdout.txt", "xrootd.log")) {
            try {
                List<String> lines = Files.readAllLines(dir.resolve(f));
                sb.append(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()))).append('\n');
            } catch (IOException e) {
                sb.append("(no ").append(f).append(")\n");
            }
        }
        return sb.toString();
    }

    /** Stops the server (its clients see their connections drop). */
    public void stop() {
        if (process == null) return;
        Services.stop(process);
        process = null;
    }

    /** Starts it again on the same port. */
    public void restart() throws IOException {
        stop();
        launch();
    }

    @Override public void close() {
        stop();
        deleteTree(dir);
    }

    static int spare() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp folder is harmless
        }
    }
}
