package pocket.examples;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pocket.workflow.Configurator;
import pocket.run.ProgressListener;
import pocket.run.RunFolder;
import pocket.run.RunOptions;
import pocket.run.RunOptionsResolver;
import pocket.run.RunRequest;
import pocket.run.RunResult;
import pocket.run.Runner;
import pocket.testing.NginxServer;
import pocket.testing.TestData;
import pocket.workflow.Output;

/**
 * The Z→μμ example over http:// (real nginx): the same output as on local files, and after a
 * file's first chunk each chunk fetches the branches the analysis reads in one request, not one
 * request per branch (what a remote file far away pays a round trip for).
 */
class ZmumuOverHttpTest {
    @Test void laterChunksFetchTheirBranchesInOneRequest(@TempDir Path dir) throws Exception {
        try (NginxServer http = NginxServer.start(TestData.dir())) {
            Output local = run(dir.resolve("local"), name -> TestData.file(name).toAbsolutePath().toString(), dir);
            int before = http.requests();
            Output remote = run(dir.resolve("http"), http::url, dir);
            assertEquals(local, remote);

            // nano_dy.root (40 events) in 4 chunks: the run plan opens it once, then each chunk opens it
            // (first and last block of the file, 2 requests) and reads its baskets; the first chunk
            // branch by branch, every later one all its branches in one request
            List<String> dy = Files.readAllLines(http.accessLog()).subList(before, http.requests()).stream()
                    .filter(l -> l.startsWith("GET /nano_dy.root ")).toList();
            int chunks = 4, open = 2;
            List<String> later = dy.subList(dy.size() - (chunks - 1) * (open + 1), dy.size());
            for (int c = 0; c < chunks - 1; c++) {
                List<String> one = later.subList(c * (open + 1), (c + 1) * (open + 1));
                assertTrue(one.get(0).endsWith(" 65536") && one.get(1).endsWith(" 262144") && !one.get(2).endsWith(" 65536"),
                        "chunk " + (c + 2) + " should open the file and read once: " + one + "\nall: " + dy);
            }
            int firstChunkReads = dy.size() - later.size() - 2 * open;
            assertTrue(firstChunkReads > 5, "the first chunk reads branch by branch: " + dy);
        }
    }

    private static Output run(Path out, java.util.function.Function<String, String> where, Path dir) throws Exception {
        Path cfgDir = Files.createDirectories(dir.resolve("cfg-" + out.getFileName()));
        Path example = ExampleRun.example("zmumu");
        for (String f : List.of("analysis.jsh", "params.yaml")) Files.copy(example.resolveSibling(f), cfgDir.resolve(f));
        Files.writeString(cfgDir.resolve("DYJetsToLL_M-50_2018.json"), Files.readString(example.resolveSibling("DYJetsToLL_M-50_2018.json"))
                .replace("../../../shared/data/nanoaod/nano_dy.root", where.apply("nano_dy.root")));
        Files.writeString(cfgDir.resolve("DATA_SingleMuon_2018.json"), Files.readString(example.resolveSibling("DATA_SingleMuon_2018.json"))
                .replace("../../../shared/data/nanoaod/nano_dimuon.root", where.apply("nano_dimuon.root")));
        Configurator cfg = Configurator.load(cfgDir.resolve("analysis.jsh"));
        RunOptions o = RunOptionsResolver.defaults().resolve("iterative").with("chunksize", 10).with("retries", 0);
        RunResult r = Runner.run(RunRequest.builder(cfg, out).executor("iterative").options(o).progress(ProgressListener.NONE).build());
        assertTrue(r.complete(), r.fates().toString());
        return Output.fromJson(RunFolder.readJson(out.resolve("output_all.raw.json")));
    }
}
