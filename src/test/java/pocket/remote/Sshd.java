package pocket.remote;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pocket.testing.Services;

/**
 * A private OpenSSH server for tests on 127.0.0.1 and a spare port: host and user keys made
 * now with ssh-keygen, a known_hosts file holding the host key, stopped by PID afterwards.
 */
final class Sshd implements AutoCloseable {
    final Path dir;
    final int port;
    final Path userKey;
    final Path knownHosts;
    final Path hostKey;
    private final Map<String, String> env;
    private final List<String> extraConfig;
    private final Map<String, String> daemonEnv;
    private Process process;

    private Sshd(Path dir, int port, Map<String, String> env, List<String> extraConfig, Map<String, String> daemonEnv) throws Exception {
        this.dir = dir;
        this.port = port;
        this.env = env;
        this.extraConfig = extraConfig;
        this.daemonEnv = daemonEnv;
        this.hostKey = dir.resolve("host_ed25519");
        this.userKey = dir.resolve("user_ed25519");
        this.knownHosts = dir.resolve("known_hosts");
    }

    static boolean available() {
        return Services.hasCommand("/usr/sbin/sshd") && Services.hasCommand("ssh-keygen");
    }

    /** Starts sshd; {@code env} goes into every session with SetEnv. */
    static Sshd start(Path dir, Map<String, String> env) throws Exception {
        return start(dir, env, List.of(), Map.of());
    }

    /** As {@link #start(Path, Map)}, with more sshd_config lines (later ones win) and environment variables for the daemon itself. */
    static Sshd start(Path dir, Map<String, String> env, List<String> extraConfig, Map<String, String> daemonEnv) throws Exception {
        Services.require(available(), "OpenSSH server (/usr/sbin/sshd, ssh-keygen: apt-get install openssh-server openssh-client)");
        Files.createDirectories(dir);
        Sshd s = new Sshd(dir, freePort(), env, List.copyOf(extraConfig), Map.copyOf(daemonEnv));
        keygen(s.hostKey);
        keygen(s.userKey);
        Files.copy(Path.of(s.userKey + ".pub"), dir.resolve("authorized_keys"));
        Files.writeString(s.knownHosts, "[127.0.0.1]:" + s.port + " " + Files.readString(Path.of(s.hostKey + ".pub")).trim() + "\n");
        s.writeConfig();
        s.launch();
        return s;
    }

    private void writeConfig() throws IOException {
        StringBuilder c = new StringBuilder();
        c.append("Port ").append(port).append('\n')
         .append("ListenAddress 127.0.0.1\n")
         .append("HostKey ").append(hostKey).append('\n')
         .append("PidFile ").append(dir.resolve("sshd.pid")).append('\n')
         .append("AuthorizedKeysFile ").append(dir.resolve("authorized_keys")).append('\n')
         .append("PermitRootLogin prohibit-password\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n")
         .append("UsePAM no\nStrictModes no\nSubsystem sftp internal-sftp\nMaxStartups 50\nMaxSessions 50\n");
        // sshd keeps the first value of a keyword: the extra lines go first to win
        String base = c.toString();
        c.setLength(0);
        for (String line : extraConfig) c.append(line).append('\n');
        c.append(base);
        if (!env.isEmpty()) {
            c.append("SetEnv");
            env.forEach((k, v) -> c.append(' ').append(k).append('=').append(v));
            c.append('\n');
        }
        Files.writeString(dir.resolve("sshd_config"), c.toString());
    }

    /** Starts (or restarts) the daemon and waits until it accepts connections. */
    void launch() throws Exception {
        Files.createDirectories(Path.of("/run/sshd"));
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("sshd.log").toFile());
        pb.environment().putAll(daemonEnv);
        process = pb.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            try (Socket ignored = new Socket("127.0.0.1", port)) { return; }
            catch (IOException e) {
                if (!process.isAlive()) throw new IllegalStateException("sshd died: " + Files.readString(dir.resolve("sshd.log")));
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("sshd did not listen on port " + port);
    }

    /** Stops the daemon and every session it forked (by PID). */
    void stop() throws Exception {
        if (process == null) return;
        List<ProcessHandle> all = new ArrayList<>();
        process.toHandle().descendants().forEach(all::add);
        process.destroy();
        process.waitFor(5, TimeUnit.SECONDS);
        for (ProcessHandle h : all) h.destroyForcibly();
        process = null;
    }

    /** Cuts every open SSH session (kills the per-connection sshd children) but keeps the daemon. */
    int cutSessions() {
        List<ProcessHandle> kids = process.toHandle().children().toList();
        List<ProcessHandle> all = new ArrayList<>(kids);
        for (ProcessHandle h : kids) h.descendants().forEach(all::add);
        for (ProcessHandle h : all) h.destroyForcibly();
        for (ProcessHandle h : all) h.onExit().join();
        return kids.size();
    }

    SshTarget target() {
        return new SshTarget("test", "127.0.0.1", System.getProperty("user.name"), port, List.of(userKey), null, knownHosts, null);
    }

    @Override public void close() throws Exception { stop(); }

    static void keygen(Path key) throws Exception {
        Process p = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pocket-test", "-f", key.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException("ssh-keygen failed: " + out);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) { return s.getLocalPort(); }
    }
}
