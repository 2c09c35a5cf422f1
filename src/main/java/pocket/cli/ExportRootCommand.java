package pocket.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pocket.results.Histograms;
import pocket.results.OutputFolder;
import pocket.results.RootExport;

/** {@code pocket export-root -i OUTDIR -o shapes.root}: an output folder's histograms as a ROOT shapes file for combine. */
@Command(name = "export-root", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Write the histograms of an output folder to a ROOT file, as combine reads shapes: one TH1D (TH2D for",
                "two variables) with sumw2 per variable, category, process and variation; the data, summed, as data_obs."},
        footer = {"", "Names: $VARIABLE, $CHANNEL (the category), $PROCESS (sample or dataset), $SYSTEMATIC (e.g. sf_mu_idUp).",
                "In the datacard: shapes * * shapes.root mll_$CHANNEL_$PROCESS mll_$CHANNEL_$PROCESS_$SYSTEMATIC",
                "Example: pocket export-root -i output -o shapes.root --variables mll --pattern '$CHANNEL_$PROCESS'",
                "Exit codes: 0 written, 1 written but the output is INCOMPLETE (some chunks failed), 2 bad arguments or folder."})
final class ExportRootCommand implements Callable<Integer> {
    @Option(names = {"-i", "-inp", "--input-dir"}, required = true, paramLabel = "OUTDIR", description = "output folder of pocket run, attach or merge")
    Path input;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "the ROOT file to write (replaced if it exists)")
    Path output;

    @Option(names = "--variables", split = ",", paramLabel = "VAR", description = "only these variables (comma separated)")
    List<String> variables = List.of();

    @Option(names = {"--categories", "--only-cat"}, split = ",", paramLabel = "CAT", description = "only these categories")
    List<String> categories = List.of();

    @Option(names = "--samples", split = ",", paramLabel = "SAMPLE", description = "only these samples, MC or data")
    List<String> samples = List.of();

    @Option(names = "--per-dataset", description = "one process per dataset instead of per sample")
    boolean perDataset;

    @Option(names = "--pattern", paramLabel = "NAME", description = "name of the nominal histograms (default: " + RootExport.DEFAULT_PATTERN + ")")
    String pattern = RootExport.DEFAULT_PATTERN;

    @Option(names = "--syst-pattern", paramLabel = "NAME", description = "name of the shifted histograms (default: the pattern + _$SYSTEMATIC)")
    String systPattern;

    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (output.getParent() != null && !Files.isDirectory(output.getParent()))
            throw new IllegalArgumentException("export-root: folder " + output.getParent() + " for -o does not exist");
        OutputFolder folder = OutputFolder.read(input);
        RootExport export = RootExport.of(new Histograms(folder.postprocessed(), folder.lumiFb()))
                .variables(variables).categories(categories).samples(samples).perDataset(perDataset)
                .pattern(pattern).systPattern(systPattern).build();
        int n = export.writeTo(output);
        out.println("Wrote " + n + " histograms to " + output + (folder.complete() ? "" : " (the output is INCOMPLETE: "
                + folder.failedChunks() + " chunks failed; see " + input.resolve("failed_chunks.json") + ")"));
        out.flush();
        return folder.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }
}
