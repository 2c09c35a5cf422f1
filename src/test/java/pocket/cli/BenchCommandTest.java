package pocket.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import pocket.hist.Hist;
import pocket.rootio.ColumnArray;
import pocket.rootio.Tree;
import pocket.rootio.file.RootFile;
import pocket.workflow.Output;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

/**
 * The bench's plumbing on a tiny sample (figures are not checked: speed is for the real run to
 * print), and the ADL tasks' histograms against the same quantities computed here from the branches.
 */
class BenchCommandTest {
    @TempDir Path dir;

    @Test
    void printsEveryFigureAndCachesTheSamples() throws Exception {
        Path cfg = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = {"--events", "3000", "--compression", "lz4", "--cache", dir.toString(), "--cfg", cfg.toString(), "-s", "2", "--tasks", "none"};
        assertEquals(0, cl.execute(args), err.toString() + out);
        String text = out.toString();
        assertTrue(text.contains("generated 3000 Z->mumu + 600 data events with lz4:4"), text);
        for (String line : new String[]{"1 thread   raw decompression", "1 thread   decompress + copy", "1 thread   read branches", "2 threads  read branches",
                "1 thread  Z->mumu analysis", "2 threads Z->mumu analysis   "})
            assertTrue(text.contains(line), line + " in\n" + text);
        assertTrue(text.contains("(3600 events,"), "the analysis saw every Z->mumu and data event:\n" + text);
        assertTrue(Files.exists(dir.resolve("lz4_4_3000/.complete")));

        StringWriter again = new StringWriter();
        CommandLine cl2 = new CommandLine(new BenchCommand());
        cl2.setOut(new PrintWriter(again));
        assertEquals(0, cl2.execute(args));
        assertFalse(again.toString().contains("generated"), "second run uses the cache:\n" + again);
    }

