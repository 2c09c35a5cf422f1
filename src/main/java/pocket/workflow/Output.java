package pocket.workflow;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BinaryOperator;
import pocket.hist.Hist;

/**
 * The accumulated result of one or more chunks with PocketCoffea's keys: {@code sum_genweights}
 * and {@code sum_signOf_genweights} (by dataset), {@code cutflow} ({@code initial}, {@code skim},
 * {@code presel} by dataset; then category → dataset → sample/subsample → events),
 * {@code sumw}/{@code sumw2} (category → dataset → sample → Σw, Σw²; MC only),
 * {@code variables} (variable → sample/subsample → dataset → histogram) and
 * {@code datasets_metadata}; when the config asks for them, {@code column_sums} and
 * {@code column_ranges} (dataset → category → name → {@link Sum} / {@link Range}). Outputs add exactly and in any order (maps are sorted, so the
 * result does not depend on the order); {@link #postprocess} normalises MC once, after the last add.
 * Immutable once returned by a workflow.
 */
public final class Output {
    /** The cutflow steps before categories, in order. */
    public static final java.util.List<String> STEPS = java.util.List.of("initial", "skim", "presel");

    final TreeMap<String, Double> sumGenweights = new TreeMap<>();
    final TreeMap<String, Double> sumSignOfGenweights = new TreeMap<>();
    final TreeMap<String, TreeMap<String, Long>> steps = new TreeMap<>();
    final TreeMap<String, TreeMap<String, TreeMap<String, Long>>> cutflow = new TreeMap<>();
    final TreeMap<String, TreeMap<String, TreeMap<String, Double>>> sumw = new TreeMap<>();
    final TreeMap<String, TreeMap<String, TreeMap<String, Double>>> sumw2 = new TreeMap<>();
    final TreeMap<String, TreeMap<String, TreeMap<String, Hist>>> variables = new TreeMap<>();
    final TreeMap<String, TreeMap<String, String>> datasetsMetadata = new TreeMap<>();
    /** MC datasets to normalise in postprocess, and by which sum ("sum_genweights" or "sum_signOf_genweights"). */
    final TreeMap<String, String> normalisation = new TreeMap<>();
    /** Skimmed NanoAOD file → what it holds (save_skimmed_files); chunks write distinct files, so outputs merge by union. */
    final TreeMap<String, SkimmedFile> skimmedFiles = new TreeMap<>();
    /** Saved columns file → what it holds (saveColumns); merged by union like the skimmed files. */
    final TreeMap<String, ColumnsFile> columnsFiles = new TreeMap<>();
    /** dataset → category → name → sum of a column (ColumnSum); added with Double::sum in the run's fixed merge tree, as sumw. */
    final TreeMap<String, TreeMap<String, TreeMap<String, Sum>>> columnSums = new TreeMap<>();
    /** dataset → category → name → min and max of a column (ColumnRange); merged by min and max, exact in any order. */
    final TreeMap<String, TreeMap<String, TreeMap<String, Range>>> columnRanges = new TreeMap<>();
    boolean postprocessed;

    /** Σ of a column over {@code entries} values (events, or objects of a collection); weighted: Σ w·x. */
    public record Sum(String column, boolean weighted, double sum, long entries) {
        Sum add(Sum o) {
            if (!column.equals(o.column) || weighted != o.weighted)
                throw new IllegalArgumentException("output: column sum of " + column + (weighted ? " (weighted)" : "") + " added to one of " + o.column + (o.weighted ? " (weighted)" : ""));
            return new Sum(column, weighted, sum + o.sum, entries + o.entries);
        }
        Sum scale(double f) { return new Sum(column, weighted, sum * f, entries); }
    }

    /**
     * Smallest and largest of a column over {@code entries} values (NaN values are counted but never
     * the min or max); none: min +inf, max -inf (written as JSON null).
     */
    public record Range(String column, double min, double max, long entries) {
        Range add(Range o) {
            if (!column.equals(o.column)) throw new IllegalArgumentException("output: column range of " + column + " merged with one of " + o.column);
            return new Range(column, Math.min(min, o.min), Math.max(max, o.max), entries + o.entries);
        }
        /** True when some value was seen (min and max are numbers). */
        public boolean any() { return min <= max; }
    }

