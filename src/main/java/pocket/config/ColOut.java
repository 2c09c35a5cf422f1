package pocket.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Columns to save per category, PocketCoffea's {@code ColOut(collection, columns)}: fields of a
 * collection (one jagged branch {@code <Coll>_<field>} each, with its counter {@code n<Coll>}), or
 * of {@code "events"} for per-event columns. Saved per chunk as a ROOT tree, for ML inputs and
 * quick looks with uproot; see {@link Configurator.Builder#saveColumns}.
 */
public final class ColOut {
    private final String collection;
    private final List<String> fields;
    private final List<String> categories, samples;

    private ColOut(String collection, List<String> fields, List<String> categories, List<String> samples) {
        if (collection == null || collection.isBlank()) throw new ConfigException("ColOut needs a collection (or \"events\" for per-event columns)");
        if (fields.isEmpty()) throw new ConfigException("ColOut(" + collection + ") needs at least one field");
        this.collection = collection; this.fields = List.copyOf(fields); this.categories = categories; this.samples = samples;
    }

    /** Fields of a collection, e.g. {@code ColOut.of("JetGood", "pt", "eta")}; collection "events" for per-event columns. */
    public static ColOut of(String collection, String... fields) { return new ColOut(collection, List.of(fields), null, null); }

    /** Only in these categories (PocketCoffea's {@code bycategory}). */
    public ColOut onlyCategories(String... cats) { return new ColOut(collection, fields, List.of(cats), samples); }

    /** Only for these samples (PocketCoffea's {@code bysample}). */
    public ColOut onlySamples(String... s) { return new ColOut(collection, fields, categories, List.of(s)); }

    public String collection() { return collection; }
    public List<String> fields() { return fields; }
    public boolean perEvent() { return collection.equals("events"); }

    public boolean appliesTo(String sample, String category) {
        return (samples == null || samples.contains(sample)) && (categories == null || categories.contains(category));
    }

    /** The branch a field is saved as: the field itself for events, {@code <Coll>_<field>} otherwise. */
    public String branch(String field) { return perEvent() ? field : collection + "_" + field; }

    public List<String> categories() { return categories; }
    public List<String> samples() { return samples; }

    public Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("collection", collection);
        m.put("columns", fields);
        if (categories != null) m.put("categories", categories);
        if (samples != null) m.put("samples", samples);
        return m;
    }
}
