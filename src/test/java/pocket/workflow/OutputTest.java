package pocket.workflow;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.hist.Hist;

class OutputTest {
    static Hist hist(double... xs) {
        Hist h = Hist.builder().strCat("cat", "Category", "baseline").strCat("variation", "Variation", "nominal")
                .reg(4, 0, 4, "x", "x").weight();
        double[] w = new double[xs.length];
        java.util.Arrays.fill(w, 0.5);
        h.fill(new Object[]{"baseline", "nominal", xs}, w);
        return h;
    }

    /** One chunk's output for an MC dataset: n events, Σw = sw, with a histogram. */
    static Output chunk(String ds, long n, double genw, double sw, double... xs) {
        Output o = new Output();
        o.putMetadata(ds, Map.of("sample", "S", "year", "2018", "isMC", "True"));
        o.putStep("initial", ds, n);
        o.putStep("skim", ds, n - 1);
        o.putStep("presel", ds, n - 2);
        o.sumGenweights.put(ds, genw);
        o.sumSignOfGenweights.put(ds, (double) n);
        o.normalisation.put(ds, "sum_genweights");
        o.putCount("baseline", ds, "S", n - 2);
        o.putSumw("baseline", ds, "S", sw, sw * sw);
        o.putHist("x", "S", ds, hist(xs));
        return o;
    }

    static Output data(String ds, long n) {
        Output o = new Output();
        o.putMetadata(ds, Map.of("sample", "D", "year", "2018", "isMC", "False"));
        o.putStep("initial", ds, n);
        o.putCount("baseline", ds, "D", n);
        Hist h = Hist.builder().strCat("cat", "Category", "baseline").reg(4, 0, 4, "x", "x").weight();
        h.fill(new Object[]{"baseline", new double[]{1.5}}, null);
        o.putHist("x", "D", ds, h);
        return o;
    }

    @Test void addIsExactAndOrderFree() {
        Output a = chunk("A", 10, 3.0, 1.5, 0.5, 1.5), b = chunk("A", 20, 5.0, 2.5, 2.5), c = data("D", 7);
        Output abc = a.add(b).add(c), cba = c.add(b.add(a)), bca = b.add(c).add(a);
        assertEquals(abc, cba);
        assertEquals(abc, bca);
        assertEquals(abc.toJson(), cba.toJson(), "same document whatever the order");
        assertEquals(30L, abc.cutflowStep("initial").get("A"));
        assertEquals(26L, abc.cutflow().get("baseline").get("A").get("S"));
        assertEquals(8.0, abc.sumGenweights().get("A"));
        assertEquals(4.0, abc.sumw().get("baseline").get("A").get("S"));
        assertEquals(1.5 * 1.5 + 2.5 * 2.5, abc.sumw2().get("baseline").get("A").get("S"));
        assertEquals(1.5, abc.histogram("x", "S", "A").sum(true));
        assertEquals(10L, a.cutflowStep("initial").get("A"), "operands unchanged");
        assertEquals(a, Output.empty().add(a));
        assertEquals(a, a.add(Output.empty()));
    }

    @Test void postprocessDividesMcOnly() {
        Output all = chunk("A", 10, 4.0, 2.0, 0.5, 1.5).add(data("D", 3));
        Output post = all.postprocess();
        assertEquals(0.5, post.sumw().get("baseline").get("A").get("S"));
        assertEquals(4.0 / 16.0, post.sumw2().get("baseline").get("A").get("S"));
        assertEquals(1.0 / 4.0, post.histogram("x", "S", "A").sum(true));
        assertEquals(all.histogram("x", "D", "D"), post.histogram("x", "D", "D"));
        assertEquals(4.0, post.sumGenweights().get("A"), "the sums themselves stay");
        assertTrue(post.postprocessed() && !all.postprocessed());
        assertThrows(IllegalStateException.class, post::postprocess);
        assertThrows(IllegalStateException.class, () -> all.add(post));
    }

    @Test void signOfGenweightNormalisation() {
        Output o = chunk("A", 10, 4.0, 2.0, 0.5);
        o.normalisation.put("A", "sum_signOf_genweights");
        assertEquals(2.0 / 10.0, o.postprocess().sumw().get("baseline").get("A").get("S"), 1e-15);
    }

    @Test void conflictingMetadataIsRefused() {
        Output a = chunk("A", 10, 1, 1, 0.5);
        Output b = new Output();
        b.putMetadata("A", Map.of("sample", "Other", "year", "2018", "isMC", "True"));
        var e = assertThrows(IllegalArgumentException.class, () -> a.add(b));
        assertTrue(e.getMessage().contains("'A'"), e.getMessage());
    }

    @Test void jsonKeepsDoublesExactlyAndRejectsOtherDocuments() {
        Output a = chunk("A", 10, 0.1 + 0.2, 1.0 / 3.0, 0.5);
        Output back = Output.fromJson(JsonParser.parseString(a.toJson().toString()).getAsJsonObject());
        assertEquals(a, back);
        assertEquals(0.1 + 0.2, back.sumGenweights().get("A"));
        JsonObject bad = new JsonObject();
        bad.addProperty("cutflow", "nope");
        var e = assertThrows(IllegalArgumentException.class, () -> Output.fromJson(bad));
        assertTrue(e.getMessage().startsWith("output:"), e.getMessage());
        var missing = assertThrows(IllegalArgumentException.class, () -> a.histogram("y", "S", "A"));
        assertTrue(missing.getMessage().contains("nearest: x"), missing.getMessage());
    }
}
