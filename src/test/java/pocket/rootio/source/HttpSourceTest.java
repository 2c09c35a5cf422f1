package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.file.RootFile;
import pocket.rootio.RootIOException;
import pocket.rootio.Tree;
import pocket.testing.DroppingProxy;
import pocket.testing.NginxServer;
import pocket.testing.TestData;

/** HTTP range reads against a real nginx on 127.0.0.1. */
class HttpSourceTest {
    static NginxServer nginx;

    @BeforeAll static void startServer() throws IOException {
        nginx = NginxServer.start(TestData.dir());
    }

    @AfterAll static void stopServer() {
        if (nginx != null) nginx.close();
    }

    @Test void everySampleReadOverHttpEqualsTheLocalBytes() throws IOException {
        long seed = 100;
        for (Path sample : SampleBytes.samples()) {
            try (Source s = Sources.open(nginx.url(sample.getFileName().toString()))) {
                assertTrue(s instanceof HttpSource, s.getClass().getName());
                SampleBytes.assertSameBytes(s, sample, seed++);
            }
        }
    }

    @Test void withoutMergingEveryRangeIsItsOwnRequest() throws IOException {
        Path sample = TestData.file("nano_tt_v12.root");
        try (Source s = new HttpSource(nginx.url("nano_tt_v12.root"), RemoteOptions.defaults().withMergeGap(0))) {
            SampleBytes.assertSameBytes(s, sample, 7);
        }
    }

    @Test void davsMeansHttps() throws RootIOException {
        assertEquals("https://host.example:1094/store/a.root", HttpSource.toUri("davs://host.example:1094/store/a.root").toString());
    }

    @Test void missingFileIs404NamingTheUrl() {
        String url = nginx.url("no_such_sample.root");
        RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(url));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertTrue(e.getMessage().contains("404"), e.getMessage());
    }

    @Test void refusedAccessIs403NamingTheServer() {
        String url = nginx.url("forbidden/nano_dy.root");
        RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(url));
        assertTrue(e.getMessage().contains("refused"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + nginx.port()), e.getMessage());
        assertTrue(e.getMessage().contains("403"), e.getMessage());
    }

    @Test void connectionDroppedMidBodyIsRetried() throws IOException {
        Path sample = TestData.file("pfnano.root");
        byte[] local = Files.readAllBytes(sample);
        try (DroppingProxy proxy = new DroppingProxy(nginx.port(), 500_000)) {
            String url = "http://127.0.0.1:" + proxy.port() + "/pfnano.root";
            try (Source s = new HttpSource(url, RemoteOptions.defaults().withConnectTimeout(java.time.Duration.ofSeconds(5)))) {
                ByteBuffer all = s.read(0, local.length);   // the first connection is cut inside this body
                assertArrayEquals(local, SampleBytes.bytes(all));
                assertTrue(proxy.dropped(), "the proxy should have cut the first connection");
            }
        }
    }

    @Test void bearerTokenDiscoveryFollowsWlcgOrder() throws IOException {
        Path dir = Files.createTempDirectory("pocket-token");
        try {
            Files.writeString(dir.resolve("bt_u1234"), "  from-xdg\n");
            Path file = dir.resolve("tok");
            Files.writeString(file, "from-file\n");
            assertEquals(Optional.of("direct"), BearerToken.discover(Map.of("BEARER_TOKEN", "direct",
                    "BEARER_TOKEN_FILE", file.toString(), "XDG_RUNTIME_DIR", dir.toString()), 1234));
            assertEquals(Optional.of("from-file"), BearerToken.discover(Map.of("BEARER_TOKEN_FILE", file.toString(),
                    "XDG_RUNTIME_DIR", dir.toString()), 1234));
            assertEquals(Optional.of("from-xdg"), BearerToken.discover(Map.of("XDG_RUNTIME_DIR", dir.toString()), 1234));
            assertEquals(Optional.of("from-xdg"), BearerToken.discover(Map.of("BEARER_TOKEN_FILE", dir.resolve("none").toString(),
                    "XDG_RUNTIME_DIR", dir.toString()), 1234));
        } finally {
            for (String f : new String[]{"bt_u1234", "tok"}) Files.deleteIfExists(dir.resolve(f));
            Files.delete(dir);
        }
    }

    @Test void rangesOutsideTheFileAreRefusedNamingIt() throws IOException {
        try (Source s = Sources.open(nginx.url("nano_dy.root"))) {
            long size = s.size();
            RootIOException e = assertThrows(RootIOException.class, () -> s.read(size - 10, 20));
            assertTrue(e.getMessage().contains("nano_dy.root"), e.getMessage());
            assertArrayEquals(Arrays.copyOfRange(Files.readAllBytes(TestData.file("nano_dy.root")), (int) size - 10, (int) size),
                    SampleBytes.bytes(s.read(size - 10, 10)));
        }
    }

    @Test void aWholeTreeReadCostsTwoRequestsAtOpenAndFetchesNoByteTwice() throws IOException {
        for (String sample : new String[]{"nano_dy.root", "pfnano.root"}) {
            long size = Files.size(TestData.file(sample));
            int before = settledRequests();
            long bytesBefore = bytesSent(sample);
            try (RootFile f = RootFile.open(nginx.url(sample))) {
                assertEquals(2, settledRequests() - before, sample + ": the first and last blocks, together");
                Tree t = f.tree("Events");
                assertEquals(2, settledRequests() - before, sample + ": header, keys and TTree metadata come from the read-ahead");
                t.read(t.branchNames(), 0, t.entries());
                int baskets = settledRequests() - before - 2;
                if (sample.equals("nano_dy.root"))   // its baskets lie side by side: one merged range
                    assertEquals(1, baskets, sample + ": every basket in one more request");
            }
            long fetched = bytesSent(sample) - bytesBefore;
            assertTrue(fetched <= size, sample + ": " + fetched + " bytes fetched from a file of " + size);
        }
    }

    /** nginx logs a request just after answering it: wait until the count stops moving. */
    private static int settledRequests() throws IOException {
        for (int last = nginx.requests(); ; ) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return last;
            }
            int now = nginx.requests();
            if (now == last) return now;
            last = now;
        }
    }

    /** Body bytes nginx has sent for one file so far, from its access log. */
    private static long bytesSent(String sample) throws IOException {
        Path log = nginx.accessLog();
        long sum = 0;
        for (String line : Files.readAllLines(log))
            if (line.startsWith("GET /" + sample + " ")) sum += Long.parseLong(line.substring(line.lastIndexOf(' ') + 1));
        return sum;
    }

    @Test void redirectsAreFollowed() throws IOException {
        Path sample = TestData.file("nano_tt_v12.root");
        try (Source s = Sources.open(nginx.url("moved/nano_tt_v12.root"))) {
            SampleBytes.assertSameBytes(s, sample, 11);
        }
    }

    @Test void connectionsAreKeptAliveAcrossRequestsAndFiles() throws IOException {
        try (DroppingProxy proxy = new DroppingProxy(nginx.port(), Long.MAX_VALUE)) {
            for (int round = 0; round < 3; round++) {
                for (String sample : new String[]{"nano_dy.root", "nano_tree.root", "pfnano.root"}) {
                    try (RootFile f = RootFile.open("http://127.0.0.1:" + proxy.port() + "/" + sample)) {
                        Tree t = f.tree("Events");
                        t.read(t.branchNames(), 0, t.entries());
                    }
                }
            }
            // the open's two requests share one socket; pfnano's two basket ranges go out on two at once
            assertTrue(proxy.connections() <= 2, "sockets opened for 9 files: " + proxy.connections());
        }
    }
}
