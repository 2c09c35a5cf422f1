package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.RootIOException;
import pocket.testing.NginxServer;
import pocket.testing.Services;
import pocket.testing.TestData;
import pocket.testing.TinyProxy;

/** http:// and https:// reads through a real HTTP proxy (tinyproxy) to real nginx servers. */
class HttpProxyTest {
    static Path certs;
    static NginxServer http, https;
    static SSLContext trustingTestCa;

    @BeforeAll static void start() throws Exception {
        Services.require(Services.hasCommand("openssl"), "openssl (to make the test server's x509 certificate)");
        certs = TestCertificates.make();
        http = NginxServer.start(TestData.dir());
        https = NginxServer.startHttps(TestData.dir(), certs.resolve("host.pem"), certs.resolve("host.key"));
        trustingTestCa = TestCertificates.trusting(certs);
    }

    @AfterAll static void stop() {
        if (http != null) http.close();
        if (https != null) https.close();
        if (certs != null) TestCertificates.delete(certs);
    }

    @AfterEach void dropPooledConnections() { HttpRangeClient.closeIdle(); }

    @Test void httpsThroughATunnelAndHttpThroughTheProxyGiveTheLocalBytes() throws Exception {
        RemoteOptions opts;
        try (TinyProxy proxy = TinyProxy.start(List.of(https.port()), null, null)) {
            opts = RemoteOptions.defaults().withSslContext(trustingTestCa).withHttpProxy(proxy.url()).withRetries(0);
            int httpBefore = http.requests();
            try (Source s = Sources.open(https.url("nano_dy.root"), opts)) {
                SampleBytes.assertSameBytes(s, TestData.file("nano_dy.root"), 91);
            }
            try (Source s = Sources.open(http.url("pfnano.root"), opts)) {
                SampleBytes.assertSameBytes(s, TestData.file("pfnano.root"), 92);
            }
            List<String> seen = proxy.requests();
            assertTrue(seen.contains("CONNECT 127.0.0.1:" + https.port() + " HTTP/1.1"), seen.toString());
            assertTrue(seen.contains("GET http://127.0.0.1:" + http.port() + "/pfnano.root HTTP/1.1"), seen.toString());
            long plain = seen.stream().filter(r -> r.startsWith("GET http://")).count();
            assertEquals(http.requests() - httpBefore, plain, "every http request the server answered came through the proxy");
        }
        HttpRangeClient.closeIdle();
        // the proxy gone: a clear error naming it, not a silent direct connection
        RemoteOptions gone = opts;
        RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(https.url("nano_dy.root"), gone));
        assertTrue(e.getMessage().contains("cannot reach HTTP proxy 127.0.0.1:"), e.getMessage());
        // and "none" goes direct
        try (Source s = Sources.open(https.url("nano_dy.root"), opts.withHttpProxy("none"))) {
            SampleBytes.assertSameBytes(s, TestData.file("nano_dy.root"), 93);
        }
    }

    @Test void aProxyThatRefusesTheTunnelOrWantsALoginSaysSoAtOnce() throws Exception {
        try (TinyProxy noTunnel = TinyProxy.start(List.of(443), null, null)) {   // tunnels to port 443 only
            RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa).withHttpProxy(noTunnel.url()).withRetries(3);
            long t0 = System.nanoTime();
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(https.url("nano_dy.root"), opts));
            assertTrue(e.getMessage().contains("HTTP proxy 127.0.0.1:" + noTunnel.port() + " refused a tunnel to 127.0.0.1:" + https.port())
                    && e.getMessage().contains("403"), e.getMessage());
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "a refusal is not retried");
        }
        try (TinyProxy login = TinyProxy.start(List.of(https.port()), "physicist", "s3cret")) {
            RemoteOptions anonymous = RemoteOptions.defaults().withSslContext(trustingTestCa).withHttpProxy(login.url()).withRetries(0);
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(https.url("nano_dy.root"), anonymous));
            assertTrue(e.getMessage().contains("407") && e.getMessage().contains("user:password"), e.getMessage());
            e = assertThrows(RootIOException.class, () -> Sources.open(http.url("nano_dy.root"), anonymous));
            assertTrue(e.getMessage().contains("407") && e.getMessage().contains("user:password"), e.getMessage());
            RemoteOptions wrong = anonymous.withHttpProxy("http://physicist:guess@127.0.0.1:" + login.port());
            e = assertThrows(RootIOException.class, () -> Sources.open(https.url("nano_dy.root"), wrong));
            assertTrue(e.getMessage().contains("did not accept the user and password"), e.getMessage());
            RemoteOptions ok = anonymous.withHttpProxy("http://physicist:s3cret@127.0.0.1:" + login.port());
            for (NginxServer server : List.of(https, http))
                try (Source s = Sources.open(server.url("nano_dy.root"), ok)) {
                    SampleBytes.assertSameBytes(s, TestData.file("nano_dy.root"), 94);
                }
        }
    }

    @Test void theEnvironmentChoosesTheProxyAsCurlDoes() {
        URI eos = URI.create("https://eos.example.org:8443//eos/file.root"), plain = URI.create("http://data.example.org/f.root");
        Map<String, String> env = Map.of("https_proxy", "proxy.example.org:3128", "HTTP_PROXY", "http://ignored:1", "no_proxy", ".internal.example.org, 10.1.2.3");
        assertEquals(new HttpProxy("proxy.example.org", 3128, null), HttpProxy.fromEnvironment(eos, env).orElseThrow());
        assertTrue(HttpProxy.fromEnvironment(plain, env).isEmpty(), "upper-case HTTP_PROXY is ignored for http, as curl does");
        assertTrue(HttpProxy.fromEnvironment(URI.create("https://eos.internal.example.org/f"), env).isEmpty());
        assertTrue(HttpProxy.fromEnvironment(URI.create("https://internal.example.org/f"), env).isEmpty());
        assertTrue(HttpProxy.fromEnvironment(URI.create("https://10.1.2.3/f"), env).isEmpty());
        assertTrue(HttpProxy.fromEnvironment(URI.create("https://notinternal.example.org/f"), env).isPresent());
        assertEquals(1080, HttpProxy.fromEnvironment(plain, Map.of("ALL_PROXY", "http://p.example.org")).orElseThrow().port());
        assertTrue(HttpProxy.fromEnvironment(eos, Map.of("HTTPS_PROXY", "p:1", "NO_PROXY", "*")).isEmpty());
        for (String local : List.of("https://localhost:8443/f", "http://127.0.0.1:8080/f", "https://[::1]:8443/f"))
            assertTrue(HttpProxy.fromEnvironment(URI.create(local), Map.of("https_proxy", "p:1", "http_proxy", "p:1")).isEmpty(), local);
        assertEquals("Basic " + java.util.Base64.getEncoder().encodeToString("me:p@ss".getBytes()),
                HttpProxy.fromEnvironment(eos, Map.of("HTTPS_PROXY", "http://me:p%40ss@p.example.org:3128")).orElseThrow().authorization());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HttpProxy.fromEnvironment(eos, Map.of("https_proxy", "socks5://p.example.org:1080")));
        assertTrue(e.getMessage().contains("$https_proxy") && e.getMessage().contains("only HTTP proxies"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> RemoteOptions.defaults().withHttpProxy("socks5h://p:1"));
        assertTrue(e.getMessage().contains("only HTTP proxies"), e.getMessage());
    }
}
