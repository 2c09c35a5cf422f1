package pocket.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import pocket.results.Merge;
import pocket.results.OutputFolder;

/** {@code pocket merge OUT1 OUT2 ... -o MERGED}: PocketCoffea's merge-outputs, adding raw sums and normalising once. */
@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Add the outputs of several runs of one config (per era, per dataset group, per batch submission) into one output folder.",
                "The raw sums (output_*.raw.json) are added exactly and normalised once, so MC is never divided by its sum of"
                        + " generator weights twice. Outputs of different configs, or holding the same chunk twice, are refused."},
        footer = {"", "Example: pocket merge out_2017 out_2018 -o out_run2",
                "Exit codes: 0 merged (all inputs complete), 1 merged but some input was INCOMPLETE, 2 bad arguments or outputs that cannot be added."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "2..*", paramLabel = "OUTDIR", description = "output folders of pocket run (-o), pocket attach or pocket merge")
    List<Path> inputs;

    @Option(names = {"-o", "--outputdir"}, required = true, paramLabel = "MERGED", description = "the new folder to write the merged output into")
    Path output;

    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        var out = spec.commandLine().getOut();
        List<OutputFolder> folders = new ArrayList<>();
        for (Path p : inputs) folders.add(OutputFolder.read(p));
        Merge m = Merge.of(folders);
        Path dir = m.writeTo(output);
        for (OutputFolder f : folders)
            out.println("  " + f.dir() + ": " + f.datasets().size() + " dataset(s), " + f.processedChunks() + " chunks"
                    + (f.complete() ? "" : " (INCOMPLETE: " + f.failedChunks() + " failed)"));
        out.println("Merged " + folders.size() + " outputs into " + dir + " (" + String.join(", ", m.raw().keySet().stream()
                .map(g -> "output_" + g + ".json").toList()) + ")" + (m.complete() ? "" : "; INCOMPLETE: some input had failed chunks"));
        out.flush();
        return m.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
