package pocket.remote;

import java.nio.file.Path;
import java.util.List;

/**
 * Logs in with no key file and runs one command: started by tests in a JVM of their own on the
 * fat jar, to check what `bin/pocket` ships, with an environment of its own (an ssh-agent
 * socket, a Kerberos ticket cache). Arguments: host port user known_hosts agent_socket|- command.
 */
final class SshLogin {
    private SshLogin() {}

    public static void main(String[] a) throws Exception {
        Path agent = a[4].equals("-") ? null : Path.of(a[4]);
        SshTarget t = new SshTarget("test", a[0], a[2], Integer.parseInt(a[1]), List.of(), null, Path.of(a[3]), agent);
        try (SshConnection c = SshConnection.open(t, null, new Backoff(200, 1000, 3), null)) {
            System.out.print(c.exec(a[5]).stdout());
        }
    }

    /** The java command that runs this class on the fat jar (with this class's own folder after it). */
    static List<String> command(Path jar, String... javaOptions) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(javaOptions));
        cmd.addAll(List.of("-cp", jar + java.io.File.pathSeparator + Path.of(SshLogin.class.getProtectionDomain().getCodeSource().getLocation().toURI()),
                SshLogin.class.getName()));
        return cmd;
    }

    /** target/pocket.jar, required (CI builds it before the tests). */
    static Path fatJar() {
        Path jar = Path.of(System.getProperty("pocket.home", ".")).resolve("target/pocket.jar");
        pocket.testing.Services.require(java.nio.file.Files.isRegularFile(jar),
                jar + " (the fat jar: mvn -B -q -DskipTests package, as .ci/run does before the tests)");
        return jar;
    }
}
