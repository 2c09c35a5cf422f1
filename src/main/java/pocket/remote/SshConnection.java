package pocket.remote;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.ChannelSftp;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SftpException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * One SSH login to a site (JSch): runs commands (exit status, stdout, stderr), moves files by
 * SFTP, and when the connection drops, logs in again with backoff and repeats the operation
 * (every operation used through this class is safe to repeat). Host keys are always checked
 * against known_hosts; authentication tries Kerberos (gssapi-with-mic), then public keys from
 * the given files, ssh-agent or ~/.ssh/id_*.
 */
final class SshConnection implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("pocket.remote");
    private static final int CONNECT_TIMEOUT_MS = 20_000;

    private final SshTarget target;
    private final Path configFile;
    private final Backoff backoff;
    private final Consumer<String> notices;
    private Session session;
    private Session jumpSession;
    private ChannelSftp sftp;
    private String home;
    private int reconnects;

    private SshConnection(SshTarget target, Path configFile, Backoff backoff, Consumer<String> notices) {
        this.target = target;
        this.configFile = configFile;
        this.backoff = backoff;
        this.notices = notices == null ? s -> {} : notices;
    }

    /** Logs in now (so a wrong host key or key file is reported at once, not in the middle of a run). */
    public static SshConnection open(SshTarget target, Path configFile, Backoff backoff, Consumer<String> notices) throws RemoteException {
        SshConnection c = new SshConnection(target, configFile, backoff, notices);
        c.session = c.connect(target);
        return c;
    }

    public SshTarget target() { return target; }

    /** How many times the connection was re-established after a drop. */
    public synchronized int reconnects() { return reconnects; }

    // ---------------------------------------------------------------- commands

    /** Runs a command (already quoted with {@link ShellQuote}) and returns its status and output. */
    public ExecResult exec(String command) throws RemoteException {
        return withSession("run `" + abbreviate(command) + "`", s -> execOnce(s, command, null));
    }

    /** Runs a command with the given bytes on its standard input. */
    public ExecResult exec(String command, byte[] stdin) throws RemoteException {
        return withSession("run `" + abbreviate(command) + "`", s -> execOnce(s, command, stdin));
    }

    /** Runs a command that must succeed; its standard output, or an error carrying its stderr. */
    public String run(String command) throws RemoteException {
        ExecResult r = exec(command);
        if (!r.ok())
            throw new RemoteException("remote: `" + abbreviate(command) + "` failed on " + target.display()
                    + " with exit status " + r.exitStatus() + (r.stderr().isBlank() ? "" : ":\n" + r.stderr().strip()));
        return r.stdout();
    }

    /** The remote home folder (absolute), asked once. */
    public synchronized String home() throws RemoteException {
        if (home == null) {
            home = withSession("find the home folder", s -> sftp(s).getHome());
        }
        return home;
    }

    // ---------------------------------------------------------------- files

    /** Copies a local file to a remote path (the folder must exist). */
    public void upload(Path local, String remote) throws RemoteException {
        withSession("upload " + local + " to " + remote, s -> {
            try (InputStream in = Files.newInputStream(local)) { sftp(s).put(in, sftpPath(remote), ChannelSftp.OVERWRITE); }
            return null;
        });
    }

    /** Writes bytes to a remote file (the folder must exist). */
    public void write(byte[] data, String remote) throws RemoteException {
        withSession("write " + remote, s -> { sftp(s).put(new ByteArrayInputStream(data), sftpPath(remote), ChannelSftp.OVERWRITE); return null; });
    }

    /** The bytes of a remote file. */
    public byte[] read(String remote) throws RemoteException {
        return withSession("read " + remote, s -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            sftp(s).get(sftpPath(remote), out);
            return out.toByteArray();
        });
    }

    /** The bytes of a remote file, or null when there is none (a file another process may remove). */
    public byte[] readIfExists(String remote) throws RemoteException {
        return withSession("read " + remote, s -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                sftp(s).get(sftpPath(remote), out);
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) throw e;
                return null;
            }
            return out.toByteArray();
        });
    }

    /** Copies a remote file to a local path, through a temporary name so a half copy is never seen. */
    public void download(String remote, Path local) throws RemoteException {
        withSession("download " + remote, s -> {
            Path tmp = local.resolveSibling(local.getFileName() + ".part");
            try (var out = Files.newOutputStream(tmp)) { sftp(s).get(sftpPath(remote), out); }
            Files.move(tmp, local, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return null;
        });
    }

    /** Names in a remote folder (empty when the folder is missing). */
    public List<String> list(String folder) throws RemoteException {
        return withSession("list " + folder, s -> {
            List<String> names = new ArrayList<>();
            try {
                for (ChannelSftp.LsEntry e : sftp(s).ls(sftpPath(folder))) {
                    String n = e.getFilename();
                    if (!n.equals(".") && !n.equals("..")) names.add(n);
                }
            } catch (SftpException e) {
                if (e.id != ChannelSftp.SSH_FX_NO_SUCH_FILE) throw e;
            }
            return names;
        });
    }

    @Override public synchronized void close() {
        if (sftp != null) sftp.disconnect();
        if (session != null) session.disconnect();
        if (jumpSession != null) jumpSession.disconnect();
        sftp = null; session = null; jumpSession = null;
    }

    // ---------------------------------------------------------------- connection

    private interface Op<T> { T run(Session s) throws Exception; }

    private synchronized <T> T withSession(String what, Op<T> op) throws RemoteException {
        Exception last = null;
        for (int attempt = 0; attempt <= backoff.attempts(); attempt++) {
            try {
                if (session == null || !session.isConnected()) {
                    if (attempt > 0 || session != null) {
                        dropQuietly();
                        session = connect(target);
                        reconnects++;
                        notices.accept("SSH connection to " + target.display() + " re-established");
                    } else {
                        session = connect(target);
                    }
                }
                return op.run(session);
            } catch (HostKeyException | PermanentLoginFailure e) {
                throw e;
            } catch (Exception e) {
                if (session != null && session.isConnected() && !(e instanceof TransientDrop)) {
                    if (e instanceof RemoteException re) throw re;
                    throw new RemoteException("remote: could not " + what + " on " + target.display() + ": " + message(e), e);
                }
                last = e;
                if (attempt == backoff.attempts()) break;
                long wait = backoff.delay(attempt);
                notices.accept("SSH connection to " + target.display() + " lost (" + message(e) + "); reconnecting in "
                        + (wait / 1000.0) + " s (try " + (attempt + 1) + " of " + backoff.attempts() + ")");
                dropQuietly();
                try { Thread.sleep(wait); }
                catch (InterruptedException ie) { Thread.currentThread().interrupt(); throw new RemoteException("remote: interrupted while reconnecting to " + target.display()); }
            }
        }
        throw new RemoteException("remote: lost the connection to " + target.display() + " and could not log in again after "
                + backoff.attempts() + " tries: " + message(last), last);
    }

    private void dropQuietly() {
        try { if (sftp != null) sftp.disconnect(); } catch (RuntimeException ignored) {}
        try { if (session != null) session.disconnect(); } catch (RuntimeException ignored) {}
        sftp = null;
        session = null;
    }

    private ChannelSftp sftp(Session s) throws JSchException {
        if (sftp == null || !sftp.isConnected() || sftp.getSession() != s) {
            sftp = (ChannelSftp) s.openChannel("sftp");
            sftp.connect(CONNECT_TIMEOUT_MS);
        }
        return sftp;
    }

    private static ExecResult execOnce(Session s, String command, byte[] stdin) throws Exception {
        ChannelExec ch = (ChannelExec) s.openChannel("exec");
        ch.setCommand(command);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ch.setErrStream(err);
        ch.setInputStream(stdin == null ? null : new ByteArrayInputStream(stdin));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ch.setOutputStream(out);
        ch.connect(CONNECT_TIMEOUT_MS);
        // JSch fills out/err from its own thread; watch the session so a cut connection is noticed at once
        for (int wait = 1; !ch.isClosed(); wait = Math.min(wait * 2, 50)) {
            if (!s.isConnected()) { ch.disconnect(); throw new TransientDrop("the connection dropped while `" + abbreviate(command) + "` ran"); }
            Thread.sleep(wait);
        }
        int status = ch.getExitStatus();
        ch.disconnect();
        if (status < 0) throw new TransientDrop("the connection closed before `" + abbreviate(command) + "` reported an exit status");
        return new ExecResult(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Session connect(SshTarget t) throws RemoteException {
        Session jumpVia = null;
        if (t.proxyJump() != null) {
            try {
                SshTarget hop = t.jumpTarget(configFile);
                if (jumpSession != null) jumpSession.disconnect();
                jumpSession = connectDirect(hop, null);
                jumpVia = jumpSession;
            } catch (IOException e) {
                if (e instanceof RemoteException re) throw re;
                throw new RemoteException("remote: cannot reach jump host " + t.proxyJump() + ": " + e.getMessage(), e);
            }
        }
        return connectDirect(t, jumpVia);
    }

    private static Session connectDirect(SshTarget t, Session via) throws RemoteException {
        KerberosTickets.only();
        JSch jsch = new JSch();
        CheckedHostKeys keys;
        String offered;
        try {
            if (Files.isRegularFile(t.knownHosts())) jsch.setKnownHosts(t.knownHosts().toString());
            else jsch.setKnownHosts(new ByteArrayInputStream(new byte[0]));
            keys = new CheckedHostKeys(jsch.getHostKeyRepository());
            jsch.setHostKeyRepository(keys);
            offered = addIdentities(jsch, t);
        } catch (JSchException e) {
            throw new PermanentLoginFailure("remote: cannot prepare the login to " + t.display() + ": " + e.getMessage());
        }
        try {
            Session s = jsch.getSession(t.user(), t.hostName(), t.port());
            s.setConfig("StrictHostKeyChecking", "yes");
            s.setConfig("PreferredAuthentications", "gssapi-with-mic,publickey");
            s.setServerAliveInterval(15_000);
            s.setServerAliveCountMax(3);
            if (via != null) s.setProxy(new JumpProxy(via));
            s.connect(CONNECT_TIMEOUT_MS);
            LOG.log(System.Logger.Level.DEBUG, "logged in to " + t.display());
            return s;
        } catch (JSchException e) {
            if (keys.lastResult == HostKeyRepository.NOT_INCLUDED && keys.lastKey != null) throw unknownHost(t, keys.lastKey);
            if (keys.lastResult == HostKeyRepository.CHANGED && keys.lastKey != null) throw changedHost(t, keys.lastKey);
            String m = String.valueOf(e.getMessage());
            if (m.contains("Auth fail") || m.contains("Auth cancel"))
                throw new PermanentLoginFailure("remote: could not log in to " + t.display() + ": tried Kerberos (gssapi-with-mic; run kinit first) and "
                        + offered + "; set run option 'ssh-identity' or load your key into ssh-agent (ssh-add)");
            throw new TransientDrop("cannot connect to " + t.display() + ": " + message(e));
        }
    }

    /**
     * Offers the keys as OpenSSH would: the key files when given; else the keys ssh-agent holds;
     * else ~/.ssh/id_*. Returns what was offered, for the login error.
     */
    private static String addIdentities(JSch jsch, SshTarget t) throws JSchException {
        if (!t.identityFiles().isEmpty()) {
            for (Path p : t.identityFiles()) {
                if (!Files.isRegularFile(p))
                    throw new JSchException("key file " + p + " (run option 'ssh-identity' or IdentityFile) does not exist");
                jsch.addIdentity(p.toString());
            }
            return "the key files " + t.identityFiles();
        }
        String agentNote;
        if (t.agent() == null) {
            agentNote = "no ssh-agent (SSH_AUTH_SOCK is not set)";
        } else {
            try {
                SSHAgentConnector connector = new SSHAgentConnector(t.agent());
                if (!connector.isAvailable()) {
                    agentNote = "no ssh-agent answering at " + t.agent();
                } else {
                    AgentIdentityRepository agent = new AgentIdentityRepository(connector);
                    int n = agent.getIdentities().size();
                    if (n > 0) {
                        jsch.setIdentityRepository(agent);
                        return "the " + (n == 1 ? "key" : n + " keys") + " of ssh-agent at " + t.agent();
                    }
                    agentNote = "ssh-agent at " + t.agent() + " holds no key";
                }
            } catch (Exception | LinkageError e) {
                agentNote = "ssh-agent at " + t.agent() + " not usable (" + e.getMessage() + ")";
            }
            LOG.log(System.Logger.Level.DEBUG, agentNote);
        }
        List<String> files = new ArrayList<>();
        for (String n : new String[]{"id_ed25519", "id_ecdsa", "id_rsa"}) {
            Path p = SshTarget.home().resolve(".ssh").resolve(n);
            if (Files.isRegularFile(p)) { jsch.addIdentity(p.toString()); files.add(p.toString()); }
        }
        return agentNote + " and " + (files.isEmpty() ? "no ~/.ssh/id_ed25519, id_ecdsa or id_rsa" : "the key files " + files);
    }

    private static HostKeyException unknownHost(SshTarget t, byte[] key) {
        String type = CheckedHostKeys.keyType(key);
        String fp = CheckedHostKeys.fingerprint(key);
        String keyscanType = type.replace("ssh-", "").replaceAll("-sha2-nistp\\d+", "");
        return new HostKeyException("remote: the host key of " + t.knownHostsName() + " is not in " + t.knownHosts() + "\n"
                + "  it offered " + type + " " + fp + "\n"
                + "  pocket never accepts a host key by itself. Compare the fingerprint with the one your site publishes, then either\n"
                + "    ssh-keyscan -p " + t.port() + " -t " + keyscanType + " " + t.hostName() + " >> " + t.knownHosts() + "\n"
                + "  or log in once with `ssh -p " + t.port() + " " + t.user() + "@" + t.hostName() + "` and answer yes.");
    }

    private static HostKeyException changedHost(SshTarget t, byte[] key) {
        return new HostKeyException("remote: the host key of " + t.knownHostsName() + " does NOT match the one in " + t.knownHosts() + "\n"
                + "  it now offers " + CheckedHostKeys.keyType(key) + " " + CheckedHostKeys.fingerprint(key) + "\n"
                + "  this is what a man-in-the-middle attack looks like; if the server was really reinstalled, remove the old key with\n"
                + "    ssh-keygen -R '" + t.knownHostsName() + "' -f " + t.knownHosts() + "\n"
                + "  and accept the new one after checking its fingerprint.");
    }

    private static String message(Throwable e) {
        if (e == null) return "unknown cause";
        Throwable c = e;
        while (c.getCause() != null && c.getMessage() != null && c.getMessage().equals(String.valueOf(c.getCause()))) c = c.getCause();
        return c.getMessage() != null ? c.getMessage() : c.getClass().getSimpleName();
    }

    /** JSch expands * and ? in SFTP paths and takes \\ as escape: escape them so names are taken literally. */
    static String sftpPath(String path) {
        StringBuilder b = new StringBuilder(path.length() + 8);
        for (char ch : path.toCharArray()) {
            if (ch == '\\' || ch == '*' || ch == '?') b.append('\\');
            b.append(ch);
        }
        return b.toString();
    }

    static String abbreviate(String command) {
        String one = command.replace('\n', ' ');
        return one.length() <= 120 ? one : one.substring(0, 117) + "...";
    }

    /** The connection went away under an operation: log in again and repeat it. */
    private static final class TransientDrop extends RemoteException {
        TransientDrop(String m) { super("remote: " + m); }
    }

    /** Login refused for a reason a retry cannot fix (keys, host key). */
    private static final class PermanentLoginFailure extends RemoteException {
        PermanentLoginFailure(String m) { super(m); }
    }
}
