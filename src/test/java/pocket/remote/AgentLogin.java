package pocket.remote;

import java.nio.file.Path;
import java.util.List;

/**
 * Logs in through an ssh-agent and runs one command: started by a test in a JVM of its own on
 * the fat jar, to check what `bin/pocket` ships (JSch's agent socket needs a Java 16+ class).
 * Arguments: host port user known_hosts agent_socket command.
 */
final class AgentLogin {
    private AgentLogin() {}

    public static void main(String[] a) throws Exception {
        SshTarget t = new SshTarget("test", a[0], a[2], Integer.parseInt(a[1]), List.of(), null, Path.of(a[3]), Path.of(a[4]));
        try (SshConnection c = SshConnection.open(t, null, new Backoff(200, 1000, 3), null)) {
            System.out.print(c.exec(a[5]).stdout());
        }
    }
}
