package pocket.remote;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import pocket.testing.Services;

/**
 * A one-node Slurm for tests: a private munged (own socket and key copy), slurmctld and slurmd
 * with their state, spool and logs under a temp folder, on spare ports; stopped by PID.
 */
final class SlurmCluster implements AutoCloseable {
    final Path dir;
    final Path conf;
    private final List<Process> processes = new ArrayList<>();
    private long mungePid = -1;

    private SlurmCluster(Path dir) {
        this.dir = dir;
        this.conf = dir.resolve("slurm.conf");
    }

    static boolean available() {
        return Services.hasCommand("/usr/sbin/slurmctld") && Services.hasCommand("/usr/sbin/slurmd")
                && Services.hasCommand("/usr/sbin/munged") && Services.hasCommand("sbatch") && Services.hasCommand("runuser");
    }

    static SlurmCluster start(Path dir) throws Exception {
        Services.require(available(), "Slurm and munge (slurmctld, slurmd, munged, sbatch: apt-get install slurm-wlm munge)");
        SlurmCluster c = new SlurmCluster(dir);
        c.launch();
        return c;
    }

    private void launch() throws Exception {
        Path munge = dir.resolve("munge");
        for (String d : List.of("state", "spool", "log", "munge")) Files.createDirectories(dir.resolve(d));
        Path key = munge.resolve("munge.key");
        Path systemKey = Path.of("/etc/munge/munge.key");
        if (Files.isReadable(systemKey)) Files.copy(systemKey, key);
        else run("mungekey", "-c", "-f", "-k", key.toString());
        run("chown", "-R", "munge:munge", munge.toString());
        run("chmod", "700", munge.toString());
        run("chmod", "600", key.toString());
        // the temp folder's parents must let the munge user reach its folder
        run("chmod", "755", dir.toString());
        Path socket = munge.resolve("munge.socket");
        Process m = new ProcessBuilder("runuser", "-u", "munge", "--", "/usr/sbin/munged", "--foreground", "--force",
                "--socket=" + socket, "--key-file=" + key, "--pid-file=" + munge.resolve("munged.pid"),
                "--log-file=" + munge.resolve("munged.log"), "--seed-file=" + munge.resolve("munged.seed"))
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/munged.out").toFile()).start();
        processes.add(m);
        waitFor(() -> Files.exists(socket), "munged socket " + socket);
        mungePid = Long.parseLong(Files.readString(munge.resolve("munged.pid")).trim());

        int ctld = Sshd.freePort(), slurmd = Sshd.freePort();
        long mem = Math.min(1024, realMemory());
        String user = System.getProperty("user.name");
        Files.writeString(conf, String.join("\n",
                "ClusterName=pocket-test",
                "SlurmctldHost=localhost(127.0.0.1)",
                "SlurmctldPort=" + ctld,
                "SlurmdPort=" + slurmd,
                "AuthType=auth/munge",
                "CredType=cred/munge",
                "AuthInfo=socket=" + socket,
                "SlurmUser=" + user,
                "SlurmdUser=root",
                "StateSaveLocation=" + dir.resolve("state"),
                "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"),
                "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"),
                "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc",
                "TaskPlugin=task/none",
                "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none",
                "JobCompType=jobcomp/filetxt",
                "JobCompLoc=" + dir.resolve("log/jobcomp.txt"),
                "SchedulerType=sched/backfill",
                "SelectType=select/cons_tres",
                "SelectTypeParameters=CR_Core",
                "SchedulerParameters=batch_sched_delay=0,sched_min_interval=0",
                "MinJobAge=3600",
                "ReturnToService=2",
                "MpiDefault=none",
                "NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=" + mem + " State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP",
                ""));
        processes.add(new ProcessBuilder("/usr/sbin/slurmctld", "-D", "-i", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/slurmctld.out").toFile()).start());
        processes.add(new ProcessBuilder("/usr/sbin/slurmd", "-D", "-N", "localhost", "-f", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log/slurmd.out").toFile()).start());
        waitFor(() -> {
            String s = command("sinfo", "-h", "-o", "%T").trim();
            return s.equals("idle");
        }, "the Slurm node to be idle (logs in " + dir.resolve("log") + ")");
    }

    /** Runs a Slurm client command against this cluster; its standard output. */
    String command(String... cmd) {
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            pb.environment().put("SLURM_CONF", conf.toString());
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            return out;
        } catch (Exception e) { return ""; }
    }

    @Override public void close() throws Exception {
        for (int i = processes.size() - 1; i >= 0; i--) {
            Process p = processes.get(i);
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) p.destroyForcibly();
        }
        if (mungePid > 0) ProcessHandle.of(mungePid).ifPresent(ProcessHandle::destroy);
    }

    private static long realMemory() {
        try {
            Process p = new ProcessBuilder("/usr/sbin/slurmd", "-C").start();
            String out = new String(p.getInputStream().readAllBytes());
            p.waitFor();
            var m = java.util.regex.Pattern.compile("RealMemory=(\\d+)").matcher(out);
            return m.find() ? Long.parseLong(m.group(1)) : 1024;
        } catch (Exception e) { return 1024; }
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
    }

    private interface Check { boolean ok() throws Exception; }

    private void waitFor(Check c, String what) throws Exception {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < end) {
            if (c.ok()) return;
            for (Process p : processes)
                if (!p.isAlive() && p != processes.get(0))
                    throw new IllegalStateException("a Slurm daemon died while waiting for " + what + "; logs in " + dir.resolve("log"));
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out waiting for " + what);
    }
}
