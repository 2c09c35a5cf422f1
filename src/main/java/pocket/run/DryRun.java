package pocket.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import pocket.config.Dataset;
import pocket.display.MimeBundle;
import pocket.display.Renderable;
import pocket.workflow.Chunk;
import pocket.util.Html;

/**
 * What a run would do ({@code pocket run --dry-run}, {@code Pocket...dryRun()}): per output and
 * dataset the files, chunks and events of the plan, the files that could not be opened, and the
 * resolved run options with the layer each value came from. Made by {@link Runner#dryRun}.
 */
public final class DryRun implements Renderable {
    /** One dataset of the plan: files with chunks (and unopened ones), chunks and events. */
    public record DatasetPlan(String output, String dataset, int files, int chunks, long events, int unopened) {}

    private final String executor;
    private final Path outputDir;
    private final List<DatasetPlan> datasets;
    private final List<String> unopened;
    private final RunOptions options;
    private final Map<String, String> sources;
    private final List<String> notes;

    private DryRun(String executor, Path outputDir, List<DatasetPlan> datasets, List<String> unopened, RunOptions options,
                   Map<String, String> sources, List<String> notes) {
        this.executor = executor;
        this.outputDir = outputDir;
        this.datasets = List.copyOf(datasets);
        this.unopened = List.copyOf(unopened);
        this.options = options;
        this.sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        this.notes = List.copyOf(notes);
    }

    static DryRun of(String executor, Path outputDir, List<GroupPlan> plans, RunOptions options, Map<String, String> sources, List<String> notes) {
        RunFolder folder = new RunFolder(outputDir);
        List<DatasetPlan> rows = new ArrayList<>();
        List<String> unopened = new ArrayList<>();
        for (GroupPlan g : plans) {
            String output = folder.output(g.name()).getFileName().toString();
            for (Dataset d : g.datasets()) {
                Set<String> files = new LinkedHashSet<>();
                int chunks = 0, bad = 0;
                long events = 0;
                for (Chunk c : g.chunks().chunks())
                    if (c.dataset().equals(d.name())) { chunks++; events += c.entries(); files.add(c.file()); }
                for (ChunkFate f : g.chunks().unopened())
                    if (f.chunk().dataset().equals(d.name())) { bad++; files.add(f.chunk().file()); unopened.add(d.name() + ": " + f.reason()); }
                rows.add(new DatasetPlan(output, d.name(), files.size(), chunks, events, bad));
            }
        }
        return new DryRun(executor, outputDir, rows, unopened, options, sources, notes);
    }

    public String executor() { return executor; }
    public List<DatasetPlan> datasets() { return datasets; }
    public RunOptions options() { return options; }
    /** Per run option where its value came from: "defaults [general]", "-ro FILE [futures]", "-c/--chunksize", "--retries=3", ... */
    public Map<String, String> sources() { return sources; }
    public long events() { return datasets.stream().mapToLong(DatasetPlan::events).sum(); }
    public int chunks() { return datasets.stream().mapToInt(DatasetPlan::chunks).sum(); }

    /** The plan of one dataset (null when it is not in the plan). */
    public DatasetPlan dataset(String name) {
        return datasets.stream().filter(d -> d.dataset().equals(name)).findFirst().orElse(null);
    }

    @Override public String toString() {
        StringBuilder sb = new StringBuilder();
        sb.append("Dry run with executor ").append(executor).append(": nothing processed, nothing written (output folder ")
                .append(outputDir).append(")\n");
        int w = Math.max(7, datasets.stream().mapToInt(d -> d.dataset().length()).max().orElse(7));
        for (String output : outputs()) {
            List<DatasetPlan> rows = datasets.stream().filter(d -> d.output().equals(output)).toList();
            sb.append('\n').append(output).append(": ").append(rows.size()).append(" dataset(s), ")
                    .append(rows.stream().mapToInt(DatasetPlan::files).sum()).append(" file(s), ")
                    .append(rows.stream().mapToInt(DatasetPlan::chunks).sum()).append(" chunk(s), ")
                    .append(rows.stream().mapToLong(DatasetPlan::events).sum()).append(" events\n");
            sb.append(String.format("  %-" + w + "s %6s %7s %12s%n", "dataset", "files", "chunks", "events"));
            for (DatasetPlan d : rows) sb.append(String.format("  %-" + w + "s %6d %7d %12d%n", d.dataset(), d.files(), d.chunks(), d.events()));
        }
        if (!unopened.isEmpty()) {
            sb.append("\nFiles that cannot be opened (").append(options.getBool("skip-bad-files", false) ? "skipped" : "failed").append("):\n");
            unopened.forEach(u -> sb.append("  ").append(u).append('\n'));
        }
        if (!notes.isEmpty()) {
            sb.append('\n');
            notes.forEach(n -> sb.append("WARNING: ").append(n).append('\n'));
        }
        sb.append("\nRun options (value, from):\n");
        Map<String, Object> sorted = new TreeMap<>(options.asMap());
        int kw = sorted.keySet().stream().mapToInt(String::length).max().orElse(8);
        int vw = Math.min(30, sorted.values().stream().mapToInt(v -> String.valueOf(v).length()).max().orElse(4));
        sorted.forEach((k, v) -> sb.append(String.format("  %-" + kw + "s  %-" + vw + "s  %s%n", k, v, sources.getOrDefault(k, "given"))));
        return sb.toString();
    }

    @Override public MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<div><b>Dry run</b> with executor ").append(Html.escape(executor)).append(": nothing processed, nothing written")
                .append("<table><tr><th>output</th><th>dataset</th><th>files</th><th>chunks</th><th>events</th></tr>");
        for (DatasetPlan d : datasets)
            h.append("<tr><td>").append(Html.escape(d.output())).append("</td><td>").append(Html.escape(d.dataset())).append("</td><td>").append(d.files())
                    .append("</td><td>").append(d.chunks()).append("</td><td>").append(d.events()).append("</td></tr>");
        h.append("</table><table><tr><th>run option</th><th>value</th><th>from</th></tr>");
        new TreeMap<>(options.asMap()).forEach((k, v) -> h.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(Html.escape(String.valueOf(v)))
                .append("</td><td>").append(Html.escape(sources.getOrDefault(k, "given"))).append("</td></tr>"));
        return MimeBundle.text(toString()).withHtml(h.append("</table></div>").toString());
    }

    private List<String> outputs() { return datasets.stream().map(DatasetPlan::output).distinct().toList(); }

}
