package pocket.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a real service (sshd, Slurm, XRootD, nginx, Jupyter) call this when it is
 * missing: a loud skip for a plain user, a failure in CI (CI=true), never a silent pass.
 */
public final class Services {
    private Services() {}

    public static boolean inCi() { return "true".equalsIgnoreCase(System.getenv("CI")); }

    public static void require(boolean available, String what) {
        if (available) return;
        String msg = "SERVICE MISSING: " + what + " (installed by .ci/run with apt-get)";
        if (inCi()) Assertions.fail(msg + " -- CI=true, so this is a failure, not a skip");
        System.err.println("\n*** SKIPPING: " + msg + " ***\n");
        Assumptions.abort(msg);
    }

    /** True when an executable is on PATH or at an absolute path. */
    public static boolean hasCommand(String cmd) {
        if (cmd.startsWith("/")) return new java.io.File(cmd).canExecute();
        for (String d : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
            if (new java.io.File(d, cmd).canExecute()) return true;
        return new java.io.File("/usr/sbin", cmd).canExecute();
    }

    /** Stops a service process: SIGTERM, then after 10 s SIGKILL. */
    public static void stop(Process p) {
        if (p == null) return;
        p.destroy();
        try {
            if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
