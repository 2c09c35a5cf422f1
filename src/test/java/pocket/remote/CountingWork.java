package pocket.remote;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import pocket.workflow.Chunk;

/**
 * Test work for the batch machinery: per chunk, the number of entries, the sum of the entry
 * numbers and the bytes of the file, by dataset. A missing file is a bad input; metadata
 * "sleep_ms" slows a chunk down so a test can act while jobs run. Its sums are checked against
 * closed formulas in the tests.
 */
public final class CountingWork implements PartialWork {
    @Override public JsonObject process(Chunk c) throws Exception {
        Path f = Path.of(c.file());
        if (!Files.exists(f)) throw new NoSuchFileException(c.file());
        if (Files.size(f) < 16) throw new java.io.EOFException("file " + c.file() + " is truncated: " + Files.size(f) + " bytes");
        long sleep = Long.parseLong(c.metadata().getOrDefault("sleep_ms", "0"));
        if (sleep > 0) Thread.sleep(sleep);
        String trap = c.metadata().get("fail_if_exists");
        if (trap != null && Files.exists(Path.of(trap))) throw new IllegalStateException("processor failure on purpose in " + c.id());
        JsonObject o = new JsonObject();
        JsonObject d = new JsonObject();
        d.addProperty("entries", c.entries());
        // sum of entry numbers start..stop-1
        d.addProperty("sum", (c.start() + c.stop() - 1) * c.entries() / 2);
        d.addProperty("chunks", 1);
        o.add(c.dataset(), d);
        return o;
    }

    @Override public JsonObject merge(JsonObject a, JsonObject b) {
        JsonObject out = a.deepCopy();
        for (var e : b.entrySet()) {
            if (!out.has(e.getKey())) { out.add(e.getKey(), e.getValue().deepCopy()); continue; }
            JsonObject x = out.getAsJsonObject(e.getKey()), y = e.getValue().getAsJsonObject();
            for (String k : new String[]{"entries", "sum", "chunks"}) x.addProperty(k, x.get(k).getAsLong() + y.get(k).getAsLong());
        }
        return out;
    }
}