    /** One file of saved columns: its sample (or sample__subsample), dataset, category and events. */
    public record ColumnsFile(String sample, String dataset, String category, long nevents) {}

    /** One skimmed file: its dataset, the events in it and their Σ genWeight (0 for data). */
    public record SkimmedFile(String dataset, long nevents, double sumGenweights) {}

    Output() {
        for (String s : STEPS) steps.put(s, new TreeMap<>());
    }

    public static Output empty() { return new Output(); }

    // ---- reading

    public Map<String, Double> sumGenweights() { return Collections.unmodifiableMap(sumGenweights); }
    public Map<String, Double> sumSignOfGenweights() { return Collections.unmodifiableMap(sumSignOfGenweights); }

    /** Events by dataset at a cutflow step: "initial", "skim" or "presel". */
    public Map<String, Long> cutflowStep(String step) {
        TreeMap<String, Long> m = steps.get(step);
        if (m == null) throw new IllegalArgumentException("output: no cutflow step '" + step + "'; steps: " + STEPS);
        return Collections.unmodifiableMap(m);
    }

    /** category → dataset → sample (or sample__subsample) → events. */
    public Map<String, ? extends Map<String, ? extends Map<String, Long>>> cutflow() { return Collections.unmodifiableMap(cutflow); }
    public Map<String, ? extends Map<String, ? extends Map<String, Double>>> sumw() { return Collections.unmodifiableMap(sumw); }
    public Map<String, ? extends Map<String, ? extends Map<String, Double>>> sumw2() { return Collections.unmodifiableMap(sumw2); }
    /** variable → sample (or sample__subsample) → dataset → histogram. */
    public Map<String, ? extends Map<String, ? extends Map<String, Hist>>> variables() { return Collections.unmodifiableMap(variables); }
    public Map<String, ? extends Map<String, String>> datasetsMetadata() { return Collections.unmodifiableMap(datasetsMetadata); }

    /** One histogram, or an IllegalArgumentException naming what exists. */
    public Hist histogram(String variable, String sample, String dataset) {
        var bySample = variables.get(variable);
        if (bySample == null) throw new IllegalArgumentException("output: no variable '" + variable + "'" + pocket.util.Names.nearestHint(variable, variables.keySet()));
        var byDataset = bySample.get(sample);
        if (byDataset == null) throw new IllegalArgumentException("output: variable '" + variable + "' has no sample '" + sample + "'" + pocket.util.Names.nearestHint(sample, bySample.keySet()));
        Hist h = byDataset.get(dataset);
        if (h == null) throw new IllegalArgumentException("output: variable '" + variable + "' sample '" + sample + "' has no dataset '" + dataset + "'" + pocket.util.Names.nearestHint(dataset, byDataset.keySet()));
        return h;
    }

    public boolean postprocessed() { return postprocessed; }

    /** dataset → category → name → column sum (weighted MC sums normalised after postprocess). */
    public Map<String, ? extends Map<String, ? extends Map<String, Sum>>> columnSums() { return Collections.unmodifiableMap(columnSums); }
    /** dataset → category → name → column range. */
    public Map<String, ? extends Map<String, ? extends Map<String, Range>>> columnRanges() { return Collections.unmodifiableMap(columnRanges); }

    /** Skimmed NanoAOD files written by this output's chunks, by path. */
    public Map<String, SkimmedFile> skimmedFiles() { return Collections.unmodifiableMap(skimmedFiles); }

    /** Records a skimmed file written by the chunk; a file recorded twice is an error (two chunks cannot write one file). */
    public Output putSkimmedFile(String file, SkimmedFile f) {
        if (skimmedFiles.putIfAbsent(file, f) != null) throw new IllegalArgumentException("output: skimmed file " + file + " recorded twice");
        return this;
    }

    /** Files of saved columns written by this output's chunks, by path. */
    public Map<String, ColumnsFile> columnsFiles() { return Collections.unmodifiableMap(columnsFiles); }

    /** Records a columns file written by the chunk; a file recorded twice is an error. */
    public Output putColumnsFile(String file, ColumnsFile f) {
        if (columnsFiles.putIfAbsent(file, f) != null) throw new IllegalArgumentException("output: columns file " + file + " recorded twice");
        return this;
    }

