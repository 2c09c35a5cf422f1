package pocket.config;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import pocket.util.UserMessages;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pocket.util.Names;

/**
 * PocketCoffea's {@code datasets} block: the built dataset JSON files to read and the filters
 * on them ({@code samples}, {@code samples_exclude}, {@code year}). Immutable; each setter
 * returns a new value.
 */
public final class DatasetsConfig {
    /** Metadata every dataset must carry; MC datasets also need {@code xsec} when the XS weight is used. */
    public static final List<String> REQUIRED_METADATA = List.of("sample", "year", "isMC");

    private final List<String> jsons;
    private final Set<String> samples, samplesExclude, years;

    private DatasetsConfig(List<String> jsons, Set<String> samples, Set<String> samplesExclude, Set<String> years) {
        this.jsons = List.copyOf(jsons);
        this.samples = samples == null ? null : Set.copyOf(samples);
        this.samplesExclude = Set.copyOf(samplesExclude);
        this.years = years == null ? null : Set.copyOf(years);
    }

    /** The dataset JSON files, relative to the config script's folder unless absolute. */
    public static DatasetsConfig jsons(String... paths) {
        return new DatasetsConfig(List.of(paths), null, Set.of(), null);
    }

    /** Keep only these samples (PocketCoffea's {@code filter.samples}). */
    public DatasetsConfig samples(String... names) { return new DatasetsConfig(jsons, new LinkedHashSet<>(List.of(names)), samplesExclude, years); }

    public DatasetsConfig samplesExclude(String... names) { return new DatasetsConfig(jsons, samples, new LinkedHashSet<>(List.of(names)), years); }

    public DatasetsConfig year(String... y) { return new DatasetsConfig(jsons, samples, samplesExclude, new LinkedHashSet<>(List.of(y))); }

    public List<String> jsonFiles() { return jsons; }

    /** Reads the JSON files (relative to baseDir) and applies the filters, keeping file order. */
    public List<Dataset> load(Path baseDir) {
        Map<String, Dataset> all = new LinkedHashMap<>();
        for (String j : jsons) {
            Path p = baseDir.resolve(j).normalize();
            for (Dataset d : readJson(p)) {
                if (all.containsKey(d.name())) throw new ConfigException("datasets: dataset '" + d.name() + "' defined twice (again in " + p + ")");
                all.put(d.name(), d);
            }
        }
        Set<String> knownSamples = new LinkedHashSet<>();
        for (Dataset d : all.values()) knownSamples.add(d.sample());
        if (samples != null) for (String s : samples)
            if (!knownSamples.contains(s)) throw new ConfigException("datasets: filter sample '" + s + "' is in none of " + jsons + Names.nearestHint(s, knownSamples));
        List<Dataset> out = new ArrayList<>();
        for (Dataset d : all.values()) {
            if (samples != null && !samples.contains(d.sample())) continue;
            if (samplesExclude.contains(d.sample())) continue;
            if (years != null && !years.contains(d.year())) continue;
            out.add(d);
        }
        return out;
    }

    /** The keys of one dataset in a built dataset JSON, as PocketCoffea writes them. */
    private static final List<String> DATASET_KEYS = List.of("metadata", "files");

    /** gson's complaint without its class name and troubleshooting link: "Unterminated object at line 3 column 5 path $.DY". */
    static String jsonProblem(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause().getMessage() != null) t = t.getCause();
        String m = t.getMessage() == null ? "malformed" : t.getMessage();
        int see = m.indexOf("\nSee ");
        if (see >= 0) m = m.substring(0, see);
        m = UserMessages.withoutLeadingClassName(m.strip());
        return m.replaceFirst("^Use JsonReader.setStrictness\\(Strictness.LENIENT\\) to accept malformed JSON at ", "malformed JSON at ")
                .replaceFirst("^Use JsonReader.setLenient\\(true\\) to accept malformed JSON at ", "malformed JSON at ");
    }

    /** One built dataset JSON: {@code {name: {"metadata": {...}, "files": [...]}}}, paths relative to its folder. */
    public static List<Dataset> readJson(Path file) {
        JsonObject root;
        if (!Files.isReadable(file)) throw new ConfigException("datasets: cannot read dataset JSON " + file);
        try (Reader r = Files.newBufferedReader(file)) {
            JsonElement e = JsonParser.parseReader(r);
            if (!e.isJsonObject()) throw new ConfigException("datasets: " + file + " must hold a JSON object {dataset: {metadata, files}}");
            root = e.getAsJsonObject();
        } catch (IOException e) {
            throw new ConfigException("datasets: cannot read dataset JSON " + file + ": " + UserMessages.of(e), e);
        } catch (com.google.gson.JsonParseException e) {
            throw new ConfigException("datasets: " + file + " is not valid JSON: " + jsonProblem(e), e);
        }
        Path folder = file.toAbsolutePath().getParent();
        List<Dataset> out = new ArrayList<>();
        for (var entry : root.entrySet()) {
            String name = entry.getKey();
            String where = "datasets: dataset '" + name + "' in " + file;
            if (!entry.getValue().isJsonObject()) throw new ConfigException(where + " is not an object with 'metadata' and 'files'");
            JsonObject d = entry.getValue().getAsJsonObject();
            for (String key : d.keySet())
                if (!DATASET_KEYS.contains(key))
                    throw new ConfigException(where + ": unknown key '" + key + "'" + Names.nearestHint(key, DATASET_KEYS)
                            + " (a dataset holds 'metadata' and 'files' only)");
            for (String key : List.of("metadata", "files"))
                if (!d.has(key)) throw new ConfigException(where + ": missing key '" + key + "'" + Names.nearestHint(key, d.keySet()));
            if (!d.get("metadata").isJsonObject()) throw new ConfigException(where + ": 'metadata' must be an object");
            if (!d.get("files").isJsonArray()) throw new ConfigException(where + ": 'files' must be a list of paths or URLs");
            Map<String, String> meta = new LinkedHashMap<>();
            for (var m : d.getAsJsonObject("metadata").entrySet()) {
                JsonElement v = m.getValue();
                meta.put(m.getKey(), v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
            for (String key : REQUIRED_METADATA)
                if (!meta.containsKey(key)) throw new ConfigException(where + ": missing metadata key '" + key + "'" + Names.nearestHint(key, meta.keySet()));
            String isMC = meta.get("isMC");
            if (!List.of("True", "true", "False", "false").contains(isMC))
                throw new ConfigException(where + ": metadata 'isMC' is '" + isMC + "', expected \"True\" or \"False\"");
            // PocketCoffea writes "True"/"False"; Dataset.isMC parses case-insensitively either way
            List<String> files = new ArrayList<>();
            JsonArray arr = d.getAsJsonArray("files");
            for (int i = 0; i < arr.size(); i++) {
                String f = arr.get(i).getAsString();
                if (f.contains("://")) { files.add(f); continue; }
                // a file missing now is the run's to judge: an error, or a skipped file with skip-bad-files
                files.add(folder.resolve(f).normalize().toString());
            }
            if (files.isEmpty()) throw new ConfigException(where + ": key 'files' is empty");
            meta.putIfAbsent("dataset", name);
            out.add(new Dataset(name, files, meta));
        }
        return out;
    }
}
