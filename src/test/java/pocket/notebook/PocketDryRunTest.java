package pocket.notebook;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.run.DryRun;

/** Pocket...dryRun(): the plan and the options as a value that prints and displays; option(k, v) is as strict as the command line. */
class PocketDryRunTest {
    @TempDir Path tmp;

    @Test
    void dryRunShowsThePlanAndTheOptionsWritingNothing() throws Exception {
        Path out = tmp.resolve("out");
        Pocket p = Pocket.config(PocketSameAsRunTest.CONFIG).executor("futures").chunksize(15).option("retries", 3).outputDir(out);
        DryRun d = p.dryRun();
        assertFalse(Files.exists(out));
        assertEquals(6, d.chunks());
        assertEquals(40, d.dataset("DYJetsToLL_M-50_2018").events());
        assertEquals(3, d.dataset("DATA_SingleMuon_2018_EraA").chunks());
        assertEquals("option(\"retries\", 3)", d.sources().get("retries"));
        assertEquals("chunksize(15)", d.sources().get("chunksize"));
        assertEquals("defaults [general]", d.sources().get("tree-reduction"));
        assertTrue(d.toString().contains("output_all.json: 2 dataset(s), 2 file(s), 6 chunk(s), 80 events"), d.toString());
        assertTrue(d.mimeBundle().get("text/html").contains("<td>DYJetsToLL_M-50_2018</td><td>1</td><td>3</td><td>40</td>"), d.mimeBundle().get("text/html"));
        // the real run processes exactly that
        Result r = p.run();
        assertEquals(6, r.runResult().fates().size());
    }

    @Test
    void anUnknownOptionKeyIsRefusedNamingTheNearestKeysAndMethods() {
        Pocket p = Pocket.config(PocketSameAsRunTest.CONFIG).option("chunksze", 10).outputDir(tmp.resolve("o"));
        var e = assertThrows(IllegalArgumentException.class, p::dryRun);
        assertEquals("unknown run option 'chunksze' in option(\"chunksze\", 10); nearest run options: chunksize, queue, walltime;"
                + " nearest Pocket methods: chunksize, limitChunks, test", e.getMessage());
        assertThrows(IllegalArgumentException.class, p::run);
        assertFalse(Files.exists(tmp.resolve("o")));
    }
}
