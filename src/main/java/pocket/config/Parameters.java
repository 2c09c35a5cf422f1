package pocket.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import pocket.util.Names;

/**
 * The analysis parameters, PocketCoffea's OmegaConf tree: nested YAML maps merged in order
 * (later files override earlier keys), read by dotted keys such as
 * {@code lumi.picobarns.2018.tot}. Immutable.
 */
public final class Parameters {
    private final Map<String, Object> tree;

    private Parameters(Map<String, Object> tree) { this.tree = tree; }

    public static Parameters empty() { return new Parameters(Map.of()); }

    public static Parameters of(Map<String, ?> tree) { return new Parameters(deepCopy(tree)); }

    /** Reads and merges YAML files, in order. */
    public static Parameters load(Path... files) {
        Map<String, Object> merged = new LinkedHashMap<>();
        for (Path f : files) merge(merged, readYaml(f));
        return new Parameters(merged);
    }

    /** These parameters with another set merged over them. */
    public Parameters merge(Parameters over) {
        Map<String, Object> merged = deepCopy(tree);
        merge(merged, over.tree);
        return new Parameters(merged);
    }

    public boolean has(String key) { return find(key) != null; }

    /** The value at a dotted key; a ConfigException naming the key and the nearest keys when missing. */
    public Object get(String key) {
        Object v = find(key);
        if (v == null) {
            String[] parts = key.split("\\.");
            Object node = tree;
            StringBuilder path = new StringBuilder();
            for (String p : parts) {
                if (!(node instanceof Map<?, ?> m) || !m.containsKey(p)) {
                    List<String> keys = new ArrayList<>();
                    if (node instanceof Map<?, ?> m2) for (Object k : m2.keySet()) keys.add(path + String.valueOf(k));
                    throw new ConfigException("parameters: key '" + key + "' not found" + Names.nearestHint(path + p, keys));
                }
                node = m.get(p);
                path.append(p).append('.');
            }
        }
        return v;
    }

    public double getDouble(String key) {
        Object v = get(key);
        if (v instanceof Number n) return n.doubleValue();
        try { return Double.parseDouble(String.valueOf(v)); }
        catch (NumberFormatException e) { throw new ConfigException("parameters: '" + key + "' is " + v + ", not a number"); }
    }

    public String getString(String key) { return String.valueOf(get(key)); }

    public List<String> getStringList(String key) {
        Object v = get(key);
        if (v instanceof List<?> l) { List<String> out = new ArrayList<>(); for (Object o : l) out.add(String.valueOf(o)); return out; }
        return List.of(String.valueOf(v));
    }

    /** The whole tree, read-only (for config.json). */
    public Map<String, Object> asMap() { return Collections.unmodifiableMap(tree); }

    private Object find(String key) {
        Object node = tree;
        for (String p : key.split("\\.")) {
            if (!(node instanceof Map<?, ?> m)) return null;
            node = m.get(p);
            if (node == null) return null;
        }
        return node;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> readYaml(Path f) {
        if (!Files.isReadable(f)) throw new ConfigException("parameters: cannot read YAML file " + f);
        try (Reader r = Files.newBufferedReader(f)) {
            Object o = new Yaml(new SafeConstructor(new LoaderOptions())).load(r);
            if (o == null) return new LinkedHashMap<>();
            if (!(o instanceof Map)) throw new ConfigException("parameters: " + f + " must hold a YAML mapping at the top, found " + o.getClass().getSimpleName());
            return deepCopy((Map<String, ?>) o);
        } catch (IOException | org.yaml.snakeyaml.error.YAMLException e) {
            throw new ConfigException("parameters: cannot parse YAML file " + f + ": " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private static void merge(Map<String, Object> into, Map<String, Object> over) {
        for (var e : over.entrySet()) {
            Object old = into.get(e.getKey());
            if (old instanceof Map && e.getValue() instanceof Map)
                merge((Map<String, Object>) old, (Map<String, Object>) e.getValue());
            else into.put(e.getKey(), e.getValue());
        }
    }

    /** YAML keys such as 2018 come back as integers: keys are turned into strings so dotted lookup works. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (var e : m.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> sub) v = deepCopy((Map<String, ?>) sub);
            out.put(String.valueOf(e.getKey()), v);
        }
        return out;
    }
}
