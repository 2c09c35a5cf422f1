package pocket.cli;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import pocket.hist.Hist;
import pocket.hist.UhiSchemaCheck;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.testing.TestData;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** {@code pocket draw} on a real NanoAOD sample, counts checked by a direct loop over the branch as read. */
class DrawCommandTest {
    private static final String DY = TestData.file("nano_dy.root").toString();

    private record Run(int code, String out, String err) {}

    private static Run draw(String... args) { return drawInSteps(1_000_000, args); }

    private static Run drawInSteps(long step, String... args) {
        DrawCommand cmd = new DrawCommand();
        cmd.step = step;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        cmd.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        cmd.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        CommandLine cl = new CommandLine(cmd);
        cl.setErr(new java.io.PrintWriter(cmd.err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Counts [underflow, bins..., overflow, nan] by comparing each value with the bin edges lo + k*width. */
    private static long[] expected(double[] x, int bins, double lo, double hi) {
        long[] c = new long[bins + 3];
        double width = (hi - lo) / bins;
        for (double v : x) {
            if (Double.isNaN(v)) c[bins + 2]++;
            else if (v < lo) c[0]++;
            else if (v >= hi) c[bins + 1]++;
            else for (int k = 0; k < bins; k++) if (v >= lo + k * width && v < lo + (k + 1) * width) { c[k + 1]++; break; }
        }
        return c;
    }

    private static double[] branch(String name) throws Exception {
        try (RootFile f = RootFile.open(DY)) {
            Tree t = f.tree("Events");
            ColumnArray c = t.read(name, 0, t.entries());
            return c.toDoubles();
        }
    }

    /** The count column of the table, then underflow, overflow and NaN. */
    private static List<Long> tableCounts(String out) {
        List<Long> counts = new ArrayList<>();
        long under = -1, over = -1, nan = -1;
        for (String line : out.split("\n")) {
            String s = line.trim();
            if (s.matches("\\d+\\s+\\S+\\s+\\S+\\s+\\d+")) counts.add(Long.parseLong(s.replaceAll(".*\\s", "")));
            else if (s.startsWith("underflow")) under = Long.parseLong(s.replaceAll(".*: ", ""));
            else if (s.startsWith("overflow")) over = Long.parseLong(s.replaceAll(".*: ", ""));
            else if (s.startsWith("NaN")) nan = Long.parseLong(s.replaceAll(".*: ", ""));
        }
        List<Long> all = new ArrayList<>();
        all.add(under);
        all.addAll(counts);
        all.add(over);
        all.add(nan);
        return all;
    }

    @Test
    void jaggedFloatBranchAsTable() throws Exception {
        double[] pt = branch("Muon_pt");
        assertTrue(pt.length > 0);
        long[] exp = expected(pt, 50, 0, 200);
        Run r = draw(DY, "Muon_pt", "--bins", "50", "--range", "0", "200");
        assertEquals(0, r.code(), r.err());
        List<Long> got = tableCounts(r.out());
        List<Long> want = new ArrayList<>();
        want.add(exp[0]);
        for (int k = 1; k <= 50; k++) want.add(exp[k]);
        want.add(exp[51]);
        want.add(exp[52]);
        assertEquals(want, got, r.out());
        assertTrue(r.out().contains("values: " + pt.length), r.out());
    }

    @Test
    void narrowRangeFillsBothFlowBinsAsJson() throws Exception {
        double[] pt = branch("Muon_pt");
        long[] exp = expected(pt, 8, 10, 30);
        assertTrue(exp[0] > 0 && exp[9] > 0, "the range should leave values on both sides");
        Run r = draw(DY, "Muon_pt", "--bins", "8", "--range", "10", "30", "--json");
        assertEquals(0, r.code(), r.err());
        JsonObject doc = JsonParser.parseString(r.out()).getAsJsonObject();
        assertEquals(List.of(), UhiSchemaCheck.check(doc));
        Hist h = Hist.fromUhi(doc);
        double[] v = h.values(true);
        for (int k = 0; k < 10; k++) assertEquals(exp[k], (long) v[k], "slot " + k);
        assertEquals(exp[10], h.nanCount());
        assertEquals("Muon_pt", doc.getAsJsonObject("metadata").get("name").getAsString());
    }

    @Test
    void readingInStepsGivesTheSameHistogram() {
        String[] args = {DY, "Jet_pt", "--bins", "20", "--range", "15", "115", "--json"};
        Run whole = draw(args), steps = drawInSteps(7, args);
        assertEquals(0, steps.code(), steps.err());
        assertEquals(Hist.fromUhi(JsonParser.parseString(whole.out()).getAsJsonObject()),
                Hist.fromUhi(JsonParser.parseString(steps.out()).getAsJsonObject()));
    }

    @Test
    void integerCounterBranch() throws Exception {
        double[] n = branch("nMuon");
        long[] exp = expected(n, 5, 0, 5);
        Run r = draw(DY, "nMuon", "--bins", "5", "--range", "0", "5", "--json");
        assertEquals(0, r.code(), r.err());
        double[] v = Hist.fromUhi(JsonParser.parseString(r.out()).getAsJsonObject()).values(true);
        for (int k = 0; k < 7; k++) assertEquals(exp[k], (long) v[k], "slot " + k);
    }

    @Test
    void missingBranchNamesTheNearest() {
        Run r = draw(DY, "Muon_ptt", "--bins", "10", "--range", "0", "100");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Muon_ptt") && r.err().contains("Muon_pt"), r.err());
        assertNoStackTrace(r);
    }

    @Test
    void missingTreeAndFileAreReported() {
        Run r = draw(DY, "Muon_pt", "--bins", "10", "--range", "0", "100", "--tree", "Evnts");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("Evnts"), r.err());
        assertNoStackTrace(r);
        r = draw("/nonexistent/file.root", "Muon_pt", "--bins", "10", "--range", "0", "100");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("/nonexistent/file.root") && r.err().contains("not found"), r.err());
    }

    @Test
    void badArgumentsExitTwo() {
        Run r = draw(DY, "Muon_pt", "--bins", "0", "--range", "0", "100");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bins"), r.err());
        r = draw(DY, "Muon_pt", "--bins", "10", "--range", "5", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--range"), r.err());
        r = draw(DY, "Muon_pt", "--bins", "ten", "--range", "0", "1");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--bins"), r.err());
        r = draw(DY, "Muon_pt", "--range", "0", "1");
        assertEquals(2, r.code());
        assertNoStackTrace(r);
    }

    private static void assertNoStackTrace(Run r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception in"), r.err());
    }
}
