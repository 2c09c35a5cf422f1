package pocket.remote;

import java.nio.file.Path;
import java.util.List;
import pocket.run.ChunkFate;
import pocket.run.ExecutorFactory;
import pocket.run.ProgressListener;
import pocket.run.ChunkExecutor;
import pocket.run.ExecutionResult;
import pocket.run.RunContext;
import pocket.run.RunOptions;
import pocket.workflow.Chunk;
import pocket.workflow.Output;

/** A batch-site executor: each execute() is one {@link BatchRun} of the config's processor on the site's workers. */
final class BatchExecutorFactory implements ExecutorFactory {
    private final String executor;
    private final String batch;
    private final RunOptions options;

    BatchExecutorFactory(String executor, String batch, RunOptions options) {
        this.executor = executor;
        this.batch = batch;
        this.options = options;
    }

    @Override public RunOptions customizeArgs(RunOptions o) {
        // condor@HOST and slurm@HOST name the login node themselves
        if (!o.has("ssh-host") && (executor.startsWith("condor@") || executor.startsWith("slurm@")))
            return o.with("ssh-host", executor.substring(executor.indexOf('@') + 1));
        return o;
    }

    @Override public void setup() {
        RunOptions o = customizeArgs(options);
        if (!o.has("ssh-host"))
            throw new IllegalArgumentException("executor " + executor + ": run option 'ssh-host' is not set: name the site's login node"
                    + " (a host name or a Host alias of ~/.ssh/config), e.g. --ssh-host=login.example.org or ssh-host: in the -ro YAML");
        JobResources.from(o); // a bad walltime or memory is reported before anything is staged
    }

    /** Knobs of the SSH watch and staging beyond the defaults file's keys. */
    @Override public java.util.Set<String> optionKeys() {
        return java.util.Set.of("ssh-reconnect-first-ms", "ssh-reconnect-max-ms", "ssh-reconnect-attempts", "pocket-jar");
    }

    @Override public ChunkExecutor get() { return this::execute; }

    private ExecutionResult execute(List<Chunk> chunks, RunContext ctx) throws Exception {
        Path script = ctx.configScript();
        if (script == null)
            throw new IllegalArgumentException("executor " + executor + " runs the analysis on batch workers, which load it from its"
                    + " config script: run it from a .jsh file (pocket run --cfg analysis.jsh, or Pocket.config(Path)), not from a"
                    + " configuration built in the notebook");
        BatchRun.Result r = BatchRun.start(executor, batch, chunks, ConfigWork.class.getName(), script,
                customizeArgs(ctx.options()), ctx.outputDir(), withoutStart(ctx.progress()));
        Output out = r.merged() == null ? Output.empty() : Output.fromJson(r.merged());
        return new ExecutionResult(out, r.fates());
    }

    @Override public void close() {}

    /** The runner has announced these chunks already; the batch run's own announcement (for attach) would count them twice. */
    private static ProgressListener withoutStart(ProgressListener p) {
        return new ProgressListener() {
            @Override public void chunkDone(ChunkFate f) { p.chunkDone(f); }
            @Override public void message(String text) { p.message(text); }
        };
    }
}
