package pocket.rootio.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a WLCG bearer token the way WLCG's token discovery says: $BEARER_TOKEN, the file named
 * by $BEARER_TOKEN_FILE, $XDG_RUNTIME_DIR/bt_u$UID, then /tmp/bt_u$UID.
 */
final class BearerToken {
    private BearerToken() {}

    /** The token from the process environment, if any. */
    public static Optional<String> discover() { return discover(System.getenv(), uid()); }

    static Optional<String> discover(Map<String, String> env, long uid) {
        String direct = env.get("BEARER_TOKEN");
        if (direct != null && !direct.isBlank()) return Optional.of(direct.strip());
        String file = env.get("BEARER_TOKEN_FILE");
        if (file != null && !file.isBlank()) {
            Optional<String> t = readFile(Path.of(file));
            if (t.isPresent()) return t;
        }
        String xdg = env.get("XDG_RUNTIME_DIR");
        if (xdg != null && !xdg.isBlank() && uid >= 0) {
            Optional<String> t = readFile(Path.of(xdg, "bt_u" + uid));
            if (t.isPresent()) return t;
        }
        if (uid >= 0) return readFile(Path.of("/tmp", "bt_u" + uid));
        return Optional.empty();
    }

    private static Optional<String> readFile(Path p) {
        try {
            if (!Files.isRegularFile(p)) return Optional.empty();
            String s = Files.readString(p, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? Optional.empty() : Optional.of(s);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static volatile long uid = Long.MIN_VALUE;   // asked once: every remote open looks for a token

    /** The numeric user id (for bt_u$UID), or -1 where the platform does not tell. */
    static long uid() {
        long u = uid;
        if (u == Long.MIN_VALUE) uid = u = askUid();
        return u;
    }

    private static long askUid() {
        try {
            Object v = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
            return ((Number) v).longValue();
        } catch (Exception e) {
            return -1;
        }
    }
}
