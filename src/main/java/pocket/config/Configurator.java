package pocket.config;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.List;
import pocket.workflow.ChunkProcessor;

/** PLACEHOLDER: the analysis configuration; the configuration work replaces the body, the signatures stay. */
public class Configurator {
    /** Runs a config script (analysis.jsh) with JShell and returns the Configurator it names {@code cfg}. */
    public static Configurator load(Path script) { throw new UnsupportedOperationException("Configurator not built yet"); }

    /** The datasets after the config's own filters, in order. */
    public List<Dataset> datasets() { throw new UnsupportedOperationException("Configurator not built yet"); }

    /** The tree to read in every file (NanoAOD: "Events"). */
    public String treeName() { return "Events"; }

    /** The processor for one chunk: the configured workflow class over this configuration. */
    public ChunkProcessor processor() { throw new UnsupportedOperationException("Configurator not built yet"); }

    /** What ran, for config.json: datasets, cuts, categories, weights and variables. */
    public JsonObject toJson() { throw new UnsupportedOperationException("Configurator not built yet"); }
}
