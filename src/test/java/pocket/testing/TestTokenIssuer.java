package pocket.testing;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A throw-away WLCG token issuer for tests: an ES256 key pair, tokens signed with it, and a
 * SciTokens key cache holding its public key, so that xrootd's SciTokens plugin validates the
 * tokens without fetching the issuer's keys over https (it looks in
 * {@code $XDG_CACHE_HOME/scitokens/scitokens_cpp.sqllite} first; the file is written with
 * Python's sqlite3 module).
 */
public final class TestTokenIssuer {
    public final String issuer;
    private final String kid;
    private final KeyPair keys;

    private TestTokenIssuer(String issuer, String kid, KeyPair keys) { this.issuer = issuer; this.kid = kid; this.keys = keys; }

    public static TestTokenIssuer create(String issuer, String kid) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return new TestTokenIssuer(issuer, kid, g.generateKeyPair());
    }

    /** The public key as a JSON Web Key Set. */
    public String jwks() {
        ECPublicKey k = (ECPublicKey) keys.getPublic();
        return "{\"keys\":[{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"use\":\"sig\",\"kid\":\"" + kid + "\",\"x\":\""
                + b64(coordinate(k.getW().getAffineX())) + "\",\"y\":\"" + b64(coordinate(k.getW().getAffineY())) + "\"}]}";
    }

    /** A WLCG-profile token for {@code audience} with {@code scope}, valid from now for {@code seconds} (negative: expired). */
    public String token(String audience, String scope, long seconds) throws Exception {
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + kid + "\"}";
        String claims = "{\"iss\":\"" + issuer + "\",\"sub\":\"pocket-test\",\"aud\":\"" + audience + "\",\"scope\":\"" + scope
                + "\",\"wlcg.ver\":\"1.0\",\"iat\":" + (now - 60 + Math.min(0, seconds)) + ",\"nbf\":" + (now - 60 + Math.min(0, seconds))
                + ",\"exp\":" + (now + seconds) + ",\"jti\":\"" + Long.toHexString(System.nanoTime()) + "\"}";
        String signed = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature s = Signature.getInstance("SHA256withECDSAinP1363Format");   // JWS wants r || s, not DER
        s.initSign(keys.getPrivate());
        s.update(signed.getBytes(StandardCharsets.US_ASCII));
        return signed + "." + b64(s.sign());
    }

    /**
     * A folder to pass as XDG_CACHE_HOME whose SciTokens key cache holds this issuer's keys for a
     * day; owned by {@code owner} (the user xrootd runs as) when not null.
     */
    public Path keyCache(String owner) throws Exception {
        Services.require(Services.hasCommand("python3"), "python3 (writes the SciTokens key cache with its sqlite3 module)");
        Path home = Files.createTempDirectory("pocket-scitokens-cache");
        Path dir = Files.createDirectories(home.resolve("scitokens"));
        Path db = dir.resolve("scitokens_cpp.sqllite");
        long until = System.currentTimeMillis() / 1000 + 86_400;
        String entry = "{\"jwks\":" + jwks() + ",\"expires\":" + until + ",\"next_update\":" + until + "}";
        Process p = new ProcessBuilder("python3", "-c", "import sqlite3, sys\n"
                + "c = sqlite3.connect(sys.argv[1])\n"
                + "c.execute('CREATE TABLE IF NOT EXISTS keycache (issuer text UNIQUE PRIMARY KEY NOT NULL, keys text NOT NULL)')\n"
                + "c.execute('INSERT OR REPLACE INTO keycache VALUES (?, ?)', (sys.argv[2], sys.argv[3]))\n"
                + "c.commit()\n", db.toString(), issuer, entry).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) throw new IllegalStateException("python3 could not write the key cache " + db + ": " + out);
        if (owner != null) {
            var user = home.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(owner);
            for (Path q : new Path[]{home, dir, db}) Files.setOwner(q, user);
        }
        return home;
    }

    public static void delete(Path cacheHome) {
        try (var s = Files.walk(cacheHome)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(q -> q.toFile().delete());
        } catch (java.io.IOException ignored) {
            // a temp folder; nothing depends on it being gone
        }
    }

    private static byte[] coordinate(BigInteger v) {
        byte[] b = v.toByteArray();   // big-endian, maybe with a sign byte, maybe shorter than 32
        if (b.length == 32) return b;
        byte[] out = new byte[32];
        int n = Math.min(32, b.length);
        System.arraycopy(b, b.length - n, out, 32 - n, n);
        return out;
    }

    private static String b64(byte[] b) { return Base64.getUrlEncoder().withoutPadding().encodeToString(b); }

    @Override public String toString() { return "TestTokenIssuer(" + issuer + ", " + kid + ")"; }

}
