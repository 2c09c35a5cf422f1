package pocket.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import pocket.testing.TestData;

/** `pocket ls` over real samples: keys with entries, a tree's branches, and errors as one message. */
class LsCommandTest {
    record Run(int code, String out, String err) {}

    static Run ls(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new LsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String sample(String s) { return TestData.file(s).toString(); }

    @Test
    void listsKeysTreesAndEntries() {
        Run r = ls(sample("pfnano.root"));
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("compression LZMA:9"), r.out);
        assertTrue(r.out.matches("(?s).*TTree\\s+Events;1\\s+\"Events\"\\s+10 entries, 1802 branches.*"), r.out);
        assertTrue(r.out.matches("(?s).*TObjString\\s+tag;1.*"), r.out);
        assertTrue(r.out.matches("(?s).*TTree\\s+ParameterSets;1\\s+\"Parameter sets\"\\s+10925 entries.*"), r.out);
    }

    @Test
    void listsATreesBranchesWithTypeCounterAndCompression() {
        Run r = ls(sample("nano_dy.root"), "Runs");
        assertEquals(0, r.code, r.err);
        assertTrue(r.out.contains("Runs  1 entries, 8 branches"), r.out);
        assertTrue(r.out.matches("(?s).*\\n\\s+LHEScaleSumw_\\s+float64\\s+nLHEScaleSumw_\\s+ZLIB:1\\s+1\\n.*"), r.out);
        assertTrue(r.out.matches("(?s).*\\n\\s+genEventCount_\\s+int64\\s+-\\s+ZLIB:1.*"), r.out);
        // uproot writes fCompress 0 on branches but compresses the baskets (ls shows what they use), and gives each jagged branch its own counter
        Run v12 = ls(sample("nano_tt_v12.root"), "Events");
        assertTrue(v12.out.matches("(?s).*\\n\\s+Jet_pt\\s+float32\\s+nJet_pt\\s+ZLIB:1\\s+1\\n.*"), v12.out);
    }

    @Test
    void rntuplesAreListedLikeTreesAndErrorsArePrintedWithoutStackTrace() throws Exception {
        Run r = ls(sample("nano_dy_rntuple.root"));
        assertEquals(0, r.code, r.err);
        // as many entries and branches as the TTree sample of the same events
        String counts;
        try (pocket.rootio.file.RootFile f = pocket.rootio.file.RootFile.open(sample("nano_dy.root"))) {
            pocket.rootio.Tree t = f.tree("Events");
            counts = t.entries() + " entries, " + t.branchNames().size() + " branches";
        }
        assertTrue(r.out.matches("(?s).*ROOT::RNTuple\\s+Events;1\\s+\"\"\\s+" + counts + " \\(RNTuple 1\\.0\\.0\\.2, 1 clusters\\).*"), r.out);
        Run b = ls(sample("nano_dy_rntuple.root"), "Events");
        assertEquals(0, b.code, b.err);
        assertTrue(b.out.contains("Events  " + counts), b.out);
        assertTrue(b.out.matches("(?s).*\\n\\s+Jet_pt\\s+float32\\s+nJet\\s+ZSTD:5\\s+1\\n.*"), b.out);
        assertTrue(b.out.matches("(?s).*\\n\\s+nJet\\s+uint32\\s+-\\s+ZSTD:5\\s+1\\n.*"), b.out);
        Run missing = ls(sample("nano_dy.root"), "Evnts");
        assertEquals(1, missing.code);
        assertEquals("rootio: no key 'Evnts' in " + sample("nano_dy.root") + "; nearest: Events, Runs", missing.err.strip());
        Run text = ls(TestData.file("README.md").toString());
        assertEquals(1, text.code);
        assertTrue(text.err.contains("is not a ROOT file"), text.err);
    }
}
