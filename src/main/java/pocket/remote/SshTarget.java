package pocket.remote;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pocket.run.RunOptions;

/**
 * Where to log in: the host as the user names it (an alias of ~/.ssh/config or a host name),
 * resolved to host name, user, port, key files, jump host and known_hosts file. Run options
 * (ssh-host, ssh-user, ssh-port, ssh-identity, ssh-known-hosts, ssh-config) win over
 * ~/.ssh/config, which wins over OpenSSH's defaults. Holds paths to keys, never key material;
 * {@code agent} is the ssh-agent socket asked for keys when no key file is given (null: none).
 */
record SshTarget(String alias, String hostName, String user, int port,
                        List<Path> identityFiles, String proxyJump, Path knownHosts, Path agent) {

    public SshTarget {
        if (hostName == null || hostName.isBlank()) throw new IllegalArgumentException("remote: no SSH host given (run option 'ssh-host')");
        if (port <= 0 || port > 65535) throw new IllegalArgumentException("remote: SSH port " + port + " of " + alias + " is not a port (1-65535)");
        identityFiles = List.copyOf(identityFiles);
    }

    /** "user@host:port" as ssh would print it, for messages. */
    public String display() { return user + "@" + hostName + (port == 22 ? "" : ":" + port); }

    /** The known_hosts name OpenSSH uses: host, or [host]:port off port 22. */
    public String knownHostsName() { return port == 22 ? hostName : "[" + hostName + "]:" + port; }

    /** The target named by the run options (ssh-host, ...), completed from the SSH config file. */
    public static SshTarget fromOptions(RunOptions o) throws IOException {
        String host = o.getString("ssh-host", null);
        if (host == null || host.isBlank())
            throw new IllegalArgumentException("remote: run option 'ssh-host' is not set: name the login node (e.g. lxplus.cern.ch or an alias of ~/.ssh/config)");
        Path config = o.has("ssh-config") ? expand(o.getString("ssh-config", null)) : home().resolve(".ssh/config");
        int port = o.has("ssh-port") ? o.getInt("ssh-port", 22) : -1;
        List<Path> ids = new ArrayList<>();
        for (String s : o.getList("ssh-identity")) ids.add(expand(s));
        Path known = o.has("ssh-known-hosts") ? expand(o.getString("ssh-known-hosts", null)) : null;
        return resolve(host, o.getString("ssh-user", null), port, ids, known, config);
    }

    /**
     * Resolves an alias or host: explicit values (null / -1 / empty when unset) first, then the
     * matching Host block of the config file, then OpenSSH's defaults.
     */
    public static SshTarget resolve(String host, String user, int port, List<Path> identities,
                                    Path knownHosts, Path configFile) throws IOException {
        String spec = host;
        // "user@host:port" as typed on the command line
        if (spec.contains("@")) {
            String u = spec.substring(0, spec.lastIndexOf('@'));
            spec = spec.substring(spec.lastIndexOf('@') + 1);
            if (user == null) user = u;
        }
        if (spec.matches(".*:\\d+") && !spec.startsWith("[")) {
            int p = Integer.parseInt(spec.substring(spec.lastIndexOf(':') + 1));
            spec = spec.substring(0, spec.lastIndexOf(':'));
            if (port < 0) port = p;
        }
        ConfigRepository.Config c = null;
        if (configFile != null && Files.isRegularFile(configFile)) {
            try { c = OpenSSHConfig.parseFile(configFile.toString()).getConfig(spec); }
            catch (IOException e) { throw new IOException("remote: cannot read SSH config " + configFile + ": " + e.getMessage(), e); }
        }
        String hostName = c != null && c.getHostname() != null ? c.getHostname() : spec;
        if (user == null && c != null) user = c.getUser();
        if (user == null) user = System.getProperty("user.name");
        if (port < 0 && c != null && c.getPort() > 0) port = c.getPort();
        if (port < 0) port = 22;
        List<Path> ids = new ArrayList<>(identities);
        if (ids.isEmpty() && c != null && c.getValues("IdentityFile") != null)
            for (String s : c.getValues("IdentityFile")) ids.add(expandTokens(s, hostName, user));
        String jump = c != null ? c.getValue("ProxyJump") : null;
        if (jump != null && (jump.isBlank() || jump.equalsIgnoreCase("none"))) jump = null;
        if (knownHosts == null && c != null && c.getValue("UserKnownHostsFile") != null)
            knownHosts = expandTokens(c.getValue("UserKnownHostsFile").trim().split("\\s+")[0], hostName, user);
        if (knownHosts == null) knownHosts = home().resolve(".ssh/known_hosts");
        Path agent = agentSocket(c != null ? c.getValue("IdentityAgent") : null, System.getenv("SSH_AUTH_SOCK"), hostName, user);
        return new SshTarget(spec, hostName, user, port, ids, jump, knownHosts, agent);
    }

    /**
     * The agent socket as OpenSSH picks it: the config's IdentityAgent ("none"; "SSH_AUTH_SOCK";
     * "$VAR" naming an environment variable; or a path) or else the SSH_AUTH_SOCK variable.
     */
    static Path agentSocket(String identityAgent, String authSock, String host, String user) {
        String v = identityAgent == null ? "SSH_AUTH_SOCK" : identityAgent.trim();
        if (v.equalsIgnoreCase("none")) return null;
        String path = v.equals("SSH_AUTH_SOCK") ? authSock
                : v.startsWith("$") ? System.getenv(v.replaceAll("^\\$\\{?|}$", ""))
                : v;
        if (path == null || path.isBlank()) return null;
        return v.equals(path) ? expandTokens(path, host, user) : Path.of(path);
    }

    /** The first hop of this target's ProxyJump, resolved with the same config file. */
    public SshTarget jumpTarget(Path configFile) throws IOException {
        if (proxyJump == null) return null;
        String first = proxyJump.split(",")[0].trim();
        if (first.startsWith("ssh://")) first = first.substring(6);
        return resolve(first, null, -1, List.of(), knownHosts, configFile);
    }

    static Path home() { return Path.of(System.getProperty("user.home")); }

    static Path expand(String p) {
        if (p.equals("~")) return home();
        if (p.startsWith("~/")) return home().resolve(p.substring(2));
        return Path.of(p);
    }

    private static Path expandTokens(String p, String host, String user) {
        String s = p.replace("%d", home().toString()).replace("%h", host).replace("%u", System.getProperty("user.name"))
                .replace("%r", user).replace("%%", "%");
        return expand(s);
    }

    /** The executor-string options this class reads, for listings and nearest-name hints. */
    public static final Map<String, String> OPTIONS = Map.of(
            "ssh-host", "login node or ~/.ssh/config alias",
            "ssh-user", "user name on the login node",
            "ssh-port", "SSH port (default 22 or the config's Port)",
            "ssh-identity", "private key file(s); default: ssh-agent, then ~/.ssh/id_*",
            "ssh-known-hosts", "known_hosts file (default ~/.ssh/known_hosts)",
            "ssh-config", "OpenSSH client config (default ~/.ssh/config)");
}
