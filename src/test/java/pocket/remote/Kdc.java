package pocket.remote;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import pocket.testing.Services;

/**
 * A private MIT Kerberos realm for tests: a KDC (krb5kdc) on 127.0.0.1 and a spare port, a
 * user principal named as the local user, host principals for an sshd on this machine in a
 * keytab, and a krb5.conf that clients are pointed to; {@link #kinit} gets a ticket as a user would.
 */
final class Kdc implements AutoCloseable {
    static final String REALM = "POCKET.TEST";
    final Path dir;
    final Path krb5conf;
    final Path keytab;
    final String user;
    private final String password = "pocket-test-password";
    private Process process;

    private Kdc(Path dir, String user) {
        this.dir = dir;
        this.krb5conf = dir.resolve("krb5.conf");
        this.keytab = dir.resolve("sshd.keytab");
        this.user = user;
    }

    static boolean available() {
        return Services.hasCommand("/usr/sbin/krb5kdc") && Services.hasCommand("/usr/sbin/kdb5_util")
                && Services.hasCommand("/usr/sbin/kadmin.local") && Services.hasCommand("kinit");
    }

    static Kdc start(Path dir) throws Exception {
        Services.require(available(), "MIT Kerberos (krb5kdc, kdb5_util, kadmin.local, kinit: apt-get install krb5-kdc krb5-admin-server krb5-user)");
        Files.createDirectories(dir);
        Kdc k = new Kdc(dir, System.getProperty("user.name"));
        int port = Sshd.freePort();
        // no DNS anywhere: the KDC by address, and this machine's names in the test realm
        Files.writeString(k.krb5conf, String.join("\n",
                "[libdefaults]", "  default_realm = " + REALM, "  dns_lookup_kdc = false", "  dns_lookup_realm = false",
                "  dns_canonicalize_hostname = false", "  rdns = false", "  udp_preference_limit = 1",
                "[realms]", "  " + REALM + " = {", "    kdc = 127.0.0.1:" + port, "  }",
                "[domain_realm]", "  localhost = " + REALM, "  127.0.0.1 = " + REALM, ""));
        Files.writeString(dir.resolve("kdc.conf"), String.join("\n",
                "[kdcdefaults]", "  kdc_ports = " + port, "  kdc_tcp_ports = " + port,
                "[realms]", "  " + REALM + " = {", "    database_name = " + dir.resolve("principal"),
                "    key_stash_file = " + dir.resolve("stash"), "    acl_file = " + dir.resolve("kadm5.acl"), "    max_life = 1h", "  }",
                "[logging]", "  kdc = FILE:" + dir.resolve("kdc.log"), ""));
        Files.writeString(dir.resolve("kadm5.acl"), "");
        k.run("kdb5_util", "-r", REALM, "create", "-s", "-P", "pocket-test-master");
        k.run("kadmin.local", "-r", REALM, "-q", "addprinc -pw " + k.password + " " + k.user);
        // JSch asks for host/<canonical name>: 127.0.0.1 is canonicalised to localhost
        for (String host : List.of("localhost", "127.0.0.1")) {
            k.run("kadmin.local", "-r", REALM, "-q", "addprinc -randkey host/" + host);
            k.run("kadmin.local", "-r", REALM, "-q", "ktadd -k " + k.keytab + " host/" + host);
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/sbin/krb5kdc", "-n").redirectErrorStream(true).redirectOutput(dir.resolve("krb5kdc.out").toFile());
        pb.environment().putAll(k.env());
        k.process = pb.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return k;
            } catch (IOException notYet) {
                if (!k.process.isAlive() || System.nanoTime() > end)
                    throw new IllegalStateException("krb5kdc did not start: " + Files.readString(dir.resolve("krb5kdc.out")));
                Thread.sleep(50);
            }
        }
    }

    /** KRB5_CONFIG and KRB5_KDC_PROFILE for the MIT tools and daemons. */
    Map<String, String> env() {
        return Map.of("KRB5_CONFIG", krb5conf.toString(), "KRB5_KDC_PROFILE", dir.resolve("kdc.conf").toString());
    }

    /** Gets the user a ticket into the credential cache {@code cache}, as {@code kinit} at a prompt does. */
    void kinit(Path cache) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("kinit", user + "@" + REALM).redirectErrorStream(true);
        pb.environment().putAll(env());
        pb.environment().put("KRB5CCNAME", "FILE:" + cache);
        Process p = pb.start();
        p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("kinit failed: " + out);
    }

    private void run(String... cmd) throws Exception {
        List<String> c = new ArrayList<>(List.of(cmd));
        ProcessBuilder pb = new ProcessBuilder(c).redirectErrorStream(true);
        pb.environment().putAll(env());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }

    @Override public void close() { Services.stop(process); }
}
