package pocket.notebook;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import pocket.display.MimeBundle;
import pocket.display.Renderable;
import pocket.hist.Hist;
import pocket.plot.Plot;
import pocket.plot.StackPlot;
import pocket.plot.Tables;
import pocket.results.Histograms;
import pocket.results.Merge;
import pocket.results.OutputFolder;
import pocket.run.ChunkFate;
import pocket.run.RunResult;
import pocket.workflow.Output;
import tech.tablesaw.api.Table;
import pocket.util.Html;

/**
 * What a run gave back, or an output folder read again with {@link #load}: the merged,
 * postprocessed output with PocketCoffea's keys (variables[name][sample][dataset], cutflow, sumw),
 * whether it is complete, its histograms, CMS plots per category, cutflow and sumw tables.
 */
public final class Result implements Renderable {
    private final RunResult run;          // null for a loaded folder
    private final Path outputDir;
    private final Histograms hists;
    private final boolean complete;
    private final long processed;
    private final List<ChunkFate> failed, skipped;
    private final String performance;

    private Result(RunResult run, Path outputDir, Histograms hists, boolean complete, long processed,
                   List<ChunkFate> failed, List<ChunkFate> skipped, String performance) {
        this.run = run; this.outputDir = outputDir; this.hists = hists; this.complete = complete; this.processed = processed;
        this.failed = List.copyOf(failed); this.skipped = List.copyOf(skipped); this.performance = performance;
    }

    static Result of(RunResult r, double lumi) {
        Output out = r.output() != null ? r.output() : merged(r);
        return new Result(r, r.outputDir(), new Histograms(out == null ? Output.empty().postprocess() : out, lumi), r.complete(),
                r.count(ChunkFate.Status.PROCESSED), r.failed(), r.skipped(), r.performance() == null ? "" : totalLine(r.performance().format()));
    }

    private static Output merged(RunResult r) {
        Output acc = null;
        for (Output o : r.outputs().values()) acc = acc == null ? o : acc.add(o);
        return acc;
    }

