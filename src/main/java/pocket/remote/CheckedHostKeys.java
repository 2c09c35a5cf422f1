package pocket.remote;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * known_hosts as JSch reads it, remembering the key a server offered so that a refusal can
 * show its SHA256 fingerprint. Never adds keys: accepting a host is the user's decision.
 */
final class CheckedHostKeys implements HostKeyRepository {
    private final HostKeyRepository known;
    volatile int lastResult = OK;
    volatile byte[] lastKey;

    CheckedHostKeys(HostKeyRepository known) { this.known = known; }

    @Override public int check(String host, byte[] key) {
        int r = known.check(host, key);
        lastResult = r;
        lastKey = key.clone();
        return r;
    }

    @Override public void add(HostKey hostkey, UserInfo ui) { /* never: see class comment */ }
    @Override public void remove(String host, String type) { known.remove(host, type); }
    @Override public void remove(String host, String type, byte[] key) { known.remove(host, type, key); }
    @Override public String getKnownHostsRepositoryID() { return known.getKnownHostsRepositoryID(); }
    @Override public HostKey[] getHostKey() { return known.getHostKey(); }
    @Override public HostKey[] getHostKey(String host, String type) { return known.getHostKey(host, type); }

    /** OpenSSH's "SHA256:..." fingerprint of a public key blob. */
    static String fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) { throw new IllegalStateException(e); }
    }

    /** The key type written at the start of a public key blob (ssh-ed25519, ssh-rsa, ...). */
    static String keyType(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob);
        int n = b.getInt();
        return new String(blob, 4, n, StandardCharsets.US_ASCII);
    }
}
