package pocket.remote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * HTCondor: one cluster of {@code queue N} jobs per round from a submit description
 * (condor_submit -terse), states from condor_q (JobStatus 1 idle, 2 running, 6 transferring,
 * 7 suspended count as active; completed, removed and held ones as over), condor_rm.
 */
final class Condor implements BatchSystem {
    @Override public String name() { return "condor"; }

    @Override public Map.Entry<String, String> jobFile(String runDir, String runId, int round, int tasks, JobResources r) {
        if (runDir.contains("\n") || runDir.contains("\""))
            throw new IllegalArgumentException("run option 'remote-workdir': a folder with a newline or \" cannot be written in an HTCondor submit description: " + runDir);
        String logs = BatchFolder.join(runDir, BatchFolder.LOGS);
        StringBuilder s = new StringBuilder();
        s.append("# pocket run ").append(runId).append(", round ").append(round).append(": ").append(tasks).append(" worker job(s)\n");
        s.append("universe = vanilla\n");
        s.append("initialdir = ").append(runDir).append('\n');
        s.append("executable = ").append(BatchFolder.join(runDir, BatchFolder.WORKER_SCRIPT)).append('\n');
        s.append("arguments = \"").append(round).append(" $(Process)\"\n");
        s.append("output = ").append(logs).append("/round-").append(round).append("-$(Process).out\n");
        s.append("error = ").append(logs).append("/round-").append(round).append("-$(Process).err\n");
        s.append("log = ").append(logs).append("/round-").append(round).append(".log\n");
        s.append("request_cpus = ").append(r.cores()).append('\n');
        s.append("request_memory = ").append(r.memMiB()).append('\n');       // MiB
        s.append("request_disk = ").append(r.diskKiB()).append('\n');         // KiB
        if (r.queue() != null) s.append("+JobFlavour = \"").append(r.queue()).append("\"\n");
        if (r.workerImage() != null) s.append("+SingularityImage = \"").append(r.workerImage()).append("\"\n");
        if (r.vomsProxy() != null) s.append("x509userproxy = ").append(r.vomsProxy()).append('\n');
        if (r.deathTimeoutSeconds() > 0) {
            s.append("+MaxRuntime = ").append(r.deathTimeoutSeconds()).append('\n');
            s.append("periodic_remove = (JobStatus == 2) && ((time() - EnteredCurrentStatus) > ").append(r.deathTimeoutSeconds()).append(")\n");
        }
        s.append("getenv = false\n");
        s.append("queue ").append(tasks).append('\n');
        return Map.entry("job-" + round + ".sub", s.toString());
    }

    @Override public String submitCommand(String runDir, String jobFile, int round) {
        return "cd " + ShellQuote.quote(runDir) + " && " + ShellQuote.command("condor_submit", "-terse", jobFile);
    }

    @Override public String parseJobId(String out) throws RemoteException {
        // -terse prints "CLUSTER.FIRST - CLUSTER.LAST"
        for (String line : out.split("\n")) {
            String t = line.trim();
            if (t.matches("\\d+\\.\\d+\\s*-\\s*\\d+\\.\\d+")) return t.substring(0, t.indexOf('.'));
        }
        throw new RemoteException("remote: condor_submit did not print a cluster id: " + out.strip());
    }

    @Override public String statusCommand(List<String> jobIds) {
        List<String> cmd = new ArrayList<>(List.of("condor_q"));
        cmd.addAll(jobIds);
        cmd.addAll(List.of("-af:j", "JobStatus"));
        return ShellQuote.command(cmd) + " 2>/dev/null; true";
    }

    @Override public Map<String, TaskState> parseStatus(String output) {
        Map<String, TaskState> m = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !f[0].matches("\\d+\\.\\d+")) continue;
            int st;
            try { st = Integer.parseInt(f[1]); } catch (NumberFormatException e) { continue; }
            m.put(f[0], st == 1 || st == 2 || st == 6 || st == 7 ? TaskState.ACTIVE : TaskState.ENDED);
        }
        return m;
    }

    @Override public String cancelCommand(List<String> jobIds) {
        List<String> cmd = new ArrayList<>(List.of("condor_rm"));
        cmd.addAll(jobIds);
        return ShellQuote.command(cmd);
    }
}