    /**
     * Reads an output folder of {@code pocket run}, {@code pocket attach} or {@code pocket merge}
     * (all its outputs: one, or one per dataset with -ps) into the Result a run returns; an
     * incomplete run's folder loads with {@link #complete()} false. The plots' luminosity is the
     * config's {@code lumi.picobarns} for the years in the output.
     */
    public static Result load(Path dir) {
        try {
            OutputFolder f = OutputFolder.read(dir);
            return new Result(null, dir, new Histograms(f.postprocessed(), f.lumiFb()), f.complete(), f.processedChunks(),
                    f.failed(), f.skipped(), "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + dir + ": " + e.getMessage(), e);
        }
    }

    public static Result load(String dir) { return load(Path.of(dir)); }

    /**
     * {@code pocket merge}: adds the output folders of runs of one config into the new folder
     * {@code merged} (raw sums added, normalised once) and loads it.
     */
    public static Result merge(Path merged, Path... dirs) {
        try {
            List<OutputFolder> in = new ArrayList<>();
            for (Path d : dirs) in.add(OutputFolder.read(d));
            Merge.of(in).writeTo(merged);
            return load(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("merge failed: " + e.getMessage(), e);
        }
    }

    /** The run's own record (chunk fates, performance); null for a result loaded from a folder. */
    public RunResult runResult() { return run; }
    public Path outputDir() { return outputDir; }
    /** The output_all.json document (postprocessed), without the run status. */
    public JsonObject json() { return hists.output().toJson(); }
    /** The postprocessed output. */
    public Output output() { return hists.output(); }
    public List<ChunkFate> failedChunks() { return failed; }
    public List<ChunkFate> skippedChunks() { return skipped; }
    /** False when some chunk failed: then the histograms lack its events. */
    public boolean complete() { return complete; }
    /** The histograms by variable, sample and category, as the plots take them. */
    public Histograms histograms() { return hists; }

    /** A copy whose plots carry this luminosity (fb⁻¹) in their label. */
    public Result withLumi(double fbInv) {
        return new Result(run, outputDir, hists.withLumi(fbInv), complete, processed, failed, skipped, performance);
    }

    /** The histogram names (the config's variables). */
    public List<String> histNames() { return hists.names(); }
    /** The samples that have this histogram, MC and data. */
    public List<String> samples(String name) { return hists.samples(name); }
    /** One sample's histogram, summed over its datasets (axes cat, variation for MC, then the variable's). */
    public Hist hist(String name, String sample) { return hists.hist(name, sample); }
    /** The histogram summed over every MC sample and dataset (or over the data when there is no MC). */
    public Hist hist(String name) { return hists.hist(name); }
    /** The categories of a histogram (its "cat" axis). */
    public List<String> categories(String name) { return hists.categories(name); }

    /** The CMS plot of one histogram in one category: MC stacked by sample, uncertainty band, data points, ratio. */
    public Plot plot(String name, String category) { return hists.plot(name, category); }

    /** The plot's builder, to change settings (logY, size, ...) before {@code build()}. */
    public StackPlot.Builder plotBuilder(String name, String category) { return hists.stack(name, category); }

    /** Every histogram in every category: a stack plot of each 1-d one, a colour map of each 2-d one. */
    public List<Plot> plots() {
        List<Plot> out = new ArrayList<>();
        for (String name : histNames()) {
            if (hists.dimensions(name) > 2) continue;
            for (String cat : categories(name)) out.add(plot(name, cat));
        }
        return out;
    }

    /** The cutflow: one row per step (initial, skim, presel, then each category), one column per sample. */
    public Table cutflow() { return hists.cutflow(); }

    /** Sum of weights per category and sample (postprocessed: normalised MC). */
    public Table sumw() { return hists.sumw(); }

    /** Writes every plot as PNG and the cutflow and sumw as HTML and CSV into {@code <outputDir>/plots}; returns that folder. */
    /**
     * Writes every histogram to a ROOT shapes file for combine (TH1D/TH2D with sumw2, named
     * {@code $VARIABLE_$CHANNEL_$PROCESS} and {@code ..._$SYSTEMATIC}, data as {@code data_obs});
     * {@code pocket.results.RootExport.of(histograms())} chooses a subset and other names. Returns the file.
     */
    public Path toRoot(Path file) throws IOException {
        pocket.results.RootExport.of(hists).build().writeTo(file);
        return file;
    }

    public Path toRoot(String file) throws IOException { return toRoot(Path.of(file)); }

    public Path save() throws IOException { return save(outputDir().resolve("plots")); }

    public Path save(Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Plot p : plots()) p.save(dir);
        for (Table t : List.of(cutflow(), sumw())) {
            String base = t.name().toLowerCase(Locale.ROOT).replace(' ', '_');
            Files.writeString(dir.resolve(base + ".html"), Tables.html(t));
            t.write().csv(dir.resolve(base + ".csv").toFile());
        }
        return dir;
    }

    private String summary() {
        return String.format(Locale.ROOT, "pocket %s %s: %d chunks processed, %d failed, %d skipped; %soutput in %s; histograms %s",
                run == null ? "output" : "run", complete ? "complete" : "INCOMPLETE", processed, failed.size(), skipped.size(),
                performance.isEmpty() ? "" : performance + "; ", outputDir, histNames());
    }

    private static String totalLine(String perf) {
        return perf.lines().map(String::strip).filter(l -> l.startsWith("total")).findFirst().orElse("");
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder html = new StringBuilder("<div><b>pocket ").append(run == null ? "output " : "run ")
                .append(complete ? "complete" : "<span style=\"color:#e42536\">INCOMPLETE</span>")
                .append("</b>: ").append(processed).append(" chunks processed, ")
                .append(failed.size()).append(" failed, ").append(skipped.size()).append(" skipped<br>")
                .append("output: <code>").append(Html.escape(String.valueOf(outputDir))).append("</code><br>")
                .append("histograms: ").append(Html.escape(String.join(", ", histNames()))).append("</div>");
        return MimeBundle.text(summary()).withHtml(html.toString());
    }


    @Override public String toString() { return summary(); }
}
