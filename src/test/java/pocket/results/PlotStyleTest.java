package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plotting-style file as read: every key, PocketCoffea's wrapper, and the refusals naming the file and key. */
class PlotStyleTest {
    @TempDir Path tmp;

    @Test void readsEveryKey() throws Exception {
        Path f = tmp.resolve("s.yaml");
        Files.writeString(f, """
                plotting_style:
                  colors_mc: {TTTo2L2Nu: orange, DY: '#102030'}
                  labels_mc: {DY: 'Drell-Yan'}
                  samples_groups: {DY: [DYJetsToLL_M-50, DYJetsToLL_M-10to50]}
                  exclude_samples: [QCD]
                  order_mc: [TTTo2L2Nu, DY]
                  rebin: {mll: [60, 80, 120], ptll: 2}
                  labels_data: 'Data 2018'
                  lumi: 59.7
                  energy: 13.6
                """);
        PlotStyle s = PlotStyle.read(f);
        assertEquals(Color.ORANGE, s.colors.get("TTTo2L2Nu"));
        assertEquals(new Color(0x10, 0x20, 0x30), s.colors.get("DY"));
        assertEquals("DY", s.entry("DYJetsToLL_M-10to50"));
        assertEquals("DY", s.entry("DYJetsToLL_M-50__sub"));   // a subsample follows its sample
        assertEquals("Drell-Yan", s.label(s.entry("DYJetsToLL_M-50")));
        assertTrue(s.excluded("QCD") && !s.excluded("DY"));
        assertEquals(List.of("TTTo2L2Nu", "DY"), s.order);
        assertArrayEquals(new double[]{60, 80, 120}, (double[]) s.rebin.get("mll"));
        assertEquals(2, s.rebin.get("ptll"));
        assertEquals("Data 2018", s.dataLabel);
        assertEquals(59.7, s.lumi);
        assertEquals(13.6, s.energy);
    }

    @Test void refusesWhatItCannotUse() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.writeString(f, "colors_mc: {DY: 'reddish'}\n");
        var e = assertThrows(IllegalArgumentException.class, () -> PlotStyle.read(f));
        assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("colors_mc.DY is 'reddish'") && e.getMessage().contains("#rrggbb"), e.getMessage());
        Files.writeString(f, "order: [a]\n");
        e = assertThrows(IllegalArgumentException.class, () -> PlotStyle.read(f));
        assertTrue(e.getMessage().contains("unknown key 'order'") && e.getMessage().contains("order_mc"), e.getMessage());
        Files.writeString(f, "rebin: {mll: fine}\n");
        e = assertThrows(IllegalArgumentException.class, () -> PlotStyle.read(f));
        assertTrue(e.getMessage().contains("rebin.mll must be a list of bin edges or a merge factor"), e.getMessage());
        Files.writeString(f, "lumi: -3\n");
        e = assertThrows(IllegalArgumentException.class, () -> PlotStyle.read(f));
        assertTrue(e.getMessage().contains("lumi must be a positive number"), e.getMessage());
    }
}
