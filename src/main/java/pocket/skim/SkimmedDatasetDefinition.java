package pocket.skim;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * PocketCoffea's {@code skimmed_dataset_definition.json}: for each dataset, its skimmed files and
 * its metadata with {@code nevents} set to the skimmed count, {@code skim_efficiency},
 * {@code isSkim: "True"} and, for MC, {@code skim_rescale_genweights} (Σw before / Σw after the
 * skim), so a later run on the skims normalises as the original would.
 */
public final class SkimmedDatasetDefinition {
    private static final class Entry {
        Map<String, String> metadata;
        final List<String> files = new ArrayList<>();
        long initial, skimmed;
        double sumw, sumwSkimmed;
    }

    private final Map<String, Entry> datasets = new TreeMap<>();

    /** Records one skimmed chunk of a dataset: its file, events before and after, and Σ genWeight before and after. */
    public synchronized SkimmedDatasetDefinition add(String dataset, Map<String, String> metadata, String file,
                                                     long initialEvents, long skimmedEvents, double sumw, double sumwSkimmed) {
        Entry e = datasets.computeIfAbsent(dataset, k -> new Entry());
        if (e.metadata == null) e.metadata = new LinkedHashMap<>(metadata);
        if (file != null) e.files.add(file);
        e.initial += initialEvents;
        e.skimmed += skimmedEvents;
        e.sumw += sumw;
        e.sumwSkimmed += sumwSkimmed;
        return this;
    }

    public JsonObject toJson() {
        JsonObject root = new JsonObject();
        for (var d : datasets.entrySet()) {
            Entry e = d.getValue();
            JsonObject meta = new JsonObject();
            e.metadata.forEach(meta::addProperty);
            meta.addProperty("nevents", Long.toString(e.skimmed));
            meta.addProperty("skim_efficiency", Double.toString(e.initial == 0 ? 0 : (double) e.skimmed / e.initial));
            boolean mc = List.of("True", "true").contains(e.metadata.getOrDefault("isMC", "False"));
            if (mc) meta.addProperty("skim_rescale_genweights", Double.toString(e.sumwSkimmed == 0 ? 0 : e.sumw / e.sumwSkimmed));
            meta.addProperty("isSkim", "True");
            JsonArray files = new JsonArray();
            e.files.stream().sorted().forEach(files::add);
            JsonObject ds = new JsonObject();
            ds.add("metadata", meta);
            ds.add("files", files);
            root.add(d.getKey(), ds);
        }
        return root;
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(toJson()) + "\n", StandardCharsets.UTF_8);
    }
}
