package pocket.remote;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A batch site for tests outside this package (the notebooks): a real one-node Slurm behind a
 * real sshd on 127.0.0.1, and the run-options YAML a physicist keeps for it, with a
 * {@code dask@T3_CH_PSI} section holding the connection settings.
 */
public final class SlurmSite implements AutoCloseable {
    private final SlurmCluster slurm;
    private final Sshd sshd;
    private final Path yaml;

    private SlurmSite(SlurmCluster slurm, Sshd sshd, Path yaml) {
        this.slurm = slurm;
        this.sshd = sshd;
        this.yaml = yaml;
    }

    public static boolean available() { return SlurmCluster.available() && Sshd.available(); }

    /** Starts Slurm and sshd under {@code dir} and writes {@code dir/T3_CH_PSI.yaml}. */
    public static SlurmSite start(Path dir) throws Exception {
        Files.createDirectories(dir);
        // munge needs a short path its own user can reach: under /tmp, not inside a test's deep temp folder
        SlurmCluster slurm = SlurmCluster.start(Files.createTempDirectory(Path.of("/tmp"), "pocket-slurm-"));
        Sshd sshd;
        try {
            sshd = Sshd.start(dir.resolve("sshd"), Map.of("SLURM_CONF", slurm.conf.toString()));
        } catch (Exception | Error e) {
            slurm.close();
            throw e;
        }
        Path yaml = dir.resolve("T3_CH_PSI.yaml");
        Files.writeString(yaml, "# the test's stand-in for PSI's login node: a real sshd and Slurm on 127.0.0.1\n"
                + "dask@T3_CH_PSI:\n"
                + "  ssh-host: 127.0.0.1\n"
                + "  ssh-port: " + sshd.port + "\n"
                + "  ssh-user: " + System.getProperty("user.name") + "\n"
                + "  ssh-identity: " + sshd.userKey + "\n"
                + "  ssh-known-hosts: " + sshd.knownHosts + "\n"
                + "  ssh-config: " + dir.resolve("no-ssh-config") + "\n"
                + "  remote-workdir: " + dir.resolve("remote-work") + "\n"
                + "  runs-dir: " + dir.resolve("runs") + "\n"
                + "  java-home: " + System.getProperty("java.home") + "\n"
                + "  queue: debug\n"
                + "  walltime: \"00:10:00\"\n"
                + "  mem-per-worker: 450MB\n"
                + "  cores-per-worker: 1\n"
                + "  scaleout: 2\n"
                + "  poll-interval: 1\n");
        return new SlurmSite(slurm, sshd, yaml);
    }

    /** The run-options YAML ({@code -ro}, {@code Pocket.runOptions}) for this site. */
    public Path options() { return yaml; }

    @Override public void close() throws Exception {
        try {
            sshd.close();
        } finally {
            slurm.close();
        }
    }
}
