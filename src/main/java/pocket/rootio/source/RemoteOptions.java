package pocket.rootio.source;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

/**
 * How remote sources talk to servers: timeouts, retries, an explicit bearer token (otherwise
 * WLCG token discovery), the gap under which HTTP ranges are merged, the TLS context, and the
 * HTTP proxy (by default the one the environment names, as curl finds it).
 * Immutable; the {@code with...} methods return changed copies.
 */
public final class RemoteOptions {
    private static final RemoteOptions DEFAULTS = new RemoteOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(60), 3, null, 256 * 1024, null, null);

    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final int retries;
    private final String bearerToken;
    private final int mergeGap;
    private final SSLContext sslContext;
    /** null: from the environment; "none": direct; else a proxy URL. */
    private final String httpProxy;
    /** httpProxy parsed once (null unless it is a URL). */
    private final HttpProxy parsedProxy;

    private RemoteOptions(Duration connectTimeout, Duration requestTimeout, int retries,
                          String bearerToken, int mergeGap, SSLContext sslContext, String httpProxy) {
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.retries = retries;
        this.bearerToken = bearerToken;
        this.mergeGap = mergeGap;
        this.sslContext = sslContext;
        this.httpProxy = httpProxy;
        this.parsedProxy = httpProxy == null || httpProxy.equals("none") ? null : HttpProxy.parse(httpProxy, "the HTTP proxy");
    }

    public static RemoteOptions defaults() { return DEFAULTS; }

    public RemoteOptions withConnectTimeout(Duration d) {
        requirePositive(d, "connect timeout");
        return new RemoteOptions(d, requestTimeout, retries, bearerToken, mergeGap, sslContext, httpProxy);
    }

    public RemoteOptions withRequestTimeout(Duration d) {
        requirePositive(d, "request timeout");
        return new RemoteOptions(connectTimeout, d, retries, bearerToken, mergeGap, sslContext, httpProxy);
    }

    /** How many times a failed request is tried again on a fresh connection (0 = never). */
    public RemoteOptions withRetries(int n) {
        if (n < 0 || n > 100) throw new IllegalArgumentException("retries must be in 0..100, got " + n);
        return new RemoteOptions(connectTimeout, requestTimeout, n, bearerToken, mergeGap, sslContext, httpProxy);
    }

    /** A bearer token for this source, used instead of the discovered one. */
    public RemoteOptions withBearerToken(String token) {
        if (token == null || token.isBlank()) throw new IllegalArgumentException("bearer token must not be blank");
        return new RemoteOptions(connectTimeout, requestTimeout, retries, token.strip(), mergeGap, sslContext, httpProxy);
    }

    /** HTTP ranges closer than this many bytes are fetched in one request. */
    public RemoteOptions withMergeGap(int bytes) {
        if (bytes < 0) throw new IllegalArgumentException("merge gap must be >= 0 bytes, got " + bytes);
        return new RemoteOptions(connectTimeout, requestTimeout, retries, bearerToken, bytes, sslContext, httpProxy);
    }

    /** The TLS context for https:// (e.g. one trusting a site CA); the JVM default otherwise. */
    public RemoteOptions withSslContext(SSLContext ctx) {
        return new RemoteOptions(connectTimeout, requestTimeout, retries, bearerToken, mergeGap,
                Objects.requireNonNull(ctx, "sslContext"), httpProxy);
    }

    /**
     * The HTTP proxy for every http:// and https:// URL ({@code http://[user:password@]host:port}),
     * or "none" to go direct; without it, the environment decides ($https_proxy, $http_proxy,
     * $all_proxy, $no_proxy, as curl reads them).
     */
    public RemoteOptions withHttpProxy(String proxy) {
        Objects.requireNonNull(proxy, "proxy");   // parsed (and refused when malformed) by the constructor, not at the first read
        return new RemoteOptions(connectTimeout, requestTimeout, retries, bearerToken, mergeGap, sslContext,
                proxy.strip().equalsIgnoreCase("none") ? "none" : proxy.strip());
    }

    /** The proxy an http(s) URL goes through, if any. */
    Optional<HttpProxy> httpProxyFor(java.net.URI target) {
        if (httpProxy == null) return HttpProxy.fromEnvironment(target, System.getenv());
        return Optional.ofNullable(parsedProxy);
    }

    public Duration connectTimeout() { return connectTimeout; }
    public Duration requestTimeout() { return requestTimeout; }
    public int retries() { return retries; }
    public int mergeGap() { return mergeGap; }
    public Optional<SSLContext> sslContext() { return Optional.ofNullable(sslContext); }

    /** The explicit token, else the one WLCG discovery finds in the environment. */
    public Optional<String> bearerToken() {
        return bearerToken != null ? Optional.of(bearerToken) : BearerToken.discover();
    }

    private static void requirePositive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative())
            throw new IllegalArgumentException(what + " must be positive, got " + d);
    }
}