    public boolean isEmpty() { return datasetsMetadata.isEmpty() && steps.values().stream().allMatch(Map::isEmpty); }

    // ---- combining

    /** A new output, this plus other; neither operand changes. */
    public Output add(Output other) {
        if (postprocessed || other.postprocessed)
            throw new IllegalStateException("output: cannot add outputs after postprocess(); add all chunk outputs first, then postprocess once");
        Output o = copy();
        mergeFlat(o.sumGenweights, other.sumGenweights, Double::sum);
        mergeFlat(o.sumSignOfGenweights, other.sumSignOfGenweights, Double::sum);
        for (String s : STEPS) mergeFlat(o.steps.get(s), other.steps.get(s), Long::sum);
        merge3(o.cutflow, other.cutflow, Long::sum);
        merge3(o.sumw, other.sumw, Double::sum);
        merge3(o.sumw2, other.sumw2, Double::sum);
        merge3(o.variables, other.variables, Hist::add);
        merge3(o.columnSums, other.columnSums, Sum::add);
        merge3(o.columnRanges, other.columnRanges, Range::add);
        for (var e : other.datasetsMetadata.entrySet()) {
            TreeMap<String, String> mine = o.datasetsMetadata.get(e.getKey());
            if (mine == null) o.datasetsMetadata.put(e.getKey(), new TreeMap<>(e.getValue()));
            else if (!mine.equals(e.getValue()))
                throw new IllegalArgumentException("output: dataset '" + e.getKey() + "' has different metadata in the two outputs: " + mine + " vs " + e.getValue());
        }
        for (var e : other.skimmedFiles.entrySet()) {
            SkimmedFile mine = o.skimmedFiles.putIfAbsent(e.getKey(), e.getValue());
            if (mine != null && !mine.equals(e.getValue()))
                throw new IllegalArgumentException("output: skimmed file " + e.getKey() + " recorded differently in the two outputs: " + mine + " vs " + e.getValue());
        }
        for (var e : other.columnsFiles.entrySet()) {
            ColumnsFile mine = o.columnsFiles.putIfAbsent(e.getKey(), e.getValue());
            if (mine != null && !mine.equals(e.getValue()))
                throw new IllegalArgumentException("output: columns file " + e.getKey() + " recorded differently in the two outputs: " + mine + " vs " + e.getValue());
        }
        for (var e : other.normalisation.entrySet()) {
            String mine = o.normalisation.putIfAbsent(e.getKey(), e.getValue());
            if (mine != null && !mine.equals(e.getValue()))
                throw new IllegalArgumentException("output: dataset '" + e.getKey() + "' normalised by " + mine + " in one output and " + e.getValue() + " in the other");
        }
        return o;
    }

    /**
     * MC histograms and sumw divided by sum_genweights (or sum_signOf_genweights when the sample
     * weighs by the sign of genWeight), sumw2 by its square; run once after the last merge.
     * Datasets whose sum is zero are left as they are.
     */
    public Output postprocess() {
        if (postprocessed) throw new IllegalStateException("output: already postprocessed");
        Output o = copy();
        for (var e : normalisation.entrySet()) {
            String ds = e.getKey();
            Double sum = (e.getValue().equals("sum_signOf_genweights") ? sumSignOfGenweights : sumGenweights).get(ds);
            if (sum == null || sum == 0) continue;
            double f = 1.0 / sum;
            for (var bySample : o.variables.values())
                for (var byDataset : bySample.values()) byDataset.computeIfPresent(ds, (k, h) -> h.scale(f));
            for (var byDs : o.sumw.values()) { var m = byDs.get(ds); if (m != null) m.replaceAll((k, v) -> v * f); }
            for (var byDs : o.sumw2.values()) { var m = byDs.get(ds); if (m != null) m.replaceAll((k, v) -> v * f * f); }
            // weighted sums like sumw; unweighted sums count values and stay as they are
            var sums = o.columnSums.get(ds);
            if (sums != null) for (var byName : sums.values()) byName.replaceAll((k, v) -> v.weighted() ? v.scale(f) : v);
        }
        o.postprocessed = true;
        return o;
    }

