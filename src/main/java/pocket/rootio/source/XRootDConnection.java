package pocket.rootio.source;

import java.io.Closeable;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import pocket.rootio.RootIOException;

/**
 * One logged-in TCP connection to an XRootD server, shared by every file read from that
 * server. Requests from many threads are multiplexed by stream id; one daemon thread reads
 * the answers and hands each to the request that waits for it.
 */
final class XRootDConnection implements Closeable {
    // request codes
    static final int kXR_auth = 3000, kXR_close = 3003, kXR_protocol = 3006, kXR_login = 3007,
            kXR_open = 3010, kXR_read = 3013, kXR_stat = 3017, kXR_readv = 3025;
    // response status codes
    static final int kXR_ok = 0, kXR_oksofar = 4000, kXR_attn = 4001, kXR_authmore = 4002,
            kXR_error = 4003, kXR_redirect = 4004, kXR_wait = 4005, kXR_waitresp = 4006;
    static final int kXR_asynresp = 5008;
    // error codes worth naming
    static final int kXR_NotAuthorized = 3010, kXR_NotFound = 3011, kXR_isDirectory = 3016;
    private static final int CLIENT_PROTOCOL_VERSION = 0x500;
    // kXR_protocol request flags and expectation, and answer flags
    private static final int kXR_ableTLS = 0x02, kXR_wantTLS = 0x04, kXR_ExpLogin = 0x03;
    private static final int kXR_haveTLS = 0x80000000, kXR_gotoTLS = 0x40000000;

    /** An answer: its status code and the whole body (kXR_oksofar parts already joined). */
    record Response(int status, byte[] body) {
        int int32(int at) { return ByteBuffer.wrap(body, at, 4).getInt(); }
        String text(int from) {
            int end = body.length;
            while (end > from && body[end - 1] == 0) end--;
            return from >= end ? "" : new String(body, from, end - from, StandardCharsets.UTF_8);
        }
        /** The server's message of a kXR_error answer. */
        String errorText() { return body.length >= 4 ? text(4) + " (kXR error " + int32(0) + ")" : "(no message)"; }
        int errorCode() { return body.length >= 4 ? int32(0) : 0; }
    }

    /** A request in flight: the answer grows as kXR_oksofar parts arrive. */
    static final class Pending {
        final CompletableFuture<Response> done = new CompletableFuture<>();
        private byte[] buf;
        private int len;
        volatile long waitUntilNanos;

        Pending(int expectedBytes) { buf = new byte[Math.max(0, expectedBytes)]; }

        void appendFrom(DataInputStream in, int n) throws IOException {
            if (len + n > buf.length) buf = java.util.Arrays.copyOf(buf, Math.max(len + n, buf.length * 2));
            in.readFully(buf, len, n);
            len += n;
        }

        void finish(int status) {
            done.complete(new Response(status, len == buf.length ? buf : java.util.Arrays.copyOf(buf, len)));
        }
    }

    /** The connection broke (reset, closed, timed out): the request may be sent again elsewhere. */
    static final class ConnectionLost extends IOException {
        ConnectionLost(String msg, Throwable cause) { super(msg, cause); }
    }

    final String server;
    private Socket socket;          // replaced by its TLS wrapper before the reader thread starts
    private DataInputStream in;
    private OutputStream out;
    private boolean tls;
    private volatile boolean loggedInWithToken;
    private final long requestTimeoutNanos;
    private final Object writeLock = new Object();
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private int nextStreamId = 1;
    private volatile IOException failure;

