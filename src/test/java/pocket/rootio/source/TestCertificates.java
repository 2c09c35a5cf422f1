package pocket.rootio.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

/** A throw-away CA and a host certificate for 127.0.0.1, made with openssl for test servers. */
final class TestCertificates {
    private TestCertificates() {}

    static Path make() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("pocket-certs");
        dir.toFile().setReadable(true, false);
        dir.toFile().setExecutable(true, false);
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
                "-days", "2", "-subj", "/CN=pocket test CA");
        String hash = run(dir, "openssl", "x509", "-hash", "-noout", "-in", "ca.pem").trim();
        Files.copy(dir.resolve("ca.pem"), dir.resolve(hash + ".0"));
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-keyout", "host.key", "-out", "host.csr",
                "-subj", "/CN=localhost");
        run(dir, "openssl", "x509", "-req", "-in", "host.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "host.pem", "-days", "2", "-extfile", "san.ext");
        if ("root".equals(System.getProperty("user.name"))) {   // the xrootd user must read its key
            UserPrincipal xrootd = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("xrootd");
            for (String f : List.of("host.key", "host.pem")) Files.setOwner(dir.resolve(f), xrootd);
        }
        Files.setPosixFilePermissions(dir.resolve("host.key"), java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        return dir;
    }

    /** A TLS context trusting only the throw-away CA in {@code dir} (made by {@link #make}). */
    static javax.net.ssl.SSLContext trusting(Path dir) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance(java.security.KeyStore.getDefaultType());
        ks.load(null, null);
        try (java.io.InputStream in = Files.newInputStream(dir.resolve("ca.pem"))) {
            ks.setCertificateEntry("pocket-test-ca", java.security.cert.CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        javax.net.ssl.SSLContext ctx = javax.net.ssl.SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    private static String run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException(String.join(" ", cmd) + " failed:\n" + out);
        return out;
    }

    static void delete(Path dir) {
        try (var w = Files.walk(dir)) {
            w.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // leftover temp folder is harmless
        }
    }
}
