package pocket.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import pocket.workflow.Output;

/**
 * What a run produced: the postprocessed outputs by name ("all", or one per dataset with -ps),
 * every chunk's fate (of this invocation), the options it ran with and the performance report.
 * Complete means no chunk failed; skipped chunks are reported but do not make a run incomplete.
 */
public record RunResult(Path outputDir, Map<String, Output> outputs, List<ChunkFate> fates,
                        RunOptions options, PerformanceReport performance) {
    public RunResult {
        outputs = Map.copyOf(outputs);
        fates = List.copyOf(fates);
    }

    /** The single output of a run over all datasets at once (null with process-separately). */
    public Output output() { return outputs.get("all"); }

    public long count(ChunkFate.Status s) { return fates.stream().filter(f -> f.status() == s).count(); }

    public List<ChunkFate> failed() { return fates.stream().filter(f -> f.status() == ChunkFate.Status.FAILED).toList(); }

    public List<ChunkFate> skipped() { return fates.stream().filter(f -> f.status() == ChunkFate.Status.SKIPPED).toList(); }

    public boolean complete() { return failed().isEmpty(); }

    /** 0 when complete, 1 when some chunks failed (the partial output is still written). */
    public int exitCode() { return complete() ? 0 : 1; }
}
