package pocket.results;

import static org.junit.jupiter.api.Assertions.*;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import pocket.plot.Tables;
import tech.tablesaw.api.Table;

class HistogramsTablesTest {
    /** The shape PocketCoffea writes: initial/skim/presel by dataset, categories by dataset then sample. */
    static final JsonObject DOC = JsonParser.parseString("""
            {"cutflow": {
               "initial": {"DYJetsToLL_M-50_2018": 1000, "DYJetsToLL_M-50_ext_2018": 500, "DATA_SingleMuon_2018_C": 800},
               "skim":    {"DYJetsToLL_M-50_2018": 400,  "DYJetsToLL_M-50_ext_2018": 210, "DATA_SingleMuon_2018_C": 300},
               "presel":  {"DYJetsToLL_M-50_2018": 100,  "DYJetsToLL_M-50_ext_2018": 52,  "DATA_SingleMuon_2018_C": 90},
               "baseline": {"DYJetsToLL_M-50_2018": {"DYJetsToLL": 100}, "DYJetsToLL_M-50_ext_2018": {"DYJetsToLL": 52},
                            "DATA_SingleMuon_2018_C": {"DATA_SingleMuon": 90}},
               "2jets": {"DYJetsToLL_M-50_2018": {"DYJetsToLL": 7}, "DATA_SingleMuon_2018_C": {"DATA_SingleMuon": 5}}},
             "sumw": {"baseline": {"DYJetsToLL_M-50_2018": {"DYJetsToLL": 10.5}, "DYJetsToLL_M-50_ext_2018": {"DYJetsToLL": 0.25}}}}
            """).getAsJsonObject();
    static final Map<String, String> SAMPLES = Map.of("DYJetsToLL_M-50_2018", "DYJetsToLL", "DYJetsToLL_M-50_ext_2018", "DYJetsToLL",
            "DATA_SingleMuon_2018_C", "DATA_SingleMuon");

    @Test
    void cutflowAddsDatasetsOfTheSameSample() {
        Table t = Histograms.stepsBySample(DOC, SAMPLES, "cutflow", "Cutflow");
        assertEquals(5, t.rowCount());
        assertEquals("initial", t.stringColumn("step").get(0));
        assertEquals("2jets", t.stringColumn("step").get(4));
        assertEquals(1500.0, t.doubleColumn("DYJetsToLL").get(0));
        assertEquals(610.0, t.doubleColumn("DYJetsToLL").get(1));
        assertEquals(152.0, t.doubleColumn("DYJetsToLL").get(3));
        assertEquals(7.0, t.doubleColumn("DYJetsToLL").get(4));
        assertEquals(5.0, t.doubleColumn("DATA_SingleMuon").get(4));
        String html = Tables.html(t);
        assertEquals(5, html.split("<tr>").length - 2, "header row plus five rows");
        assertTrue(html.contains("<td>presel</td><td style=\"text-align:right\">152</td><td style=\"text-align:right\">90</td>"), html);
    }

    @Test
    void sumwKeepsFractions() {
        Table t = Histograms.stepsBySample(DOC, SAMPLES, "sumw", "Sum of weights");
        assertEquals(1, t.rowCount());
        assertEquals(10.75, t.doubleColumn("DYJetsToLL").get(0), 1e-12);
        assertTrue(Tables.html(t).contains(">10.7500<"), Tables.html(t));
    }
}
