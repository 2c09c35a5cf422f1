package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.ColOut;
import pocket.config.ConfigException;
import pocket.config.Dataset;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;

/**
 * Saved columns over the real tt̄ samples, in two chunks per file: the files written per chunk
 * and category, read back with the reader, hold exactly the good jets and HT of the events a
 * selection redone by hand on the raw branches keeps, with their genWeight.
 */
class ColumnsOutputTest {
    @TempDir Path tmp;

    @Test
    void columnsPerChunkAndCategoryHoldTheSelectedObjects() throws Exception {
        Path dir = tmp.resolve("cols");
        Configurator cfg = ShapeVariationTest.config()
                .saveColumns(dir.toString(), ColOut.of("JetGood", "pt", "eta"), ColOut.of("events", "HT").onlyCategories("6j"))
                .build();
        Output all = Output.empty();
        for (Dataset d : cfg.datasets())
            try (RootFile rf = RootFile.open(d.files().get(0))) {
                Tree t = rf.tree("Events");
                long n = t.entries();
                all = all.add(cfg.process(new Chunk(d.name(), d.files().get(0), "Events", 0, n / 2, d.metadata()), t))
                        .add(cfg.process(new Chunk(d.name(), d.files().get(0), "Events", n / 2, n, d.metadata()), t));
            }
        Output back = Output.fromJson(all.toJson());
        assertEquals(all.columnsFiles(), back.columnsFiles(), "columns files survive output_all.json");
        for (Dataset d : cfg.datasets()) {
            for (String cat : new String[]{"baseline", "6j"}) {
                List<ShapeVariationTest.Selected> want = ShapeVariationTest.byHand(d, 1, cat.equals("6j") ? 6 : 4);
                List<String> files = new ArrayList<>();
                all.columnsFiles().forEach((f, info) -> { if (info.dataset().equals(d.name()) && info.category().equals(cat)) files.add(f); });
                assertEquals(2, files.size(), d.name() + " " + cat + ": one file per chunk: " + files);
                int k = 0;
                for (String f : files) { // sorted by name: the first chunk's file first
                    assertTrue(f.startsWith(dir.resolve("TTbar").resolve(d.name()).resolve(cat).toString()), f);
                    try (RootFile rf = RootFile.open(f)) {
                        Tree t = rf.tree("Events");
                        assertEquals(all.columnsFiles().get(f).nevents(), t.entries());
                        assertEquals(cat.equals("6j"), t.hasBranch("HT"), "HT only where asked: " + cat);
                        Map<String, ColumnArray> c = t.read(List.of("nJetGood", "JetGood_pt", "weight"), 0, t.entries());
                        double[] pt = c.get("JetGood_pt").toDoubles(), w = c.get("weight").toDoubles(), n = c.get("nJetGood").toDoubles();
                        int[] off = c.get("JetGood_pt").offsets;
                        double[] ht = cat.equals("6j") ? t.read("HT", 0, t.entries()).toDoubles() : null;
                        for (int i = 0; i < t.entries(); i++, k++) {
                            ShapeVariationTest.Selected e = want.get(k);
                            assertEquals(e.pts().size(), n[i], "event " + e.entry());
                            assertEquals(e.w(), w[i], 0, "weight of event " + e.entry());
                            for (int j = 0; j < e.pts().size(); j++) assertEquals(e.pts().get(j), pt[off[i] + j], 0);
                            if (ht != null) assertEquals(e.ht(), ht[i], 1e-9 * e.ht());
                        }
                    }
                }
                assertEquals(want.size(), k, d.name() + " " + cat + ": events in the files");
            }
        }
    }

    @Test
    void columnsNamingAnUnknownCategoryOrSampleAreRefused() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ShapeVariationTest.config().saveColumns("c", ColOut.of("JetGood", "pt").onlyCategories("6jj")).build());
        assertTrue(e.getMessage().contains("6jj") && e.getMessage().contains("6j"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ShapeVariationTest.config().saveColumns("c", ColOut.of("JetGood", "pt").onlySamples("TT")).build());
        assertTrue(e.getMessage().contains("'TT'") && e.getMessage().contains("TTbar"), e.getMessage());
        e = assertThrows(ConfigException.class, () -> ColOut.of("JetGood"));
        assertTrue(e.getMessage().contains("at least one field"), e.getMessage());
    }
}
