package pocket.config;

import java.util.List;
import java.util.Map;

/**
 * One dataset of a PocketCoffea dataset JSON: its name, its files (paths resolved against
 * the JSON's folder, or URLs) and its metadata, all values strings (sample, year, isMC, xsec,
 * nevents, ...).
 */
public record Dataset(String name, List<String> files, Map<String, String> metadata) {
    public Dataset {
        files = List.copyOf(files);
        metadata = Map.copyOf(metadata);
    }

    public String sample() { return metadata.getOrDefault("sample", name); }
    public String year() { return metadata.getOrDefault("year", ""); }
    public boolean isMC() { return Boolean.parseBoolean(metadata.getOrDefault("isMC", "false")); }
}
