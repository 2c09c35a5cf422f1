package pocket.generate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import pocket.rootio.ColumnArray;
import pocket.rootio.LeafType;
import pocket.rootio.RootIOException;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeWriter;
import pocket.rootio.write.WriteOptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes a generated sample as NanoAOD ROOT files (trees {@code Events} and {@code Runs}) and the
 * PocketCoffea dataset JSON that describes them, file paths relative to the JSON's folder.
 * Event {@code i} is the same whichever file it lands in; files and JSON are byte-identical for
 * the same arguments.
 */
public final class SampleWriter {
    /** Events generated and handed to the writer at a time. */
    static final int BLOCK = 20_000;
    /** Timestamp stamped into generated files, so the same seed gives the same bytes. */
    static final LocalDateTime STAMP = LocalDateTime.of(2024, 1, 1, 0, 0, 0);

    /** What was written: the JSON, the ROOT files, the dataset's key in the JSON, event count and Σ genWeight. */
    public record Result(Path json, List<Path> files, String datasetKey, long events, double sumGenWeights) {}

    private final Sample sample;
    private final long events;
    private final int files;
    private final long seed;
    private final WriteOptions options;
    private final String year;

    public SampleWriter(Sample sample, long events, int files, long seed, WriteOptions options, String year) {
        if (events < 0) throw new IllegalArgumentException("generate: --events must be >= 0, got " + events);
        if (files < 1) throw new IllegalArgumentException("generate: --files must be >= 1, got " + files);
        if (files > Math.max(1, events)) throw new IllegalArgumentException("generate: " + files + " files for " + events + " events leaves files empty");
        this.sample = sample; this.events = events; this.files = files; this.seed = seed; this.options = options; this.year = year;
    }

    /** The key of the dataset in the JSON, as PocketCoffea's built datasets name them. */
    public String datasetKey() { return sample.isMC ? sample.dataset + "_" + year : sample.dataset + "_" + year + "_EraA"; }

    /** The JSON's file name inside the output folder, as PocketCoffea's dataset JSONs are named: {@code DYJetsToLL_M-50_2018.json}. */
    public String jsonName() { return sample.dataset + "_" + year + ".json"; }

    /** Entry range [first, stop) of file k: files share the events as evenly as they can. */
    long firstEvent(int k) { return events * k / files; }

    public Result write(Path dir) throws IOException {
        Path folder = dir.resolve(sample.cliName());
        Files.createDirectories(folder);
        EventGenerator gen = new EventGenerator(sample, seed);
        List<Path> paths = new ArrayList<>();
        double sumw = 0;
        for (int k = 0; k < files; k++) {
            Path file = folder.resolve(datasetKey() + "_" + k + ".root");
            sumw += writeFile(gen, file, firstEvent(k), firstEvent(k + 1), k);
            paths.add(file);
        }
        Path json = dir.resolve(jsonName());
        Files.writeString(json, json(dir, paths, sumw), StandardCharsets.UTF_8);
        return new Result(json, paths, datasetKey(), events, sumw);
    }

    /** Writes events [first, stop) to one file; returns their Σ genWeight. */
    private double writeFile(EventGenerator gen, Path file, long first, long stop, int k) throws RootIOException {
        WriteOptions o = options.withTimestamp(STAMP).withUuid(new UUID(seed, EventGenerator.mix64(seed + 31L * k + sample.ordinal())));
        double sumw = 0, sumw2 = 0;
        TreeSet<Integer> runs = new TreeSet<>();
        try (RootFileWriter f = RootFileWriter.create(file, o)) {
            TreeWriter events = f.tree("Events", "Events", gen.schema());
            for (long s = first; s < stop; s += BLOCK) {
                int n = (int) Math.min(BLOCK, stop - s);
                Map<String, ColumnArray> cols = gen.events(s, n);
                if (sample.isMC) {
                    for (float w : cols.get("genWeight").floats()) { sumw += w; sumw2 += (double) w * w; }
                }
                for (int r : cols.get("run").ints()) runs.add(r);
                events.extend(cols);
            }
            TreeWriter runTree = f.tree("Runs", "Runs", NanoSchema.runs(sample.isMC));
            if (sample.isMC) {
                Map<String, ColumnArray> r = new LinkedHashMap<>();
                r.put("run", new ColumnArray(LeafType.UINT32, new int[]{1}, null, 1));
                r.put("genEventCount", new ColumnArray(LeafType.INT64, new long[]{stop - first}, null, 1));
                r.put("genEventSumw", new ColumnArray(LeafType.FLOAT64, new double[]{sumw}, null, 1));
                r.put("genEventSumw2", new ColumnArray(LeafType.FLOAT64, new double[]{sumw2}, null, 1));
                runTree.extend(r);
            } else if (!runs.isEmpty()) {
                int[] rr = runs.stream().mapToInt(Integer::intValue).toArray();
                runTree.extend(Map.of("run", new ColumnArray(LeafType.UINT32, rr, null, rr.length)));
            }
        }
        return sumw;
    }

    private String json(Path dir, List<Path> paths, double sumw) {
        JsonObject meta = new JsonObject();
        meta.addProperty("dataset", sample.dataset);
        meta.addProperty("sample", sample.sampleName);
        meta.addProperty("year", year);
        meta.addProperty("isMC", sample.isMC ? "True" : "False");
        if (sample.isMC) {
            meta.addProperty("xsec", Double.toString(sample.xsec));
            meta.addProperty("sum_genweights", Double.toString(sumw));
        } else {
            meta.addProperty("era", "A");
            meta.addProperty("primaryDataset", "SingleMuon");
        }
        meta.addProperty("nevents", Long.toString(events));
        meta.addProperty("generator", "pocket generate --sample " + sample.cliName() + " --seed " + seed);
        JsonArray list = new JsonArray();
        for (Path p : paths) list.add(dir.relativize(p).toString().replace('\\', '/'));
        JsonObject ds = new JsonObject();
        ds.add("files", list);
        ds.add("metadata", meta);
        JsonObject root = new JsonObject();
        root.add(datasetKey(), ds);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }
}