    private XRootDConnection(String server, Socket socket, long requestTimeoutNanos) throws IOException {
        this.server = server;
        this.socket = socket;
        this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 1 << 16));
        this.out = socket.getOutputStream();
        this.requestTimeoutNanos = requestTimeoutNanos;
    }

    /**
     * Connects, shakes hands, switches to TLS when asked ({@code wantTls}, roots://) or when the
     * server demands it, logs in and authenticates (anonymous or ztn bearer token).
     */
    static XRootDConnection open(String host, int port, boolean wantTls, RemoteOptions opts) throws IOException {
        String server = host + ":" + port;
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setReceiveBufferSize(1 << 20);
            s.connect(new InetSocketAddress(host, port), (int) opts.connectTimeout().toMillis());
        } catch (IOException e) {
            s.close();
            throw new ConnectionLost("rootio: cannot connect to XRootD server " + server + ": " + e.getMessage(), e);
        }
        XRootDConnection c = new XRootDConnection(server, s, opts.requestTimeout().toNanos());
        try {
            c.handshakeAndProtocol(host, port, wantTls, opts);
            Thread t = new Thread(c::readLoop, "xrootd-reader " + server);
            t.setDaemon(true);
            t.start();
            c.login(opts);
            return c;
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    boolean isBroken() { return failure != null || socket.isClosed(); }

    /** Handshake and kXR_protocol, answered in order before anything else runs on the socket. */
    private void handshakeAndProtocol(String host, int port, boolean wantTls, RemoteOptions opts) throws IOException {
        ByteBuffer msg = ByteBuffer.allocate(20 + 24).putInt(0).putInt(0).putInt(0).putInt(4).putInt(2012);
        msg.putShort((short) 1).putShort((short) kXR_protocol).putInt(CLIENT_PROTOCOL_VERSION)
                .put((byte) (kXR_ableTLS | (wantTls ? kXR_wantTLS : 0))).put((byte) kXR_ExpLogin)
                .put(new byte[10]).putInt(0);
        int serverFlags;
        try {
            out.write(msg.array());
            out.flush();
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, requestTimeoutNanos / 1_000_000));
            byte[] hs = readAnswer("handshake");
            if (hs == null)
                throw new RootIOException("rootio: " + server + " does not speak the XRootD protocol (bad handshake answer)");
            byte[] proto = readAnswer("protocol request");
            if (proto == null || proto.length < 8)
                throw new RootIOException("rootio: XRootD server " + server + " refused the protocol request");
            serverFlags = ByteBuffer.wrap(proto).getInt(4);
        } catch (EOFException | java.net.SocketException e) {
            throw new ConnectionLost("rootio: XRootD server " + server + " closed the connection during the handshake"
                    + " (does its xrd.allow list admit this host?)", e);
        } catch (java.net.SocketTimeoutException e) {
            throw new ConnectionLost("rootio: XRootD server " + server + " did not answer the handshake within "
                    + requestTimeoutNanos / 1_000_000_000 + " s", e);
        }
        boolean haveTls = (serverFlags & kXR_haveTLS) != 0;
        if (wantTls && !haveTls)
            throw new RootIOException("rootio: XRootD server " + server + " does not offer TLS, so roots:// cannot be"
                    + " used with it; use root:// instead");
        if ((serverFlags & kXR_gotoTLS) != 0 || wantTls) startTls(host, port, opts);
        socket.setSoTimeout(0);   // from now on the reader thread waits; request timeouts apply per request
    }

    /** One answer of the opening exchange: its body when kXR_ok, null otherwise. */
    private byte[] readAnswer(String what) throws IOException {
        byte[] hdr = new byte[8];
        in.readFully(hdr);
        int status = ((hdr[2] & 0xff) << 8) | (hdr[3] & 0xff);
        int dlen = ByteBuffer.wrap(hdr, 4, 4).getInt();
        if (dlen < 0 || dlen > 65536)
            throw new RootIOException("rootio: " + server + " does not speak the XRootD protocol (" + what + " answer length " + dlen + ")");
        byte[] body = new byte[dlen];
        in.readFully(body);
        return status == kXR_ok ? body : null;
    }

    private void startTls(String host, int port, RemoteOptions opts) throws IOException {
        try {
            javax.net.ssl.SSLContext ctx = opts.sslContext().orElse(javax.net.ssl.SSLContext.getDefault());
            javax.net.ssl.SSLSocket ssl = (javax.net.ssl.SSLSocket) ctx.getSocketFactory().createSocket(socket, host, port, true);
            javax.net.ssl.SSLParameters p = ssl.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");   // the certificate must name the host we asked for
            ssl.setSSLParameters(p);
            ssl.setUseClientMode(true);
            ssl.startHandshake();
            socket = ssl;
            in = new DataInputStream(new java.io.BufferedInputStream(ssl.getInputStream(), 1 << 16));
            out = ssl.getOutputStream();
            tls = true;
        } catch (javax.net.ssl.SSLException e) {
            throw new RootIOException("rootio: TLS handshake with XRootD server " + server + " failed: " + e.getMessage()
                    + " (is the server's certificate signed by a CA this JVM trusts, and does it name " + host + "?)", e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new RootIOException("rootio: no TLS in this JVM for " + server + ": " + e.getMessage(), e);
        }
    }

    boolean usesTls() { return tls; }

    private void login(RemoteOptions opts) throws IOException {
        ByteBuffer lp = params().putInt((int) ProcessHandle.current().pid());
        byte[] user = System.getProperty("user.name", "pocket").getBytes(StandardCharsets.US_ASCII);
        byte[] u8 = new byte[8];
        System.arraycopy(user, 0, u8, 0, Math.min(8, user.length));
        lp.put(u8).put((byte) 0).put((byte) 0).put((byte) 5).put((byte) 0);
        Response login = sendRetryingWaits(kXR_login, lp, null);
        if (login.status() != kXR_ok)
            throw new RootIOException("rootio: XRootD server " + server + " refused the login: " + describe(login));
        String sec = login.body().length > 16 ? login.text(16) : "";
        if (!sec.isBlank()) authenticate(sec, opts);
    }

    /** The security protocols the login answer asks for, e.g. "&P=gsi,v:10600&P=ztn,TLS:0:4096:". */
    static List<String> securityProtocols(String sec) {
        List<String> names = new ArrayList<>();
        for (String part : sec.split("&")) {
            if (!part.startsWith("P=")) continue;
            String v = part.substring(2);
            int comma = v.indexOf(',');
            names.add(comma >= 0 ? v.substring(0, comma) : v);
        }
        return names;
    }

    private void authenticate(String sec, RemoteOptions opts) throws IOException {
        List<String> protocols = securityProtocols(sec);
        if (protocols.isEmpty()) return;
        if (protocols.contains("ztn")) {
            Optional<String> token = opts.bearerToken();
            if (token.isPresent()) {
                Response r = send(kXR_auth, params().position(12).put("ztn\0".getBytes(StandardCharsets.US_ASCII)),
                        ztnCredential(token.get()), 0);
                if (r.status() == kXR_ok) { loggedInWithToken = true; return; }
                throw new RootIOException("rootio: XRootD server " + server + " refused the bearer token (ztn): "
                        + describe(r) + (tls ? "" : "; servers accept tokens only over TLS: try roots://"));
            }
            if (protocols.size() == 1)
                throw new RootIOException("rootio: XRootD server " + server + " requires a WLCG bearer token (ztn) but none"
                        + " was found: set BEARER_TOKEN, BEARER_TOKEN_FILE, or write it to $XDG_RUNTIME_DIR/bt_u<uid>");
        }
        if (protocols.equals(List.of("gsi")))
            throw new RootIOException("rootio: XRootD server " + server + " requires GSI (x509 proxy) authentication,"
                    + " which pocket's XRootD client does not support; use a WLCG bearer token (ztn) endpoint,"
                    + " the site's https:// (davs://) door, or copy the file locally first (xrdcp)");
        throw new RootIOException("rootio: XRootD server " + server + " requires authentication by "
                + String.join(", ", protocols) + "; pocket's XRootD client supports only anonymous access and WLCG"
                + " bearer tokens (ztn)");
    }

    /** What to add to a "not authorized" answer: with a token accepted at login, it is the token's scope that falls short. */
    String notAuthorizedHint() {
        return loggedInWithToken ? " (the server accepted the bearer token; its scope, e.g. storage.read:/path, does not cover this file)" : "";
    }

    /** ztn credential: "ztn\0", version 0, 'T', 2 reserved bytes, token length (with NUL), token, NUL. */
    static byte[] ztnCredential(String token) {
        byte[] t = token.getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(8 + 2 + t.length + 1);
        b.put((byte) 'z').put((byte) 't').put((byte) 'n').put((byte) 0).put((byte) 0).put((byte) 'T')
                .put((byte) 0).put((byte) 0).putShort((short) (t.length + 1)).put(t).put((byte) 0);
        return b.array();
    }

    static ByteBuffer params() { return ByteBuffer.allocate(16); }

    String describe(Response r) {
        return switch (r.status()) {
            case kXR_error -> r.errorText();
            case kXR_redirect -> "redirect to " + (r.body().length > 4 ? r.text(4) : "?");
            case kXR_wait -> "asked to wait " + (r.body().length >= 4 ? r.int32(0) : 0) + " s";
            case kXR_authmore -> "authentication needs more steps than pocket supports";
            default -> "status " + r.status();
        };
    }

    private Response sendRetryingWaits(int requestId, ByteBuffer params, byte[] data) throws IOException {
        for (int i = 0; ; i++) {
            Response r = send(requestId, params, data, 0);
            if (r.status() != kXR_wait || i >= 10) return r;
            sleepSeconds(r.body().length >= 4 ? r.int32(0) : 1);
        }
    }

    static void sleepSeconds(int s) throws IOException {
        try {
            Thread.sleep(Math.max(0, Math.min(s, 30)) * 1000L + 10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while the XRootD server asked to wait");
        }
    }

    /** Sends one request and waits for its whole answer. */
    Response send(int requestId, ByteBuffer params, byte[] data, int expectedBytes) throws IOException {
        return await(sendAsync(requestId, params, data, expectedBytes));
    }

    /** Sends one request; the answer arrives later in the returned Pending (see {@link #await}). */
    Pending sendAsync(int requestId, ByteBuffer params, byte[] data, int expectedBytes) throws IOException {
        IOException f = failure;
        if (f != null) throw new ConnectionLost("rootio: connection to XRootD server " + server + " is broken: " + f.getMessage(), f);
        Pending p = new Pending(expectedBytes);
        int sid = register(p);
        int dlen = data == null ? 0 : data.length;
        ByteBuffer msg = ByteBuffer.allocate(24 + dlen);
        msg.put((byte) (sid >>> 8)).put((byte) sid).putShort((short) requestId);
        byte[] pb = params.array();
        msg.put(pb, 0, 16).putInt(dlen);
        if (data != null) msg.put(data);
        p.waitUntilNanos = System.nanoTime() + requestTimeoutNanos;
        try {
            synchronized (writeLock) {
                out.write(msg.array());
                out.flush();
            }
        } catch (IOException e) {
            pending.remove(sid);
            fail(e);
            throw new ConnectionLost("rootio: lost the connection to XRootD server " + server + " while sending: " + e.getMessage(), e);
        }
        p.done.whenComplete((r, t) -> pending.remove(sid, p));
        return p;
    }

    /** Waits for the answer of a request sent with {@link #sendAsync}. */
    Response await(Pending p) throws IOException {
        while (true) {
            long left = p.waitUntilNanos - System.nanoTime();
            try {
                return p.done.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (p.waitUntilNanos - System.nanoTime() > 0) continue;   // the server asked for more time
                IOException io = new IOException("no answer within " + requestTimeoutNanos / 1_000_000_000 + " s");
                fail(io);
                throw new ConnectionLost("rootio: XRootD server " + server + " gave no answer within "
                        + requestTimeoutNanos / 1_000_000_000 + " s", io);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) throw io;
                throw new IOException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading from XRootD server " + server);
            }
        }
    }

    private synchronized int register(Pending p) throws IOException {
        for (int tries = 0; tries < 65535; tries++) {
            int sid = nextStreamId;
            nextStreamId = nextStreamId == 65535 ? 1 : nextStreamId + 1;
            if (pending.putIfAbsent(sid, p) == null) return sid;
        }
        throw new IOException("rootio: more than 65535 requests in flight to " + server);
    }

    private void readLoop() {
        byte[] hdr = new byte[8];
        try {
            while (true) {
                in.readFully(hdr);
                int sid = ((hdr[0] & 0xff) << 8) | (hdr[1] & 0xff);
                int status = ((hdr[2] & 0xff) << 8) | (hdr[3] & 0xff);
                int dlen = ByteBuffer.wrap(hdr, 4, 4).getInt();
                if (dlen < 0) throw new IOException("negative answer length " + dlen);
                dispatch(sid, status, dlen);
            }
        } catch (IOException e) {
            fail(isClosedByUs() ? new IOException("connection closed") : e);
        } catch (RuntimeException e) {
            fail(new IOException(e));
        }
    }

    private boolean isClosedByUs() { return socket.isClosed(); }

    private void dispatch(int sid, int status, int dlen) throws IOException {
        if (status == kXR_attn) {
            byte[] body = new byte[dlen];
            in.readFully(body);
            ByteBuffer b = ByteBuffer.wrap(body);
            if (dlen >= 16 && b.getInt(0) == kXR_asynresp) {   // a deferred answer (after kXR_waitresp)
                int sid2 = ((body[8] & 0xff) << 8) | (body[9] & 0xff);
                int status2 = ((body[10] & 0xff) << 8) | (body[11] & 0xff);
                int dlen2 = Math.min(b.getInt(12), dlen - 16);
                Pending p = pending.get(sid2);
                if (p != null) {
                    DataInputStream inner = new DataInputStream(new java.io.ByteArrayInputStream(body, 16, dlen2));
                    if (status2 == kXR_ok || status2 == kXR_oksofar) {
                        p.appendFrom(inner, dlen2);
                        if (status2 == kXR_ok) p.finish(kXR_ok);
                    } else {
                        p.done.complete(new Response(status2, java.util.Arrays.copyOfRange(body, 16, 16 + dlen2)));
                    }
                }
            }
            return;   // other attention messages (messages to the user, disconnect warnings) need no action here
        }
        Pending p = pending.get(sid);
        if (p == null) {
            in.skipNBytes(dlen);
            return;
        }
        if (status == kXR_ok || status == kXR_oksofar) {
            p.appendFrom(in, dlen);
            if (status == kXR_ok) p.finish(kXR_ok);
            return;
        }
        byte[] body = new byte[dlen];
        in.readFully(body);
        if (status == kXR_waitresp) {   // the real answer comes later as an asynchronous attention message
            int secs = dlen >= 4 ? ByteBuffer.wrap(body).getInt() : 0;
            p.waitUntilNanos = System.nanoTime() + requestTimeoutNanos + secs * 1_000_000_000L;
            return;
        }
        p.done.complete(new Response(status, body));
    }

    private void fail(IOException e) {
        synchronized (this) {
            if (failure == null) failure = e;
        }
        try {
            socket.close();
        } catch (IOException ignored) {
            // already failing; the first cause is what the user sees
        }
        ConnectionLost lost = new ConnectionLost("rootio: lost the connection to XRootD server " + server + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        for (Pending p : pending.values()) p.done.completeExceptionally(lost);
        pending.clear();
    }

    @Override public void close() {
        fail(new IOException("connection closed by pocket"));
    }
}
