package pocket.results;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import pocket.hist.Hist;
import pocket.hist.HistAxis;
import pocket.hist.RegularAxis;
import pocket.rootio.RootIOException;
import pocket.rootio.write.HistogramSpec;
import pocket.rootio.write.RootFileWriter;
import pocket.util.Names;

/**
 * An output's histograms as a ROOT shapes file for combine: one TH1D or TH2D with sumw2 per
 * variable, category, process (sample, or dataset) and variation, named by combine's patterns
 * ({@code $PROCESS} for the nominal shape, {@code $PROCESS_$SYSTEMATIC} for the shifted ones;
 * {@code $SYSTEMATIC} is the variation, e.g. {@code sf_mu_idUp}); the data, summed, is {@code data_obs}.
 */
public final class RootExport {
    /** The names a pattern may use. {@code $CHANNEL} is the category, as combine calls it. */
    public static final List<String> TOKENS = List.of("$VARIABLE", "$CHANNEL", "$PROCESS", "$SYSTEMATIC");
    public static final String DEFAULT_PATTERN = "$VARIABLE_$CHANNEL_$PROCESS";
    public static final String DATA_OBS = "data_obs";
    private static final Pattern TOKEN = Pattern.compile("\\$[A-Z]+");

    private final Histograms hists;
    private final List<String> variables, categories, samples;
    private final boolean perDataset;
    private final String pattern, systPattern;

    private RootExport(Builder b) {
        hists = b.hists; variables = b.variables; categories = b.categories; samples = b.samples; perDataset = b.perDataset;
        pattern = b.pattern;
        systPattern = b.systPattern != null ? b.systPattern : b.pattern + "_$SYSTEMATIC";
        check(pattern, "--pattern", false);
        check(systPattern, "--syst-pattern", true);
    }

    public static Builder of(Histograms h) { return new Builder(h); }

    /** What to export and how to name it; names not in the output are refused when the file is written. */
    public static final class Builder {
        private final Histograms hists;
        private List<String> variables = List.of(), categories = List.of(), samples = List.of();
        private boolean perDataset;
        private String pattern = DEFAULT_PATTERN, systPattern;

        private Builder(Histograms h) { hists = h; }
        /** Only these variables (empty: all). */
        public Builder variables(List<String> v) { variables = List.copyOf(v); return this; }
        /** Only these categories (empty: all). */
        public Builder categories(List<String> c) { categories = List.copyOf(c); return this; }
        /** Only these samples, MC or data (empty: all). */
        public Builder samples(List<String> s) { samples = List.copyOf(s); return this; }
        /** One process per dataset instead of per sample (data_obs is still the sum of the data). */
        public Builder perDataset(boolean b) { perDataset = b; return this; }
        /** The nominal histograms' name, e.g. {@code $CHANNEL_$PROCESS}. */
        public Builder pattern(String p) { pattern = p; return this; }
        /** The shifted histograms' name (default: the pattern + {@code _$SYSTEMATIC}). */
        public Builder systPattern(String p) { systPattern = p; return this; }
        public RootExport build() { return new RootExport(this); }
    }

    private static void check(String p, String option, boolean needsSystematic) {
        Matcher m = TOKEN.matcher(p);
        while (m.find())
            if (!TOKENS.contains(m.group()))
                throw new IllegalArgumentException("export-root: " + option + " '" + p + "' has the unknown name " + m.group() + "; names: "
                        + String.join(", ", TOKENS) + Names.nearestHint(m.group(), TOKENS));
        if (!p.contains("$PROCESS")) throw new IllegalArgumentException("export-root: " + option + " '" + p + "' must contain $PROCESS");
        if (needsSystematic != p.contains("$SYSTEMATIC"))
            throw new IllegalArgumentException("export-root: " + option + " '" + p + "' " + (needsSystematic ? "must" : "must not") + " contain $SYSTEMATIC");
        if (p.contains("/")) throw new IllegalArgumentException("export-root: " + option + " '" + p + "': names with '/' (directories) are not written; use '_'");
    }

