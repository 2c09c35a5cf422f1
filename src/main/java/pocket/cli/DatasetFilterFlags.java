package pocket.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** --filter-years / --filter-samples / --filter-datasets (comma separated) as a picocli mixin. */
final class DatasetFilterFlags {
    @Option(names = "--filter-years", split = ",", paramLabel = "YEAR",
            description = "Only datasets of these data-taking periods (comma separated)")
    public List<String> years = List.of();

    @Option(names = "--filter-samples", split = ",", paramLabel = "SAMPLE",
            description = "Only datasets of these samples (comma separated)")
    public List<String> samples = List.of();

    @Option(names = "--filter-datasets", split = ",", paramLabel = "DATASET",
            description = "Only these datasets (comma separated)")
    public List<String> datasets = List.of();
}
