package pocket.workflow;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.config.*;
import pocket.util.Names;

/**
 * The analysis configuration, PocketCoffea's {@code Configurator}: parameters, datasets,
 * subsamples, skim, preselection, categories, weights, variables and the workflow class.
 * A config script ({@code analysis.jsh}) builds one with {@link #builder()} and names it
 * {@code cfg}; {@link #load} runs the script. Immutable once built; the processor it gives
 * may run chunks on many threads at once (one workflow instance per chunk). Subclasses may
 * override what the runner reads (datasets, processor, ...), e.g. to replicate files in a benchmark.
 */
public class Configurator {
    /** Names a category may not take: they are cutflow steps. */
    public static final Set<String> RESERVED_CATEGORIES = Set.of("initial", "skim", "presel");

    private final Path baseDir;
    private final Parameters parameters;
    private final DatasetsConfig datasetsConfig;
    private final List<Dataset> datasets;
    private final Map<String, Map<String, List<Cut>>> subsamples;
    private final List<Cut> skim, preselections;
    private final Categories categories;
    private final WeightsConfig weights;
    private final List<ShapeVariation> shapeVariations;
    private final Map<String, HistConf> variables;
    private final Supplier<? extends BaseWorkflow> workflow;
    private final String workflowName;
    private final Map<String, Object> workflowOptions;
    private final Path skimmedFilesDir;
    private final Path columnsDir;
    private final List<ColOut> columns;
    private final List<ColumnSum> columnSums;
    private final List<ColumnRange> columnRanges;

    /** For subclasses that supply datasets and processor themselves; the analysis parts stay empty. */
    protected Configurator() {
        baseDir = Path.of("").toAbsolutePath();
        parameters = Parameters.empty();
        datasetsConfig = null;
        datasets = List.of();
        subsamples = Map.of();
        skim = List.of();
        preselections = List.of();
        categories = Categories.standard();
        weights = WeightsConfig.none();
        shapeVariations = List.of();
        variables = new LinkedHashMap<>();
        workflow = BaseWorkflow::new;
        workflowName = BaseWorkflow.class.getName();
        workflowOptions = Map.of();
        skimmedFilesDir = null;
        columnsDir = null;
        columns = List.of();
        columnSums = List.of();
        columnRanges = List.of();
    }

    private Configurator(Builder b) {
        this.baseDir = b.baseDir;
        this.parameters = b.parameters;
        this.datasetsConfig = b.datasets;
        this.subsamples = copySubsamples(b.subsamples);
        this.skim = List.copyOf(b.skim);
        this.preselections = List.copyOf(b.preselections);
        this.categories = b.categories;
        this.weights = b.weights;
        this.shapeVariations = List.copyOf(b.shapeVariations);
        this.variables = new LinkedHashMap<>(b.variables);
        this.workflow = b.workflow;
        this.workflowName = b.workflowName;
        this.workflowOptions = Map.copyOf(b.workflowOptions);
        this.skimmedFilesDir = b.skimmedFilesDir == null ? null : b.baseDir.resolve(b.skimmedFilesDir).toAbsolutePath().normalize();
        this.columnsDir = b.columnsDir == null ? null : b.baseDir.resolve(b.columnsDir).toAbsolutePath().normalize();
        this.columns = List.copyOf(b.columns);
        this.columnSums = List.copyOf(b.columnSums);
        this.columnRanges = List.copyOf(b.columnRanges);
        if (datasetsConfig == null) throw new ConfigException("config: no datasets: call .datasets(DatasetsConfig.jsons(\"datasets.json\"))");
        this.datasets = List.copyOf(datasetsConfig.load(baseDir));
        if (datasets.isEmpty()) throw new ConfigException("config: the dataset filters leave no dataset out of " + datasetsConfig.jsonFiles());
        validate();
    }

    /** Runs a config script (analysis.jsh) with JShell and returns the Configurator it names {@code cfg}. */
    public static Configurator load(Path script) { return ConfigLoader.load(script); }

    /** A builder whose relative paths resolve against the folder of the script being loaded (else the working folder). */
    public static Builder builder() { return new Builder(ConfigLoader.currentScriptDir()); }

