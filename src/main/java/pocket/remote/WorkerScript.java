package pocket.remote;

/** The shell script a batch job runs: the site's setup commands, then the worker on the staged class path. */
final class WorkerScript {
    private WorkerScript() {}

    static String text(String runDir, String runId, JobResources r) {
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        s.append("# pocket worker of run ").append(runId).append("; arguments: ROUND TASK\n");
        s.append("set -u\n");
        s.append("cd ").append(ShellQuote.quote(runDir)).append(" || exit 3\n");
        if (!r.setupCommands().isEmpty()) {
            s.append("# custom-setup-commands\n");
            for (String c : r.setupCommands()) s.append(c).append('\n');
        }
        String java = r.javaHome() != null ? ShellQuote.quote(r.javaHome() + "/bin/java") : "java";
        long heap = Math.max(256, r.memMiB() * 3 / 4);
        s.append("exec ").append(java).append(" -Xmx").append(heap).append("m -XX:ActiveProcessorCount=").append(r.cores())
         .append(" -cp \"$(cat ").append(BatchFolder.CLASSPATH).append(")\" pocket.remote.Worker ")
         .append(ShellQuote.quote(runDir)).append(" \"$1\" \"$2\"\n");
        return s.toString();
    }
}
