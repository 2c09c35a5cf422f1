package pocket.run;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Time and throughput of a run: per chunk, per dataset (summed chunk times) and in total
 * (wall-clock time of the processing, events of processed chunks).
 */
public record PerformanceReport(List<ChunkFate> fates, double wallSeconds, int workers) {
    public PerformanceReport { fates = List.copyOf(fates); }

    /** Per-dataset figures. */
    public record DatasetStats(String dataset, int chunks, long events, double chunkSeconds) {
        public double eventsPerSecond() { return chunkSeconds > 0 ? events / chunkSeconds : 0; }
    }

    public long events() {
        return fates.stream().filter(f -> f.status() == ChunkFate.Status.PROCESSED).mapToLong(f -> f.chunk().entries()).sum();
    }

    public double chunkSeconds() { return fates.stream().mapToDouble(ChunkFate::seconds).sum(); }

    /** Events of processed chunks per second of wall-clock time. */
    public double eventsPerSecond() { return wallSeconds > 0 ? events() / wallSeconds : 0; }

    public List<DatasetStats> datasets() {
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Double> secs = new LinkedHashMap<>();
        for (ChunkFate f : fates) {
            if (f.status() != ChunkFate.Status.PROCESSED) continue;
            long[] c = counts.computeIfAbsent(f.chunk().dataset(), k -> new long[2]);
            c[0]++;
            c[1] += f.chunk().entries();
            secs.merge(f.chunk().dataset(), f.seconds(), Double::sum);
        }
        List<DatasetStats> out = new ArrayList<>();
        counts.forEach((d, c) -> out.add(new DatasetStats(d, (int) c[0], c[1], secs.get(d))));
        return out;
    }

    public JsonObject toJson() {
        JsonObject o = new JsonObject();
        JsonObject tot = new JsonObject();
        tot.addProperty("wall_seconds", wallSeconds);
        tot.addProperty("workers", workers);
        tot.addProperty("events", events());
        tot.addProperty("events_per_second", eventsPerSecond());
        tot.addProperty("chunk_seconds", chunkSeconds());
        tot.addProperty("chunks", fates.size());
        o.add("total", tot);
        JsonObject ds = new JsonObject();
        for (DatasetStats s : datasets()) {
            JsonObject d = new JsonObject();
            d.addProperty("chunks", s.chunks());
            d.addProperty("events", s.events());
            d.addProperty("chunk_seconds", s.chunkSeconds());
            d.addProperty("events_per_second", s.eventsPerSecond());
            ds.add(s.dataset(), d);
        }
        o.add("datasets", ds);
        JsonArray cs = new JsonArray();
        for (ChunkFate f : fates) {
            JsonObject c = new JsonObject();
            c.addProperty("chunk", f.chunk().id());
            c.addProperty("status", f.status().name().toLowerCase());
            c.addProperty("events", f.status() == ChunkFate.Status.PROCESSED ? f.chunk().entries() : 0);
            c.addProperty("seconds", f.seconds());
            c.addProperty("events_per_second", f.seconds() > 0 && f.status() == ChunkFate.Status.PROCESSED ? f.chunk().entries() / f.seconds() : 0);
            c.addProperty("attempts", f.attempts());
            cs.add(c);
        }
        o.add("chunks", cs);
        return o;
    }

    /** The summary table printed at the end of a run. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-32s %8s %12s %10s %12s%n", "dataset", "chunks", "events", "cpu [s]", "events/s"));
        for (DatasetStats s : datasets())
            sb.append(String.format("%-32s %8d %12d %10.2f %12.0f%n", s.dataset(), s.chunks(), s.events(), s.chunkSeconds(), s.eventsPerSecond()));
        sb.append(String.format("total: %d events in %.2f s wall (%d worker%s): %.0f events/s; chunk time %.2f s",
                events(), wallSeconds, workers, workers == 1 ? "" : "s", eventsPerSecond(), chunkSeconds()));
        return sb.toString();
    }
}
