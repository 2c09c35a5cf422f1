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

    /**
     * Run-option keys this executor reads beyond those of the defaults file (which are always
     * valid). A run with a key that neither the defaults nor its factory know is refused (exit 2),
     * so a custom factory that takes its own options lists them here.
     */
    default java.util.Set<String> optionKeys() { return java.util.Set.of(); }

    @Override void close();
}