    // ---- what the runner and workflow read

    /** The datasets after the config's own filters, in order. */
    public List<Dataset> datasets() { return datasets; }

    public Dataset dataset(String name) {
        for (Dataset d : datasets) if (d.name().equals(name)) return d;
        throw new ConfigException("config: no dataset '" + name + "'" + Names.nearestHint(name, datasets.stream().map(Dataset::name).toList()));
    }

    /** The tree to read in every file (NanoAOD: "Events"). */
    public String treeName() { return "Events"; }

    public Path baseDir() { return baseDir; }
    public Parameters parameters() { return parameters; }
    public List<Cut> skim() { return skim; }
    public List<Cut> preselections() { return preselections; }
    public Categories categories() { return categories; }
    public WeightsConfig weights() { return weights; }
    /** Every shape variation, in the order given. */
    public List<ShapeVariation> shapeVariations() { return shapeVariations; }

    /** The shape variations of one sample (none for data). */
    public List<ShapeVariation> shapeVariationsFor(String sample, boolean isMC) {
        if (!isMC) return List.of();
        List<ShapeVariation> out = new ArrayList<>();
        for (ShapeVariation v : shapeVariations) if (v.appliesTo(sample)) out.add(v);
        return out;
    }
    public Map<String, HistConf> variables() { return java.util.Collections.unmodifiableMap(variables); }
    public Map<String, Object> workflowOptions() { return workflowOptions; }
    /** Where the skim saves the passing events as NanoAOD files (absolute), or null when it saves none. */
    public Path skimmedFilesDir() { return skimmedFilesDir; }
    /** Where the columns are saved (absolute), or null when none are. */
    public Path columnsDir() { return columnsDir; }
    public List<ColOut> columns() { return columns; }
    /** The column sums the config asks for (output key column_sums), in order. */
    public List<ColumnSum> columnSums() { return columnSums; }
    /** The column ranges (min, max) the config asks for (output key column_ranges), in order. */
    public List<ColumnRange> columnRanges() { return columnRanges; }

    /** The subsamples of a sample (name → cuts), empty when it has none. */
    public Map<String, List<Cut>> subsamples(String sample) { return subsamples.getOrDefault(sample, Map.of()); }

    public boolean hasSubsamples(String sample) { return subsamples.containsKey(sample); }

    /** The processor for one chunk: the configured workflow class over this configuration. */
    public ChunkProcessor processor() {
        return chunk -> {
            try (RootFile f = RootFile.open(chunk.file())) {
                return process(chunk, f.tree(chunk.tree()));
            }
        };
    }

    /** Runs the workflow on one chunk of an already open tree. */
    public Output process(Chunk chunk, Tree tree) {
        BaseWorkflow w = workflow.get();
        if (w == null) throw new ConfigException("config: the workflow supplier returned null");
        return w.process(this, chunk, tree);
    }

    /**
     * The output of a dataset no chunk was run for (all its files have no entries): its metadata
     * and zeros under every key, as a chunk whose events all fail the skim gives.
     */
    public Output emptyOutput(Dataset d) {
        BaseWorkflow w = workflow.get();
        if (w == null) throw new ConfigException("config: the workflow supplier returned null");
        return w.emptyOutput(this, d);
    }

    /** The metadata of a chunk: its own, else its dataset's. */
    public Map<String, String> metadataOf(Chunk chunk) {
        if (!chunk.metadata().isEmpty()) return chunk.metadata();
        return dataset(chunk.dataset()).metadata();
    }

