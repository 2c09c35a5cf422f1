package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import pocket.rootio.RootIOException;
import pocket.testing.Services;
import pocket.testing.TestData;
import pocket.testing.XRootDServer;

/**
 * XRootD over TLS (roots://, and root:// when the server demands TLS) and WLCG bearer tokens
 * (ztn) against real xrootd servers with a throw-away CA.
 */
class XRootDTlsTest {
    static Path certs;
    static SSLContext trustingTestCa;

    @BeforeAll static void makeCertificates() throws Exception {
        Services.require(Services.hasCommand("openssl"), "openssl (to make the test server's x509 certificates)");
        certs = TestCertificates.make();
        trustingTestCa = TestCertificates.trusting(certs);
    }

    @AfterAll static void cleanUp() {
        XRootDPool.closeAll();
        if (certs != null) TestCertificates.delete(certs);
    }

    private static List<String> tlsConfig() {
        return List.of("xrd.tls " + certs.resolve("host.pem") + " " + certs.resolve("host.key"),
                "xrd.tlsca certdir " + certs);
    }

    @Test void everySampleReadOverRootsEqualsTheLocalBytes() throws IOException {
        try (XRootDServer s = XRootDServer.start(TestData.dir(), tlsConfig().toArray(String[]::new))) {
            RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa);
            long seed = 50;
            for (Path sample : SampleBytes.samples()) {
                String url = s.url(sample.getFileName().toString()).replace("root://", "roots://");
                try (Source src = Sources.open(url, opts)) {
                    SampleBytes.assertSameBytes(src, sample, seed++);
                }
            }
            assertTrue(XRootDPool.get("127.0.0.1", s.port(), true, opts).usesTls());
        }
    }

    @Test void untrustedServerCertificateIsAClearError() throws IOException {
        try (XRootDServer s = XRootDServer.start(TestData.dir(), tlsConfig().toArray(String[]::new))) {
            String url = s.url("nano_dy.root").replace("root://", "roots://");
            RootIOException e = assertThrows(RootIOException.class,
                    () -> Sources.open(url, RemoteOptions.defaults().withRetries(0)));
            assertTrue(e.getMessage().contains("TLS handshake"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + s.port()), e.getMessage());
        }
    }

    @Test void rootsToAServerWithoutTlsSaysSo() throws IOException {
        try (XRootDServer s = XRootDServer.start(TestData.dir())) {
            String url = s.url("nano_dy.root").replace("root://", "roots://");
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(url));
            assertTrue(e.getMessage().contains("does not offer TLS"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + s.port()), e.getMessage());
        }
    }

    /** A server that only accepts WLCG tokens (ztn, validated by the SciTokens plugin). */
    private static XRootDServer tokenServer() throws IOException {
        Services.require(sciTokensPlugin(), "libXrdAccSciTokens-5.so (Debian package xrootd-scitokens-plugins)");
        Path cfgDir = Files.createTempDirectory("pocket-scitokens");
        Path cfg = cfgDir.resolve("scitokens.cfg");
        Files.writeString(cfg, "[Global]\naudience = pocket-test\n\n[Issuer test]\nissuer = https://127.0.0.1:1/issuer\n"
                + "base_path = " + TestData.dir() + "\n");
        cfgDir.toFile().setExecutable(true, false);
        cfg.toFile().setReadable(true, false);
        List<String> conf = new java.util.ArrayList<>(tlsConfig());
        conf.addAll(List.of("xrootd.seclib libXrdSec.so", "sec.protocol ztn", "sec.protbind * only ztn",
                "ofs.authorize 1", "ofs.authlib libXrdAccSciTokens.so config=" + cfg));
        return XRootDServer.start(TestData.dir(), conf.toArray(String[]::new));
    }

    static boolean sciTokensPlugin() {
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib"))
            if (Files.exists(Path.of(d, "libXrdAccSciTokens-5.so"))) return true;
        return false;
    }

    @Test void tokenTheServerRejectsIsAClearErrorNamingTheServer() throws IOException {
        try (XRootDServer s = tokenServer()) {
            // root:// on purpose: the server demands TLS for the login, and the client follows
            RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa)
                    .withBearerToken("eyJhbGciOiJub25lIn0.eyJzdWIiOiJwb2NrZXQifQ.").withRetries(0);
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(s.url("nano_dy.root"), opts));
            assertTrue(e.getMessage().contains("refused the bearer token"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + s.port()), e.getMessage());
        }
    }

    @Test void tokenServerWithoutATokenSaysWhereTokensAreLooked() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(BearerToken.discover().isEmpty(),
                "this environment holds a bearer token, so 'none found' cannot be shown");
        try (XRootDServer s = tokenServer()) {
            RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa).withRetries(0);
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(s.url("nano_dy.root"), opts));
            assertTrue(e.getMessage().contains("BEARER_TOKEN"), e.getMessage());
            assertTrue(e.getMessage().contains("127.0.0.1:" + s.port()), e.getMessage());
        }
    }
}
