package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.RootIOException;
import pocket.testing.NginxServer;
import pocket.testing.Services;
import pocket.testing.TestData;

/** https:// range reads against a real nginx with a throw-away CA. */
class HttpsSourceTest {
    static Path certs;
    static NginxServer nginx;
    static SSLContext trustingTestCa;

    @BeforeAll static void start() throws Exception {
        Services.require(Services.hasCommand("openssl"), "openssl (to make the test server's x509 certificate)");
        certs = TestCertificates.make();
        nginx = NginxServer.startHttps(TestData.dir(), certs.resolve("host.pem"), certs.resolve("host.key"));
        trustingTestCa = TestCertificates.trusting(certs);
    }

    @AfterAll static void stop() {
        if (nginx != null) nginx.close();
        if (certs != null) TestCertificates.delete(certs);
    }

    @Test void samplesReadOverHttpsEqualTheLocalBytes() throws Exception {
        RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa);
        long seed = 70;
        for (String name : new String[]{"nano_dy.root", "pfnano.root", "nano_dy_empty.root"}) {
            try (Source s = Sources.open(nginx.url(name), opts)) {
                assertTrue(s instanceof HttpSource);
                SampleBytes.assertSameBytes(s, TestData.file(name), seed++);
            }
        }
        try (Source s = Sources.open(nginx.url("nano_dy.root").replace("https://", "davs://"), opts)) {
            SampleBytes.assertSameBytes(s, TestData.file("nano_dy.root"), seed);
        }
    }

    @Test void untrustedCertificateIsAClearErrorNotARetryLoop() {
        String url = nginx.url("nano_dy.root");
        long t0 = System.nanoTime();
        RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(url));
        assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + nginx.port()), e.getMessage());
        assertTrue(System.nanoTime() - t0 < 5_000_000_000L, "an untrusted certificate must fail at once, not after retries");
    }
}
