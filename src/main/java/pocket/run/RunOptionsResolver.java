package pocket.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Layers the run options as PocketCoffea does: general → [site] → [executor] → [executor@site]
 * → the -ro YAML (deep merge; its own options, then its sections general, [site], [executor],
 * [executor@site] as in the defaults file) → command-line flags, checking every value's type on
 * the way. Keys no layer knows are collected, not kept silently: the run refuses them (exit 2)
 * unless its executor factory declares them ({@link ExecutorFactory#optionKeys()}).
 */
public final class RunOptionsResolver {
    /** Where the defaults live, on the classpath (and in the repository under src/main/resources). */
    public static final String DEFAULTS_RESOURCE = "/defaults/executor_options_defaults.yaml";

    /** The layer names used in {@link Resolution#sources()} (a defaults section shows as "defaults [general]"). */
    public static final String FROM_RO = "-ro", FROM_CLI = "cli", FROM_DEFAULTS = "defaults";

    /** The front's own names (flags, methods) offered next to the run-option keys when a key is unknown. */
    public record Hints(String what, List<String> names) {
        public static final Hints NONE = new Hints("flags", List.of());
        public Hints { names = List.copyOf(names); }
    }

    private enum Kind { INT, BOOL, STRING, MAP, ANY }

    /** Types of keys whose default is null (so the defaults cannot tell). */
    private static final Map<String, Kind> NULL_DEFAULT_KINDS = Map.of(
            "limit-files", Kind.INT, "limit-chunks", Kind.INT, "voms-proxy", Kind.STRING,
            "group-samples", Kind.MAP, "starting-time", Kind.STRING, "queue", Kind.STRING,
            "walltime", Kind.STRING, "sched-url", Kind.STRING, "mem-per-worker", Kind.ANY,
            "custom-setup-commands", Kind.ANY);

    private final Map<String, Map<String, Object>> sections;
    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** One value given over the defaults and the -ro file (a flag, a free --key=value, an option(k, v)), and how it was written. */
    public record Given(String key, Object value, String from) {}

    /**
     * The resolved table, which layer set each key, and the keys no layer knows (see
     * {@link UnknownRunOptions}: the run refuses them unless its executor declares them).
     */
    public record Resolution(RunOptions options, Map<String, String> sources, UnknownRunOptions unknown) {
        public Resolution {
            sources = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }
    }

    public RunOptionsResolver(Map<String, Map<String, Object>> sections) {
        this.sections = new LinkedHashMap<>(sections);
        if (!this.sections.containsKey("general"))
            throw new IllegalArgumentException("run options defaults: no 'general' section (sections: " + this.sections.keySet() + ")");
        Map<String, Set<Kind>> seen = new LinkedHashMap<>();
        for (Map<String, Object> sec : this.sections.values())
            for (Map.Entry<String, Object> e : sec.entrySet()) {
                Set<Kind> s = seen.computeIfAbsent(e.getKey(), k -> new LinkedHashSet<>());
                if (e.getValue() != null) s.add(kindOf(e.getKey(), e.getValue()));
            }
        seen.forEach((key, s) -> kinds.put(key, s.isEmpty() ? NULL_DEFAULT_KINDS.getOrDefault(key, Kind.ANY)
                : s.size() == 1 ? s.iterator().next() : Kind.ANY));
    }

    /** The defaults shipped in the jar. */
    public static RunOptionsResolver defaults() {
        try (InputStream in = RunOptionsResolver.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) throw new IllegalStateException("run options defaults " + DEFAULTS_RESOURCE + " missing from the classpath");
            return new RunOptionsResolver(sectionsOf(loadYaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)), DEFAULTS_RESOURCE));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + DEFAULTS_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static RunOptionsResolver fromYaml(String yaml) { return new RunOptionsResolver(sectionsOf(loadYaml(yaml), "defaults")); }

    /** Section names (executor strings and sites) the defaults know. */
    public Set<String> sectionNames() { return sections.keySet(); }

    /** Every key any section knows. */
    public Set<String> knownKeys() { return kinds.keySet(); }

    /** The options for an executor string alone (no -ro, no flags). */
    public RunOptions resolve(String executor) { return resolve(executor, null, Map.of()).options(); }

    /**
     * @param executor   e.g. "futures" or "dask@lxplus"
     * @param runOptions the -ro YAML as a map (null: none)
     * @param cliFlags   flags and free --key=value overrides, already typed where the CLI knew the type
     */
    public Resolution resolve(String executor, Map<String, Object> runOptions, Map<String, Object> cliFlags) {
        List<Given> given = new ArrayList<>();
        if (cliFlags != null) cliFlags.forEach((k, v) -> given.add(new Given(k, v, FROM_CLI)));
        return resolve(executor, runOptions, FROM_RO, given, Hints.NONE);
    }

    /**
     * Layers the defaults' sections for the executor, then the -ro file (its top-level options,
     * then its own sections in the defaults' order), then the given values in order.
     *
     * @param runOptions the -ro file as read (null: none): options and sections as in the defaults file
     * @param roLabel    how the -ro layer is named in sources and errors, e.g. "-ro ro.yaml"
     * @param hints      the front's own flags, offered next to the run-option keys when a key is unknown
     */
    public Resolution resolve(String executor, Map<String, Object> runOptions, String roLabel, List<Given> given, Hints hints) {
        List<String> layers = layersOf(executor);
        Map<String, Object> table = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        for (String layer : layers) {
            Map<String, Object> sec = sections.get(layer);
            if (sec == null) continue;
            for (Map.Entry<String, Object> e : sec.entrySet()) {
                table.put(e.getKey(), e.getValue());
                sources.put(e.getKey(), FROM_DEFAULTS + " [" + layer + "]");
            }
        }
        UnknownRunOptions unknown = new UnknownRunOptions(kinds.keySet(), hints);
        if (runOptions != null) applyFile(table, sources, runOptions, roLabel, executor, layers, unknown);
        for (Given g : given) apply(table, sources, g.key(), g.value(), g.from(), unknown, false);
        checkRanges(table);
        return new Resolution(new RunOptions(table), sources, unknown);
    }

    /** general, [site], [executor], [executor@site]: the sections that apply to an executor string, in order. */
    static List<String> layersOf(String executor) {
        String name = executor, site = null;
        int at = executor.indexOf('@');
        if (at >= 0) { name = executor.substring(0, at); site = executor.substring(at + 1); }
        Set<String> layers = new LinkedHashSet<>();
        layers.add("general");
        if (site != null) layers.add(site);
        layers.add(name);
        if (site != null) layers.add(name + "@" + site);
        return new ArrayList<>(layers);
    }

    /** A -ro file: top-level options first, then its sections that apply (in the defaults' order); the others are checked only. */
    private void applyFile(Map<String, Object> table, Map<String, String> sources, Map<String, Object> file, String label,
                           String executor, List<String> layers, UnknownRunOptions unknown) {
        Set<String> sectionNames = sectionNamesFor(executor);
        Map<String, Map<String, Object>> own = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : file.entrySet()) {
            String key = e.getKey();
            if (kinds.containsKey(key)) { apply(table, sources, key, e.getValue(), label, unknown, true); continue; }
            if (!sectionNames.contains(key) && !key.contains("@")) { unknown.add(key, label, sectionNames); continue; }
            Object v = e.getValue() == null ? Map.of() : e.getValue();
            if (!(v instanceof Map<?, ?> m))
                throw new IllegalArgumentException(label + ": section '" + key + "' must be a mapping of option: value, got '" + v + "'"
                        + " (sections: general, an executor such as futures, or executor@site such as slurm@HOST)");
            own.put(key, stringKeys(m, label));
        }
        for (String layer : layers)
            if (own.containsKey(layer))
                for (Map.Entry<String, Object> e : own.get(layer).entrySet())
                    apply(table, sources, e.getKey(), e.getValue(), label + " [" + layer + "]", unknown, true);
        for (Map.Entry<String, Map<String, Object>> sec : own.entrySet()) {
            if (layers.contains(sec.getKey())) continue;
            for (Map.Entry<String, Object> e : sec.getValue().entrySet()) {
                String from = label + " [" + sec.getKey() + "]";
                Kind kind = kinds.get(e.getKey());
                if (kind == null) unknown.add(e.getKey(), from, Set.of());
                else typed(e.getKey(), e.getValue(), kind, from);
            }
        }
    }

    /** Names a -ro file may use as sections: general, the defaults' sections and their sites, the executors pocket knows. */
    private Set<String> sectionNamesFor(String executor) {
        Set<String> names = new LinkedHashSet<>(sections.keySet());
        for (String s : sections.keySet()) if (s.contains("@")) names.add(s.substring(s.indexOf('@') + 1));
        for (String e : ExecutorProviders.available(null)) names.add(e.contains("@") ? e.substring(0, e.indexOf('@')) : e);
        names.addAll(layersOf(executor));
        return names;
    }

    /** The -ro file read as a flat map of options (nested maps kept for deep merge). */
    public static Map<String, Object> readRunOptionsFile(Path file) {
        if (!Files.isRegularFile(file))
            throw new IllegalArgumentException("run options file " + file + " not found (-ro/--run-options expects a YAML file)");
        try (Reader r = Files.newBufferedReader(file)) {
            Object o = yaml().load(r);
            if (o == null) return Map.of();
            if (!(o instanceof Map<?, ?> m))
                throw new IllegalArgumentException("run options file " + file + ": expected a mapping of option: value, got " + o.getClass().getSimpleName());
            return stringKeys(m, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read run options file " + file + ": " + e.getMessage(), e);
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw new IllegalArgumentException("run options file " + file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** A free --key=value from the command line: booleans and numbers parsed, anything else a string. */
    public static Object parseValue(String text) {
        String s = text.trim();
        if (s.equalsIgnoreCase("true")) return Boolean.TRUE;
        if (s.equalsIgnoreCase("false")) return Boolean.FALSE;
        if (s.equalsIgnoreCase("null") || s.equalsIgnoreCase("none")) return null;
        if (s.matches("[+-]?\\d+")) {
            try { long v = Long.parseLong(s); return v == (int) v ? (Object) (int) v : (Object) v; }
            catch (NumberFormatException e) { return s; }
        }
        if (s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) return Double.parseDouble(s);
        return text;
    }

    private void apply(Map<String, Object> table, Map<String, String> sources, String key, Object value, String from,
                       UnknownRunOptions unknown, boolean inFile) {
        Kind kind = kinds.get(key);
        if (kind == null) {
            unknown.add(key, from, inFile ? sections.keySet() : Set.of());
            kind = Kind.ANY;
        }
        Object typed = typed(key, value, kind, from);
        if (typed instanceof Map<?, ?> m && table.get(key) instanceof Map<?, ?> old)
            typed = deepMerge(old, m);
        table.put(key, typed);
        sources.put(key, from);
    }

    private static Object typed(String key, Object v, Kind kind, String from) {
        if (v == null) return null;
        switch (kind) {
            case INT -> {
                if (v instanceof Integer || v instanceof Long) return ((Number) v).intValue() == ((Number) v).longValue() ? ((Number) v).intValue() : v;
                if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return (int) n.doubleValue();
                if (v instanceof String s && s.trim().matches("[+-]?\\d+")) return Integer.parseInt(s.trim());
                throw wrongType(key, v, "a whole number", from);
            }
            case BOOL -> {
                if (v instanceof Boolean) return v;
                if (v instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))) return Boolean.parseBoolean(s);
                throw wrongType(key, v, "true or false", from);
            }
            case STRING -> {
                if (v instanceof Map || v instanceof List) throw wrongType(key, v, "a single value", from);
                return v instanceof String ? v : v.toString();
            }
            case MAP -> {
                if (v instanceof Map<?, ?> m) return stringKeys(m, from);
                throw wrongType(key, v, "a mapping (key: value)", from);
            }
            default -> { return v instanceof Map<?, ?> m ? stringKeys(m, from) : v; }
        }
    }

    private static IllegalArgumentException wrongType(String key, Object v, String expected, String from) {
        return new IllegalArgumentException("run option '" + key + "' must be " + expected + ", got '" + v + "' (from " + from + ")");
    }

    private static void checkRanges(Map<String, Object> t) {
        atLeast(t, "chunksize", 1);
        atLeast(t, "scaleout", 1);
        atLeast(t, "retries", 0);
        atLeast(t, "tree-reduction", 2);
        atLeast(t, "limit-files", 1);
        atLeast(t, "limit-chunks", 1);
    }

    private static void atLeast(Map<String, Object> t, String key, int min) {
        if (t.get(key) instanceof Number n && n.longValue() < min)
            throw new IllegalArgumentException("run option '" + key + "' must be at least " + min + ", got " + n);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepMerge(Map<?, ?> base, Map<?, ?> over) {
        Map<String, Object> out = new LinkedHashMap<>();
        base.forEach((k, v) -> out.put(String.valueOf(k), v));
        over.forEach((k, v) -> {
            String key = String.valueOf(k);
            Object old = out.get(key);
            out.put(key, old instanceof Map<?, ?> om && v instanceof Map<?, ?> vm ? deepMerge(om, vm) : v);
        });
        return out;
    }

    private static Kind kindOf(String key, Object v) {
        if (v == null) return NULL_DEFAULT_KINDS.getOrDefault(key, Kind.ANY);
        if (v instanceof Boolean) return Kind.BOOL;
        if (v instanceof Integer || v instanceof Long) return Kind.INT;
        if (v instanceof String) return Kind.STRING;
        if (v instanceof Map) return Kind.MAP;
        return Kind.ANY;
    }

    private static Yaml yaml() { return new Yaml(new SafeConstructor(new LoaderOptions())); }

    private static Object loadYaml(String text) { return yaml().load(text); }

    private static Map<String, Map<String, Object>> sectionsOf(Object doc, String where) {
        if (!(doc instanceof Map<?, ?> m)) throw new IllegalArgumentException(where + ": expected sections (general:, futures:, ...)");
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : m.entrySet()) {
            Object v = e.getValue();
            if (v == null) v = Map.of();
            if (!(v instanceof Map<?, ?> sec)) throw new IllegalArgumentException(where + ": section '" + e.getKey() + "' must be a mapping");
            out.put(String.valueOf(e.getKey()), stringKeys(sec, where));
        }
        return out;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> m, String where) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }
}
