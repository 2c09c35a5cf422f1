package pocket.results;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.hist.Hist;
import pocket.plot.Plot;
import pocket.plot.StackPlot;
import pocket.util.Names;
import pocket.workflow.Output;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * A postprocessed output as plots and tables take it: histograms by variable and sample (summed
 * over the sample's datasets), their categories, the CMS stack plot of one variable in one
 * category, and the cutflow and sumw tables by sample.
 */
public final class Histograms {
    private final Output out;
    private final JsonObject doc;
    private final Set<String> dataSamples = new LinkedHashSet<>();
    private final Map<String, String> sampleOfDataset = new LinkedHashMap<>();
    private final double lumi;

    /** @param lumi the luminosity in fb⁻¹ the plots are labelled with (≤ 0 or NaN: none) */
    public Histograms(Output postprocessed, double lumi) {
        this.out = postprocessed;
        this.doc = postprocessed.toJson();
        this.lumi = Double.isNaN(lumi) ? -1 : lumi;
        postprocessed.datasetsMetadata().forEach((d, md) -> {
            String sample = md.getOrDefault("sample", d);
            sampleOfDataset.put(d, sample);
            if (!Boolean.parseBoolean(md.getOrDefault("isMC", "false"))) dataSamples.add(sample);   // as Dataset.isMC reads it
        });
    }

    public Output output() { return out; }
    public double lumi() { return lumi; }
    public Histograms withLumi(double fbInv) { return new Histograms(out, fbInv); }

    /** The histogram names (the config's variables). */
    public List<String> names() { return new ArrayList<>(out.variables().keySet()); }

    /** The samples that have this histogram, MC and data (subsamples as sample__subsample). */
    public List<String> samples(String name) { return new ArrayList<>(variable(name).keySet()); }

    private Map<String, ? extends Map<String, Hist>> variable(String name) {
        var v = out.variables();
        if (!v.containsKey(name))
            throw new IllegalArgumentException("no histogram '" + name + "' in the output; histograms: " + v.keySet() + Names.nearestHint(name, v.keySet()));
        return v.get(name);
    }

    /** One sample's histogram, summed over its datasets (axes cat, variation for MC, then the variable's). */
    public Hist hist(String name, String sample) {
        var bySample = variable(name);
        if (!bySample.containsKey(sample))
            throw new IllegalArgumentException("histogram '" + name + "' has no sample '" + sample + "'; samples: " + bySample.keySet()
                    + Names.nearestHint(sample, bySample.keySet()));
        Hist sum = null;
        for (Hist h : bySample.get(sample).values()) sum = sum == null ? h : sum.add(h);
        if (sum == null) throw new IllegalArgumentException("histogram '" + name + "' of sample '" + sample + "' has no datasets");
        return sum;
    }

    /** The histogram summed over every MC sample (or over the data when there is no MC). */
    public Hist hist(String name) {
        Hist mc = null, data = null;
        for (String s : samples(name)) {
            Hist h = hist(name, s);
            if (isData(s)) data = data == null ? h : data.add(h);
            else mc = mc == null ? h : mc.add(h);
        }
        return mc != null ? mc : data;
    }

    /** True for a sample of collision data. */
    public boolean isData(String sample) {
        return dataSamples.contains(sample) || dataSamples.contains(sample.split("__")[0]);
    }

    /** The categories of a histogram (its "cat" axis). */
    public List<String> categories(String name) {
        return hist(name, samples(name).get(0)).axis("cat").binLabels();
    }

    /** The number of variable (non-category) axes: 1 for a stack plot, 2 for a colour map. */
    public int dimensions(String name) {
        return (int) hist(name, samples(name).get(0)).axes().stream().filter(a -> !a.isCategory()).count();
    }

    /**
     * The CMS stack plot's builder for one histogram in one category: MC stacked by sample (largest
     * at the bottom), its statistical and (from the Up/Down variations) systematic uncertainty as a
     * band, data as points, ratio. A histogram of two variables is refused, naming its axes.
     */
    public StackPlot.Builder stack(String name, String category) { return stack(name, category, s -> true); }

    /** The stack plot's builder with only the samples {@code keep} accepts (MC and data). */
    public StackPlot.Builder stack(String name, String category, java.util.function.Predicate<String> keep) {
        return stack(name, category, keep, PlotStyle.none());
    }

    /** The stack plot's builder as a plotting style has it: groups, labels, colours, order, rebin, data label, lumi and energy. */
    public StackPlot.Builder stack(String name, String category, java.util.function.Predicate<String> keep, PlotStyle style) {
        requireCategory(name, category);
        Map<String, Hist> mc = new LinkedHashMap<>();
        Map<String, Map<String, Hist[]>> shifted = new LinkedHashMap<>();
        Hist data = null;
        for (String s : samples(name)) {
            if (!keep.test(s) || style.excluded(s)) continue;
            Hist h = hist(name, s).select("cat", category);
            if (h.axes().stream().filter(a -> !a.isCategory()).count() != 1)
                throw new IllegalArgumentException("plot: histogram '" + name + "' has the axes " + h.axes().stream().filter(a -> !a.isCategory()).map(a -> a.name()).toList()
                        + "; a stack plot shows one variable: draw it as a colour map (plot(name, category)), or project it, e.g. hist(\"" + name + "\", sample).project(...)");
            if (isData(s)) {
                data = data == null ? h : data.add(h);
                continue;
            }
            String entry = style.label(style.entry(s));   // a group's samples are stacked as one
            if (h.axes().stream().anyMatch(a -> a.name().equals("variation"))) {
                List<String> vars = h.axis("variation").binLabels();
                for (String v : vars)   // every <name>Up with its <name>Down: a systematic in the band
                    if (v.endsWith("Up") && vars.contains(v.substring(0, v.length() - 2) + "Down")) {
                        String sys = v.substring(0, v.length() - 2);
                        shifted.computeIfAbsent(entry, k -> new LinkedHashMap<>())
                                .merge(sys, new Hist[]{h.select("variation", v), h.select("variation", sys + "Down")}, (a, x) -> new Hist[]{a[0].add(x[0]), a[1].add(x[1])});
                    }
                h = h.select("variation", "nominal");
            }
            mc.merge(entry, h, Hist::add);
        }
        List<Map.Entry<String, Hist>> ordered = new ArrayList<>(mc.entrySet());
        // the style's order (bottom first, by sample, group or label), then the largest at the bottom
        List<String> order = style.order.stream().map(o -> style.label(style.entry(o))).toList();
        ordered.sort((a, b) -> {
            int ia = order.indexOf(a.getKey()), ib = order.indexOf(b.getKey());
            if (ia >= 0 || ib >= 0) return ia < 0 ? 1 : ib < 0 ? -1 : Integer.compare(ia, ib);
            return Double.compare(b.getValue().sum(false), a.getValue().sum(false));
        });
        StackPlot.Builder b = StackPlot.builder().name(name + "_" + category).title(category).lumi(style.lumi != null ? style.lumi : lumi);
        if (style.energy != null) b.energy(style.energy);
        for (Map.Entry<String, Hist> e : ordered) b.mc(e.getKey(), e.getValue());
        shifted.forEach((sample, m) -> m.forEach((sys, ud) -> b.variation(sample, sys, ud[0], ud[1])));
        style.colors.forEach((sample, c) -> b.color(style.label(style.entry(sample)), c));
        b.rebinOf(name);
        Object rb = style.rebin.get(name);
        if (rb instanceof Integer f) b.rebinBy(f);
        else if (rb instanceof double[] e) b.rebin(e);
        if (data != null) b.data(style.dataLabel != null ? style.dataLabel : "Data", data);
        if (data == null) b.cmsLabel("Simulation Preliminary");
        return b;
    }

    private void requireCategory(String name, String category) {
        if (!categories(name).contains(category))
            throw new IllegalArgumentException("histogram '" + name + "' has no category '" + category + "'; categories: " + categories(name)
                    + Names.nearestHint(category, categories(name)));
    }

    /** The stack plot of a 1-d histogram, the colour map of a 2-d one ({@link #plot2d}). */
    public Plot plot(String name, String category) {
        return dimensions(name) == 2 ? plot2d(name, category, s -> true) : stack(name, category).build();
    }

    /**
     * A 2-d histogram in one category as a colour map: the MC samples summed (the nominal
     * variation), or the data when there is no MC; only the samples {@code keep} accepts.
     */
    public Plot plot2d(String name, String category, java.util.function.Predicate<String> keep) {
        return plot2d(name, category, keep, PlotStyle.none());
    }

    /** The colour map with a plotting style's excluded samples left out and its luminosity label. */
    public Plot plot2d(String name, String category, java.util.function.Predicate<String> keep, PlotStyle style) {
        if (dimensions(name) != 2)
            throw new IllegalArgumentException("plot: histogram '" + name + "' has " + dimensions(name) + " variable(s); a colour map shows two: use plot(name, category)");
        requireCategory(name, category);
        Hist mc = null, data = null;
        for (String s : samples(name)) {
            if (!keep.test(s) || style.excluded(s)) continue;
            Hist h = hist(name, s).select("cat", category);
            if (h.axes().stream().anyMatch(a -> a.name().equals("variation"))) h = h.select("variation", "nominal");
            if (isData(s)) data = data == null ? h : data.add(h);
            else mc = mc == null ? h : mc.add(h);
        }
        if (mc == null && data == null) throw new IllegalArgumentException("plot: no sample of histogram '" + name + "' is left to draw");
        boolean isMc = mc != null;
        return pocket.plot.HeatPlot.builder(isMc ? mc : data).name(name + "_" + category)
                .title(category + (isMc ? " (MC)" : " (data)")).lumi(style.lumi != null ? style.lumi : lumi).cmsLabel(isMc ? "Simulation Preliminary" : "Preliminary").build();
    }

    /** The cutflow: one row per step (initial, skim, presel, then each category), one column per sample; events (MC unweighted, as PocketCoffea counts). */
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
            for (Map.Entry<String, JsonElement> ds : step.getValue().getAsJsonObject().entrySet()) {
                JsonElement v = ds.getValue();
                if (v.isJsonPrimitive()) {   // initial/skim/presel: counted per dataset
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
}
