package pocket.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.config.Axis;
import pocket.config.ColOut;
import pocket.config.ColumnRange;
import pocket.config.ColumnSum;
import pocket.config.ConfigException;
import pocket.config.Cut;
import pocket.config.CutContext;
import pocket.config.HistConf;
import pocket.config.ShapeVariation;
import pocket.events.ColumnNotFoundException;
import pocket.events.Collection;
import pocket.events.Events;
import pocket.events.Jagged;
import pocket.events.Masks;
import pocket.hist.Hist;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.Tree;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;
import pocket.rootio.write.WriteOptions;
import pocket.skim.SkimWriter;

/**
 * PocketCoffea's base processor: the fixed sequence of steps that turns one chunk into one
 * {@link Output}. Analyses extend it and override the steps they need, under PocketCoffea's
 * names in Java spelling: {@link #applyObjectPreselection} (apply_object_preselection),
 * {@link #countObjects}, {@link #defineCommonVariablesBeforePresel},
 * {@link #defineCommonVariablesAfterPresel} and the {@code processExtra*} hooks.
 * A new instance runs each chunk, so fields may hold per-chunk state.
 */
public class BaseWorkflow {
    protected Configurator cfg;
    protected Events events;
    protected String dataset, sample, year;
    protected boolean isMC;
    protected Map<String, String> metadata;
    protected CutContext ctx;
    protected WeightsManager weightsManager;
    /** Category name → mask over the current (preselected) events. */
    protected Map<String, boolean[]> categoryMasks = new LinkedHashMap<>();
    /** Output name (sample, or sample__subsample) → mask; one entry named after the sample when there are no subsamples. */
    protected Map<String, boolean[]> subsampleMasks = new LinkedHashMap<>();
    protected Output output;
    protected Chunk chunk;
    /** {@code <name>Up}, {@code <name>Down} of this sample's shape variations, in order. */
    protected List<String> shapeNames = List.of();

    /** The whole chain for one chunk, in PocketCoffea's order. */
    public final Output process(Configurator cfg, Chunk chunk, Tree tree) {
        this.cfg = cfg;
        this.chunk = chunk;
        this.metadata = cfg.metadataOf(chunk);
        this.dataset = chunk.dataset();
        this.sample = metadata.getOrDefault("sample", dataset);
        this.year = metadata.getOrDefault("year", "");
        this.isMC = Boolean.parseBoolean(metadata.getOrDefault("isMC", "false"));
        this.ctx = new CutContext(Map.of(), cfg.parameters(), dataset, sample, year, isMC, metadata);
        this.events = Events.of(tree, chunk.start(), chunk.stop());
        String usageKey = tree.name() + (isMC ? " (MC)" : " (data)");
        events.prefetch(BranchUsage.of(cfg).get(usageKey));
        try {
            return processChunk(chunk, tree);
        } finally {
            BranchUsage.of(cfg).record(usageKey, events.branchesRead());
        }
    }

    private Output processChunk(Chunk chunk, Tree tree) {
        this.output = new Output();
        output.putMetadata(dataset, metadata);
        loadMetadataExtra();

        output.putStep("initial", dataset, events.size());
        if (isMC) {
            double[] gw = events.get("genWeight");
            double s = 0, sign = 0;
            for (double w : gw) { s += w; sign += Math.signum(w); }
            recordGenweights(s, sign);
        }
        processExtraBeforeSkim();
        skimEvents();
        if (cfg.skimmedFilesDir() != null) saveSkimmedFiles(chunk, tree);
        List<ShapeVariation> shapes = cfg.shapeVariationsFor(sample, isMC);
        shapeNames = new ArrayList<>();
        for (ShapeVariation v : shapes) { shapeNames.add(v.up()); shapeNames.add(v.down()); }
        if (events.size() == 0) {
            output.putStep("presel", dataset, 0);
            recordNothingSelected();
            return output;
        }
        processExtraAfterSkim();

        Events skimmed = shapes.isEmpty() ? null : events.copy();
        runSelection("nominal");
        for (ShapeVariation v : shapes)
            for (boolean up : new boolean[]{true, false}) {
                events = skimmed.copy();
                try {
                    v.apply(events, ctx, up);
                } catch (ColumnNotFoundException e) {
                    throw new ConfigException("shape variation '" + v.name() + "': " + e.getMessage(), e);
                }
                runSelection(up ? v.up() : v.down());
            }
        return output;
    }

