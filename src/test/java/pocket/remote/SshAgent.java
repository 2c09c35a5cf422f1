package pocket.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import pocket.testing.Services;

/** A private OpenSSH ssh-agent for tests, on a socket in a folder of its own; keys added with ssh-add. */
final class SshAgent implements AutoCloseable {
    final Path socket;
    private final Process process;

    private SshAgent(Path socket, Process process) { this.socket = socket; this.process = process; }

    static SshAgent start(Path dir) throws Exception {
        Services.require(Services.hasCommand("ssh-agent") && Services.hasCommand("ssh-add"),
                "OpenSSH ssh-agent and ssh-add (apt-get install openssh-client)");
        Files.createDirectories(dir);
        Path socket = dir.resolve("agent.sock");
        Process p = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("agent.log").toFile()).start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(socket)) {
            if (!p.isAlive() || System.nanoTime() > end)
                throw new IllegalStateException("ssh-agent did not start: " + Files.readString(dir.resolve("agent.log")));
            Thread.sleep(20);
        }
        return new SshAgent(socket, p);
    }

    /** Adds a key; a passphrase, when given, is typed by an SSH_ASKPASS script as a user would. */
    void add(Path key, String passphrase) throws Exception {
        ProcessBuilder b = new ProcessBuilder("ssh-add", key.toString()).redirectErrorStream(true);
        b.environment().put("SSH_AUTH_SOCK", socket.toString());
        if (passphrase != null) {
            Path askpass = socket.resolveSibling("askpass.sh");
            Files.writeString(askpass, "#!/bin/sh\necho '" + passphrase + "'\n");
            Files.setPosixFilePermissions(askpass, PosixFilePermissions.fromString("rwx------"));
            b.environment().put("SSH_ASKPASS", askpass.toString());
            b.environment().put("SSH_ASKPASS_REQUIRE", "force");
            b.environment().put("DISPLAY", "none");
        }
        b.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("ssh-add " + key + " failed: " + out);
    }

    @Override public void close() { Services.stop(process); }
}
