package pocket.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pocket.remote.BatchRun;
import pocket.remote.RemoteRuns;
import pocket.run.ChunkFate;
import pocket.run.ProgressListener;
import pocket.run.RunOptions;

/** {@code pocket attach RUN_ID}: resume watching a batch run whose driver stopped, then write its output. */
@Command(name = "attach", mixinStandardHelpOptions = true,
        description = "Resume watching a batch run (dask@lxplus, dask@T3_CH_PSI, condor@HOST, slurm@HOST) whose driver stopped,"
                + " and write its output when it is done.")
public final class AttachCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_ID", description = "the run id printed when the run started (folders under --runs-dir)")
    String runId;

    @Option(names = "--resubmit-failed", description = "give chunks that ran out of retries new attempts")
    boolean resubmitFailed;

    @Option(names = "--runs-dir", paramLabel = "DIR", description = "where batch runs keep their state (default ~/.pocket/runs)")
    Path runsDir;

    @Option(names = {"-o", "--outputdir"}, paramLabel = "DIR", description = "output folder (default: the one the run was started with)")
    Path outputDir;

    @Option(names = "--ssh-identity", paramLabel = "FILE", description = "key file to log in with this time")
    Path identity;

    @Spec CommandSpec spec;

    @Override public Integer call() {
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        Map<String, Object> o = new LinkedHashMap<>();
        if (runsDir != null) o.put("runs-dir", runsDir.toString());
        if (identity != null) o.put("ssh-identity", identity.toString());
        ProgressListener progress = new ProgressListener() {
            int done, total;
            @Override public void started(int chunks, long events) { total = chunks; }
            @Override public void chunkDone(ChunkFate f) {
                done++;
                out.println("[" + done + "/" + total + "] " + f.status() + " " + f.chunk().id() + (f.reason() == null ? "" : ": " + f.reason()));
                out.flush();
            }
            @Override public void message(String text) { out.println(text); out.flush(); }
        };
        try {
            BatchRun.Result r = RemoteRuns.attach(runId, new RunOptions(o), resubmitFailed, progress);
            Path dir = outputDir != null ? outputDir : r.outputDir();
            long failed = r.fates().stream().filter(f -> f.status() == ChunkFate.Status.FAILED).count();
            if (dir != null) {
                RemoteRuns.writeOutput(r, dir);
                out.println("Saving output to " + dir.resolve("output_all.json") + (failed == 0 ? "" : " (INCOMPLETE: " + failed + " chunks failed)"));
            }
            out.println(failed == 0 ? "Run " + runId + " complete" : "Run " + runId + " INCOMPLETE: " + failed
                    + " chunk(s) failed; `pocket attach " + runId + " --resubmit-failed` tries them again");
            return failed == 0 ? 0 : 1;
        } catch (Exception e) {
            err.println("pocket attach: " + pocket.util.UserMessages.of(e));
            if (pocket.util.UserMessages.debug()) e.printStackTrace(err);
            return ExitCodes.BAD_INPUT;
        }
    }
}
