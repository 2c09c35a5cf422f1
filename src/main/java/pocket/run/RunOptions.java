package pocket.run;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pocket.util.Html;

/**
 * The resolved run options (PocketCoffea's keys: scaleout, chunksize, queue, retries,
 * limit-files, ...): an immutable table with typed getters. How the table is layered from
 * defaults/, the -ro YAML and the flags lives in the run package's resolver.
 */
public final class RunOptions implements pocket.display.Renderable {
    private final Map<String, Object> values;

    public RunOptions(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Map<String, Object> asMap() { return values; }
    public boolean has(String key) { return values.containsKey(key) && values.get(key) != null; }
    public Object get(String key) { return values.get(key); }

    /** A copy with one key changed. */
    public RunOptions with(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(key, value);
        return new RunOptions(m);
    }

    public String getString(String key, String dflt) {
        Object v = values.get(key);
        return v == null ? dflt : v.toString();
    }

    public int getInt(String key, int dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.intValue();
        try { return Integer.parseInt(v.toString().trim()); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("run option '" + key + "' must be a whole number, got '" + v + "'"); }
    }

    public long getLong(String key, long dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) return n.longValue();
        try { return Long.parseLong(v.toString().trim()); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("run option '" + key + "' must be a whole number, got '" + v + "'"); }
    }

    public double getDouble(String key, double dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Number n) return n.doubleValue();
        try { return Double.parseDouble(v.toString().trim()); }
        catch (NumberFormatException e) { throw new IllegalArgumentException("run option '" + key + "' must be a number, got '" + v + "'"); }
    }

    public boolean getBool(String key, boolean dflt) {
        Object v = values.get(key);
        if (v == null) return dflt;
        if (v instanceof Boolean b) return b;
        String s = v.toString().trim().toLowerCase();
        if (s.equals("true") || s.equals("yes")) return true;
        if (s.equals("false") || s.equals("no")) return false;
        throw new IllegalArgumentException("run option '" + key + "' must be true or false, got '" + v + "'");
    }

    @SuppressWarnings("unchecked")
    public List<String> getList(String key) {
        Object v = values.get(key);
        if (v == null) return List.of();
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return List.of(v.toString());
    }

    @Override public boolean equals(Object o) { return o instanceof RunOptions r && r.values.equals(values); }
    @Override public int hashCode() { return values.hashCode(); }
    /** One option per line, sorted: "chunksize  100000". */
    @Override public String toString() {
        java.util.Map<String, Object> sorted = new java.util.TreeMap<>(values);
        int w = sorted.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder("Run options:\n");
        sorted.forEach((k, v) -> sb.append(String.format("  %-" + w + "s  %s%n", k, v)));
        return sb.toString();
    }

    /** In a notebook: a two-column table, sorted by option. */
    @Override public pocket.display.MimeBundle mimeBundle() {
        StringBuilder h = new StringBuilder("<table class=\"pocket-table\"><caption>Run options</caption><thead><tr><th>option</th><th>value</th></tr></thead><tbody>");
        new java.util.TreeMap<>(values).forEach((k, v) -> h.append("<tr><td>").append(Html.escape(k)).append("</td><td>").append(Html.escape(String.valueOf(v))).append("</td></tr>"));
        return pocket.display.MimeBundle.text(toString()).withHtml(h.append("</tbody></table>").toString());
    }

}
