package pocket.remote;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import pocket.workflow.Configurator;
import pocket.workflow.Chunk;
import pocket.workflow.ChunkProcessor;
import pocket.workflow.Output;

/** The analysis itself as batch work: the config script's processor, partial outputs as output_all.json documents. */
final class ConfigWork implements PartialWork {
    private ChunkProcessor processor;

    @Override public void open(Path script) {
        if (script == null) throw new IllegalStateException("remote: the worker got no config script to load");
        processor = Configurator.load(script).processor();
    }

    @Override public JsonObject process(Chunk chunk) throws Exception { return processor.process(chunk).toJson(); }

    @Override public JsonObject merge(JsonObject a, JsonObject b) { return Output.fromJson(a).add(Output.fromJson(b)).toJson(); }
}
