package pocket.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import pocket.results.Histograms;
import pocket.results.MakePlots;
import pocket.results.OutputFolder;

/** {@code pocket plot -i OUTDIR -o PLOTDIR}: PocketCoffea's make-plots on an output folder, with no rerun. */
@Command(name = "plot", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Draw the data/MC plots of an output folder: every variable x category, on a linear and a log scale,",
                "MC stacked by sample with its statistical and systematic band, data points and the data/MC ratio."},
        footer = {"", "Example: pocket plot -i output -o plots --categories Z_peak --variables mll,ptll",
                "Exit codes: 0 plotted, 1 plotted but the output is INCOMPLETE (some chunks failed), 2 bad arguments or folder."})
final class PlotCommand implements Callable<Integer> {
    @Option(names = {"-i", "-inp", "--input-dir"}, required = true, paramLabel = "OUTDIR", description = "output folder of pocket run, attach or merge")
    Path input;

    @Option(names = {"-o", "--outputdir"}, paramLabel = "PLOTDIR", description = "where the plots go (default: OUTDIR/plots)")
    Path output;

    @Option(names = "--variables", split = ",", paramLabel = "VAR", description = "only these variables (comma separated)")
    List<String> variables = List.of();

    @Option(names = {"--categories", "--only-cat"}, split = ",", paramLabel = "CAT", description = "only these categories")
    List<String> categories = List.of();

    @Option(names = "--samples", split = ",", paramLabel = "SAMPLE", description = "only these samples, MC or data")
    List<String> samples = List.of();

    @Option(names = "--only-mc", description = "MC only: no data points, no ratio")
    boolean onlyMc;

    @Option(names = "--lumi", paramLabel = "FB", description = "luminosity label in fb^-1 (default: the config's lumi.picobarns of the years in the output)")
    Double lumi;

    @Option(names = "--scale", paramLabel = "SCALE", description = "y scales to draw: both (default), linear or log")
    String scale = "both";

    @Option(names = "--format", split = ",", paramLabel = "FMT", description = "file formats, comma separated: png (default), pdf, svg")
    List<String> formats = List.of("png");

    @Option(names = "--style", paramLabel = "YAML", description = "plotting style (PocketCoffea's plotting_style keys): colors_mc, labels_mc, samples_groups, exclude_samples, order_mc, rebin, labels_data, lumi, energy")
    Path style;

    @Option(names = {"-j", "--workers"}, paramLabel = "N", description = "plots drawn in parallel (default: the number of cores)")
    int workers = Runtime.getRuntime().availableProcessors();

    @Spec CommandSpec spec;

    @Override public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        boolean linear, log;
        switch (scale.toLowerCase(Locale.ROOT)) {
            case "both" -> { linear = true; log = true; }
            case "linear" -> { linear = true; log = false; }
            case "log" -> { linear = false; log = true; }
            default -> throw new IllegalArgumentException("--scale must be both, linear or log, got '" + scale + "'");
        }
        if (workers < 1) throw new IllegalArgumentException("--workers must be at least 1, got " + workers);
        OutputFolder folder = OutputFolder.read(input);
        Histograms h = new Histograms(folder.postprocessed(), folder.lumiFb());
        MakePlots.Builder b = MakePlots.of(h).variables(variables).categories(categories).samples(samples).onlyMc(onlyMc)
                .scales(linear, log).threads(workers).formats(formats);
        if (lumi != null) b.lumi(lumi);
        if (style != null) b.style(style);
        MakePlots plots = b.build();
        int total = plots.plan().size();
        Path dir = output != null ? output : input.resolve("plots");
        boolean tty = System.console() != null;
        Progress bar = new Progress(out, total, tty);
        List<Path> files = plots.writeTo(dir, bar::done);
        bar.finish();
        String as = plots.formats().equals(List.of("png")) ? "" : " as " + String.join(", ", plots.formats()) + " (" + files.size() * plots.formats().size() + " files)";
        out.println("Wrote " + files.size() + " plots" + as + " to " + dir + (folder.complete() ? "" : " (the output is INCOMPLETE: "
                + folder.failedChunks() + " chunks failed; see " + input.resolve("failed_chunks.json") + ")"));
        out.flush();
        return folder.complete() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /** A progress bar on one line, redrawn in place on a terminal; in a log, a line per tenth. */
    private static final class Progress {
        private final PrintWriter out;
        private final int total;
        private final boolean tty;
        private int lastTenth = -1;

        Progress(PrintWriter out, int total, boolean tty) { this.out = out; this.total = total; this.tty = tty; }

        synchronized void done(int n) {
            int width = 30, filled = total == 0 ? width : n * width / total;
            String line = "plots [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + n + "/" + total;
            if (tty) { out.print("\r" + line); out.flush(); return; }
            int tenth = total == 0 ? 10 : n * 10 / total;
            if (tenth != lastTenth) { lastTenth = tenth; out.println(line); out.flush(); }
        }

        void finish() { if (tty) { out.println(); out.flush(); } }
    }
}
