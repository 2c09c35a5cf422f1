package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SSH layer against a real OpenSSH server on 127.0.0.1 (started here, keys made here). */
class SshConnectionTest {
    static Path dir;
    static Sshd sshd;
    static final Backoff FAST = new Backoff(200, 1000, 10);

    @BeforeAll static void startSshd() throws Exception {
        dir = Files.createTempDirectory("pocket-sshd-");
        sshd = Sshd.start(dir.resolve("sshd"), Map.of("POCKET_TEST_MARK", "from-setenv"));
    }

    @AfterAll static void stopSshd() throws Exception { if (sshd != null) sshd.close(); }

    @Test void execReportsStatusStdoutAndStderr() throws Exception {
        try (SshConnection c = SshConnection.open(sshd.target(), null, FAST, null)) {
            ExecResult r = c.exec("echo out; echo err >&2; echo $POCKET_TEST_MARK; exit 7");
            assertEquals(7, r.exitStatus());
            assertEquals("out\nfrom-setenv\n", r.stdout());
            assertEquals("err\n", r.stderr());
            var e = assertThrows(RemoteException.class, () -> c.run("ls /no/such/folder"));
            assertTrue(e.getMessage().contains("exit status 2") && e.getMessage().contains("No such file"), e.getMessage());
            assertTrue(c.home().startsWith("/"), c.home());
        }
    }

    @Test void nastyNamesSurviveTheShellAndSftp(@TempDir Path tmp) throws Exception {
        List<String> names = ShellQuoteTest.NASTY.stream().filter(n -> !n.isEmpty() && !n.contains("/") && !n.equals("-")
                && !n.equals("'") && !n.equals("''") || n.equals("'")).toList();
        String remote = tmp.resolve("remote dir $(x)").toString();
        try (SshConnection c = SshConnection.open(sshd.target(), null, FAST, null)) {
            StringBuilder cmd = new StringBuilder("mkdir -p " + ShellQuote.quote(remote));
            for (String n : names) cmd.append(" && touch ").append(ShellQuote.quote(remote + "/" + n));
            c.run(cmd.toString());
            assertEquals(new java.util.TreeSet<>(names), new java.util.TreeSet<>(c.list(remote)));
            // a name that would run a command if unquoted left no trace
            assertFalse(Files.exists(Path.of("/tmp/pwned")));
            // the same names through SFTP, both ways
            byte[] data = new byte[70_000];
            new java.util.Random(3).nextBytes(data);
            for (String n : List.of("it's.root", "$(id).root", "é ü", "*.root", "back\\slash", "a?b")) {
                c.write(data, remote + "/" + n);
                Path local = tmp.resolve("copy");
                c.download(remote + "/" + n, local);
                assertArrayEquals(data, Files.readAllBytes(local));
                assertArrayEquals(data, c.read(remote + "/" + n));
                assertEquals(String.valueOf(data.length), c.run("stat -c %s " + ShellQuote.quote(remote + "/" + n)).trim());
            }
        }
    }

    @Test void uploadCopiesALocalFile(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("in.txt");
        Files.writeString(f, "hello\n");
        try (SshConnection c = SshConnection.open(sshd.target(), null, FAST, null)) {
            c.upload(f, tmp.resolve("out.txt").toString());
            assertEquals("hello\n", Files.readString(tmp.resolve("out.txt")));
        }
    }

    /** A record another process removes between the driver's listing and its read is no error: null, and the next poll goes on. */
    @Test void readIfExistsIsNullForAFileThatWentAway(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("chunk-3.json");
        Files.writeString(f, "{\"round\":0}");
        try (SshConnection c = SshConnection.open(sshd.target(), null, FAST, null)) {
            assertArrayEquals(Files.readAllBytes(f), c.readIfExists(f.toString()));
            Files.delete(f);
            assertNull(c.readIfExists(f.toString()));
            assertThrows(RemoteException.class, () -> c.read(f.toString()), "read still fails on a missing file");
        }
    }

