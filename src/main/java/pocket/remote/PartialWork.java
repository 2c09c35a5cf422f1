package pocket.remote;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import pocket.workflow.Chunk;

/**
 * What a batch worker computes for one chunk, as JSON it can write to the run folder, and how
 * the driver adds two such partial outputs. {@link ConfigWork} (the analysis's processor and
 * Output) is the one runs use; an implementation needs a public no-argument constructor.
 */
interface PartialWork {
    /** Prepares to process on a worker; {@code script} is the staged config script, or null. */
    default void open(Path script) throws Exception {}

    JsonObject process(Chunk chunk) throws Exception;

    /** The sum of two partial outputs (exact, any order). */
    JsonObject merge(JsonObject a, JsonObject b);

    static PartialWork create(String className) {
        try {
            var c = Class.forName(className).getDeclaredConstructor();
            c.setAccessible(true); // the work classes are package-private: only the worker makes them
            return (PartialWork) c.newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalArgumentException("remote: cannot make the worker's work from class " + className + ": " + e, e);
        }
    }
}
