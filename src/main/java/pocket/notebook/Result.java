package pocket.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import pocket.workflow.Configurator;
import pocket.config.Dataset;
import pocket.hist.Hist;
import pocket.display.MimeBundle;
import pocket.display.Renderable;
import pocket.plot.Plot;
import pocket.plot.StackPlot;
import pocket.plot.Tables;
import pocket.run.ChunkFate;
import pocket.run.RunResult;
import pocket.util.Names;
import pocket.workflow.Output;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * What a notebook run gave back: the merged, postprocessed output with PocketCoffea's keys
 * (variables[name][sample][dataset], cutflow, sumw), read through its UHI JSON document, and
 * the run's chunk fates. Histograms, CMS plots per category, cutflow and sumw tables.
 */
public final class Result implements Renderable {
    private final RunResult run;
    private final JsonObject doc;
    private final Set<String> dataSamples = new LinkedHashSet<>();
    private final Map<String, String> sampleOfDataset = new LinkedHashMap<>();
    private final double lumi;

    Result(RunResult run, Configurator cfg, double lumi) {
        this.run = run;
        this.lumi = lumi;
        Output out = run.output() != null ? run.output() : merged(run);
        this.doc = out == null ? new JsonObject() : out.toJson();
        for (Dataset d : cfg.datasets()) {
            sampleOfDataset.put(d.name(), d.sample());
            if (!d.isMC()) dataSamples.add(d.sample());
        }
    }

    private static Output merged(RunResult r) {
        Output acc = null;
        for (Output o : r.outputs().values()) acc = acc == null ? o : acc.add(o);
        return acc;
    }

    public RunResult runResult() { return run; }
    public Path outputDir() { return run.outputDir(); }
    /** The output_all.json document (postprocessed). */
    public JsonObject json() { return doc.deepCopy(); }
    public List<ChunkFate> failedChunks() { return run.failed(); }
    public List<ChunkFate> skippedChunks() { return run.skipped(); }
    public boolean complete() { return run.complete(); }

    /** A copy whose plots carry this luminosity (fb⁻¹) in their label. */
    public Result withLumi(double fbInv) {
        return new Result(this, fbInv);
    }

    private Result(Result r, double lumi) {
        this.run = r.run; this.doc = r.doc; this.lumi = lumi;
        this.dataSamples.addAll(r.dataSamples);
        this.sampleOfDataset.putAll(r.sampleOfDataset);
    }

    private JsonObject variables() {
        return doc.has("variables") && doc.get("variables").isJsonObject() ? doc.getAsJsonObject("variables") : new JsonObject();
    }

    /** The histogram names (the config's variables). */
    public List<String> histNames() { return new ArrayList<>(variables().keySet()); }

    /** The samples that have this histogram, MC and data. */
    public List<String> samples(String name) { return new ArrayList<>(variable(name).keySet()); }

    private JsonObject variable(String name) {
        JsonObject v = variables();
        if (!v.has(name))
            throw new IllegalArgumentException("no histogram '" + name + "' in the output; histograms: " + v.keySet()
                    + Names.nearestHint(name, v.keySet()));
        return v.getAsJsonObject(name);
    }

    /** One sample's histogram, summed over its datasets (axes cat, variation for MC, then the variable's). */
    public Hist hist(String name, String sample) {
        JsonObject bySample = variable(name);
        if (!bySample.has(sample))
            throw new IllegalArgumentException("histogram '" + name + "' has no sample '" + sample + "'; samples: " + bySample.keySet()
                    + Names.nearestHint(sample, bySample.keySet()));
        Hist sum = null;
        for (Map.Entry<String, JsonElement> ds : bySample.getAsJsonObject(sample).entrySet()) {
            Hist h = Hist.fromUhi(ds.getValue().getAsJsonObject());
            sum = sum == null ? h : sum.add(h);
        }
        if (sum == null) throw new IllegalArgumentException("histogram '" + name + "' of sample '" + sample + "' has no datasets");
        return sum;
    }

