package pocket.rootio.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP proxy ({@code http://[user:password@]host:port}), and which URLs go through one when
 * the environment names it, by curl's rules: {@code https_proxy} / {@code HTTPS_PROXY} for
 * https, {@code http_proxy} (lower case only, as curl) for http, else {@code all_proxy} /
 * {@code ALL_PROXY}; hosts in {@code no_proxy} / {@code NO_PROXY} ("*", names, domain suffixes
 * with or without the leading dot) are reached directly, and so is this machine (localhost,
 * 127.x.x.x, ::1), which a proxy could not reach for us.
 *
 * @param authorization the Proxy-Authorization value ("Basic ..."), or null
 */
record HttpProxy(String host, int port, String authorization) {

    /** "host:port", for messages. */
    String display() { return host + ":" + port; }

    /** Parses a proxy URL; {@code from} names where it came from, for the error. */
    static HttpProxy parse(String spec, String from) {
        String s = spec.strip();
        if (!s.contains("://")) s = "http://" + s;
        URI u;
        try {
            u = new URI(s);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("rootio: " + from + " = '" + spec + "' is not a proxy URL (http://host:port)");
        }
        if (!"http".equalsIgnoreCase(u.getScheme()))
            throw new IllegalArgumentException("rootio: " + from + " = '" + spec + "': only HTTP proxies (http://host:port) are supported, not "
                    + u.getScheme() + "://");
        if (u.getHost() == null)
            throw new IllegalArgumentException("rootio: " + from + " = '" + spec + "' names no host (expected http://host:port)");
        String auth = null;
        if (u.getRawUserInfo() != null) {
            String plain = java.net.URLDecoder.decode(u.getRawUserInfo().replace("+", "%2B"), StandardCharsets.UTF_8);
            auth = "Basic " + Base64.getEncoder().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
        }
        return new HttpProxy(u.getHost(), u.getPort() > 0 ? u.getPort() : 1080, auth);
    }

    /** The proxy the environment names for {@code target}, if any. */
    static Optional<HttpProxy> fromEnvironment(URI target, Map<String, String> env) {
        String scheme = target.getScheme().toLowerCase(Locale.ROOT);
        String[] names = scheme.equals("https") ? new String[]{"https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"}
                : new String[]{"http_proxy", "all_proxy", "ALL_PROXY"};
        for (String n : names) {
            String v = env.get(n);
            if (v == null || v.isBlank()) continue;
            if (bypassed(target.getHost(), env.getOrDefault("no_proxy", env.get("NO_PROXY")))) return Optional.empty();
            return Optional.of(parse(v, "$" + n));
        }
        return Optional.empty();
    }

    /** Whether {@code no_proxy} sends {@code host} directly. */
    static boolean bypassed(String host, String noProxy) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        if (h.equals("localhost") || h.endsWith(".localhost") || h.startsWith("127.") || h.equals("::1")) return true;
        if (noProxy == null) return false;
        for (String entry : noProxy.split("[,\\s]+")) {
            String e = entry.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) continue;
            if (e.equals("*")) return true;
            if (e.startsWith(".")) e = e.substring(1);
            if (h.equals(e) || h.endsWith("." + e)) return true;
        }
        return false;
    }
}
