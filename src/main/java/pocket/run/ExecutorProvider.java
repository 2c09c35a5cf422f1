package pocket.run;


/** Supplies executor factories for some executor strings; found with ServiceLoader (site executors, user jars). */
public interface ExecutorProvider {
    /** True when this provider makes the executor named by e.g. "dask@T3_CH_PSI" or "slurm@host". */
    boolean accepts(String executorString);

    ExecutorFactory create(String executorString, RunOptions options) throws Exception;

    /** Executor strings this provider makes, listed when an executor is unknown (e.g. "slurm@host"). */
    default java.util.List<String> names() { return java.util.List.of(); }
}
