package pocket.rootio.source;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One live connection per XRootD server (and identity), reused by every file on that server. */
final class XRootDPool {
    private static final Map<String, XRootDConnection> CONNECTIONS = new ConcurrentHashMap<>();
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private XRootDPool() {}

    static XRootDConnection get(String host, int port, boolean tls, RemoteOptions opts) throws IOException {
        String key = (tls ? "roots://" : "root://") + host + ":" + port + "#" + opts.bearerToken().map(t -> Integer.toHexString(t.hashCode())).orElse("anon");
        XRootDConnection c = CONNECTIONS.get(key);
        if (c != null && !c.isBroken()) return c;
        synchronized (LOCKS.computeIfAbsent(key, k -> new Object())) {
            c = CONNECTIONS.get(key);
            if (c != null && !c.isBroken()) return c;
            c = XRootDConnection.open(host, port, tls, opts);
            CONNECTIONS.put(key, c);
            return c;
        }
    }

    /** The servers ("host:port") with a live pooled connection. */
    static java.util.Set<String> servers() {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (XRootDConnection c : CONNECTIONS.values()) if (!c.isBroken()) out.add(c.server);
        return out;
    }

    /** Closes every pooled connection (tests; the end of a long-lived process). */
    static void closeAll() {
        List<XRootDConnection> all = new ArrayList<>(CONNECTIONS.values());
        CONNECTIONS.clear();
        for (XRootDConnection c : all) c.close();
    }
}
