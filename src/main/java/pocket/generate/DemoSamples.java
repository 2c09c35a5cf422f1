package pocket.generate;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pocket.rootio.write.WriteOptions;

/**
 * The samples {@code pocket demo} runs on: generated Drell-Yan, ttbar and SingleMuon-like data
 * with their dataset JSONs, made once and reused while their event counts and seed still match,
 * plus {@code params_lumi.yaml}, the luminosity the generated data amount to.
 */
public final class DemoSamples {
    /** The Z→μμ share of the generator's data events (see EventGenerator: 35% Z→μμ, 10% top-like, the rest QCD-like). */
    static final double DATA_Z_FRACTION = 0.35;
    static final long SEED = 1;
    static final String YEAR = "2018";
    /** The dataset JSON holding all three samples, which notebooks/zmumu/analysis.jsh reads. */
    static final String DATASETS = "datasets.json";

    private final Path dir;
    private final long zmumu, ttbar, data;

    /** {@code total} events shared 3:1:2 over DY, ttbar and data. */
    public DemoSamples(Path dir, long total) {
        if (total < 6) throw new IllegalArgumentException("--events must be at least 6 (shared 3:1:2 over DY, ttbar and data), got " + total);
        this.dir = dir;
        this.zmumu = total / 2;
        this.ttbar = total / 6;
        this.data = total - zmumu - ttbar;
    }

    public Path dir() { return dir; }

    long events(Sample s) {
        return switch (s) { case ZMUMU -> zmumu; case TTBAR -> ttbar; case DATA -> data; };
    }

    /**
     * The luminosity (pb⁻¹) at which the DY cross-section gives as many Z→μμ events as the data
     * hold, so that data and simulation can be compared in the plots.
     */
    public double lumiPb() { return DATA_Z_FRACTION * data / Sample.ZMUMU.xsec; }

    private SampleWriter writer(Sample s) {
        return new SampleWriter(s, events(s), 1, SEED, WriteOptions.defaults(), YEAR);
    }

    /** Makes whatever is missing or stale (the samples side by side, one thread each), saying for each whether it was made or reused. */
    public void ensure(PrintWriter out) throws IOException {
        Files.createDirectories(dir);
        List<Callable<String>> jobs = new ArrayList<>();
        for (Sample s : Sample.values()) {
            SampleWriter w = writer(s);
            Path json = dir.resolve(w.jsonName());
            if (upToDate(json, w.datasetKey(), events(s))) {
                out.printf("reusing %d %s events (%s)%n", events(s), s.cliName(), json);
                continue;
            }
            jobs.add(() -> {
                Files.deleteIfExists(json);   // the JSON is written last: a run stopped midway leaves none, so it is redone
                long t0 = System.nanoTime();
                SampleWriter.Result r = w.write(dir);
                return String.format(Locale.ROOT, "generated %d %s events in %.1f s -> %s", r.events(), s.cliName(), (System.nanoTime() - t0) / 1e9, r.json());
            });
        }
        out.flush();
        if (!jobs.isEmpty()) {
            out.println("generating " + jobs.size() + " sample(s) ...");
            out.flush();
            ExecutorService pool = Executors.newFixedThreadPool(jobs.size());
            try {
                for (Future<String> f : pool.invokeAll(jobs)) out.println(f.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("demo: generating the samples was interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                throw new IOException("demo: generating the samples failed: " + c, c);
            } finally {
                pool.shutdownNow();
            }
        }
        // one dataset JSON for the config: the samples' JSONs merged (their file paths are relative to this folder too)
        JsonObject all = new JsonObject();
        for (Sample s : Sample.values()) {
            SampleWriter w = writer(s);
            JsonObject one = JsonParser.parseString(Files.readString(dir.resolve(w.jsonName()))).getAsJsonObject();
            one.entrySet().forEach(e -> all.add(e.getKey(), e.getValue()));
        }
        Files.writeString(dir.resolve(DATASETS), new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(all) + "\n");
        Files.writeString(dir.resolve("params_lumi.yaml"), String.format(Locale.ROOT,
                "# The luminosity the generated data amount to: their Z->mumu events over the DY cross-section (%s pb).%n"
                        + "lumi:%n  picobarns:%n    \"%s\":%n      tot: %.6f%n", Sample.ZMUMU.xsec, YEAR, lumiPb()));
        out.flush();
    }

    /** True when the JSON describes this many events of this seed and every file it lists exists. */
    static boolean upToDate(Path json, String key, long events) {
        if (!Files.isRegularFile(json)) return false;
        try {
            JsonObject root = JsonParser.parseString(Files.readString(json)).getAsJsonObject();
            if (!root.has(key)) return false;
            JsonObject ds = root.getAsJsonObject(key);
            JsonObject meta = ds.getAsJsonObject("metadata");
            if (!String.valueOf(events).equals(meta.get("nevents").getAsString())) return false;
            if (!meta.has("generator") || !meta.get("generator").getAsString().endsWith("--seed " + SEED)) return false;
            for (var f : ds.getAsJsonArray("files"))
                if (!Files.isRegularFile(json.getParent().resolve(f.getAsString()))) return false;
            return true;
        } catch (IOException | RuntimeException e) {
            return false;   // unreadable or foreign JSON: generate afresh
        }
    }
}