    @Test
    void badCompressionIsAUsageError() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--compression", "gzip", "--cache", dir.toString()));
        assertTrue(err.toString().contains("unknown compression 'gzip'"), err.toString());
    }

    @Test
    void adlTasksFillWhatTheBranchesSayColdAndWarm() throws Exception {
        Path cfg = Path.of(System.getProperty("pocket.home", ".")).resolve("notebooks/zmumu/analysis.jsh");
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] args = {"--events", "20000", "--compression", "lz4", "--cache", dir.toString(), "--cfg", cfg.toString(), "-s", "1"};
        assertEquals(0, cl.execute(args), err.toString() + out);
        String text = out.toString();
        int warm = text.indexOf("tasks, warm:"), cold = text.indexOf("tasks, cold:");
        assertTrue(warm > 0 && cold > warm, "warm and cold tables, apart:\n" + text);
        for (String task : List.of("adl1", "adl2", "adl3", "adl4", "adl5", "zmumu")) {
            assertTrue(text.substring(warm, cold).contains("    " + task + " "), task + " warm in\n" + text);
            assertTrue(text.substring(cold).contains("    " + task + " "), task + " cold in\n" + text);
        }
        assertTrue(text.contains("whole process s") && text.contains("decompress ev/s") && text.contains("task/decomp"), text);

        Path samples = dir.resolve("lz4_4_20000");
        Expected e = Expected.of(samples.resolve("zmumu/DYJetsToLL_M-50_2018_0.root"));
        Map<String, long[]> want = Map.of("adl1", e.met, "adl2", e.jetPt, "adl3", e.centralJetPt, "adl4", e.metTwoJets, "adl5", e.metZ);
        Map<String, String> variable = Map.of("adl1", "MET_pt", "adl2", "Jet_pt", "adl3", "JetCentral_pt", "adl4", "MET_pt", "adl5", "MET_pt");
        for (String task : want.keySet())
            for (String run : List.of("cold", "warm")) {
                Output o = Output.fromJson(com.google.gson.JsonParser.parseString(
                        Files.readString(samples.resolve("out-" + task + "-" + run + "/output_all.json"))).getAsJsonObject());
                Hist h = o.histogram(variable.get(task), "DYJetsToLL", "DYJetsToLL_M-50_2018");
                double[] got = h.project(h.axes().get(h.rank() - 1).name()).values(true);
                long[] w = want.get(task);
                assertEquals(w.length, got.length, task);
                for (int b = 0; b < w.length; b++) assertEquals(w[b], got[b], 0, task + " " + run + " bin " + b + " (0 = underflow)");
            }
        // the selections select something and not everything, or the comparison proves little
        assertTrue(sum(e.centralJetPt) > 0 && sum(e.centralJetPt) < sum(e.jetPt), "central jets: a part of all jets");
        assertTrue(sum(e.metTwoJets) > 0 && sum(e.metTwoJets) < 20000, "events with two 40 GeV jets: some");
        assertTrue(sum(e.metZ) > 0 && sum(e.metZ) < 20000, "events with a Z candidate: some");
    }

    @Test
    void unknownTaskIsAUsageErrorNamingTheValidOnes() {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new BenchCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("--tasks", "adl1,adl9", "--cache", dir.toString()));
        assertTrue(err.toString().contains("unknown bench task 'adl9'"), err.toString());
        assertTrue(err.toString().contains("valid: adl1, adl2, adl3, adl4, adl5, zmumu"), err.toString());
    }

    private static long sum(long[] a) { long s = 0; for (long x : a) s += x; return s; }

    /** The five ADL histograms (100 bins with under- and overflow), from the file's branches by plain loops. */
    private record Expected(long[] met, long[] jetPt, long[] centralJetPt, long[] metTwoJets, long[] metZ) {
        static Expected of(Path file) throws Exception {
            try (RootFile f = RootFile.open(file.toString())) {
                Tree t = f.tree("Events");
                Map<String, ColumnArray> c = t.read(List.of("MET_pt", "Jet_pt", "Jet_eta", "Muon_pt", "Muon_eta", "Muon_phi",
                        "Muon_mass", "Muon_charge"), 0, t.entries());
                float[] met = c.get("MET_pt").floats(), jpt = c.get("Jet_pt").floats(), jeta = c.get("Jet_eta").floats();
                int[] joff = c.get("Jet_pt").offsets, moff = c.get("Muon_pt").offsets;
                double[] mpt = c.get("Muon_pt").toDoubles(), meta = c.get("Muon_eta").toDoubles(), mphi = c.get("Muon_phi").toDoubles(),
                        mm = c.get("Muon_mass").toDoubles(), q = c.get("Muon_charge").toDoubles();
                Expected e = new Expected(new long[102], new long[102], new long[102], new long[102], new long[102]);
                for (int i = 0; i < met.length; i++) {
                    fill(e.met, met[i], 0, 200);
                    int hard = 0;
                    for (int j = joff[i]; j < joff[i + 1]; j++) {
                        fill(e.jetPt, jpt[j], 15, 60);
                        if (Math.abs(jeta[j]) < 1) fill(e.centralJetPt, jpt[j], 15, 60);
                        if (jpt[j] > 40) hard++;
                    }
                    if (hard >= 2) fill(e.metTwoJets, met[i], 0, 200);
                    if (hasZ(moff[i], moff[i + 1], mpt, meta, mphi, mm, q)) fill(e.metZ, met[i], 0, 200);
                }
                return e;
            }
        }

        /** Any opposite-charge pair of mass in (60, 120) GeV; m² = m1² + m2² + 2(E1E2 − p1·p2), written apart from the task's. */
        private static boolean hasZ(int from, int to, double[] pt, double[] eta, double[] phi, double[] m, double[] q) {
            for (int a = from; a < to; a++)
                for (int b = a + 1; b < to; b++) {
                    if (q[a] == q[b]) continue;
                    double pa = pt[a] * Math.cosh(eta[a]), pb = pt[b] * Math.cosh(eta[b]);
                    double ea = Math.hypot(pa, m[a]), eb = Math.hypot(pb, m[b]);
                    double dot = pt[a] * pt[b] * (Math.cos(phi[a] - phi[b]) + Math.sinh(eta[a]) * Math.sinh(eta[b]));
                    double mass = Math.sqrt(m[a] * m[a] + m[b] * m[b] + 2 * (ea * eb - dot));
                    if (mass > 60 && mass < 120) return true;
                }
            return false;
        }

        /** ROOT's fixed-bin rule, slot 0 the underflow and 101 the overflow. */
        private static void fill(long[] h, double x, double lo, double hi) {
            if (x < lo) h[0]++;
            else if (x >= hi) h[101]++;
            else h[1 + Math.min(99, (int) (100 * (x - lo) / (hi - lo)))]++;
        }
    }
}
