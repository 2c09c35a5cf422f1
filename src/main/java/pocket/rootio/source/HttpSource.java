package pocket.rootio.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import pocket.rootio.RootIOException;

/**
 * A ROOT file read with HTTP range requests (http://, https://, and davs:// which is WebDAV over
 * https). A batch of ranges is sorted and ranges closer than the merge gap are fetched as one
 * range; the merged requests go out together. Optional WLCG bearer token.
 */
public final class HttpSource implements Source {
    /** Largest merged range: bigger batches become several requests. */
    static final int MAX_MERGED = 32 * 1024 * 1024;
    /** Requests in flight at once for one readv. */
    static final int MAX_IN_FLIGHT = 8;
    /** Bytes fetched at open: ROOT's file header and first keys lie there, and the answer tells the size. */
    static final int HEAD_BLOCK = 64 * 1024;
    private static volatile HttpClient defaultClient;

    static {
        // The JDK client reads bodies in 16 KiB buffers by default; basket batches are megabytes,
        // and larger buffers double loopback throughput. Read once, when the first client is made.
        if (System.getProperty("jdk.httpclient.bufsize") == null) System.setProperty("jdk.httpclient.bufsize", "262144");
    }

    private final String name;
    private final URI uri;
    private final RemoteOptions opts;
    private final HttpClient client;
    private final Optional<String> token;
    private final long size;
    private volatile byte[] head = new byte[0];   // the file's first bytes, fetched with the size

    public HttpSource(String url) throws RootIOException { this(url, RemoteOptions.defaults()); }

    public HttpSource(String url, RemoteOptions opts) throws RootIOException {
        this.name = url;
        this.uri = toUri(url);
        this.opts = opts;
        this.client = clientFor(opts);
        this.token = opts.bearerToken();
        try {
            this.size = fetchSize();
        } catch (RootIOException e) {
            throw e;
        } catch (IOException e) {
            throw new RootIOException("rootio: cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    static URI toUri(String url) throws RootIOException {
        String u = url.regionMatches(true, 0, "davs://", 0, 7) ? "https://" + url.substring(7) : url;
        try {
            URI uri = new URI(u);
            if (uri.getHost() == null) throw new RootIOException("rootio: URL without a server: " + url);
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw new RootIOException("rootio: malformed URL " + url + ": " + e.getMessage());
        }
    }

    private static HttpClient clientFor(RemoteOptions opts) {
        if (opts.sslContext().isEmpty() && opts.connectTimeout().equals(RemoteOptions.defaults().connectTimeout())) {
            HttpClient c = defaultClient;
            if (c == null) {
                synchronized (HttpSource.class) {
                    if (defaultClient == null) defaultClient = build(opts);
                    c = defaultClient;
                }
            }
            return c;
        }
        return build(opts);
    }

    private static HttpClient build(RemoteOptions opts) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(opts.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL);
        opts.sslContext().ifPresent(b::sslContext);
        return b.build();
    }

    private String server() { return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""); }

    private HttpRequest.Builder request() {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(opts.requestTimeout());
        if ("http".equalsIgnoreCase(uri.getScheme())) b.version(HttpClient.Version.HTTP_1_1);
        token.ifPresent(t -> b.header("Authorization", "Bearer " + t));
        return b;
    }

    /** The size, from the answer to a request for the first block (kept for small reads), or from HEAD. */
    private long fetchSize() throws IOException {
        HttpResponse<byte[]> first = get(0, HEAD_BLOCK - 1);
        if (first.statusCode() == 206) {
            head = first.body();
            return totalFromContentRange(first);
        }
        if (first.statusCode() == 200) {   // the server ignores ranges: it sent the whole file
            head = first.body();
            return head.length;
        }
        if (first.statusCode() != 416) throw statusError(first.statusCode(), "range request");
        // 416 for the first byte: an empty file, or a server that wants HEAD first
        HttpResponse<Void> h = withRetries("size request",
                () -> client.sendAsync(request().method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.discarding()));
        if (h.statusCode() == 200) {
            Optional<String> len = h.headers().firstValue("Content-Length");
            if (len.isPresent()) return Long.parseLong(len.get().trim());
            return 0;
        }
        throw statusError(h.statusCode(), "HEAD");
    }

    private long totalFromContentRange(HttpResponse<?> r) throws RootIOException {
        String cr = r.headers().firstValue("Content-Range").orElse("");
        int slash = cr.lastIndexOf('/');
        try {
            return Long.parseLong(cr.substring(slash + 1).trim());
        } catch (RuntimeException e) {
            throw new RootIOException("rootio: HTTP server " + server() + " gave no file size for " + name
                    + " (Content-Range '" + cr + "')");
        }
    }

    @Override public String name() { return name; }

    @Override public long size() { return size; }

    @Override public ByteBuffer read(long offset, int length) throws IOException {
        if (offset >= 0 && length >= 0 && offset + length <= head.length)
            return ByteBuffer.wrap(Arrays.copyOfRange(head, (int) offset, (int) offset + length)).order(ByteOrder.BIG_ENDIAN);
        return readv(new long[]{offset}, new int[]{length})[0];
    }

    /** Ranges of one request: the file bytes [start, end) hold the members' ranges. */
    private static final class Merged {
        final long start;
        long end;
        final List<Integer> members = new ArrayList<>();
        Merged(long start, long end) { this.start = start; this.end = end; }
    }

