package pocket.rootio.source;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * GET and HEAD over HTTP/1.1 on pooled keep-alive sockets (TLS for https), the caller's thread
 * doing the I/O. The JDK's java.net.http client hands every answer across two threads, which
 * costs ~0.5–1 ms a request on loopback; a ROOT file's open and chunks are a few sequential
 * requests, so that hand-off, not bandwidth, set the pace. Redirects are followed
 * (never from https to http).
 */
final class HttpRangeClient {
    private static final int MAX_REDIRECTS = 10;
    /** Idle sockets older than this are closed rather than reused: servers drop idle keep-alives. */
    private static final long MAX_IDLE_NANOS = 20_000_000_000L;
    private static final int MAX_IDLE_PER_SERVER = 16;
    private static final Map<String, Deque<Conn>> IDLE = new ConcurrentHashMap<>();

    /** A complete answer: status, headers (lower-case names, last value wins), body. */
    record Answer(int status, Map<String, String> headers, byte[] body) {
        Optional<String> header(String lowerName) { return Optional.ofNullable(headers.get(lowerName)); }
    }

    private final RemoteOptions opts;
    private final SSLSocketFactory tls;
    private final String tlsIdentity;   // sockets made with one TLS context are not lent to another

    HttpRangeClient(RemoteOptions opts) {
        this.opts = opts;
        SSLContext ctx;
        try {
            ctx = opts.sslContext().orElse(SSLContext.getDefault());
        } catch (java.security.NoSuchAlgorithmException e) {
            ctx = null;   // no TLS in this JVM: https:// then fails with a clear message
        }
        this.tls = ctx == null ? null : ctx.getSocketFactory();
        this.tlsIdentity = ctx == null ? "none" : Integer.toHexString(System.identityHashCode(ctx));
    }

    /** GET (with {@code range} as the Range header value when not null) or HEAD, following redirects. */
    Answer send(URI uri, String method, String range, Optional<String> token) throws IOException {
        URI at = uri;
        for (int hops = 0; ; hops++) {
            HttpProxy proxy = proxy(at);
            Answer a = once(at, proxy, method, range, token);
            if (proxy != null && "http".equalsIgnoreCase(at.getScheme())
                    && (a.status() == 407 || a.status() == 401 && a.header("proxy-authenticate").isPresent()))
                throw refusal(proxy, method + " " + at, a.status(), "HTTP " + a.status());
            if (!isRedirect(a.status())) return a;
            Optional<String> location = a.header("location");
            if (location.isEmpty() || hops >= MAX_REDIRECTS) return a;
            URI next = at.resolve(location.get().trim());
            if ("https".equalsIgnoreCase(at.getScheme()) && !"https".equalsIgnoreCase(next.getScheme())) return a;
            at = next;
        }
    }

