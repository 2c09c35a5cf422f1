package pocket.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.config.Dataset;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.workflow.Chunk;
import pocket.workflow.Output;
import pocket.testing.NginxServer;
import pocket.testing.TestData;
import pocket.testing.XRootDServer;

/** A run whose dataset lists root:// or http:// URLs gives exactly the output of the same run on local paths. */
class RemoteRunTest {
    static final List<String> FILES = List.of("nano_dy.root", "nano_tt_v12.root");

    /** Per chunk: its entries and the sum of Jet_pt, read through whatever the chunk's file names. */
    static Output process(Chunk c) throws Exception {
        try (RootFile f = RootFile.open(c.file())) {
            ColumnArray pt = f.tree(c.tree()).read("Jet_pt", c.start(), c.stop());
            double sum = 0;
            for (float v : pt.floats()) sum += v;
            return RunTestOutputs.sums(Map.of("entries:" + c.dataset(), (double) c.entries(), "jetpt:" + c.dataset(), sum));
        }
    }

    static Map<String, Double> run(Path out, Function<String, String> where) throws Exception {
        List<Dataset> ds = List.of(new Dataset("DY", List.of(where.apply(FILES.get(0))), Map.of("sample", "DY", "isMC", "true")),
                new Dataset("TT", List.of(where.apply(FILES.get(1))), Map.of("sample", "TT", "isMC", "true")));
        RunOptions o = RunOptionsResolver.defaults().resolve("iterative").with("chunksize", 70).with("retries", 0);
        RunResult r = Runner.run(RunRequest.builder(null, out).datasets(ds).processor(RemoteRunTest::process)
                .executor("iterative").options(o).progress(ProgressListener.NONE).build());
        assertTrue(r.complete(), "run over " + where.apply("x") + " incomplete: " + r.fates());
        return RunTestOutputs.read(Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json"))));
    }

    @Test void runsOverRootAndHttpUrlsGiveTheLocalOutput(@TempDir Path dir) throws Exception {
        try (XRootDServer xrd = XRootDServer.start(TestData.dir()); NginxServer http = NginxServer.start(TestData.dir())) {
            Map<String, Double> local = run(dir.resolve("local"), n -> TestData.file(n).toString());
            assertEquals(local, run(dir.resolve("xrootd"), xrd::url));
            assertEquals(local, run(dir.resolve("http"), http::url));
            // and the local run itself against one whole-file read
            for (int i = 0; i < FILES.size(); i++) {
                try (RootFile f = RootFile.open(TestData.file(FILES.get(i)).toString())) {
                    var t = f.tree("Events");
                    double sum = 0;
                    for (float v : t.read("Jet_pt", 0, t.entries()).floats()) sum += v;
                    String ds = i == 0 ? "DY" : "TT";
                    assertEquals((double) t.entries(), local.get("entries:" + ds));
                    assertEquals(sum, local.get("jetpt:" + ds), 1e-9 * Math.abs(sum));
                }
            }
        }
    }
}
