package pocket.run;

import java.nio.file.Path;
import pocket.workflow.Configurator;
import pocket.workflow.ChunkProcessor;

/**
 * Everything an executor needs besides the chunks: the configuration (and the script it came
 * from, null when built in a notebook, which remote executors need to stage), the resolved
 * options, the processor, where to report progress and the output folder.
 */
public record RunContext(Configurator config, Path configScript, RunOptions options,
                         ChunkProcessor processor, ProgressListener progress, Path outputDir) {}
