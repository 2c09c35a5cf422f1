package pocket.remote;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Slurm: one array job per round (sbatch --array), states from squeue (no slurmdbd needed), scancel. */
final class Slurm implements BatchSystem {
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING", "SUSPENDED",
            "REQUEUED", "REQUEUE_HOLD", "REQUEUE_FED", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED", "RESV_DEL_HOLD");

    @Override public String name() { return "slurm"; }

    @Override public Map.Entry<String, String> jobFile(String runDir, String runId, int round, int tasks, JobResources r) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# pocket run ").append(runId).append(", round ").append(round).append(": ").append(tasks).append(" worker task(s)\n");
        s.append("#SBATCH --job-name=pocket-").append(runId).append('\n');
        if (r.queue() != null) s.append("#SBATCH --partition=").append(r.queue()).append('\n');
        if (r.walltime() != null) s.append("#SBATCH --time=").append(r.walltime()).append('\n');
        s.append("#SBATCH --mem=").append(r.memMiB()).append("M\n");
        s.append("#SBATCH --cpus-per-task=").append(r.cores()).append('\n');
        s.append("#SBATCH --array=0-").append(tasks - 1).append('\n');
        // --output/--error/--chdir are given on the sbatch command line, where the run folder can be quoted
        s.append("exec /bin/bash ./").append(BatchFolder.WORKER_SCRIPT).append(' ').append(round).append(" \"$SLURM_ARRAY_TASK_ID\"\n");
        return Map.entry("job-" + round + ".sbatch", s.toString());
    }

    @Override public String submitCommand(String runDir, String jobFile, int round) {
        return ShellQuote.command("sbatch", "--parsable", "--chdir=" + runDir,
                "--output=" + BatchFolder.join(runDir, BatchFolder.LOGS, "round-" + round + "-%a.out"),
                "--error=" + BatchFolder.join(runDir, BatchFolder.LOGS, "round-" + round + "-%a.err"), jobFile);
    }

    @Override public String parseJobId(String out) throws RemoteException {
        String id = out.strip().split("[;\\s]")[0];
        if (!id.matches("\\d+")) throw new RemoteException("remote: sbatch did not print a job id: " + out.strip());
        return id;
    }

    @Override public String statusCommand(List<String> jobIds) {
        StringBuilder b = new StringBuilder();
        for (String id : jobIds)
            b.append(ShellQuote.command("squeue", "-h", "-r", "-t", "all", "-j", id, "-o", "%i %T")).append(" 2>/dev/null; ");
        return b.append("true").toString();
    }

    @Override public Map<String, TaskState> parseStatus(String output) {
        Map<String, TaskState> m = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !f[0].contains("_")) continue;
            String key = f[0].replace('_', '.');
            if (key.contains("[")) continue; // a not yet split pending array: its tasks count as active below
            m.put(key, ACTIVE.contains(f[1]) ? TaskState.ACTIVE : TaskState.ENDED);
        }
        // a pending array shows as JOBID_[0-3]: expand it
        for (String line : output.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 2 || !f[0].contains("_[")) continue;
            String job = f[0].substring(0, f[0].indexOf('_'));
            String spec = f[0].substring(f[0].indexOf('[') + 1, f[0].indexOf(']')).replaceAll("%\\d+", "");
            for (String part : spec.split(",")) {
                String[] ab = part.split("-");
                int a = Integer.parseInt(ab[0]), z = ab.length > 1 ? Integer.parseInt(ab[1]) : a;
                for (int k = a; k <= z; k++) m.putIfAbsent(job + "." + k, TaskState.ACTIVE);
            }
        }
        return m;
    }

    @Override public String cancelCommand(List<String> jobIds) {
        return ShellQuote.command(java.util.stream.Stream.concat(java.util.stream.Stream.of("scancel"), jobIds.stream()).toList());
    }
}
