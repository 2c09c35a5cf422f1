package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.ColumnArray;
import pocket.rootio.file.RootFile;
import pocket.rootio.Tree;
import pocket.testing.NginxServer;
import pocket.testing.TestData;
import pocket.testing.XRootDServer;

/** Every TTree sample read through root:// and http:// gives exactly the values read from disk. */
class RemoteTreeTest {
    static XRootDServer xrootd;
    static NginxServer nginx;

    @BeforeAll static void startServers() throws IOException {
        xrootd = XRootDServer.start(TestData.dir());
        nginx = NginxServer.start(TestData.dir());
    }

    @AfterAll static void stopServers() {
        XRootDPool.closeAll();
        if (xrootd != null) xrootd.close();
        if (nginx != null) nginx.close();
    }

    /** The samples with a tree named Events (TTree or RNTuple). */
    static List<Path> treeSamples() throws IOException {
        List<Path> out = new ArrayList<>();
        for (Path p : SampleBytes.samples()) {
            try (RootFile f = RootFile.open(p.toString())) {
                f.tree("Events");
                out.add(p);
            } catch (IOException notATreeFile) {
                // no tree named Events
            }
        }
        return out;
    }

    @Test void everyTreeSampleGivesTheLocalValuesOverXRootD() throws IOException {
        compareAll(p -> xrootd.url(p.getFileName().toString()));
    }

    @Test void everyTreeSampleGivesTheLocalValuesOverHttp() throws IOException {
        compareAll(p -> nginx.url(p.getFileName().toString()));
    }

    @Test void emptyRepeatedAndLongRangesInOneBatchOverBothProtocols() throws IOException {
        Path sample = TestData.file("pfnano.root");
        byte[] local = java.nio.file.Files.readAllBytes(sample);
        int n = local.length;
        // empty ranges, the same range twice, one inside another, one longer than an XRootD readv element (2 MiB),
        // and ranges at the very start and end of the file
        long[] offs = {0, 100_000, 100_000, 100_500, 70_000, n - 1, 500_000, 3, n};
        int[] lens = {0, 1000, 1000, 10, 2_500_000, 1, 0, 200_000, 0};
        for (String url : new String[]{xrootd.url("pfnano.root"), nginx.url("pfnano.root")}) {
            try (pocket.rootio.source.Source s = pocket.rootio.source.Sources.open(url)) {
                java.nio.ByteBuffer[] got = s.readv(offs, lens);
                for (int i = 0; i < offs.length; i++)
                    assertArrayEquals(java.util.Arrays.copyOfRange(local, (int) offs[i], (int) offs[i] + lens[i]),
                            SampleBytes.bytes(got[i]), url + " range " + i);
            }
        }
    }

    private static void compareAll(Function<Path, String> url) throws IOException {
        List<Path> samples = treeSamples();
        assertTrue(samples.size() >= 5, "expected the TTree samples, found " + samples);
        for (Path p : samples) {
            try (RootFile local = RootFile.open(p.toString()); RootFile remote = RootFile.open(url.apply(p))) {
                Tree lt = local.tree("Events");
                Tree rt = remote.tree("Events");
                assertEquals(lt.entries(), rt.entries(), p + " entries");
                assertEquals(lt.branchNames(), rt.branchNames(), p + " branches");
                long n = lt.entries();
                // whole range, and an inner range that starts and stops inside baskets
                for (long[] range : new long[][]{{0, n}, {n / 3, n - n / 5}}) {
                    Map<String, ColumnArray> want = lt.read(lt.branchNames(), range[0], range[1]);
                    Map<String, ColumnArray> got = rt.read(rt.branchNames(), range[0], range[1]);
                    for (String b : lt.branchNames()) assertSameColumn(want.get(b), got.get(b), p.getFileName() + ":" + b);
                }
            }
        }
    }

    static void assertSameColumn(ColumnArray want, ColumnArray got, String what) {
        assertEquals(want.type, got.type, what + " type");
        assertEquals(want.entries, got.entries, what + " entries");
        assertArrayEquals(want.offsets, got.offsets, what + " offsets");
        Object a = want.data, b = got.data;
        assertEquals(a.getClass(), b.getClass(), what + " array class");
        if (a instanceof float[] x) assertArrayEquals(x, (float[]) b, what);
        else if (a instanceof double[] x) assertArrayEquals(x, (double[]) b, what);
        else if (a instanceof int[] x) assertArrayEquals(x, (int[]) b, what);
        else if (a instanceof long[] x) assertArrayEquals(x, (long[]) b, what);
        else if (a instanceof short[] x) assertArrayEquals(x, (short[]) b, what);
        else if (a instanceof byte[] x) assertArrayEquals(x, (byte[]) b, what);
        else if (a instanceof boolean[] x) assertArrayEquals(x, (boolean[]) b, what);
        else if (a instanceof Object[] x) assertArrayEquals(x, (Object[]) b, what);
        else throw new AssertionError(what + ": unexpected column data " + a.getClass());
    }
}
