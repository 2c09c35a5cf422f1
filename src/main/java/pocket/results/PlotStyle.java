package pocket.results;

import java.awt.Color;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * A plotting-style YAML in PocketCoffea's plotting_style keys: sample colours and legend labels,
 * sample groups stacked as one, excluded samples, the stack order, rebinning, the data label and
 * the luminosity/energy labels.
 */
public final class PlotStyle {
    /** The keys a style file may have. */
    public static final List<String> KEYS = List.of("colors_mc", "labels_mc", "samples_groups", "exclude_samples", "order_mc",
            "rebin", "labels_data", "lumi", "energy");
    private static final Map<String, Color> NAMED = Map.ofEntries(Map.entry("red", Color.RED), Map.entry("blue", Color.BLUE),
            Map.entry("green", new Color(0, 128, 0)), Map.entry("orange", Color.ORANGE), Map.entry("yellow", Color.YELLOW),
            Map.entry("black", Color.BLACK), Map.entry("white", Color.WHITE), Map.entry("gray", Color.GRAY), Map.entry("grey", Color.GRAY),
            Map.entry("cyan", Color.CYAN), Map.entry("magenta", Color.MAGENTA), Map.entry("pink", Color.PINK),
            Map.entry("purple", new Color(128, 0, 128)), Map.entry("brown", new Color(165, 42, 42)));

    final Map<String, Color> colors;
    final Map<String, String> labels;
    final Map<String, List<String>> groups;
    final List<String> exclude, order;
    /** variable → new edges (double[]) or a merge factor (Integer). */
    final Map<String, Object> rebin;
    final String dataLabel;
    final Double lumi, energy;

    private PlotStyle(Map<String, Color> colors, Map<String, String> labels, Map<String, List<String>> groups, List<String> exclude,
                      List<String> order, Map<String, Object> rebin, String dataLabel, Double lumi, Double energy) {
        this.colors = colors; this.labels = labels; this.groups = groups; this.exclude = exclude; this.order = order;
        this.rebin = rebin; this.dataLabel = dataLabel; this.lumi = lumi; this.energy = energy;
    }

    /** No style: the defaults. */
    public static PlotStyle none() { return new PlotStyle(Map.of(), Map.of(), Map.of(), List.of(), List.of(), Map.of(), null, null, null); }

    /** Reads a style file; an unknown key or a value of the wrong kind is an error naming the file and the key. */
    public static PlotStyle read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("plot style: no file " + file);
        Object root;
        try (Reader r = Files.newBufferedReader(file)) {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException("plot style " + file + ": not valid YAML (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null) return none();
        if (!(root instanceof Map<?, ?> m)) throw new IllegalArgumentException("plot style " + file + ": expected a mapping of " + KEYS);
        if (m.size() == 1 && m.containsKey("plotting_style") && m.get("plotting_style") instanceof Map<?, ?> inner) m = inner;   // PocketCoffea's wrapper
        for (Object k : m.keySet())
            if (!KEYS.contains(String.valueOf(k)))
                throw new IllegalArgumentException("plot style " + file + ": unknown key '" + k + "'; valid keys: " + KEYS);
        String f = file.toString();
        Map<String, Color> colors = new LinkedHashMap<>();
        strings(m, "colors_mc", f).forEach((s, c) -> colors.put(s, color(c, f, s)));
        Map<String, List<String>> groups = new LinkedHashMap<>();
        map(m, "samples_groups", f).forEach((g, v) -> groups.put(String.valueOf(g), list(v, f, "samples_groups." + g)));
        Map<String, Object> rebin = new LinkedHashMap<>();
        map(m, "rebin", f).forEach((v, spec) -> {
            if (spec instanceof Integer i) rebin.put(String.valueOf(v), i);
            else if (spec instanceof List<?> l && l.stream().allMatch(x -> x instanceof Number))
                rebin.put(String.valueOf(v), l.stream().mapToDouble(x -> ((Number) x).doubleValue()).toArray());
            else throw new IllegalArgumentException("plot style " + f + ": rebin." + v + " must be a list of bin edges or a merge factor (integer), got " + spec);
        });
        Object data = m.get("labels_data");
        return new PlotStyle(colors, strings(m, "labels_mc", f), groups, list(m.get("exclude_samples"), f, "exclude_samples"),
                list(m.get("order_mc"), f, "order_mc"), rebin, data == null ? null : String.valueOf(data),
                number(m, "lumi", f), number(m, "energy", f));
    }

    /** The stack entry a sample is drawn in: its group, or itself. */
    String entry(String sample) {
        String base = sample.split("__")[0];
        for (var g : groups.entrySet()) if (g.getValue().contains(sample) || g.getValue().contains(base)) return g.getKey();
        return sample;
    }

    boolean excluded(String sample) { return exclude.contains(sample) || exclude.contains(sample.split("__")[0]); }

    String label(String entry) { return labels.getOrDefault(entry, entry); }

    /** Every sample name the style mentions, for checking them against the output. */
    Set<String> samplesNamed() {
        Set<String> s = new java.util.TreeSet<>(colors.keySet());
        s.addAll(labels.keySet());
        groups.values().forEach(s::addAll);
        s.addAll(exclude);
        s.addAll(order);
        s.removeAll(groups.keySet());
        return s;
    }

    private static Map<?, ?> map(Map<?, ?> m, String key, String file) {
        Object v = m.get(key);
        if (v == null) return Map.of();
        if (!(v instanceof Map<?, ?> mm)) throw new IllegalArgumentException("plot style " + file + ": " + key + " must be a mapping, got " + v);
        return mm;
    }

    private static Map<String, String> strings(Map<?, ?> m, String key, String file) {
        Map<String, String> out = new LinkedHashMap<>();
        map(m, key, file).forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private static List<String> list(Object v, String file, String key) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> l)) throw new IllegalArgumentException("plot style " + file + ": " + key + " must be a list, got " + v);
        List<String> out = new ArrayList<>();
        l.forEach(x -> out.add(String.valueOf(x)));
        return List.copyOf(out);
    }

    private static Double number(Map<?, ?> m, String key, String file) {
        Object v = m.get(key);
        if (v == null) return null;
        if (!(v instanceof Number n) || !(n.doubleValue() > 0))
            throw new IllegalArgumentException("plot style " + file + ": " + key + " must be a positive number, got " + v);
        return n.doubleValue();
    }

    static Color color(String c, String file, String sample) {
        String s = c.trim();
        if (s.matches("#[0-9a-fA-F]{6}")) return new Color(Integer.parseInt(s.substring(1), 16));
        Color named = NAMED.get(s.toLowerCase(java.util.Locale.ROOT));
        if (named != null) return named;
        throw new IllegalArgumentException("plot style " + file + ": colors_mc." + sample + " is '" + c + "'; a colour is '#rrggbb' or one of " + new java.util.TreeSet<>(NAMED.keySet()));
    }
}