    @Test void unknownHostShowsTheFingerprintAndHowToAccept(@TempDir Path tmp) throws Exception {
        Path empty = tmp.resolve("known_hosts");
        Files.writeString(empty, "");
        SshTarget t = new SshTarget("test", "127.0.0.1", "root", sshd.port, List.of(sshd.userKey), null, empty, null);
        HostKeyException e = assertThrows(HostKeyException.class, () -> SshConnection.open(t, null, FAST, null));
        // the fingerprint ssh-keygen computes from the host's public key file
        Process p = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", sshd.hostKey + ".pub").start();
        String fp = new String(p.getInputStream().readAllBytes()).split("\\s+")[1];
        assertTrue(fp.startsWith("SHA256:"));
        assertTrue(e.getMessage().contains(fp), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keyscan -p " + sshd.port), e.getMessage());
        assertEquals("", Files.readString(empty), "nothing was added to known_hosts");
    }

    @Test void changedHostKeyIsRefused(@TempDir Path tmp) throws Exception {
        Path other = tmp.resolve("other");
        Sshd.keygen(other);
        Path known = tmp.resolve("known_hosts");
        Files.writeString(known, "[127.0.0.1]:" + sshd.port + " " + Files.readString(Path.of(other + ".pub")).trim() + "\n");
        SshTarget t = new SshTarget("test", "127.0.0.1", "root", sshd.port, List.of(sshd.userKey), null, known, null);
        HostKeyException e = assertThrows(HostKeyException.class, () -> SshConnection.open(t, null, FAST, null));
        assertTrue(e.getMessage().contains("does NOT match") && e.getMessage().contains("ssh-keygen -R"), e.getMessage());
    }

    @Test void wrongKeyIsAClearLoginError(@TempDir Path tmp) throws Exception {
        Path stranger = tmp.resolve("stranger");
        Sshd.keygen(stranger);
        SshTarget t = new SshTarget("test", "127.0.0.1", "root", sshd.port, List.of(stranger), null, sshd.knownHosts, null);
        RemoteException e = assertThrows(RemoteException.class, () -> SshConnection.open(t, null, FAST, null));
        assertTrue(e.getMessage().contains("could not log in") && e.getMessage().contains("ssh-identity"), e.getMessage());
        SshTarget missing = new SshTarget("test", "127.0.0.1", "root", sshd.port, List.of(tmp.resolve("nokey")), null, sshd.knownHosts, null);
        e = assertThrows(RemoteException.class, () -> SshConnection.open(missing, null, FAST, null));
        assertTrue(e.getMessage().contains("nokey") && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test void keysHeldBySshAgent(@TempDir Path tmp) throws Exception {
        // a passphrase-protected key, as users keep them: usable only through the agent
        Path key = tmp.resolve("locked_ed25519");
        Process kg = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "open sesame", "-C", "pocket-agent-test", "-f", key.toString())
                .redirectErrorStream(true).start();
        assertEquals(0, kg.waitFor(), new String(kg.getInputStream().readAllBytes()));
        Path authorized = sshd.dir.resolve("authorized_keys");
        String before = Files.readString(authorized);
        Files.writeString(authorized, before + Files.readString(Path.of(key + ".pub")));
        try (SshAgent agent = SshAgent.start(tmp.resolve("agent"))) {
            SshTarget base = sshd.target();
            SshTarget t = new SshTarget("test", base.hostName(), base.user(), base.port(), List.of(), null, base.knownHosts(), agent.socket);
            RemoteException e = assertThrows(RemoteException.class, () -> SshConnection.open(t, null, FAST, null));
            assertTrue(e.getMessage().contains("ssh-agent at " + agent.socket + " holds no key") && e.getMessage().contains("ssh-add"), e.getMessage());

            agent.add(key, "open sesame");
            try (SshConnection c = SshConnection.open(t, null, FAST, null)) {
                assertEquals("through the agent\n", c.exec("echo through the agent").stdout());
            }
            // the same from the fat jar that bin/pocket runs
            List<String> cmd = SshLogin.command(SshLogin.fatJar());
            cmd.addAll(List.of(base.hostName(), String.valueOf(base.port()), base.user(), base.knownHosts().toString(),
                    agent.socket.toString(), "echo from the jar"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.waitFor(), out);
            assertEquals("from the jar\n", out);
            SshTarget gone = new SshTarget("test", base.hostName(), base.user(), base.port(), List.of(), null, base.knownHosts(), tmp.resolve("no.sock"));
            e = assertThrows(RemoteException.class, () -> SshConnection.open(gone, null, FAST, null));
            assertTrue(e.getMessage().contains("no ssh-agent answering at " + tmp.resolve("no.sock")), e.getMessage());
        } finally {
            Files.writeString(authorized, before);
        }
    }

    @Test void agentSocketAsOpenSshPicksIt(@TempDir Path tmp) throws Exception {
        assertEquals(Path.of("/run/agent.sock"), SshTarget.agentSocket(null, "/run/agent.sock", "h", "u"));
        assertNull(SshTarget.agentSocket(null, null, "h", "u"));
        assertNull(SshTarget.agentSocket("none", "/run/agent.sock", "h", "u"));
        assertEquals(Path.of("/run/agent.sock"), SshTarget.agentSocket("SSH_AUTH_SOCK", "/run/agent.sock", "h", "u"));
        assertEquals(Path.of(System.getProperty("user.home"), ".agents", "h.sock"), SshTarget.agentSocket("~/.agents/%h.sock", null, "h", "u"));
        assertEquals(System.getenv("HOME") == null ? null : Path.of(System.getenv("HOME")), SshTarget.agentSocket("${HOME}", null, "h", "u"));
        // through the config file, as jsch parses it
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host site\n    HostName 127.0.0.1\n    IdentityAgent /tmp/site-agent.sock\nHost quiet\n    IdentityAgent none\n");
        assertEquals(Path.of("/tmp/site-agent.sock"), SshTarget.resolve("site", null, -1, List.of(), null, config).agent());
        assertNull(SshTarget.resolve("quiet", null, -1, List.of(), null, config).agent());
    }

    @Test void sshConfigAliasAndProxyJump(@TempDir Path tmp) throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, """
                Host jumpbox
                    HostName 127.0.0.1
                    Port %d
                    User root
                    IdentityFile %s
                Host site-login
                    HostName 127.0.0.1
                    Port %d
                    User root
                    IdentityFile %s
                    UserKnownHostsFile %s
                    ProxyJump jumpbox
                """.formatted(sshd.port, sshd.userKey, sshd.port, sshd.userKey, sshd.knownHosts));
        SshTarget t = SshTarget.resolve("site-login", null, -1, List.of(), null, config);
        assertEquals("127.0.0.1", t.hostName());
        assertEquals(sshd.port, t.port());
        assertEquals("root", t.user());
        assertEquals(List.of(sshd.userKey), t.identityFiles());
        assertEquals(sshd.knownHosts, t.knownHosts());
        assertEquals("jumpbox", t.proxyJump());
        long before = accepted();
        try (SshConnection c = SshConnection.open(t, config, FAST, null)) {
            assertEquals("via-jump\n", c.run("echo via-jump"));
        }
        assertEquals(2, accepted() - before, "one login on the jump host, one through it");
        // run options override the config file
        SshTarget o = SshTarget.resolve("site-login", "alice", 2200, List.of(), null, config);
        assertEquals("alice", o.user());
        assertEquals(2200, o.port());
    }

    @Test void reconnectsAfterTheSessionIsCutAndAfterARestart() throws Exception {
        List<String> notices = new ArrayList<>();
        try (SshConnection c = SshConnection.open(sshd.target(), null, FAST, notices::add)) {
            assertEquals("1\n", c.run("echo 1"));
            assertTrue(sshd.cutSessions() >= 1);
            assertEquals("2\n", c.run("echo 2"));
            assertEquals(1, c.reconnects());
            // the whole daemon goes away for a while
            sshd.stop();
            Thread restart = new Thread(() -> {
                try { Thread.sleep(1500); sshd.launch(); } catch (Exception e) { throw new RuntimeException(e); }
            });
            restart.start();
            assertEquals("3\n", c.run("echo 3"));
            restart.join();
            assertEquals(2, c.reconnects());
            assertTrue(notices.stream().anyMatch(n -> n.contains("reconnecting")), notices.toString());
        }
    }

    private static long accepted() throws Exception {
        return Files.readAllLines(sshd.dir.resolve("sshd.log"), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Accepted publickey")).count();
    }
}
