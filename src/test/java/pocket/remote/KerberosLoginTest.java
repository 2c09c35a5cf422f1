package pocket.remote;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kerberos logins (gssapi-with-mic, as lxplus takes them) against a real MIT KDC and a real
 * sshd that accepts nothing else, from the fat jar that bin/pocket runs: the JVM finds the
 * ticket where kinit put it (KRB5CCNAME) and the realm in its krb5.conf.
 */
class KerberosLoginTest {
    @Test void aKinitTicketLogsInWithoutAnyKey(@TempDir Path tmp) throws Exception {
        Path jar = SshLogin.fatJar();
        try (Kdc kdc = Kdc.start(tmp.resolve("kdc"));
             Sshd sshd = Sshd.start(tmp.resolve("sshd"), Map.of(),
                     List.of("PubkeyAuthentication no", "GSSAPIAuthentication yes", "GSSAPIStrictAcceptorCheck no"),
                     Map.of("KRB5_KTNAME", kdc.keytab.toString(), "KRB5_CONFIG", kdc.krb5conf.toString()))) {
            Path cache = tmp.resolve("krb5cc");
            // no ticket yet: refused, saying what to do
            Login before = login(jar, kdc, sshd, cache);
            assertNotEquals(0, before.exit, before.out);
            assertTrue(before.out.contains("could not log in") && before.out.contains("run kinit first"), before.out);

            kdc.kinit(cache);
            Login after = login(jar, kdc, sshd, cache);
            assertEquals(0, after.exit, after.out + "\nsshd log:\n" + Files.readString(sshd.dir.resolve("sshd.log")));
            assertEquals("kerberos ok\n", after.out);
            assertTrue(Files.readString(sshd.dir.resolve("sshd.log")).contains("Accepted gssapi-with-mic for " + kdc.user),
                    Files.readString(sshd.dir.resolve("sshd.log")));
        }
    }

    private record Login(int exit, String out) {}

    private static Login login(Path jar, Kdc kdc, Sshd sshd, Path cache) throws Exception {
        List<String> cmd = SshLogin.command(jar, "-Djava.security.krb5.conf=" + kdc.krb5conf);
        SshTarget t = sshd.target();
        cmd.addAll(List.of(t.hostName(), String.valueOf(t.port()), kdc.user, t.knownHosts().toString(), "-", "echo kerberos ok"));
        Path out = cache.resolveSibling("login.out");
        // standard input stays an open pipe, as in a notebook kernel: a password prompt would hang here
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().put("KRB5CCNAME", "FILE:" + cache);
        pb.environment().remove("SSH_AUTH_SOCK");
        Process p = pb.start();
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("the login hung (waiting for a password on standard input?):\n" + Files.readString(out));
        }
        return new Login(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }
}
