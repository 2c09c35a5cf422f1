package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.RootIOException;
import pocket.testing.DroppingProxy;
import pocket.testing.Services;
import pocket.testing.TestData;
import pocket.testing.XRootDServer;

/** The XRootD client against Debian's real xrootd server on 127.0.0.1. */
class XRootDSourceTest {
    static XRootDServer server;

    @BeforeAll static void startServer() throws IOException {
        server = XRootDServer.start(TestData.dir());
    }

    @AfterAll static void stopServer() {
        XRootDPool.closeAll();
        if (server != null) server.close();
    }

    @Test void everySampleReadRemotelyEqualsTheLocalBytes() throws IOException {
        long seed = 1;
        for (Path sample : SampleBytes.samples()) {
            try (Source s = Sources.open(server.url(sample.getFileName().toString()))) {
                assertTrue(s instanceof XRootDSource, s.getClass().getName());
                SampleBytes.assertSameBytes(s, sample, seed++);
            }
        }
    }

    @Test void vectorReadsOfMoreRangesThanOneRequestHolds() throws IOException {
        Path sample = TestData.file("nano_tt_v15.root");
        byte[] local = Files.readAllBytes(sample);
        int n = 2500;   // > 1024 elements: several kXR_readv requests in flight at once
        long[] offs = new long[n];
        int[] lens = new int[n];
        for (int i = 0; i < n; i++) { offs[i] = (long) i * 1000 + (i % 7); lens[i] = 100 + i % 900; }
        try (Source s = new XRootDSource(server.url("nano_tt_v15.root"))) {
            ByteBuffer[] got = s.readv(offs, lens);
            for (int i = 0; i < n; i++)
                assertArrayEquals(Arrays.copyOfRange(local, (int) offs[i], (int) offs[i] + lens[i]), SampleBytes.bytes(got[i]), "range " + i);
        }
    }

