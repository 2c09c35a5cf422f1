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
import pocket.testing.TestTokenIssuer;
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

    static final String ISSUER = "https://127.0.0.1:1/issuer";   // nothing listens there: keys come from the key cache

    /** A server that only accepts WLCG tokens (ztn, validated by the SciTokens plugin). */
    private static XRootDServer tokenServer() throws IOException {
        return tokenServer(java.util.Map.of());
    }

    private static XRootDServer tokenServer(java.util.Map<String, String> env) throws IOException {
        Services.require(sciTokensPlugin(), "libXrdAccSciTokens-5.so (Debian package xrootd-scitokens-plugins)");
        Path cfgDir = Files.createTempDirectory("pocket-scitokens");
        Path cfg = cfgDir.resolve("scitokens.cfg");
        // base_path "/": a token's storage.read:/ covers the exported folder wherever it lies
        Files.writeString(cfg, "[Global]\naudience = pocket-test\n\n[Issuer test]\nissuer = " + ISSUER + "\nbase_path = /\n");
        cfgDir.toFile().setExecutable(true, false);
        cfg.toFile().setReadable(true, false);
        List<String> conf = new java.util.ArrayList<>(tlsConfig());
        conf.addAll(List.of("xrootd.seclib libXrdSec.so", "sec.protocol ztn", "sec.protbind * only ztn",
                "ofs.authorize 1", "ofs.authlib libXrdAccSciTokens.so config=" + cfg));
        return XRootDServer.start(TestData.dir(), env, conf.toArray(String[]::new));
    }

    @Test void tokenTheServerAcceptsReadsTheFile() throws Exception {
        TestTokenIssuer issuer = TestTokenIssuer.create(ISSUER, "pocket-test-key");
        Path cache = issuer.keyCache("root".equals(System.getProperty("user.name")) ? "xrootd" : null);
        try (XRootDServer s = tokenServer(java.util.Map.of("XDG_CACHE_HOME", cache.toString()))) {
            Path sample = TestData.dir().resolve("nano_dy.root");
            RemoteOptions opts = RemoteOptions.defaults().withSslContext(trustingTestCa).withRetries(0)
                    .withBearerToken(issuer.token("pocket-test", "storage.read:/", 600));
            try (Source src = Sources.open(s.url("nano_dy.root"), opts)) {
                SampleBytes.assertSameBytes(src, sample, 77);
            } catch (IOException e) {
                throw new AssertionError(e.getMessage() + "\nserver log:\n" + s.log(), e);
            }
            // the same server refuses an expired token, and one signed by a key it does not know
            for (String bad : List.of(issuer.token("pocket-test", "storage.read:/", -120),
                    TestTokenIssuer.create(ISSUER, "pocket-test-key").token("pocket-test", "storage.read:/", 600))) {
                RootIOException e = assertThrows(RootIOException.class,
                        () -> Sources.open(s.url("nano_dy.root"), opts.withBearerToken(bad)));
                assertTrue(e.getMessage().contains("refused the bearer token") && e.getMessage().contains("127.0.0.1:" + s.port()), e.getMessage());
            }
            // a good token whose scope does not cover the file: logged in, but the open is refused
            RootIOException e = assertThrows(RootIOException.class, () -> Sources.open(s.url("nano_dy.root"),
                    opts.withBearerToken(issuer.token("pocket-test", "storage.read:/elsewhere", 600))));
            assertTrue(e.getMessage().contains("refused to open") && e.getMessage().contains("permission denied")
                    && e.getMessage().contains("its scope"), e.getMessage());
        } finally {
            TestTokenIssuer.delete(cache);
        }
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