    private Output copy() {
        Output o = new Output();
        o.sumGenweights.putAll(sumGenweights);
        o.sumSignOfGenweights.putAll(sumSignOfGenweights);
        for (String s : STEPS) o.steps.get(s).putAll(steps.get(s));
        copy3(cutflow, o.cutflow);
        copy3(sumw, o.sumw);
        copy3(sumw2, o.sumw2);
        copy3(variables, o.variables);
        copy3(columnSums, o.columnSums);
        copy3(columnRanges, o.columnRanges);
        datasetsMetadata.forEach((k, v) -> o.datasetsMetadata.put(k, new TreeMap<>(v)));
        o.normalisation.putAll(normalisation);
        o.skimmedFiles.putAll(skimmedFiles);
        o.columnsFiles.putAll(columnsFiles);
        o.postprocessed = postprocessed;
        return o;
    }

    private static <V> void copy3(TreeMap<String, TreeMap<String, TreeMap<String, V>>> from, TreeMap<String, TreeMap<String, TreeMap<String, V>>> to) {
        from.forEach((a, m) -> { TreeMap<String, TreeMap<String, V>> x = new TreeMap<>(); m.forEach((b, n) -> x.put(b, new TreeMap<>(n))); to.put(a, x); });
    }

    private static <V> void mergeFlat(TreeMap<String, V> into, Map<String, V> from, BinaryOperator<V> op) {
        from.forEach((k, v) -> into.merge(k, v, op));
    }

    private static <V> void merge3(TreeMap<String, TreeMap<String, TreeMap<String, V>>> into, TreeMap<String, TreeMap<String, TreeMap<String, V>>> from, BinaryOperator<V> op) {
        from.forEach((a, m) -> {
            var x = into.computeIfAbsent(a, k -> new TreeMap<>());
            m.forEach((b, n) -> mergeFlat(x.computeIfAbsent(b, k -> new TreeMap<>()), n, op));
        });
    }

    // ---- building (the workflow fills one output per chunk)

    void putMetadata(String dataset, Map<String, String> metadata) { datasetsMetadata.put(dataset, new TreeMap<>(metadata)); }
    void putStep(String step, String dataset, long n) { steps.get(step).put(dataset, n); }
    void putCount(String cat, String dataset, String sample, long n) { cutflow.computeIfAbsent(cat, k -> new TreeMap<>()).computeIfAbsent(dataset, k -> new TreeMap<>()).put(sample, n); }
    void putSumw(String cat, String dataset, String sample, double w, double w2) {
        sumw.computeIfAbsent(cat, k -> new TreeMap<>()).computeIfAbsent(dataset, k -> new TreeMap<>()).put(sample, w);
        sumw2.computeIfAbsent(cat, k -> new TreeMap<>()).computeIfAbsent(dataset, k -> new TreeMap<>()).put(sample, w2);
    }
    void putSum(String dataset, String cat, String name, Sum v) {
        columnSums.computeIfAbsent(dataset, k -> new TreeMap<>()).computeIfAbsent(cat, k -> new TreeMap<>()).merge(name, v, Sum::add);
    }
    void putRange(String dataset, String cat, String name, Range v) {
        columnRanges.computeIfAbsent(dataset, k -> new TreeMap<>()).computeIfAbsent(cat, k -> new TreeMap<>()).merge(name, v, Range::add);
    }
    void putHist(String variable, String sample, String dataset, Hist h) {
        variables.computeIfAbsent(variable, k -> new TreeMap<>()).computeIfAbsent(sample, k -> new TreeMap<>()).merge(dataset, h, Hist::add);
    }

    // ---- JSON