    /** The histograms this export writes, in order: by variable, category, process, then variation (nominal first). */
    public List<HistogramSpec> histograms() {
        List<String> vars = pick(variables, hists.names(), "variable");
        List<HistogramSpec> out = new ArrayList<>();
        Map<String, String> origin = new LinkedHashMap<>();
        for (String v : vars) {
            if (hists.dimensions(v) > 2)
                throw new IllegalArgumentException("export-root: histogram '" + v + "' has " + hists.dimensions(v)
                        + " variables; TH1D and TH2D are written, not TH3D: choose the others with --variables");
            List<String> allSamples = hists.samples(v);
            List<String> keep = pick(samples, allSamples, "sample");
            for (String c : pick(categories, hists.categories(v), "category")) {
                Hist data = null;
                for (Map.Entry<String, Hist> p : processes(v, keep).entrySet()) {
                    Hist h = p.getValue().select("cat", c);
                    if (hists.isData(sampleOf(p.getKey()))) {
                        data = data == null ? h : data.add(h);
                        if (!perDataset) continue;   // per dataset, each data dataset is a process too
                    }
                    boolean varied = h.axes().stream().anyMatch(a -> a.name().equals("variation"));
                    List<String> variations = varied ? h.axis("variation").binLabels() : List.of("nominal");
                    if (variations.contains("nominal")) {   // nominal first, as combine lists shapes
                        variations = new ArrayList<>(variations);
                        variations.remove("nominal");
                        variations.add(0, "nominal");
                    }
                    for (String var : variations) {
                        Hist one = varied ? h.select("variation", var) : h;
                        String name = name(var.equals("nominal") ? pattern : systPattern, v, c, p.getKey(), var);
                        out.add(spec(name, one, v + " " + c + " " + p.getKey() + (var.equals("nominal") ? "" : " " + var), origin));
                    }
                }
                if (data != null) out.add(spec(name(pattern, v, c, DATA_OBS, "nominal"), data, v + " " + c + " data", origin));
            }
        }
        return out;
    }

    private String sampleOf(String process) {
        return perDataset ? hists.output().datasetsMetadata().get(process).getOrDefault("sample", process) : process;
    }

    /** Process name → its histogram (axes cat, [variation], variables): one per sample, or one per dataset. */
    private Map<String, Hist> processes(String variable, List<String> keep) {
        Map<String, Hist> p = new LinkedHashMap<>();
        for (String s : keep) {
            if (!perDataset) { p.put(s, hists.hist(variable, s)); continue; }
            hists.output().variables().get(variable).get(s).forEach((dataset, h) -> p.merge(dataset, h, Hist::add));
        }
        return p;
    }

    private static List<String> pick(List<String> asked, List<String> have, String what) {
        if (asked.isEmpty()) return have;
        for (String a : asked)
            if (!have.contains(a))
                throw new IllegalArgumentException("export-root: no " + what + " '" + a + "' in the output; " + what + "s: " + have + Names.nearestHint(a, have));
        return have.stream().filter(asked::contains).toList();
    }

    private static String name(String pattern, String variable, String category, String process, String variation) {
        return pattern.replace("$VARIABLE", variable).replace("$CHANNEL", category).replace("$PROCESS", process).replace("$SYSTEMATIC", variation);
    }

    private static HistogramSpec spec(String name, Hist h, String what, Map<String, String> origin) {
        String earlier = origin.putIfAbsent(name, what);
        if (earlier != null)
            throw new IllegalArgumentException("export-root: '" + earlier + "' and '" + what + "' would both be named '" + name
                    + "'; put the names that differ ($VARIABLE, $CHANNEL, $PROCESS) in the pattern");
        List<HistAxis> axes = h.axes();
        int[] ext = new int[axes.size()];
        for (int i = 0; i < ext.length; i++) ext[i] = axes.get(i).extent();
        HistogramSpec.Axis x = axis(axes.get(0));
        HistogramSpec.Axis y = axes.size() == 2 ? axis(axes.get(1)) : null;
        int nx = x.nbins() + 2, ny = y == null ? 1 : y.nbins() + 2;
        double[] values = h.values(true), variances = h.variances(true);
        double[] contents = new double[nx * ny], sumw2 = new double[nx * ny];
        int ox = axes.get(0).underflow() ? 0 : 1, oy = y == null ? 0 : axes.get(1).underflow() ? 0 : 1;
        int extY = y == null ? 1 : ext[1];
        for (int px = 0; px < ext[0]; px++)
            for (int py = 0; py < extY; py++) {
                int from = px * extY + py, to = (px + ox) + nx * (py + oy);
                contents[to] = values[from];
                sumw2[to] = variances[from];
            }
        return HistogramSpec.builder(name).title(name).x(x).y(y).contents(contents).sumw2(sumw2).build();
    }

    private static HistogramSpec.Axis axis(HistAxis a) {
        HistogramSpec.Axis x;
        if (a.isCategory()) x = HistogramSpec.Axis.categories(a.binLabels());
        else if (a instanceof RegularAxis r) x = HistogramSpec.Axis.regular(r.size(), r.lower(), r.upper());
        else if (a.isInteger()) { double[] e = a.edges(); x = HistogramSpec.Axis.regular(a.size(), e[0], e[e.length - 1]); }
        else x = HistogramSpec.Axis.variable(a.edges());
        return x.withTitle(a.label());
    }

    /** Writes the histograms to {@code file} (replacing it); returns how many. */
    public int writeTo(Path file) throws RootIOException {
        List<HistogramSpec> all = histograms();
        try (RootFileWriter f = RootFileWriter.create(file)) {
            for (HistogramSpec h : all) f.histogram(h);
        }
        return all.size();
    }
}