    /**
     * From the object preselection to the histograms, on the current events: once for
     * "nominal", then once per shape variation direction on its shifted copy of the skimmed
     * events. Only the nominal pass records cutflow, sumw and weight variations.
     */
    protected void runSelection(String variation) {
        applyObjectPreselection(variation);
        countObjects(variation);
        defineCommonVariablesBeforePresel(variation);
        processExtraBeforePresel(variation);
        applyPreselections(variation);
        if (events.size() == 0) {
            if (variation.equals("nominal")) recordNothingSelected();
            return;
        }
        defineCommonVariablesAfterPresel(variation);
        processExtraAfterPresel(variation);
        defineCategories(variation);
        computeWeights(variation);
        computeWeightsExtra(variation);
        fillHistograms(variation);
        fillHistogramsExtra(variation);
        if (!variation.equals("nominal")) return;
        countEvents(variation);
        sumColumns();
        if (cfg.columnsDir() != null) saveColumns();
    }

    /** Σ genWeight and Σ sign(genWeight) of the chunk, and which of them normalises the dataset (MC). */
    private void recordGenweights(double sum, double sumSign) {
        output.sumGenweights.put(dataset, sum);
        output.sumSignOfGenweights.put(dataset, sumSign);
        List<String> inclusive = cfg.weights().inclusiveFor(sample);
        if (inclusive.contains("signOf_genWeight") && !inclusive.contains("genWeight")) output.normalisation.put(dataset, "sum_signOf_genweights");
        else if (inclusive.contains("genWeight")) output.normalisation.put(dataset, "sum_genweights");
    }

    /** The output of a dataset without a chunk (every file empty): its metadata and zeros under every key. */
    final Output emptyOutput(Configurator cfg, pocket.config.Dataset d) {
        this.cfg = cfg;
        this.metadata = d.metadata();
        this.dataset = d.name();
        this.sample = d.sample();
        this.year = d.year();
        this.isMC = d.isMC();
        this.ctx = new CutContext(Map.of(), cfg.parameters(), dataset, sample, year, isMC, metadata);
        this.output = new Output();
        output.putMetadata(dataset, metadata);
        for (String step : Output.STEPS) output.putStep(step, dataset, 0);
        if (isMC) recordGenweights(0, 0);
        shapeNames = new ArrayList<>();
        for (ShapeVariation v : cfg.shapeVariationsFor(sample, isMC)) { shapeNames.add(v.up()); shapeNames.add(v.down()); }
        recordNothingSelected();
        return output;
    }

    /**
     * Zeros under every key the nominal pass fills, for a chunk none of whose events is left
     * (after the skim or the preselection): each variable's histogram with all its categories and
     * variations, the cutflow and sumw of each category, the column sums and (empty) ranges. So a
     * dataset whose events all fail shows zeros rather than being absent; adding zeros to another
     * chunk's sums leaves them as they are. Histograms of {@link #fillHistogramsExtra} are not known here.
     */
    protected void recordNothingSelected() {
        List<String> cats = cfg.categories().names();
        List<String> all = new ArrayList<>(isMC ? cfg.weights().variationNames(sample) : List.of("nominal"));
        all.addAll(shapeNames);
        List<String> outputs = new ArrayList<>();
        if (cfg.hasSubsamples(sample)) for (String sub : cfg.subsamples(sample).keySet()) outputs.add(sample + "__" + sub);
        else outputs.add(sample);
        for (var v : cfg.variables().entrySet()) {
            List<String> hcats = v.getValue().categories(cats);
            if (hcats.isEmpty()) continue;
            List<String> axis = v.getValue().variations(all);
            for (String out : outputs) output.putHist(v.getKey(), out, dataset, newHist(v.getValue(), hcats, axis));
        }
        for (String cat : cats) {
            output.putCount(cat, dataset, sample, 0);
            if (isMC) output.putSumw(cat, dataset, sample, 0, 0);
            if (cfg.hasSubsamples(sample))
                for (String out : outputs) {
                    output.putCount(cat, dataset, out, 0);
                    if (isMC) output.putSumw(cat, dataset, out, 0, 0);
                }
            for (ColumnSum s : cfg.columnSums()) output.putSum(dataset, cat, s.name(), new Output.Sum(s.column(), s.isWeighted(), 0.0, 0));
            for (ColumnRange r : cfg.columnRanges())
                output.putRange(dataset, cat, r.name(), new Output.Range(r.column(), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0));
        }
    }