    /** The output_all.json document; callers may add top-level keys (e.g. run status) before writing. */
    public JsonObject toJson() {
        JsonObject j = new JsonObject();
        j.add("sum_genweights", flat(sumGenweights));
        j.add("sum_signOf_genweights", flat(sumSignOfGenweights));
        JsonObject cf = new JsonObject();
        for (String s : STEPS) cf.add(s, flat(steps.get(s)));
        cutflow.forEach((cat, m) -> cf.add(cat, nested(m)));
        j.add("cutflow", cf);
        JsonObject sw = new JsonObject();
        sumw.forEach((cat, m) -> sw.add(cat, nested(m)));
        j.add("sumw", sw);
        JsonObject sw2 = new JsonObject();
        sumw2.forEach((cat, m) -> sw2.add(cat, nested(m)));
        j.add("sumw2", sw2);
        JsonObject vars = new JsonObject();
        variables.forEach((v, bySample) -> {
            JsonObject s = new JsonObject();
            bySample.forEach((sample, byDs) -> {
                JsonObject d = new JsonObject();
                byDs.forEach((ds, h) -> d.add(ds, h.toUhi()));
                s.add(sample, d);
            });
            vars.add(v, s);
        });
        j.add("variables", vars);
        // only when the config asks for them: outputs of other configs stay byte for byte as they were
        if (!columnSums.isEmpty()) {
            JsonObject cs = new JsonObject();
            columnSums.forEach((ds, byCat) -> cs.add(ds, nestedOf(byCat, v -> {
                JsonObject x = new JsonObject();
                x.addProperty("column", v.column());
                x.addProperty("weighted", v.weighted());
                x.addProperty("sum", v.sum());
                x.addProperty("entries", v.entries());
                return x;
            })));
            j.add("column_sums", cs);
        }
        if (!columnRanges.isEmpty()) {
            JsonObject cr = new JsonObject();
            columnRanges.forEach((ds, byCat) -> cr.add(ds, nestedOf(byCat, v -> {
                JsonObject x = new JsonObject();
                x.addProperty("column", v.column());
                if (v.any()) { x.addProperty("min", v.min()); x.addProperty("max", v.max()); }
                else { x.add("min", com.google.gson.JsonNull.INSTANCE); x.add("max", com.google.gson.JsonNull.INSTANCE); }
                x.addProperty("entries", v.entries());
                return x;
            })));
            j.add("column_ranges", cr);
        }
        JsonObject meta = new JsonObject();
        JsonObject byPeriod = new JsonObject();
        TreeMap<String, TreeMap<String, TreeSet<String>>> periods = new TreeMap<>();
        datasetsMetadata.forEach((ds, md) -> {
            for (String s : samplesOf(ds, md))
                periods.computeIfAbsent(md.getOrDefault("year", ""), k -> new TreeMap<>()).computeIfAbsent(s, k -> new TreeSet<>()).add(ds);
        });
        periods.forEach((year, bySample) -> {
            JsonObject y = new JsonObject();
            bySample.forEach((s, dss) -> { JsonArray a = new JsonArray(); dss.forEach(a::add); y.add(s, a); });
            byPeriod.add(year, y);
        });
        meta.add("by_datataking_period", byPeriod);
        JsonObject byDataset = new JsonObject();
        datasetsMetadata.forEach((ds, md) -> byDataset.add(ds, flatStrings(md)));
        meta.add("by_dataset", byDataset);
        j.add("datasets_metadata", meta);
        JsonObject pp = new JsonObject();
        pp.addProperty("done", postprocessed);
        pp.add("rescale", flatStrings(normalisation));
        j.add("postprocessing", pp);
        if (!skimmedFiles.isEmpty()) {
            JsonObject sf = new JsonObject();
            skimmedFiles.forEach((file, f) -> {
                JsonObject x = new JsonObject();
                x.addProperty("dataset", f.dataset());
                x.addProperty("nevents", f.nevents());
                x.addProperty("sum_genweights", f.sumGenweights());
                sf.add(file, x);
            });
            j.add("skimmed_files", sf);
        }
        if (!columnsFiles.isEmpty()) {
            JsonObject cols = new JsonObject();
            columnsFiles.forEach((file, f) -> {
                JsonObject x = new JsonObject();
                x.addProperty("sample", f.sample());
                x.addProperty("dataset", f.dataset());
                x.addProperty("category", f.category());
                x.addProperty("nevents", f.nevents());
                cols.add(file, x);
            });
            j.add("columns_files", cols);
        }
        return j;
    }