    /** The histogram summed over every MC sample and dataset (or over the data when there is no MC). */
    public Hist hist(String name) {
        Hist mc = null, data = null;
        for (String s : samples(name)) {
            Hist h = hist(name, s);
            if (isData(s)) data = data == null ? h : data.add(h);
            else mc = mc == null ? h : mc.add(h);
        }
        return mc != null ? mc : data;
    }

    private boolean isData(String sample) {
        return dataSamples.contains(sample) || dataSamples.contains(sample.split("__")[0]);
    }

    /** The categories of a histogram (its "cat" axis). */
    public List<String> categories(String name) {
        String s = samples(name).get(0);
        return hist(name, s).axis("cat").binLabels();
    }

    /**
     * The CMS plot of one histogram in one category: MC stacked by sample (largest at the bottom),
     * its statistical and (from the histograms' Up/Down variations) systematic uncertainty as a
     * band, data as points, ratio.
     */
    public Plot plot(String name, String category) {
        return plotBuilder(name, category).build();
    }

    /** The plot's builder, to change settings (logY, size, ...) before {@code build()}. */
    public StackPlot.Builder plotBuilder(String name, String category) {
        Map<String, Hist> mc = new LinkedHashMap<>();
        Map<String, Map<String, Hist[]>> shifted = new LinkedHashMap<>();
        Hist data = null;
        for (String s : samples(name)) {
            Hist h = hist(name, s).select("cat", category);
            if (h.axes().stream().filter(a -> !a.isCategory()).count() != 1)
                throw new IllegalArgumentException("plot: histogram '" + name + "' has axes " + h.axes().stream().map(a -> a.name()).toList()
                        + "; a stack plot shows one variable: project it, e.g. result.hist(\"" + name + "\", sample).project(...)");
            if (isData(s)) {
                data = data == null ? h : data.add(h);
            } else {
                if (h.axes().stream().anyMatch(a -> a.name().equals("variation"))) {
                    List<String> vars = h.axis("variation").binLabels();
                    for (String v : vars)   // every <name>Up with its <name>Down: a systematic in the band
                        if (v.endsWith("Up") && vars.contains(v.substring(0, v.length() - 2) + "Down")) {
                            String sys = v.substring(0, v.length() - 2);
                            shifted.computeIfAbsent(s, k -> new LinkedHashMap<>())
                                    .put(sys, new Hist[]{h.select("variation", v), h.select("variation", sys + "Down")});
                        }
                    h = h.select("variation", "nominal");
                }
                mc.put(s, h);
            }
        }
        List<Map.Entry<String, Hist>> ordered = new ArrayList<>(mc.entrySet());
        ordered.sort((a, b) -> Double.compare(b.getValue().sum(false), a.getValue().sum(false)));
        StackPlot.Builder b = StackPlot.builder().name(name + "_" + category).title(category).lumi(lumi);
        for (Map.Entry<String, Hist> e : ordered) b.mc(e.getKey(), e.getValue());
        shifted.forEach((sample, m) -> m.forEach((sys, ud) -> b.variation(sample, sys, ud[0], ud[1])));
        if (data != null) b.data(data);
        if (data == null) b.cmsLabel("Simulation Preliminary");
        return b;
    }

    /** Every one-variable histogram in every category (2-d histograms have no stack plot; draw their projections). */
    public List<Plot> plots() {
        List<Plot> out = new ArrayList<>();
        for (String name : histNames()) {
            if (!isOneVariable(name)) continue;
            for (String cat : categories(name)) out.add(plot(name, cat));
        }
        return out;
    }

    private boolean isOneVariable(String name) {
        Hist h = hist(name, samples(name).get(0));
        return h.axes().stream().filter(a -> !a.isCategory()).count() == 1;
    }

    /**
     * The cutflow as physicists read it: one row per step (initial, skim, presel, then each
     * category), one column per sample, the number of events (MC unweighted, as PocketCoffea counts).
     */
    public Table cutflow() { return stepsBySample(doc, sampleOfDataset, "cutflow", "Cutflow"); }