    /**
     * The configured column sums and ranges of each category's events (nominal pass); weighted
     * sums take the category's nominal weight, which is 1 on data.
     */
    protected void sumColumns() {
        if (cfg.columnSums().isEmpty() && cfg.columnRanges().isEmpty()) return;
        Map<String, double[]> weights = new LinkedHashMap<>();
        for (ColumnSum s : cfg.columnSums()) {
            ColumnValues v = ColumnValues.of(s.column(), events, "column sum '" + s.name() + "'" + (s.name().equals(s.column()) ? "" : " of '" + s.column() + "'"));
            for (var c : categoryMasks.entrySet()) {
                double[] w = s.isWeighted() && isMC ? weights.computeIfAbsent(c.getKey(), weightsManager::weight) : null;
                output.putSum(dataset, c.getKey(), s.name(), v.sum(s, c.getValue(), w));
            }
        }
        for (ColumnRange r : cfg.columnRanges()) {
            ColumnValues v = ColumnValues.of(r.column(), events, "column range '" + r.name() + "'" + (r.name().equals(r.column()) ? "" : " of '" + r.column() + "'"));
            for (var c : categoryMasks.entrySet()) output.putRange(dataset, c.getKey(), r.name(), v.range(r, c.getValue()));
        }
    }

    /** Hook: read extra metadata for the chunk (load_metadata_extra). */
    protected void loadMetadataExtra() {}

    protected void processExtraBeforeSkim() {}

    /** Applies the skim cuts to the raw NanoAOD events and records the "skim" cutflow step. */
    protected void skimEvents() {
        events.filter(allOf(cfg.skim(), "skim"));
        output.putStep("skim", dataset, events.size());
    }

    /**
     * Writes the events passing the skim, every branch, to {@code <dir>/<dataset>/<file-stem>_<start>-<stop>.root}
     * and records it in the output (save_skimmed_files); a chunk with no passing event writes no file.
     */
    protected void saveSkimmedFiles(Chunk chunk, Tree tree) {
        if (events.size() == 0) return;
        Path dir = cfg.skimmedFilesDir().resolve(dataset);
        Path out = dir.resolve(chunkFileName(chunk));
        Path tmp = dir.resolve(out.getFileName() + ".part");
        long n;
        try {
            Files.createDirectories(dir);
            n = SkimWriter.write(tree, chunk.start(), chunk.stop(), events.entryNumbers(), tmp, WriteOptions.defaults());
            Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("save_skimmed_files: cannot write " + out + ": " + e.getMessage(), e);
        }
        double sumw = 0;
        if (isMC) for (double w : events.get("genWeight")) sumw += w;
        output.putSkimmedFile(out.toString(), new Output.SkimmedFile(dataset, n, sumw));
    }

    /** {@code <file stem>_<start>-<stop>.root}: one name per chunk, for the files a chunk writes. */
    static String chunkFileName(Chunk chunk) {
        String name = chunk.file().replaceAll("[?#].*$", "");
        name = name.substring(name.lastIndexOf('/') + 1).replaceFirst("\\.root$", "");
        return name + "_" + chunk.start() + "-" + chunk.stop() + ".root";
    }

    /**
     * Writes the configured columns of each category's events (nominal pass), one ROOT file per
     * chunk, category and sample or subsample, under {@code <columns folder>/<sample>/<dataset>/<category>/}
     * (PocketCoffea's columns output); MC files carry the events' nominal {@code weight}.
     */
    protected void saveColumns() {
        for (var c : categoryMasks.entrySet()) {
            String cat = c.getKey();
            List<ColOut> outs = new ArrayList<>();
            for (ColOut o : cfg.columns()) if (o.appliesTo(sample, cat)) outs.add(o);
            if (outs.isEmpty()) continue;
            double[] w = isMC ? weightsManager.weight(cat) : null;
            for (var sub : subsampleMasks.entrySet()) {
                boolean[] sel = Masks.and(c.getValue(), sub.getValue());
                int n = Masks.count(sel);
                if (n == 0) continue;
                TreeSchema.Builder schema = TreeSchema.builder();
                Map<String, ColumnArray> cols = new LinkedHashMap<>();
                try {
                    for (ColOut o : outs) addColumns(o, sel, n, schema, cols);
                } catch (ColumnNotFoundException e) {
                    throw new ConfigException("columns: " + e.getMessage(), e);
                }
                if (w != null) {
                    schema.branch("weight", LeafType.FLOAT64, "nominal event weight in category " + cat);
                    cols.put("weight", new ColumnArray(LeafType.FLOAT64, pick(w, sel, n), null, n));
                }
                Path dir = cfg.columnsDir().resolve(sub.getKey()).resolve(dataset).resolve(cat);
                Path out = dir.resolve(chunkFileName(chunk));
                Path tmp = dir.resolve(out.getFileName() + ".part");
                try {
                    Files.createDirectories(dir);
                    try (RootFileWriter fw = RootFileWriter.create(tmp, WriteOptions.defaults())) {
                        fw.tree("Events", schema.build()).extend(cols);
                    }
                    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    throw new UncheckedIOException("columns: cannot write " + out + ": " + e.getMessage(), e);
                }
                output.putColumnsFile(out.toString(), new Output.ColumnsFile(sub.getKey(), dataset, cat, n));
            }
        }
    }