    /**
     * GETs of several ranges of one URL, pipelined on one socket (written together, answered in
     * order: no second socket, no second thread); answers that are redirects, or that a server
     * closing after the first answer left out, are then fetched one by one.
     */
    Answer[] getAll(URI uri, String[] ranges, Optional<String> token) throws IOException {
        HttpProxy proxy = proxy(uri);
        if (proxy != null && "http".equalsIgnoreCase(uri.getScheme())) {
            // proxies do not take pipelined requests (a CONNECT tunnel is the server's, so https pipelines)
            Answer[] out = new Answer[ranges.length];
            for (int i = 0; i < ranges.length; i++) out[i] = send(uri, "GET", ranges[i], token);
            return out;
        }
        String key = key(uri, proxy);
        ByteArrayOutputStream requests = new ByteArrayOutputStream();
        for (String r : ranges) requests.writeBytes(request(uri, proxy, "GET", r, token));
        Answer[] out = new Answer[ranges.length];
        for (int attempt = 0; ; attempt++) {
            Conn c = attempt == 0 ? idle(key) : null;
            boolean reused = c != null;
            if (c == null) c = connect(uri, proxy);
            int got = 0;
            try {
                requests.writeTo(c.out);
                c.out.flush();
                while (got < ranges.length) {
                    out[got++] = readAnswer(c, false);
                    if (!c.keepAlive) break;
                }
                if (c.keepAlive) release(key, c);
                else c.close();
                break;
            } catch (IOException e) {
                c.close();
                if (got > 0 || !reused || c.gotBytes) throw e;
            }
        }
        for (int i = 0; i < ranges.length; i++)
            if (out[i] == null || isRedirect(out[i].status())) out[i] = send(uri, "GET", ranges[i], token);
        return out;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** One exchange; a reused socket the server had already closed is replaced once, silently. */
    private Answer once(URI uri, HttpProxy proxy, String method, String range, Optional<String> token) throws IOException {
        String key = key(uri, proxy);
        byte[] request = request(uri, proxy, method, range, token);
        for (int attempt = 0; ; attempt++) {
            Conn c = attempt == 0 ? idle(key) : null;
            boolean reused = c != null;
            if (c == null) c = connect(uri, proxy);
            try {
                c.out.write(request);
                c.out.flush();
                Answer a = readAnswer(c, method.equals("HEAD"));
                if (c.keepAlive) release(key, c);
                else c.close();
                return a;
            } catch (IOException e) {
                c.close();
                if (!reused || c.gotBytes) throw e;   // a fresh socket failing, or a cut mid-answer: the caller retries
            }
        }
    }

    private String key(URI uri, HttpProxy proxy) {
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        return scheme + "://" + uri.getHost() + ":" + port(uri) + (scheme.equals("https") ? "#" + tlsIdentity : "")
                + (proxy == null ? "" : " via " + proxy.display() + (proxy.authorization() == null ? "" : "#" + proxy.authorization().hashCode()));
    }

    /** The proxy for this URL (null: direct). */
    private HttpProxy proxy(URI uri) throws IOException {
        try {
            return opts.httpProxyFor(uri).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new HttpProxyException(e.getMessage(), true);
        }
    }

    /** Closes every idle pooled socket (tests; the end of a long-lived process). */
    static void closeIdle() {
        for (Deque<Conn> q : IDLE.values()) for (Conn c; (c = q.pollFirst()) != null; ) c.close();
    }

    private static int port(URI uri) {
        if (uri.getPort() > 0) return uri.getPort();
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static byte[] request(URI uri, HttpProxy proxy, String method, String range, Optional<String> token) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path += "?" + uri.getRawQuery();
        String hostPort = uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        // through a proxy, plain http names the whole URL; https goes inside a CONNECT tunnel as usual
        boolean absolute = proxy != null && "http".equalsIgnoreCase(uri.getScheme());
        StringBuilder sb = new StringBuilder(160).append(method).append(' ');
        if (absolute) sb.append("http://").append(hostPort);
        sb.append(path).append(" HTTP/1.1\r\n");
        sb.append("Host: ").append(hostPort);
        sb.append("\r\nUser-Agent: pocket\r\n");
        if (absolute && proxy.authorization() != null) sb.append("Proxy-Authorization: ").append(proxy.authorization()).append("\r\n");
        if (range != null) sb.append("Range: ").append(range).append("\r\n");
        token.ifPresent(t -> sb.append("Authorization: Bearer ").append(t).append("\r\n"));
        return sb.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private Conn idle(String key) {
        Deque<Conn> q = IDLE.get(key);
        if (q == null) return null;
        for (Conn c; (c = q.pollFirst()) != null; ) {
            if (System.nanoTime() - c.idleSince < MAX_IDLE_NANOS && !c.socket.isClosed()) return c;
            c.close();
        }
        return null;
    }

    private void release(String key, Conn c) {
        c.idleSince = System.nanoTime();
        c.gotBytes = false;
        Deque<Conn> q = IDLE.computeIfAbsent(key, k -> new ConcurrentLinkedDeque<>());
        q.offerFirst(c);
        if (q.size() > MAX_IDLE_PER_SERVER) {
            Conn extra = q.pollLast();
            if (extra != null) extra.close();
        }
    }

    private Conn connect(URI uri, HttpProxy proxy) throws IOException {
        String host = uri.getHost();
        int port = port(uri);
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            if (proxy == null) {
                s.connect(new InetSocketAddress(host, port), (int) opts.connectTimeout().toMillis());
            } else {
                try {
                    s.connect(new InetSocketAddress(proxy.host(), proxy.port()), (int) opts.connectTimeout().toMillis());
                } catch (IOException e) {
                    throw new IOException("cannot reach HTTP proxy " + proxy.display() + ": " + e.getMessage(), e);
                }
            }
            s.setSoTimeout((int) Math.min(Integer.MAX_VALUE, opts.requestTimeout().toMillis()));
            if (proxy != null && "https".equalsIgnoreCase(uri.getScheme())) tunnel(s, proxy, host, port);
            if ("https".equalsIgnoreCase(uri.getScheme())) {
                if (tls == null) throw new IOException("no TLS in this JVM");
                SSLSocket ssl = (SSLSocket) tls.createSocket(s, host, port, true);
                SSLParameters p = ssl.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host asked for
                ssl.setSSLParameters(p);
                ssl.startHandshake();
                s = ssl;
            }
            return new Conn(s);
        } catch (IOException e) {
            s.close();
            throw e;
        }
    }

    /** Asks the proxy for a tunnel to host:port (CONNECT) and reads its answer, leaving the socket at the tunnel's start. */
    private static void tunnel(Socket s, HttpProxy proxy, String host, int port) throws IOException {
        String target = (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
        StringBuilder req = new StringBuilder("CONNECT ").append(target).append(" HTTP/1.1\r\nHost: ").append(target)
                .append("\r\nUser-Agent: pocket\r\n");
        if (proxy.authorization() != null) req.append("Proxy-Authorization: ").append(proxy.authorization()).append("\r\n");
        java.io.OutputStream out = s.getOutputStream();
        out.write(req.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        // byte by byte: whatever follows the blank line belongs to the TLS handshake
        java.io.InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || head.lastIndexOf("\r\n\r\n") != head.length() - 4) {
            int b = in.read();
            if (b < 0) throw new HttpProxyException("HTTP proxy " + proxy.display() + " closed the connection instead of opening a tunnel to " + target, false);
            head.append((char) b);
            if (head.length() > 65536) throw new HttpProxyException("HTTP proxy " + proxy.display() + " sent an endless answer to CONNECT " + target, true);
        }
        String status = head.substring(0, head.indexOf("\r\n")).strip();
        String[] parts = status.split(" ", 3);
        int code = parts.length > 1 && parts[1].matches("\\d{3}") ? Integer.parseInt(parts[1]) : -1;
        if (code >= 200 && code < 300) return;
        throw refusal(proxy, "a tunnel to " + target, code, status);
    }

    /** The proxy's refusal of {@code what}; a login refused (407, or 401 as tinyproxy answers a wrong password) says how to give one. */
    private static HttpProxyException refusal(HttpProxy proxy, String what, int code, String status) {
        String why = "HTTP proxy " + proxy.display() + " refused " + what + ": " + status;
        if (code == 407 || code == 401)
            return new HttpProxyException(why + (proxy.authorization() == null ? " (it wants a login: give the proxy as http://user:password@host:port)"
                    : " (it did not accept the user and password given)"), true);
        return new HttpProxyException(why, code == 403 || code == 400 || code == 405);
    }

    private static Answer readAnswer(Conn c, boolean head) throws IOException {
        while (true) {
            String statusLine = c.line();
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/"))
                throw new IOException("not an HTTP answer: '" + statusLine + "'");
            int status;
            try {
                status = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status line: '" + statusLine + "'");
            }
            Map<String, String> headers = new HashMap<>();
            for (String h; !(h = c.line()).isEmpty(); ) {
                int colon = h.indexOf(':');
                if (colon > 0) headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
            }
            if (status >= 100 && status < 200) continue;   // 100 Continue and friends: the real answer follows
            String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
            c.keepAlive = parts[0].equals("HTTP/1.1") ? !connection.contains("close") : connection.contains("keep-alive");
            byte[] body;
            String length = headers.get("content-length");
            if (head || status == 204 || status == 304) {
                body = new byte[0];
            } else if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
                body = c.chunked();
            } else if (length != null) {
                long n;
                try {
                    n = Long.parseLong(length);
                } catch (NumberFormatException e) {
                    throw new IOException("bad Content-Length '" + length + "'");
                }
                if (n < 0 || n > Integer.MAX_VALUE - 16) throw new IOException("answer of " + n + " bytes is too large to hold");
                body = c.exactly((int) n);
            } else {
                body = c.in.readAllBytes();   // length given by the end of the connection
                c.keepAlive = false;
            }
            return new Answer(status, headers, body);
        }
    }

    /** One socket with its buffered input. */
    private static final class Conn {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        long idleSince;
        boolean keepAlive;
        boolean gotBytes;   // some of the answer arrived: a failure now is not a stale socket

        Conn(Socket s) throws IOException {
            socket = s;
            in = new BufferedInputStream(s.getInputStream(), 1 << 16);
            out = s.getOutputStream();
        }

        String line() throws IOException {
            StringBuilder sb = new StringBuilder(64);
            while (true) {
                int b = in.read();
                if (b < 0) {
                    if (sb.length() == 0 && !gotBytes) throw new EOFException("the server closed the connection");
                    throw new EOFException("the connection ended inside the answer's headers");
                }
                gotBytes = true;
                if (b == '\n') break;
                if (b != '\r') sb.append((char) b);
                if (sb.length() > 65536) throw new IOException("answer header line longer than 64 KiB");
            }
            return sb.toString();
        }

        byte[] exactly(int n) throws IOException {
            byte[] b = new byte[n];
            int got = in.readNBytes(b, 0, n);
            if (got < n) throw new EOFException("the connection ended after " + got + " of " + n + " body bytes");
            return b;
        }

        byte[] chunked() throws IOException {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                int semi = size.indexOf(';');
                int n;
                try {
                    n = Integer.parseInt((semi >= 0 ? size.substring(0, semi) : size).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("bad chunk size '" + size + "'");
                }
                if (n == 0) {
                    while (!line().isEmpty()) { }   // trailers
                    return all.toByteArray();
                }
                all.write(exactly(n));
                line();   // the CRLF after each chunk
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing to do about a socket that will not close
            }
        }
    }
}