    /** Sum of weights per category and sample (postprocessed: normalised MC). */
    public Table sumw() { return stepsBySample(doc, sampleOfDataset, "sumw", "Sum of weights"); }

    /** PocketCoffea's {step: {dataset: n}} and {category: {dataset: {sample: n}}} as one table by sample. */
    static Table stepsBySample(JsonObject doc, Map<String, String> sampleOfDataset, String key, String title) {
        JsonObject root = doc.has(key) && doc.get(key).isJsonObject() ? doc.getAsJsonObject(key) : new JsonObject();
        Map<String, Map<String, Double>> rows = new LinkedHashMap<>();
        Set<String> samples = new LinkedHashSet<>();
        for (Map.Entry<String, JsonElement> step : root.entrySet()) {
            Map<String, Double> row = new LinkedHashMap<>();
            JsonObject byDataset = step.getValue().getAsJsonObject();
            for (Map.Entry<String, JsonElement> ds : byDataset.entrySet()) {
                JsonElement v = ds.getValue();
                if (v.isJsonPrimitive()) {
                    // initial/skim/presel: counted per dataset
                    String sample = sampleOfDataset.getOrDefault(ds.getKey(), ds.getKey());
                    row.merge(sample, v.getAsDouble(), Double::sum);
                    samples.add(sample);
                } else if (v.isJsonObject()) {
                    for (Map.Entry<String, JsonElement> s : v.getAsJsonObject().entrySet()) {
                        if (!s.getValue().isJsonPrimitive()) continue;
                        row.merge(s.getKey(), s.getValue().getAsDouble(), Double::sum);
                        samples.add(s.getKey());
                    }
                }
            }
            rows.put(step.getKey(), row);
        }
        StringColumn steps = StringColumn.create(key.equals("cutflow") ? "step" : "category");
        List<DoubleColumn> cols = new ArrayList<>();
        for (String s : samples) cols.add(DoubleColumn.create(s));
        for (Map.Entry<String, Map<String, Double>> r : rows.entrySet()) {
            steps.append(r.getKey());
            int i = 0;
            for (String s : samples) {
                Double v = r.getValue().get(s);
                if (v == null) cols.get(i).appendMissing(); else cols.get(i).append(v);
                i++;
            }
        }
        Table t = Table.create(title, steps);
        cols.forEach(t::addColumns);
        return t;
    }

    /** Writes every plot as PNG and the cutflow and sumw as HTML and CSV into {@code <outputDir>/plots}; returns that folder. */
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
        return String.format(Locale.ROOT, "pocket run %s: %d chunks processed, %d failed, %d skipped; %s; output in %s; histograms %s",
                run.complete() ? "complete" : "INCOMPLETE", run.count(ChunkFate.Status.PROCESSED), run.failed().size(),
                run.skipped().size(), run.performance() == null ? "" : totalLine(run.performance().format()), run.outputDir(), histNames());
    }

    private static String totalLine(String perf) {
        return perf.lines().map(String::strip).filter(l -> l.startsWith("total")).findFirst().orElse("");
    }

    @Override
    public MimeBundle mimeBundle() {
        StringBuilder html = new StringBuilder("<div><b>pocket run ").append(run.complete() ? "complete" : "<span style=\"color:#e42536\">INCOMPLETE</span>")
                .append("</b>: ").append(run.count(ChunkFate.Status.PROCESSED)).append(" chunks processed, ")
                .append(run.failed().size()).append(" failed, ").append(run.skipped().size()).append(" skipped<br>")
                .append("output: <code>").append(esc(String.valueOf(run.outputDir()))).append("</code><br>")
                .append("histograms: ").append(esc(String.join(", ", histNames()))).append("</div>");
        return MimeBundle.text(summary()).withHtml(html.toString());
    }

    private static String esc(String s) { return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"); }

    @Override public String toString() { return summary(); }
}
