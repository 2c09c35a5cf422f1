package pocket.run;

import java.util.List;
import pocket.workflow.Output;

/** What an executor hands back: the merged output of the processed chunks and every chunk's fate. */
public record ExecutionResult(Output output, List<ChunkFate> fates) {
    public ExecutionResult { fates = List.copyOf(fates); }
}
