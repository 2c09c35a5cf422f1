package pocket.testing;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.rootio.LeafType;
import pocket.rootio.write.RootFileWriter;
import pocket.rootio.write.TreeSchema;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

/** The JSROOT helper itself: it opens a file pocket wrote, lists its keys and names a key that is not there. */
class JsrootTest {

    @Test
    void readsWhatPocketWroteAndReportsAMissingKey(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.root");
        try (RootFileWriter f = RootFileWriter.create(file)) {
            f.tree("Events", TreeSchema.builder().branch("x", LeafType.FLOAT64).build());
        }
        JsonObject r = Jsroot.read(file, "Events", "nope");
        assertTrue(r.getAsJsonArray("keys").toString().contains("\"Events\""), r.toString());
        assertEquals("TTree", r.getAsJsonObject("objects").getAsJsonObject("Events").get("className").getAsString());
        assertTrue(r.getAsJsonObject("objects").getAsJsonObject("nope").has("error"), r.toString());
    }
}
