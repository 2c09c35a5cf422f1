package pocket.hist;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.*;

/** UHI JSON: round trips of every axis and storage, schema conformance, and documents written by hand. */
class UhiTest {

    private static Hist everyAxis(StorageType storage) {
        Hist h = Hist.builder()
                .strCat("cat", "Category", "baseline", "2jets")
                .reg(3, 0, 3, "pt", "$p_T$ [GeV]")
                .var(new double[]{0, 1, 2.5}, "eta", "|η|")
                .integer(0, 3, "nJet", "N jets")
                .intCat("pdgId", "pdgId", 11, 13)
                .bool("pass", "passes")
                .axis(new RegularAxis(2, -1, 1, "noflow", "no flow", false, false))
                .build(storage);
        Random r = new Random(11);
        int n = 500;
        String[] cat = new String[n];
        double[] pt = new double[n], eta = new double[n], w = storage == StorageType.INT ? null : new double[n];
        float[] noflow = new float[n];
        int[] nj = new int[n], pdg = new int[n];
        boolean[] pass = new boolean[n];
        for (int i = 0; i < n; i++) {
            cat[i] = r.nextInt(3) == 0 ? "3jets" : "baseline";
            pt[i] = r.nextDouble() * 4 - 0.5;
            eta[i] = i % 50 == 0 ? Double.NaN : r.nextDouble() * 3;
            nj[i] = r.nextInt(5) - 1;
            pdg[i] = r.nextBoolean() ? 13 : -13;
            pass[i] = r.nextBoolean();
            noflow[i] = (float) (r.nextDouble() * 2.4 - 1.2);
            if (w != null) w[i] = r.nextInt(8) / 4.0;
        }
        h.fill(new Object[]{cat, pt, eta, nj, pdg, pass, noflow}, w);
        return h;
    }

    @Test
    void everyAxisAndStorageRoundTrips() {
        for (StorageType st : StorageType.values()) {
            Hist h = everyAxis(st);
            assertTrue(h.nanCount() > 0);
            JsonObject doc = h.toUhi();
            assertEquals(List.of(), UhiSchemaCheck.check(doc), st + ": " + doc);
            Hist back = Hist.fromUhi(JsonParser.parseString(doc.toString()).getAsJsonObject());
            assertEquals(h, back, st.toString());
            assertEquals(h.axes(), back.axes());
            assertEquals(st, back.storageType());
            assertTrue(back.axis("nJet") instanceof IntegerAxis);
            assertEquals("$p_T$ [GeV]", back.axis("pt").label());
        }
    }

    @Test
    void documentHasTheSchemaShape() {
        Hist h = Hist.builder().strCat("cat", "Category", "a").integer(0, 2, "n", "N").weight();
        h.fill(new Object[]{"a", new int[]{0, 1, 1, 5}}, new double[]{1, 2, 3, 0.5});
        JsonObject doc = h.toUhi();
        assertEquals(1, doc.get("uhi_schema").getAsInt());
        JsonObject n = doc.getAsJsonArray("axes").get(1).getAsJsonObject();
        assertEquals("regular", n.get("type").getAsString());
        assertEquals(0, n.get("lower").getAsInt());
        assertEquals(2, n.get("upper").getAsInt());
        assertFalse(doc.getAsJsonArray("axes").get(0).getAsJsonObject().get("flow").getAsBoolean());
        JsonObject st = doc.getAsJsonObject("storage");
        assertEquals("weighted", st.get("type").getAsString());
        // one category row of [underflow, 0, 1, overflow]
        assertEquals(JsonParser.parseString("[[0.0,1.0,5.0,0.5]]"), st.get("values"));
        assertEquals(JsonParser.parseString("[[0.0,1.0,13.0,0.25]]"), st.get("variances"));
    }

    @Test
    void readsWhatBoostHistogramWrites() {
        // as boost-histogram's to_uhi writes a Regular(3, 0, 3) axis with Weight storage
        String json = """
            {"uhi_schema": 1, "writer_info": {"boost-histogram": {"version": "1.5.0"}},
             "axes": [{"type": "regular", "lower": 0.0, "upper": 3.0, "bins": 3, "underflow": true,
                       "overflow": true, "circular": false, "metadata": {"name": "x", "label": "x [GeV]"}}],
             "storage": {"type": "weighted", "values": [1, 2, 3, 4, 5], "variances": [1, 4, 9, 16, 25]},
             "metadata": {"name": "h", "_variance_known": true}}""";
        Hist h = Hist.fromUhi(JsonParser.parseString(json).getAsJsonObject());
        assertEquals("x [GeV]", h.axis("x").label());
        assertEquals(1, h.value(-1));
        assertEquals(2, h.value(0));
        assertEquals(5, h.value(3));
        assertEquals(9, h.variance(1));
        assertEquals(0, h.nanCount());
    }