    /** What ran, for config.json: datasets, cuts, categories, weights and variables. */
    public JsonObject toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("workflow", workflowName);
        m.put("workflow_options", workflowOptions);
        m.put("parameters", parameters.asMap());
        Map<String, Object> ds = new LinkedHashMap<>();
        ds.put("jsons", datasetsConfig.jsonFiles());
        Map<String, Object> filesets = new LinkedHashMap<>();
        for (Dataset d : datasets) filesets.put(d.name(), Map.of("metadata", d.metadata(), "files", d.files()));
        ds.put("filesets", filesets);
        m.put("datasets", ds);
        Map<String, Object> subs = new LinkedHashMap<>();
        subsamples.forEach((s, sub) -> { Map<String, Object> x = new LinkedHashMap<>(); sub.forEach((k, v) -> x.put(k, describe(v))); subs.put(s, x); });
        m.put("subsamples", subs);
        m.put("skim", describe(skim));
        if (skimmedFilesDir != null) m.put("save_skimmed_files", skimmedFilesDir.toString());
        if (columnsDir != null) {
            m.put("columns_folder", columnsDir.toString());
            m.put("columns", columns.stream().map(ColOut::describe).toList());
        }
        // only when asked for, so config.json (and the merge's config check) of other configs stays as it was
        if (!columnSums.isEmpty()) m.put("column_sums", columnSums.stream().map(ColumnSum::describe).toList());
        if (!columnRanges.isEmpty()) m.put("column_ranges", columnRanges.stream().map(ColumnRange::describe).toList());
        m.put("preselections", describe(preselections));
        Map<String, Object> cats = new LinkedHashMap<>();
        categories.cutsByCategory().forEach((k, v) -> cats.put(k, v.stream().map(Cut::name).toList()));
        m.put("categories", cats);
        m.put("weights", weights.describe());
        m.put("shape_variations", shapeVariations.stream().map(ShapeVariation::describe).toList());
        Map<String, Object> vars = new LinkedHashMap<>();
        variables.forEach((k, v) -> vars.put(k, v.describe()));
        m.put("variables", vars);
        Gson gson = new GsonBuilder().serializeSpecialFloatingPointValues().create();
        return gson.toJsonTree(pocket.util.StableOrder.of(m)).getAsJsonObject();
    }

    private static List<Object> describe(List<Cut> cuts) {
        List<Object> out = new ArrayList<>();
        for (Cut c : cuts) out.add(Map.of("name", c.name(), "params", stringify(c.params())));
        return out;
    }

    /** A cut's parameters by name: Cut keeps them in a map without an order of its own. */
    private static Map<String, String> stringify(Map<String, Object> p) {
        Map<String, String> out = new java.util.TreeMap<>();
        p.forEach((k, v) -> out.put(k, String.valueOf(v)));
        return out;
    }

    private void validate() {
        List<String> cats = categories.names();
        if (cats.isEmpty()) throw new ConfigException("config: no categories: add at least one, e.g. Categories.standard().add(\"baseline\", Cuts.passthrough)");
        for (String c : cats)
            if (RESERVED_CATEGORIES.contains(c)) throw new ConfigException("config: category name '" + c + "' is reserved for the cutflow (" + RESERVED_CATEGORIES + ")");
        if (new LinkedHashSet<>(cats).size() != cats.size()) throw new ConfigException("config: category names repeat: " + cats);
        Set<String> samples = new LinkedHashSet<>();
        for (Dataset d : datasets) samples.add(d.sample());
        for (String s : subsamples.keySet())
            if (!samples.contains(s)) throw new ConfigException("config: subsamples given for sample '" + s + "' that no dataset has" + Names.nearestHint(s, samples));
        weights.validate(cats, samples);
        for (ColOut c : columns) {
            if (c.categories() != null)
                for (String cat : c.categories())
                    if (!cats.contains(cat)) throw new ConfigException("config: ColOut(" + c.collection() + ") names category '" + cat + "' that is not defined" + Names.nearestHint(cat, cats));
            if (c.samples() != null)
                for (String s : c.samples())
                    if (!samples.contains(s)) throw new ConfigException("config: ColOut(" + c.collection() + ") names sample '" + s + "' that no dataset has" + Names.nearestHint(s, samples));
        }
        Set<String> shapes = new LinkedHashSet<>();
        for (ShapeVariation v : shapeVariations) {
            if (!shapes.add(v.name())) throw new ConfigException("config: shape variation '" + v.name() + "' is given twice");
            for (String s : samples)
                if (weights.variationNames(s).contains(v.up()))
                    throw new ConfigException("config: shape variation '" + v.name() + "' has the name of a weight variation of sample '" + s + "'; their Up/Down histograms would clash");
            if (v.samples() != null)
                for (String s : v.samples())
                    if (!samples.contains(s)) throw new ConfigException("config: shape variation '" + v.name() + "' names sample '" + s + "' that no dataset has" + Names.nearestHint(s, samples));
        }
        for (var e : variables.entrySet()) e.getValue().validate(e.getKey(), cats);
        for (Dataset d : datasets) {
            if (!d.isMC()) continue;
            Set<String> used = new LinkedHashSet<>();
            for (String c : cats) used.addAll(weights.weightsFor(d.sample(), c));
            if (used.contains("XS")) {
                String xs = d.metadata().get("xsec");
                if (xs == null) throw new ConfigException("datasets: MC dataset '" + d.name() + "' has no metadata key 'xsec' (needed by the XS weight)");
                try { Double.parseDouble(xs); } catch (NumberFormatException e) { throw new ConfigException("datasets: dataset '" + d.name() + "': metadata 'xsec' is '" + xs + "', not a number"); }
            }
            if (used.contains("lumi")) parameters.getDouble("lumi.picobarns." + d.year() + ".tot");
        }
    }

    private static Map<String, Map<String, List<Cut>>> copySubsamples(Map<String, Map<String, List<Cut>>> in) {
        Map<String, Map<String, List<Cut>>> out = new LinkedHashMap<>();
        in.forEach((s, m) -> { Map<String, List<Cut>> x = new LinkedHashMap<>(); m.forEach((k, v) -> x.put(k, List.copyOf(v))); out.put(s, x); });
        return out;
    }

    /** The fluent way a config script describes the analysis; {@link #build} checks it all at once. */
    public static final class Builder {
        private Path baseDir;
        private Parameters parameters = Parameters.empty();
        private DatasetsConfig datasets;
        private final Map<String, Map<String, List<Cut>>> subsamples = new LinkedHashMap<>();
        private final List<Cut> skim = new ArrayList<>(), preselections = new ArrayList<>();
        private Categories categories = Categories.standard();
        private WeightsConfig weights = WeightsConfig.none();
        private final List<ShapeVariation> shapeVariations = new ArrayList<>();
        private final Map<String, HistConf> variables = new LinkedHashMap<>();
        private Supplier<? extends BaseWorkflow> workflow = BaseWorkflow::new;
        private String workflowName = BaseWorkflow.class.getName();
        private final Map<String, Object> workflowOptions = new LinkedHashMap<>();
        private String skimmedFilesDir;
        private String columnsDir;
        private final List<ColOut> columns = new ArrayList<>();
        private final List<ColumnSum> columnSums = new ArrayList<>();
        private final List<ColumnRange> columnRanges = new ArrayList<>();

        private Builder(Path baseDir) { this.baseDir = baseDir; }

        /** The folder relative paths (parameters, dataset JSONs) resolve against. */
        public Builder baseDir(Path dir) { this.baseDir = dir.toAbsolutePath().normalize(); return this; }

        /** Parameters from YAML files (relative to the script's folder), merged in order over any set before. */
        public Builder parameters(String... yamlFiles) {
            Path[] p = new Path[yamlFiles.length];
            for (int i = 0; i < p.length; i++) p[i] = baseDir.resolve(yamlFiles[i]);
            this.parameters = parameters.merge(Parameters.load(p));
            return this;
        }

        public Builder parameters(Parameters p) { this.parameters = parameters.merge(p); return this; }

        public Builder datasets(DatasetsConfig d) { this.datasets = d; return this; }

        /** One subsample of a sample: its events passing all the cuts, named {@code <sample>__<name>}. */
        public Builder subsample(String sample, String name, Cut... cuts) {
            subsamples.computeIfAbsent(sample, k -> new LinkedHashMap<>()).put(name, List.of(cuts));
            return this;
        }

        public Builder subsamples(String sample, Map<String, List<Cut>> subs) {
            subs.forEach((k, v) -> subsample(sample, k, v.toArray(new Cut[0])));
            return this;
        }

        public Builder skim(Cut... cuts) { skim.addAll(List.of(cuts)); return this; }

        /**
         * Saves the events passing the skim as NanoAOD files under {@code folder/<dataset>/}, with
         * {@code skimmed_dataset_definition.json} in the output folder (PocketCoffea's save_skimmed_files).
         */
        public Builder saveSkimmedFiles(String folder) {
            if (folder == null || folder.isBlank()) throw new ConfigException("config: saveSkimmedFiles needs a folder, e.g. .saveSkimmedFiles(\"skims\")");
            this.skimmedFilesDir = folder;
            return this;
        }

        /**
         * Saves columns of the selected events (PocketCoffea's {@code columns}): for each chunk,
         * category and sample (or subsample), a ROOT file
         * {@code folder/<sample>/<dataset>/<category>/<file>_<start>-<stop>.root} with tree "Events"
         * holding the asked fields (float64) and, for MC, the event's nominal {@code weight} in
         * that category. Nominal only; a chunk with no event in a category writes no file.
         */
        public Builder saveColumns(String folder, ColOut... outs) {
            if (folder == null || folder.isBlank()) throw new ConfigException("config: saveColumns needs a folder, e.g. .saveColumns(\"columns\", ColOut.of(\"JetGood\", \"pt\"))");
            if (outs.length == 0) throw new ConfigException("config: saveColumns needs at least one ColOut");
            this.columnsDir = folder;
            columns.addAll(List.of(outs));
            return this;
        }

        /**
         * Sums of columns per dataset and category (output key {@code column_sums}), e.g.
         * {@code .columnSums(ColumnSum.of("PV.npvs"), ColumnSum.of("MuonGood.pt").weighted())}.
         */
        public Builder columnSums(ColumnSum... sums) {
            for (ColumnSum c : sums) {
                if (columnSums.stream().anyMatch(x -> x.name().equals(c.name())))
                    throw new ConfigException("config: column sum '" + c.name() + "' given twice; give one of them another key with .named(\"...\")");
                columnSums.add(c);
            }
            return this;
        }

        /** Smallest and largest value of columns per dataset and category (output key {@code column_ranges}), e.g. {@code .columnRanges(ColumnRange.of("Muon.pt"))}. */
        public Builder columnRanges(ColumnRange... ranges) {
            for (ColumnRange c : ranges) {
                if (columnRanges.stream().anyMatch(x -> x.name().equals(c.name())))
                    throw new ConfigException("config: column range '" + c.name() + "' given twice; give one of them another key with .named(\"...\")");
                columnRanges.add(c);
            }
            return this;
        }

        public Builder preselections(Cut... cuts) { preselections.addAll(List.of(cuts)); return this; }

        public Builder categories(Categories c) { this.categories = c; return this; }

        /** Adds one standard category to the current (standard) categories. */
        public Builder category(String name, Cut... cuts) { this.categories = categories.add(name, cuts); return this; }

        public Builder weights(WeightsConfig w) { this.weights = w; return this; }

        /** Adds shape variations (PocketCoffea's {@code variations={"shape": ...}}): histograms get {@code <name>Up/Down}. */
        public Builder shapeVariations(ShapeVariation... v) { shapeVariations.addAll(List.of(v)); return this; }

        public Builder variable(String name, HistConf h) {
            if (variables.containsKey(name)) throw new ConfigException("config: variable '" + name + "' defined twice");
            variables.put(name, h);
            return this;
        }

        public Builder variables(Map<String, HistConf> vars) { vars.forEach(this::variable); return this; }

        /** The workflow: a subclass of BaseWorkflow overriding the steps it needs, e.g. {@code workflow(ZmumuWorkflow::new)}. */
        public Builder workflow(Supplier<? extends BaseWorkflow> factory) {
            this.workflow = factory;
            BaseWorkflow probe = factory.get();
            this.workflowName = probe == null ? "?" : probe.getClass().getName().replaceFirst("^REPL\\.\\$JShell\\$\\d+\\$", "");
            return this;
        }

        public Builder workflowOption(String key, Object value) { workflowOptions.put(key, value); return this; }

        public Configurator build() { return new Configurator(this); }
    }
}