    @Test void oneConnectionPerServerSharedByThreads() throws Exception {
        Path sample = TestData.file("pfnano.root");
        byte[] local = Files.readAllBytes(sample);
        XRootDConnection a = XRootDPool.get("127.0.0.1", server.port(), false, RemoteOptions.defaults());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (Source s1 = new XRootDSource(server.url("pfnano.root"));
             Source s2 = new XRootDSource(server.url("nano_dy.root"))) {
            List<Future<Boolean>> jobs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int seed = t;
                jobs.add(pool.submit(() -> {
                    java.util.Random r = new java.util.Random(seed);
                    for (int k = 0; k < 40; k++) {
                        int len = 1 + r.nextInt(100_000);
                        int off = r.nextInt(local.length - len);
                        if (!Arrays.equals(Arrays.copyOfRange(local, off, off + len), SampleBytes.bytes(s1.read(off, len)))) return false;
                    }
                    return s2.size() == Files.size(TestData.file("nano_dy.root"));
                }));
            }
            for (Future<Boolean> j : jobs) assertTrue(j.get());
            assertSame(a, XRootDPool.get("127.0.0.1", server.port(), false, RemoteOptions.defaults()), "connection reused");
            assertTrue(!a.isBroken());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void missingFileNamesTheServerAndPath() {
        String url = server.url("no_such_sample.root");
        RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(url));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + server.port()), e.getMessage());
        assertTrue(e.getMessage().contains("no_such_sample.root"), e.getMessage());
    }

    @Test void connectionDroppedMidReadIsRetried() throws IOException {
        Path sample = TestData.file("pfnano.root");
        byte[] local = Files.readAllBytes(sample);
        try (DroppingProxy proxy = new DroppingProxy(server.port(), 700_000)) {
            String url = "root://127.0.0.1:" + proxy.port() + "/" + server.exported().resolve("pfnano.root");
            try (Source s = new XRootDSource(url)) {
                long[] offs = new long[300];
                int[] lens = new int[300];
                for (int i = 0; i < 300; i++) { offs[i] = i * 9_000L; lens[i] = 9_000; }
                ByteBuffer[] got = s.readv(offs, lens);   // the proxy cuts the connection inside this answer
                for (int i = 0; i < 300; i++)
                    assertArrayEquals(Arrays.copyOfRange(local, i * 9_000, i * 9_000 + 9_000), SampleBytes.bytes(got[i]), "range " + i);
                assertTrue(proxy.dropped(), "the proxy should have cut the first connection");
                // at least one reconnect; a loaded machine may need another try, never more than the retries
                assertTrue(proxy.connections() >= 2 && proxy.connections() <= 1 + RemoteOptions.defaults().retries(),
                        "connections through the proxy: " + proxy.connections());
                assertArrayEquals(local, SampleBytes.bytes(s.read(0, local.length)));
            }
        }
    }

    @Test void serverRestartedBetweenReadsIsReconnected() throws IOException {
        Path sample = TestData.file("nano_dy.root");
        byte[] local = Files.readAllBytes(sample);
        try (XRootDServer own = XRootDServer.start(TestData.dir())) {
            RemoteOptions opts = RemoteOptions.defaults().withRetries(8);
            try (Source s = new XRootDSource(own.url("nano_dy.root"), opts)) {
                assertArrayEquals(Arrays.copyOf(local, 1000), SampleBytes.bytes(s.read(0, 1000)));
                own.restart();
                assertArrayEquals(Arrays.copyOfRange(local, 5000, 90_000), SampleBytes.bytes(s.read(5000, 85_000)));
            }
        }
    }

    @Test void redirectorSendsTheClientToTheDataServer() throws IOException {
        Path sample = TestData.file("nano_tt_v12.root");
        try (pocket.testing.XRootDCluster cluster = pocket.testing.XRootDCluster.start(TestData.dir())) {
            // the data server may still be logging in to the redirector: the client is told to wait, then redirected
            RemoteOptions opts = RemoteOptions.defaults().withRetries(5);
            try (Source s = Sources.open(cluster.url("nano_tt_v12.root"), opts)) {
                SampleBytes.assertSameBytes(s, sample, 77);
            }
            assertTrue(XRootDPool.servers().contains("127.0.0.1:" + cluster.dataServerPort),
                    "a connection to the data server " + cluster.dataServerPort + ": " + XRootDPool.servers());
        }
    }

    @Test void hostNotAllowedIsAClearError() throws IOException {
        try (XRootDServer closed = XRootDServer.start(TestData.dir(), "xrd.allow host some.other.host.invalid")) {
            RemoteOptions opts = RemoteOptions.defaults().withRetries(0);
            RootIOException e = assertThrows(RootIOException.class,
                    () -> new XRootDSource(closed.url("nano_dy.root"), opts));
            assertTrue(e.getMessage().contains("127.0.0.1:" + closed.port()), e.getMessage());
            assertTrue(e.getMessage().contains("handshake"), e.getMessage());
        }
    }

    @Test void gsiOnlyServerSaysGsiIsNotSupported() throws IOException, InterruptedException {
        Services.require(Services.hasCommand("openssl"), "openssl (to make the test server's x509 certificates)");
        Path certs = TestCertificates.make();
        try (XRootDServer gsi = XRootDServer.start(TestData.dir(),
                "xrootd.seclib libXrdSec.so",
                "sec.protocol gsi -certdir:" + certs + " -cert:" + certs.resolve("host.pem") + " -key:" + certs.resolve("host.key")
                        + " -gridmap:/dev/null -crl:0",
                "sec.protbind * only gsi")) {
            RootIOException e = assertThrows(RootIOException.class, () -> new XRootDSource(gsi.url("nano_dy.root")));
            assertTrue(e.getMessage().contains("GSI"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + gsi.port()), e.getMessage());
        } finally {
            TestCertificates.delete(certs);
        }
    }

    @Test void urlsParse() throws RootIOException {
        XRootDUrl u = XRootDUrl.parse("root://eos.example.org//eos/cms/store/a.root?svcClass=x");
        assertEquals("eos.example.org", u.host());
        assertEquals(1094, u.port());
        assertEquals("/eos/cms/store/a.root", u.path());
        assertEquals("svcClass=x", u.cgi());
        assertTrue(!u.tls());
        assertTrue(XRootDUrl.parse("roots://h:1//a.root").tls());
        XRootDUrl v = XRootDUrl.parse("root://user@127.0.0.1:2000/store/b.root");
        assertEquals(2000, v.port());
        assertEquals("/store/b.root", v.path());
        assertThrows(RootIOException.class, () -> XRootDUrl.parse("root://host"));
        assertThrows(RootIOException.class, () -> XRootDUrl.parse("root://host:abc//a.root"));
    }

    @Test void securityListParses() {
        assertEquals(List.of("gsi", "ztn"), XRootDConnection.securityProtocols("&P=gsi,v:10600,c:ssl,ca:abc&P=ztn,TLS:0:4096:"));
        assertEquals(List.of(), XRootDConnection.securityProtocols(""));
    }

    @Test void ztnCredentialLayout() {
        byte[] c = XRootDConnection.ztnCredential("abc");
        // "ztn\0", version 0, 'T', 2 reserved, big-endian length 4 (token + NUL), token, NUL
        assertArrayEquals(new byte[]{'z', 't', 'n', 0, 0, 'T', 0, 0, 0, 4, 'a', 'b', 'c', 0}, c);
    }

    @Test void timeoutsAndRetriesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> RemoteOptions.defaults().withRetries(-1));
        assertThrows(IllegalArgumentException.class, () -> RemoteOptions.defaults().withRequestTimeout(Duration.ZERO));
    }
}