    private void addColumns(ColOut o, boolean[] sel, int n, TreeSchema.Builder schema, Map<String, ColumnArray> cols) {
        if (o.perEvent()) {
            for (String f : o.fields()) {
                if (cols.containsKey(f)) continue;
                schema.branch(f, LeafType.FLOAT64);
                cols.put(f, new ColumnArray(LeafType.FLOAT64, pick(events.get(f), sel, n), null, n));
            }
            return;
        }
        Collection coll = events.collection(o.collection());
        String counter = "n" + o.collection();
        boolean first = !cols.containsKey(counter);
        int[] off = coll.offsets(), outOff = new int[n + 1];
        for (int i = 0, e = 0; i < sel.length; i++) if (sel[i]) { outOff[e + 1] = outOff[e] + off[i + 1] - off[i]; e++; }
        if (first) {
            schema.counter(counter, LeafType.INT32, o.collection());
            int[] counts = new int[n];
            for (int e = 0; e < n; e++) counts[e] = outOff[e + 1] - outOff[e];
            cols.put(counter, new ColumnArray(LeafType.INT32, counts, null, n));
        }
        for (String f : o.fields()) {
            String branch = o.branch(f);
            if (cols.containsKey(branch)) continue;
            double[] v = coll.get(f).values, out = new double[outOff[n]];
            for (int i = 0, e = 0; i < sel.length; i++)
                if (sel[i]) { System.arraycopy(v, off[i], out, outOff[e], off[i + 1] - off[i]); e++; }
            schema.jagged(branch, LeafType.FLOAT64, counter);
            cols.put(branch, new ColumnArray(LeafType.FLOAT64, out, outOff, n));
        }
    }

    private static double[] pick(double[] v, boolean[] sel, int n) {
        double[] out = new double[n];
        for (int i = 0, e = 0; i < sel.length; i++) if (sel[i]) out[e++] = v[i];
        return out;
    }

    protected void processExtraAfterSkim() {}

    /** Defines the selected object collections, e.g. {@code events.put("MuonGood", ...)} (apply_object_preselection). */
    protected void applyObjectPreselection(String variation) {}

    /**
     * Counts selected objects (count_objects). Not needed for {@code n<Coll>} of collections put
     * on the events: those resolve to the collection's counts by themselves.
     */
    protected void countObjects(String variation) {}

    protected void defineCommonVariablesBeforePresel(String variation) {}

    protected void processExtraBeforePresel(String variation) {}

    /** Applies the preselection cuts and records the "presel" cutflow step. */
    protected void applyPreselections(String variation) {
        events.filter(allOf(cfg.preselections(), "preselection"));
        if (variation.equals("nominal")) output.putStep("presel", dataset, events.size());
    }

    protected void defineCommonVariablesAfterPresel(String variation) {}

    protected void processExtraAfterPresel(String variation) {}

    /** Computes the category masks and the subsample masks of the current events. */
    protected void defineCategories(String variation) {
        try {
            categoryMasks = cfg.categories().masks(events, ctx);
        } catch (ColumnNotFoundException e) {
            throw new ConfigException("categories: " + e.getMessage(), e);
        }
        subsampleMasks = new LinkedHashMap<>();
        if (cfg.hasSubsamples(sample)) {
            for (var e : cfg.subsamples(sample).entrySet())
                subsampleMasks.put(sample + "__" + e.getKey(), allOf(e.getValue(), "subsample " + sample + "__" + e.getKey()));
        } else subsampleMasks.put(sample, Masks.all(events.size()));
    }

    protected void computeWeights(String variation) {
        try {
            weightsManager = new WeightsManager(cfg.weights(), cfg.categories().names(), events, ctx);
        } catch (ColumnNotFoundException e) {
            throw new ConfigException("weights: " + e.getMessage(), e);
        }
    }