    @Test
    void nestingIsFirstAxisSlowest() {
        String json = """
            {"uhi_schema": 1,
             "axes": [{"type": "category_str", "categories": ["a", "b"], "flow": false},
                      {"type": "boolean"}],
             "storage": {"type": "int", "values": [[1, 2], [3, 4]]}}""";
        Hist h = Hist.fromUhi(JsonParser.parseString(json).getAsJsonObject());
        assertEquals(3, h.value(1, 0));   // "b", false
        assertEquals(2, h.value(0, 1));   // "a", true
        assertEquals("axis0", h.axes().get(0).name());
        assertEquals(StorageType.INT, h.storageType());
    }

    @Test
    void fixedCategoryAxisSendsUnknownValuesToItsFlowBin() {
        String json = """
            {"uhi_schema": 1,
             "axes": [{"type": "category_int", "categories": [11, 13], "flow": true, "metadata": {"name": "pdgId"}}],
             "storage": {"type": "double", "values": [0, 0, 0]}}""";
        Hist h = Hist.fromUhi(JsonParser.parseString(json).getAsJsonObject());
        h.fill(new Object[]{new int[]{11, 22, 22, 13}}, null);
        assertEquals(List.of(11, 13), ((IntCategoryAxis) h.axis("pdgId")).categories());
        assertArrayEquals(new double[]{1, 1, 2}, h.values(true));
        assertArrayEquals(new double[]{1, 1}, h.values(false));
        assertTrue(h.toUhi().getAsJsonArray("axes").get(0).getAsJsonObject().get("flow").getAsBoolean());
    }

    @Test
    void readsBoostIntegerSparseAndEmptyStorage() {
        String json = """
            {"uhi_schema": 1,
             "axes": [{"type": "regular", "lower": 0, "upper": 4, "bins": 4, "underflow": true, "overflow": false,
                       "circular": false, "writer_info": {"boost-histogram": {"orig_type": "Integer"}}}],
             "storage": {"type": "double", "index": [[0, 3]], "values": [2.5, 7]}}""";
        Hist h = Hist.fromUhi(JsonParser.parseString(json).getAsJsonObject());
        assertTrue(h.axes().get(0) instanceof IntegerAxis);
        assertArrayEquals(new double[]{2.5, 0, 0, 7, 0}, h.values(true));
        String empty = """
            {"uhi_schema": 1, "axes": [{"type": "boolean"}], "storage": {"type": "weighted"}}""";
        assertArrayEquals(new double[]{0, 0}, Hist.fromUhi(JsonParser.parseString(empty).getAsJsonObject()).variances(true));
    }

    @Test
    void badDocumentsNameTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hist.fromUhi(JsonParser.parseString("{\"axes\": []}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("uhi_schema"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Hist.fromUhi(JsonParser.parseString(
                "{\"uhi_schema\": 2, \"axes\": [], \"storage\": {\"type\": \"int\"}}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("schema 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Hist.fromUhi(JsonParser.parseString(
                "{\"uhi_schema\": 1, \"axes\": [{\"type\": \"boolean\"}], \"storage\": {\"type\": \"int\", \"values\": [1, 2, 3]}}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("storage.values") && e.getMessage().contains("array of 2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Hist.fromUhi(JsonParser.parseString(
                "{\"uhi_schema\": 1, \"axes\": [{\"type\": \"regular\", \"lower\": 0, \"upper\": 1, \"bins\": 2, \"overflow\": true, \"circular\": false}], \"storage\": {\"type\": \"int\"}}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("axes[0].underflow"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Hist.fromUhi(JsonParser.parseString(
                "{\"uhi_schema\": 1, \"axes\": [{\"type\": \"boolean\"}], \"storage\": {\"type\": \"mean\"}}").getAsJsonObject()));
        assertTrue(e.getMessage().contains("mean"), e.getMessage());
    }

    @Test
    void checkerCatchesWhatTheSchemaForbids() {
        // the checker itself must be able to fail
        JsonObject doc = Hist.builder().reg(2, 0, 1, "x").weight().toUhi();
        doc.getAsJsonArray("axes").get(0).getAsJsonObject().remove("circular");
        doc.getAsJsonObject("storage").addProperty("extra", 1);
        List<String> p = UhiSchemaCheck.check(doc);
        assertEquals(2, p.size(), p.toString());
    }
}
