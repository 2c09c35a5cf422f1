package pocket.remote;

import java.util.List;
import pocket.run.ExecutorFactory;
import pocket.run.ExecutorProvider;
import pocket.run.RunOptions;

/**
 * The batch-site executors, found by ServiceLoader: {@code dask@lxplus} (HTCondor),
 * {@code dask@T3_CH_PSI} (Slurm), and {@code condor@HOST} / {@code slurm@HOST} for any other
 * site reached over SSH. ("dask" is PocketCoffea's name for these; pocket submits the jobs
 * itself, there is no Dask scheduler.)
 */
public final class SiteExecutorProvider implements ExecutorProvider {
    @Override public boolean accepts(String executor) { return batchOf(executor) != null; }

    @Override public ExecutorFactory create(String executor, RunOptions options) {
        return new BatchExecutorFactory(executor, batchOf(executor), options);
    }

    @Override public List<String> names() { return List.of("dask@lxplus", "dask@T3_CH_PSI", "condor@HOST", "slurm@HOST"); }

    /** "condor" or "slurm" for an executor string this provider makes, else null. */
    static String batchOf(String executor) {
        if (executor == null) return null;
        if (executor.equals("dask@lxplus")) return "condor";
        if (executor.equals("dask@T3_CH_PSI")) return "slurm";
        if (executor.startsWith("condor@") && executor.length() > 7) return "condor";
        if (executor.startsWith("slurm@") && executor.length() > 6) return "slurm";
        return null;
    }
}