    /** Hook: add weights computed in code with {@code weightsManager.add(...)} (compute_weights_extra). */
    protected void computeWeightsExtra(String variation) {}

    /**
     * Fills every configured variable for each subsample and category: in the nominal pass for
     * nominal and each weight variation, in a shape pass for that shape variation (nominal
     * weights). Every histogram of a sample has the same variation axis: nominal, weight
     * variations, then shape variations.
     */
    protected void fillHistograms(String variation) {
        boolean nominal = variation.equals("nominal");
        List<String> cats = cfg.categories().names();
        List<String> all = new ArrayList<>(isMC ? weightsManager.variations() : List.of("nominal"));
        all.addAll(shapeNames);
        // per category (and subsample) and per category and variation, shared by all variables
        Map<String, boolean[]> selections = new java.util.HashMap<>();
        Map<String, double[]> weights = new java.util.HashMap<>();
        for (var v : cfg.variables().entrySet()) {
            String name = v.getKey();
            HistConf conf = v.getValue();
            List<String> hcats = conf.categories(cats);
            if (hcats.isEmpty()) continue;
            List<String> axis = conf.variations(all);
            List<String> fill = new ArrayList<>();
            for (String x : axis) if (nominal ? !shapeNames.contains(x) : x.equals(variation)) fill.add(x);
            if (fill.isEmpty()) continue;
            AxisValues values;
            try {
                values = AxisValues.of(name, conf.axes(), events);
            } catch (ColumnNotFoundException e) {
                throw new ConfigException("variable '" + name + "': " + e.getMessage(), e);
            }
            for (var sub : subsampleMasks.entrySet()) {
                Hist h = newHist(conf, hcats, axis);
                for (String cat : hcats) {
                    // the same entries for every variation: gathered once, only the weights differ
                    AxisValues.Picked picked = values.pick(selections.computeIfAbsent(cat + "\u0000" + sub.getKey(),
                            k -> Masks.and(categoryMasks.get(cat), sub.getValue())));
                    if (picked == null) continue;
                    for (String var : fill) {
                        double[] w = conf.noWeightsSet() ? null
                                : weights.computeIfAbsent(cat + "\u0000" + (nominal ? var : "nominal"), k -> weightsManager.weight(cat, nominal ? var : "nominal"));
                        picked.fill(h, cat, isMC ? var : null, w);
                    }
                }
                output.putHist(name, sub.getKey(), dataset, h);
            }
        }
    }

    /** Hook: fill histograms of your own with {@link #addHistogram} (fill_histograms_extra). */
    protected void fillHistogramsExtra(String variation) {}

    /** Adds a histogram to the output of this chunk, under variable → sample → dataset. */
    protected void addHistogram(String variable, String sampleName, Hist h) { output.putHist(variable, sampleName, dataset, h); }

    /** Events (and Σw, Σw² for MC, nominal weights) per category, for the sample and each subsample. */
    protected void countEvents(String variation) {
        for (var c : categoryMasks.entrySet()) {
            String cat = c.getKey();
            boolean[] m = c.getValue();
            double[] w = isMC ? weightsManager.weight(cat) : null;
            record(cat, sample, m, w);
            if (cfg.hasSubsamples(sample))
                for (var sub : subsampleMasks.entrySet()) record(cat, sub.getKey(), Masks.and(m, sub.getValue()), w);
        }
    }

    private void record(String cat, String name, boolean[] m, double[] w) {
        output.putCount(cat, dataset, name, Masks.count(m));
        if (w == null) return;
        double s = 0, s2 = 0;
        for (int i = 0; i < m.length; i++) if (m[i]) { s += w[i]; s2 += w[i] * w[i]; }
        output.putSumw(cat, dataset, name, s, s2);
    }

    /** The AND of the cuts; a cut naming a missing branch fails with its name and the nearest branches. */
    protected boolean[] allOf(List<Cut> cuts, String stage) {
        boolean[] m = Masks.all(events.size());
        for (Cut c : cuts) {
            try {
                m = Masks.and(m, c.mask(events, ctx));
            } catch (ColumnNotFoundException e) {
                throw new ConfigException(stage + " cut '" + c.name() + "': " + e.getMessage(), e);
            }
        }
        return m;
    }