    @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
        if (offsets.length != lengths.length)
            throw new IllegalArgumentException("readv: " + offsets.length + " offsets but " + lengths.length + " lengths");
        int n = offsets.length;
        for (int i = 0; i < n; i++)
            if (offsets[i] < 0 || lengths[i] < 0 || offsets[i] + lengths[i] > size)
                throw new RootIOException("rootio: " + name + " has " + size + " bytes but " + lengths[i]
                        + " bytes were wanted at offset " + offsets[i] + " (truncated file?)");
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
        List<Merged> merged = new ArrayList<>();
        Merged cur = null;
        for (int i : order) {
            long s = offsets[i], e = s + lengths[i];
            if (cur != null && s <= cur.end + opts.mergeGap() && Math.max(e, cur.end) - cur.start <= MAX_MERGED) {
                cur.end = Math.max(cur.end, e);
            } else {
                cur = new Merged(s, e);
                merged.add(cur);
            }
            cur.members.add(i);
        }
        ByteBuffer[] out = new ByteBuffer[n];
        for (int from = 0; from < merged.size(); from += MAX_IN_FLIGHT) {
            List<Merged> wave = merged.subList(from, Math.min(merged.size(), from + MAX_IN_FLIGHT));
            List<CompletableFuture<HttpResponse<byte[]>>> sent = new ArrayList<>();
            for (Merged m : wave) sent.add(m.end > m.start ? sendGet(m.start, m.end - 1) : null);
            for (int k = 0; k < wave.size(); k++) {
                Merged m = wave.get(k);
                byte[] body = m.end > m.start ? bodyOf(m, sent.get(k)) : new byte[0];
                for (int i : m.members) {
                    int at = (int) (offsets[i] - m.start);
                    byte[] part = (at == 0 && lengths[i] == body.length) ? body : Arrays.copyOfRange(body, at, at + lengths[i]);
                    out[i] = ByteBuffer.wrap(part).order(ByteOrder.BIG_ENDIAN);
                }
            }
        }
        return out;
    }

    /** The bytes of one merged range: the answer already sent, or a retried request if that failed. */
    private byte[] bodyOf(Merged m, CompletableFuture<HttpResponse<byte[]>> first) throws IOException {
        HttpResponse<byte[]> r;
        try {
            r = first.get();
            if (retryable(r.statusCode())) r = get(m.start, m.end - 1);
        } catch (ExecutionException e) {
            r = get(m.start, m.end - 1);   // the first try failed on the wire: withRetries tries again
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + name);
        }
        return checkedBody(r, m.start, m.end - 1);
    }

    private CompletableFuture<HttpResponse<byte[]>> sendGet(long first, long last) {
        return client.sendAsync(request().GET().header("Range", "bytes=" + first + "-" + last).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(long first, long last) throws IOException {
        return withRetries("range request", () -> sendGet(first, last));
    }

    private byte[] checkedBody(HttpResponse<byte[]> r, long first, long last) throws IOException {
        int wanted = (int) (last - first + 1);
        byte[] body = r.body();
        if (r.statusCode() == 206) {
            if (body.length != wanted)
                throw new RootIOException("rootio: HTTP server " + server() + " sent " + body.length + " bytes of " + name
                        + " where " + wanted + " were asked at offset " + first + " (truncated file?)");
            return body;
        }
        if (r.statusCode() == 200) {   // the server ignored the Range header and sent the whole file
            if (body.length < last + 1)
                throw new RootIOException("rootio: HTTP server " + server() + " sent " + body.length + " bytes of " + name
                        + " but bytes up to " + (last + 1) + " were wanted (truncated file?)");
            return Arrays.copyOfRange(body, (int) first, (int) last + 1);
        }
        throw statusError(r.statusCode(), "range request");
    }

    private RootIOException statusError(int status, String what) {
        if (status == 404 || status == 410)
            return new RootIOException("rootio: no such file on HTTP server " + server() + ": " + name + " (HTTP " + status + ")");
        if (status == 401 || status == 403)
            return new RootIOException("rootio: HTTP server " + server() + " refused access to " + name + " (HTTP " + status + ")"
                    + (token.isPresent() ? "; the bearer token was sent but not accepted"
                    : "; if it needs a WLCG bearer token, set BEARER_TOKEN or BEARER_TOKEN_FILE"));
        if (status == 416)
            return new RootIOException("rootio: HTTP server " + server() + " says the bytes asked of " + name
                    + " lie beyond its end (HTTP 416; truncated file?)");
        return new RootIOException("rootio: " + what + " for " + name + " failed on HTTP server " + server() + ": HTTP " + status);
    }

    private static boolean retryable(int status) { return status >= 500 || status == 429 || status == 408; }

    private interface Call<T> { CompletableFuture<HttpResponse<T>> send(); }

    private <T> HttpResponse<T> withRetries(String what, Call<T> call) throws IOException {
        IOException last = null;
        for (int attempt = 0; attempt <= opts.retries(); attempt++) {
            if (attempt > 0) {
                try {
                    Thread.sleep(200L << Math.min(attempt - 1, 4));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while retrying " + name);
                }
            }
            try {
                HttpResponse<T> r = call.send().get();
                if (!retryable(r.statusCode()) || attempt == opts.retries()) return r;
                last = new IOException("HTTP " + r.statusCode());
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                last = c instanceof IOException io ? io : new IOException(c);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while reading " + name);
            }
        }
        String why = last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage();
        throw new RootIOException("rootio: " + what + " for " + name + " failed after " + (opts.retries() + 1)
                + " attempts on HTTP server " + server() + ": " + why, last);
    }

    @Override public void close() {
        // connections belong to the shared HttpClient's pool
    }
}
