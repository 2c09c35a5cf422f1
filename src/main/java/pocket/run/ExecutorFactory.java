package pocket.run;


/**
 * PocketCoffea's executor factory: set up resources once, hand out the executor, adjust the
 * options it needs, release everything at the end. Looked up by executor string (name@site).
 */
public interface ExecutorFactory extends AutoCloseable {
    /** Prepares resources (a thread pool, an SSH connection) once per run. */
    void setup() throws Exception;

    /** The executor that runs the chunks. */
    ChunkExecutor get();

    /** The options as this executor will run them (e.g. a site's defaults filled in). */
    default RunOptions customizeArgs(RunOptions options) { return options; }

    @Override void close();
}