    private Hist newHist(HistConf conf, List<String> cats, List<String> vars) {
        Hist.Builder b = Hist.builder().strCat("cat", "Category", cats.toArray(new String[0]));
        if (isMC) b.strCat("variation", "Variation", vars.toArray(new String[0]));
        for (Axis a : conf.axes()) {
            switch (a.type()) {
                case REGULAR -> b.reg(a.bins(), a.start(), a.stop(), a.name(), a.label());
                case VARIABLE -> b.var(a.edges(), a.name(), a.label());
                case INTEGER -> b.integer((int) a.start(), (int) a.stop(), a.name(), a.label());
            }
        }
        return b.weight();
    }

    /** The values of a variable's axes over the current events, ready to fill for any event mask. */
    static final class AxisValues {
        private final int n;
        /** Per-event values (null for per-object axes) and presence (false where a pos-th object is missing). */
        private final double[][] perEvent;
        private final double[][] perObject;
        private final boolean[] present;
        private final int[] offsets;

        private AxisValues(int n, double[][] perEvent, double[][] perObject, boolean[] present, int[] offsets) {
            this.n = n; this.perEvent = perEvent; this.perObject = perObject; this.present = present; this.offsets = offsets;
        }

        static AxisValues of(String variable, List<Axis> axes, Events ev) {
            int k = axes.size();
            double[][] pe = new double[k][], po = new double[k][];
            boolean[] present = Masks.all(ev.size());
            int[] offsets = null;
            String offsetsFrom = null;
            for (int a = 0; a < k; a++) {
                Axis ax = axes.get(a);
                if (ax.column() != null) {
                    pe[a] = ax.column().compute(ev);
                    if (pe[a].length != ev.size()) throw new ConfigException("variable '" + variable + "': custom column " + ax.name() + " gave " + pe[a].length + " values for " + ev.size() + " events");
                } else if (ax.coll().equals("events")) {
                    pe[a] = ev.get(ax.field());
                } else {
                    Collection c = ev.collection(ax.coll());
                    if (ax.pos() != null) {
                        pe[a] = c.nth(ax.field(), ax.pos());
                        int[] counts = c.counts();
                        for (int i = 0; i < counts.length; i++) if (counts[i] <= ax.pos()) present[i] = false;
                    } else {
                        Jagged j = c.get(ax.field());
                        if (offsets == null) { offsets = j.offsets; offsetsFrom = ax.coll(); }
                        else if (!java.util.Arrays.equals(offsets, j.offsets))
                            throw new ConfigException("variable '" + variable + "': per-object axes on " + offsetsFrom + " and " + ax.coll() + " have different numbers of objects; use pos or one collection");
                        po[a] = j.values;
                    }
                }
            }
            return new AxisValues(ev.size(), pe, po, present, offsets);
        }

        /** The entries of the selected events (every object of them for per-object axes), or null when there are none. */
        Picked pick(boolean[] sel) {
            int entries = 0;
            for (int i = 0; i < n; i++) if (sel[i] & present[i]) entries += offsets == null ? 1 : offsets[i + 1] - offsets[i];
            if (entries == 0) return null;
            int[] event = new int[entries], object = offsets == null ? null : new int[entries];
            int e = 0;
            for (int i = 0; i < n; i++) {
                if (!(sel[i] & present[i])) continue;
                if (offsets == null) { event[e++] = i; continue; }
                for (int o = offsets[i]; o < offsets[i + 1]; o++) { event[e] = i; object[e++] = o; }
            }
            double[][] x = new double[perEvent.length][];
            for (int a = 0; a < x.length; a++) {
                double[] col = new double[entries];
                double[] src = perObject[a] != null ? perObject[a] : perEvent[a];
                int[] at = perObject[a] != null ? object : event;   // an event's value repeats for each of its objects
                for (int j = 0; j < entries; j++) col[j] = src[at[j]];
                x[a] = col;
            }
            return new Picked(x, event);
        }

        /** The axis values of some entries, and the event each comes from (to look up its weight). */
        record Picked(double[][] x, int[] event) {
            void fill(Hist h, String cat, String variation, double[] w) {
                double[] ww = new double[event.length];
                if (w == null) java.util.Arrays.fill(ww, 1.0);
                else for (int j = 0; j < ww.length; j++) ww[j] = w[event[j]];
                Object[] coords = new Object[(variation != null ? 2 : 1) + x.length];
                int c = 0;
                coords[c++] = cat;
                if (variation != null) coords[c++] = variation;
                for (double[] col : x) coords[c++] = col;
                h.fill(coords, ww);
            }
        }
    }
}
