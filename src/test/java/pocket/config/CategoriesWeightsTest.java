package pocket.config;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.events.Events;
import pocket.events.Masks;
import pocket.testing.InMemoryTree;
import pocket.workflow.WeightsManager;

class CategoriesWeightsTest {
    static InMemoryTree tree() {
        return new InMemoryTree(5)
                .flat("genWeight", 1, 2, -1, 4, 8)
                .flat("x", 0, 1, 2, 3, 4)
                .collection("Jet", Map.of("pt", new double[][]{{50, 40}, {30}, {}, {60, 20, 35}, {45}}));
    }

    static CutContext ctx(boolean mc) {
        return new CutContext(Map.of(), Parameters.of(Map.of("lumi", Map.of("picobarns", Map.of(2018, Map.of("tot", 10.0))))),
                "ds", "S", "2018", mc, Map.of("xsec", "3.0", "sample", "S", "year", "2018"));
    }

    @Test void cartesianCategoriesAreTheProductOfTheCuts() {
        Cut low = Cut.of("x_low", (ev, c) -> Masks.lt(ev.get("x"), 2)), high = Cut.of("x_high", (ev, c) -> Masks.ge(ev.get("x"), 2));
        Categories cats = Categories.cartesian(List.of(
                MultiCut.of("x", List.of(low, high), List.of("lo", "hi")),
                MultiCut.of("jets", List.of(Cuts.get_nObj_eq(1, "Jet"), Cuts.get_nObj_min(2, 30.0, "Jet")), List.of("1j", "2j30")))).add("all", Cuts.passthrough);
        assertEquals(List.of("all", "lo_1j", "lo_2j30", "hi_1j", "hi_2j30"), cats.names());
        Map<String, boolean[]> m = cats.masks(Events.of(tree()), ctx(true));
        assertArrayEquals(new boolean[]{true, true, true, true, true}, m.get("all"));
        assertArrayEquals(new boolean[]{false, true, false, false, false}, m.get("lo_1j"));
        assertArrayEquals(new boolean[]{true, false, false, false, false}, m.get("lo_2j30"));
        assertArrayEquals(new boolean[]{false, false, false, false, true}, m.get("hi_1j"));
        assertArrayEquals(new boolean[]{false, false, false, true, false}, m.get("hi_2j30"));
        assertEquals("nJet_min2_pt30", Cuts.get_nObj_min(2, 30.0, "Jet").name());
    }

    @Test void weightsPerCategoryAndVariations() {
        Weight sf = Weight.withVariations("sf", (ev, c) -> {
            double[] n = new double[ev.size()], u = new double[ev.size()], d = new double[ev.size()];
            java.util.Arrays.fill(n, 0.5); java.util.Arrays.fill(u, 0.75); java.util.Arrays.fill(d, 0.25);
            return new WeightData("sf", n, u, d);
        });
        WeightsConfig wc = WeightsConfig.inclusive("genWeight", "lumi", "XS").define(sf).bycategory("b", "sf").variations("sf");
        wc.validate(List.of("a", "b"), java.util.Set.of("S"));
        Events ev = Events.of(tree());
        WeightsManager wm = new WeightsManager(wc, List.of("a", "b"), ev, ctx(true));
        assertEquals(List.of("nominal", "sfUp", "sfDown"), wm.variations());
        assertArrayEquals(new double[]{30, 60, -30, 120, 240}, wm.weight("a"), 1e-12);
        assertArrayEquals(new double[]{15, 30, -15, 60, 120}, wm.weight("b"), 1e-12);
        assertArrayEquals(new double[]{22.5, 45, -22.5, 90, 180}, wm.weight("b", "sfUp"), 1e-12);
        assertArrayEquals(new double[]{7.5, 15, -7.5, 30, 60}, wm.weight("b", "sfDown"), 1e-12);
        assertArrayEquals(wm.weight("a"), wm.weight("a", "sfUp"), "sf does not apply in a");
        WeightsManager data = new WeightsManager(wc, List.of("a", "b"), ev, ctx(false));
        assertEquals(List.of("nominal"), data.variations());
        assertArrayEquals(new double[]{1, 1, 1, 1, 1}, data.weight("b"));
    }

    @Test void parametersByDottedKeys() {
        Parameters p = Parameters.of(Map.of("lumi", Map.of("picobarns", Map.of(2018, Map.of("tot", 59.8)))));
        assertEquals(59.8, p.getDouble("lumi.picobarns.2018.tot"));
        ConfigException e = assertThrows(ConfigException.class, () -> p.getDouble("lumi.picobarns.2017.tot"));
        assertTrue(e.getMessage().contains("lumi.picobarns.2017.tot") && e.getMessage().contains("nearest: lumi.picobarns.2018"), e.getMessage());
        Parameters over = p.merge(Parameters.of(Map.of("lumi", Map.of("picobarns", Map.of("2017", Map.of("tot", 41.5))))));
        assertEquals(41.5, over.getDouble("lumi.picobarns.2017.tot"));
        assertEquals(59.8, over.getDouble("lumi.picobarns.2018.tot"), "merge keeps untouched keys");
    }
}