    /** The sample names a dataset appears under: its subsamples if any were filled, else its sample. */
    private Set<String> samplesOf(String ds, Map<String, String> md) {
        String sample = md.getOrDefault("sample", ds);
        Set<String> subs = new LinkedHashSet<>();
        for (var byDs : cutflow.values()) {
            var m = byDs.get(ds);
            if (m != null) for (String s : m.keySet()) if (s.startsWith(sample + "__")) subs.add(s);
        }
        return subs.isEmpty() ? Set.of(sample) : subs;
    }

    /** Reads what toJson wrote, exactly; unknown top-level keys are ignored. */
    public static Output fromJson(JsonObject json) {
        Output o = new Output();
        try {
            readFlat(json, "sum_genweights", o.sumGenweights);
            readFlat(json, "sum_signOf_genweights", o.sumSignOfGenweights);
            if (json.has("cutflow")) for (var e : json.getAsJsonObject("cutflow").entrySet()) {
                if (STEPS.contains(e.getKey())) {
                    for (var d : e.getValue().getAsJsonObject().entrySet()) o.steps.get(e.getKey()).put(d.getKey(), d.getValue().getAsLong());
                } else {
                    TreeMap<String, TreeMap<String, Long>> byDs = new TreeMap<>();
                    for (var d : e.getValue().getAsJsonObject().entrySet()) {
                        TreeMap<String, Long> bySample = new TreeMap<>();
                        for (var s : d.getValue().getAsJsonObject().entrySet()) bySample.put(s.getKey(), s.getValue().getAsLong());
                        byDs.put(d.getKey(), bySample);
                    }
                    o.cutflow.put(e.getKey(), byDs);
                }
            }
            readNested(json, "sumw", o.sumw);
            readNested(json, "sumw2", o.sumw2);
            if (json.has("variables")) for (var v : json.getAsJsonObject("variables").entrySet()) {
                TreeMap<String, TreeMap<String, Hist>> bySample = new TreeMap<>();
                for (var s : v.getValue().getAsJsonObject().entrySet()) {
                    TreeMap<String, Hist> byDs = new TreeMap<>();
                    for (var d : s.getValue().getAsJsonObject().entrySet()) byDs.put(d.getKey(), Hist.fromUhi(d.getValue().getAsJsonObject()));
                    bySample.put(s.getKey(), byDs);
                }
                o.variables.put(v.getKey(), bySample);
            }
            if (json.has("column_sums")) readNestedOf(json.getAsJsonObject("column_sums"), o.columnSums, x -> new Sum(
                    x.get("column").getAsString(), x.get("weighted").getAsBoolean(), x.get("sum").getAsDouble(), x.get("entries").getAsLong()));
            if (json.has("column_ranges")) readNestedOf(json.getAsJsonObject("column_ranges"), o.columnRanges, x -> new Range(x.get("column").getAsString(),
                    x.get("min").isJsonNull() ? Double.POSITIVE_INFINITY : x.get("min").getAsDouble(),
                    x.get("max").isJsonNull() ? Double.NEGATIVE_INFINITY : x.get("max").getAsDouble(), x.get("entries").getAsLong()));
            if (json.has("datasets_metadata") && json.getAsJsonObject("datasets_metadata").has("by_dataset"))
                for (var d : json.getAsJsonObject("datasets_metadata").getAsJsonObject("by_dataset").entrySet()) {
                    TreeMap<String, String> md = new TreeMap<>();
                    for (var m : d.getValue().getAsJsonObject().entrySet()) md.put(m.getKey(), m.getValue().getAsString());
                    o.datasetsMetadata.put(d.getKey(), md);
                }
            if (json.has("postprocessing")) {
                JsonObject pp = json.getAsJsonObject("postprocessing");
                o.postprocessed = pp.has("done") && pp.get("done").getAsBoolean();
                if (pp.has("rescale")) for (var e : pp.getAsJsonObject("rescale").entrySet()) o.normalisation.put(e.getKey(), e.getValue().getAsString());
            }
            if (json.has("skimmed_files")) for (var e : json.getAsJsonObject("skimmed_files").entrySet()) {
                JsonObject x = e.getValue().getAsJsonObject();
                o.skimmedFiles.put(e.getKey(), new SkimmedFile(x.get("dataset").getAsString(), x.get("nevents").getAsLong(), x.get("sum_genweights").getAsDouble()));
            }
            if (json.has("columns_files")) for (var e : json.getAsJsonObject("columns_files").entrySet()) {
                JsonObject x = e.getValue().getAsJsonObject();
                o.columnsFiles.put(e.getKey(), new ColumnsFile(x.get("sample").getAsString(), x.get("dataset").getAsString(),
                        x.get("category").getAsString(), x.get("nevents").getAsLong()));
            }
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException && e.getMessage() != null && e.getMessage().startsWith("output:")) throw e;
            throw new IllegalArgumentException("output: not an output_all.json document: " + e.getMessage(), e);
        }
        return o;
    }

    private static JsonObject flat(Map<String, ? extends Number> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    private static JsonObject flatStrings(Map<String, String> m) {
        JsonObject o = new JsonObject();
        m.forEach(o::addProperty);
        return o;
    }

    private static JsonObject nested(Map<String, ? extends Map<String, ? extends Number>> m) {
        JsonObject o = new JsonObject();
        m.forEach((k, v) -> o.add(k, flat(v)));
        return o;
    }

    private static <V> JsonObject nestedOf(Map<String, ? extends Map<String, V>> m, java.util.function.Function<V, JsonObject> f) {
        JsonObject o = new JsonObject();
        m.forEach((k, byName) -> { JsonObject x = new JsonObject(); byName.forEach((n, v) -> x.add(n, f.apply(v))); o.add(k, x); });
        return o;
    }

    private static <V> void readNestedOf(JsonObject json, TreeMap<String, TreeMap<String, TreeMap<String, V>>> into, java.util.function.Function<JsonObject, V> f) {
        for (var a : json.entrySet()) {
            TreeMap<String, TreeMap<String, V>> byB = new TreeMap<>();
            for (var b : a.getValue().getAsJsonObject().entrySet()) {
                TreeMap<String, V> byC = new TreeMap<>();
                for (var c : b.getValue().getAsJsonObject().entrySet()) byC.put(c.getKey(), f.apply(c.getValue().getAsJsonObject()));
                byB.put(b.getKey(), byC);
            }
            into.put(a.getKey(), byB);
        }
    }

    private static void readFlat(JsonObject json, String key, TreeMap<String, Double> into) {
        if (json.has(key)) for (var e : json.getAsJsonObject(key).entrySet()) into.put(e.getKey(), e.getValue().getAsDouble());
    }

    private static void readNested(JsonObject json, String key, TreeMap<String, TreeMap<String, TreeMap<String, Double>>> into) {
        if (!json.has(key)) return;
        for (var c : json.getAsJsonObject(key).entrySet()) {
            TreeMap<String, TreeMap<String, Double>> byDs = new TreeMap<>();
            for (var d : c.getValue().getAsJsonObject().entrySet()) {
                TreeMap<String, Double> bySample = new TreeMap<>();
                for (var s : d.getValue().getAsJsonObject().entrySet()) bySample.put(s.getKey(), s.getValue().getAsDouble());
                byDs.put(d.getKey(), bySample);
            }
            into.put(c.getKey(), byDs);
        }
    }

    @Override public boolean equals(Object o) {
        if (!(o instanceof Output x)) return false;
        return postprocessed == x.postprocessed && sumGenweights.equals(x.sumGenweights) && sumSignOfGenweights.equals(x.sumSignOfGenweights)
                && steps.equals(x.steps) && cutflow.equals(x.cutflow) && sumw.equals(x.sumw) && sumw2.equals(x.sumw2)
                && variables.equals(x.variables) && datasetsMetadata.equals(x.datasetsMetadata) && normalisation.equals(x.normalisation)
                && skimmedFiles.equals(x.skimmedFiles) && columnsFiles.equals(x.columnsFiles)
                && columnSums.equals(x.columnSums) && columnRanges.equals(x.columnRanges);
    }

    @Override public int hashCode() { return Objects.hash(sumGenweights, steps, cutflow, sumw, variables, datasetsMetadata); }

    @Override public String toString() {
        return "Output[datasets=" + datasetsMetadata.keySet() + ", variables=" + variables.keySet() + ", categories=" + cutflow.keySet()
                + (postprocessed ? ", postprocessed" : "") + "]";
    }
}
