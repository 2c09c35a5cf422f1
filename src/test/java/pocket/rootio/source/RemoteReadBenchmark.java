package pocket.rootio.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.testing.NginxServer;
import pocket.testing.TestData;
import pocket.testing.XRootDServer;

/**
 * Throughput of the same reads from local disk, loopback XRootD and loopback HTTP (nginx), with
 * real servers started here. Mode "tree" reads every branch of every TTree sample's Events
 * through the reader; mode "bytes" reads each sample as 64 KiB ranges in one readv (the source
 * layer alone). Run (after mvn test-compile; see docs/remote-files.md):
 *   java -cp target/classes:target/test-classes:$(cat cp.txt) pocket.rootio.source.RemoteReadBenchmark [tree|bytes] [rounds]
 */
public final class RemoteReadBenchmark {
    private RemoteReadBenchmark() {}

    public static void main(String[] args) throws Exception {
        String mode = args.length > 0 ? args[0] : "tree";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        if (!mode.equals("tree") && !mode.equals("bytes"))
            throw new IllegalArgumentException("mode must be 'tree' or 'bytes', got '" + mode + "'");
        List<Path> samples = new ArrayList<>();
        for (Path p : SampleBytes.samples()) if (mode.equals("bytes") || hasEvents(p)) samples.add(p);
        long bytes = 0;
        for (Path p : samples) bytes += Files.size(p);
        System.out.printf("mode %s, %d samples (%.1f MB of files), %d rounds%n", mode, samples.size(), bytes / 1e6, rounds);
        try (XRootDServer xrd = XRootDServer.start(TestData.dir()); NginxServer http = NginxServer.start(TestData.dir())) {
            String[] places = {"local", "xrootd", "http"};
            double[] best = new double[places.length];
            for (int pass = 0; pass < 3; pass++) {   // interleaved passes, best of three: the machine is shared
                for (int k = 0; k < places.length; k++) {
                    int w = (k + pass) % places.length;   // rotate the order so no place always runs first
                    Function<Path, String> url = switch (places[w]) {
                        case "local" -> Path::toString;
                        case "xrootd" -> p -> xrd.url(p.getFileName().toString());
                        default -> p -> http.url(p.getFileName().toString());
                    };
                    if (pass == 0) run(mode, samples, url, 2);   // warm-up: JIT, page cache, connections
                    long t0 = System.nanoTime();
                    run(mode, samples, url, rounds);
                    double mbs = bytes * (double) rounds / 1e6 / ((System.nanoTime() - t0) / 1e9);
                    best[w] = Math.max(best[w], mbs);
                }
            }
            for (int w = 0; w < places.length; w++)
                System.out.printf("%-7s %8.1f MB/s of ROOT file  (%5.1f%% of local)%n", places[w], best[w], 100 * best[w] / best[0]);
        } finally {
            XRootDPool.closeAll();
        }
    }

    private static boolean hasEvents(Path p) {
        try (RootFile f = RootFile.open(p.toString())) {
            return f.tree("Events").entries() >= 0;
        } catch (IOException | RuntimeException e) {
            return false;   // RNTuple samples and files without a TTree named Events
        }
    }

    private static long sink;

    private static void run(String mode, List<Path> samples, Function<Path, String> url, int rounds) throws IOException {
        for (int r = 0; r < rounds; r++) {
            for (Path p : samples) {
                if (mode.equals("tree")) {
                    try (RootFile f = RootFile.open(url.apply(p))) {
                        Tree t = f.tree("Events");
                        sink += t.read(t.branchNames(), 0, t.entries()).size();
                    }
                } else {
                    try (Source s = Sources.open(url.apply(p))) {
                        int n = (int) ((s.size() + 65535) / 65536);
                        long[] offs = new long[n];
                        int[] lens = new int[n];
                        for (int i = 0; i < n; i++) {
                            offs[i] = i * 65536L;
                            lens[i] = (int) Math.min(65536, s.size() - offs[i]);
                        }
                        for (ByteBuffer b : s.readv(offs, lens)) sink += b.get(b.limit() - 1);
                    }
                }
            }
        }
    }
}
