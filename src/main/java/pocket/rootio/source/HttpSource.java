package pocket.rootio.source;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import pocket.rootio.RootIOException;
import pocket.rootio.source.HttpRangeClient.Answer;

/**
 * A ROOT file read with HTTP range requests (http://, https://, and davs:// which is WebDAV over
 * https). Opening fetches the file's first and last blocks at once (see {@link ReadAhead}). A
 * batch of ranges is sorted and ranges closer than the merge gap are fetched as one range; the
 * merged requests go out together on parallel connections. Optional WLCG bearer token.
 */
final class HttpSource implements Source {
    /** Largest merged range: bigger batches become several requests. */
    static final int MAX_MERGED = 32 * 1024 * 1024;
    /** Requests in flight at once for one readv. */
    static final int MAX_IN_FLIGHT = 8;
    /** Threads for the requests of a batch beyond the first (which the caller's thread sends). */
    private static final ExecutorService PARALLEL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pocket-http");
        t.setDaemon(true);
        return t;
    });

    private final String name;
    private final URI uri;
    private final RemoteOptions opts;
    private final HttpRangeClient client;
    private final Optional<String> token;
    private final long size;
    private final ReadAhead ahead;

    public HttpSource(String url) throws RootIOException { this(url, RemoteOptions.defaults()); }

    public HttpSource(String url, RemoteOptions opts) throws RootIOException {
        this.name = url;
        this.uri = toUri(url);
        this.opts = opts;
        this.client = new HttpRangeClient(opts);
        this.token = opts.bearerToken();
        try {
            Opening o = open();
            this.size = o.size;
            this.ahead = o.ahead;
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

    private String server() { return uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : ""); }

    private record Opening(long size, ReadAhead ahead) {}

    /**
     * The size and the read-ahead blocks: the first block and the last (a suffix range, which
     * needs no size) are asked for together; either answer tells the size.
     */
    private Opening open() throws IOException {
        String[] ranges = {"bytes=0-" + (ReadAhead.HEAD - 1), "bytes=-" + ReadAhead.TAIL};
        Answer[] both = withRetries("range request", () -> client.getAll(uri, ranges, token),
                a -> retryable(a[0].status()) ? a[0].status() : a[1].status());
        Answer first = both[0], last = both[1];
        if (first.status() == 200)   // the server ignores ranges: it sent the whole file
            return new Opening(first.body().length, new ReadAhead(first.body(), first.body().length, new byte[0]));
        if (first.status() == 206) {
            long total = totalFromContentRange(first);
            if (total <= first.body().length || last.status() != 206 || last.body().length > total)
                return new Opening(total, new ReadAhead(checkedBody(first, 0, Math.min(total, ReadAhead.HEAD) - 1), total, new byte[0]));
            long tailStart = total - last.body().length;
            return new Opening(total, new ReadAhead(checkedBody(first, 0, ReadAhead.HEAD - 1), tailStart,
                    checkedBody(last, tailStart, total - 1)));
        }
        if (first.status() != 416) throw statusError(first.status(), "range request");
        // 416 for the first byte: an empty file, or a server that wants HEAD first
        Answer h = withRetries("size request", () -> client.send(uri, "HEAD", null, token), Answer::status);
        if (h.status() == 200) return new Opening(h.header("content-length").map(v -> Long.parseLong(v.trim())).orElse(0L), ReadAhead.none());
        throw statusError(h.status(), "HEAD");
    }

    private long totalFromContentRange(Answer r) throws RootIOException {
        String cr = r.header("content-range").orElse("");
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
        return readv(new long[]{offset}, new int[]{length})[0];
    }

    @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
        if (offsets.length != lengths.length)
            throw new IllegalArgumentException("readv: " + offsets.length + " offsets but " + lengths.length + " lengths");
        for (int i = 0; i < offsets.length; i++)
            if (offsets[i] < 0 || lengths[i] < 0 || offsets[i] + lengths[i] > size)
                throw new RootIOException("rootio: " + name + " has " + size + " bytes but " + lengths[i]
                        + " bytes were wanted at offset " + offsets[i] + " (truncated file?)");
        return ahead.readv(offsets, lengths, this::fetch);
    }

    /** Ranges of one request: the file bytes [start, end) hold the members' ranges. */
    private static final class Merged {
        final long start;
        long end;
        final List<Integer> members = new ArrayList<>();
        Merged(long start, long end) { this.start = start; this.end = end; }
    }

    /** Network reads: nearby ranges merged, the merged requests sent on parallel connections. */
    private ByteBuffer[] fetch(long[] offsets, int[] lengths) throws IOException {
        int n = offsets.length;
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
            List<Future<byte[]>> sent = new ArrayList<>();
            for (int k = 1; k < wave.size(); k++) {
                Merged m = wave.get(k);
                sent.add(PARALLEL.submit(() -> bodyOf(m)));
            }
            byte[][] bodies = new byte[wave.size()][];
            try {
                bodies[0] = bodyOf(wave.get(0));
                for (int k = 1; k < wave.size(); k++) bodies[k] = joinBody(sent.get(k - 1));
            } finally {
                for (Future<byte[]> f : sent) f.cancel(true);   // no-ops once done; stops the rest after a failure
            }
            for (int k = 0; k < wave.size(); k++) {
                Merged m = wave.get(k);
                for (int i : m.members) {
                    int at = (int) (offsets[i] - m.start);
                    out[i] = ByteBuffer.wrap(bodies[k], at, lengths[i]).slice().order(ByteOrder.BIG_ENDIAN);   // a view: no copy
                }
            }
        }
        return out;
    }

    private byte[] joinBody(Future<byte[]> f) throws IOException {
        try {
            return f.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) throw io;
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading " + name);
        }
    }

    /** The bytes of one merged range, retried when the connection drops or the server is briefly unwell. */
    private byte[] bodyOf(Merged m) throws IOException {
        if (m.end == m.start) return new byte[0];
        return checkedBody(get("bytes=" + m.start + "-" + (m.end - 1)), m.start, m.end - 1);
    }

    private Answer get(String range) throws IOException {
        return withRetries("range request", () -> client.send(uri, "GET", range, token), Answer::status);
    }

    private byte[] checkedBody(Answer r, long first, long last) throws IOException {
        int wanted = (int) (last - first + 1);
        byte[] body = r.body();
        if (r.status() == 206) {
            if (body.length < wanted)
                throw new RootIOException("rootio: HTTP server " + server() + " sent " + body.length + " bytes of " + name
                        + " where " + wanted + " were asked at offset " + first + " (truncated file?)");
            return body.length == wanted ? body : Arrays.copyOf(body, wanted);
        }
        if (r.status() == 200) {   // the server ignored the Range header and sent the whole file
            if (body.length < last + 1)
                throw new RootIOException("rootio: HTTP server " + server() + " sent " + body.length + " bytes of " + name
                        + " but bytes up to " + (last + 1) + " were wanted (truncated file?)");
            return Arrays.copyOfRange(body, (int) first, (int) last + 1);
        }
        throw statusError(r.status(), "range request");
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

    private interface Call<T> { T send() throws IOException; }

    /** The call's answer, tried again after dropped connections and answers whose status ({@code status}) says "later". */
    private <T> T withRetries(String what, Call<T> call, java.util.function.ToIntFunction<T> status) throws IOException {
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
                T r = call.send();
                if (!retryable(status.applyAsInt(r)) || attempt == opts.retries()) return r;
                last = new IOException("HTTP " + status.applyAsInt(r));
            } catch (javax.net.ssl.SSLException e) {   // trying again will not make the certificate trusted
                throw new RootIOException("rootio: TLS handshake with HTTP server " + server() + " failed for " + name + ": "
                        + e.getMessage() + " (is the server's certificate signed by a CA this JVM trusts, and does it name "
                        + uri.getHost() + "?)", e);
            } catch (HttpProxyException e) {
                if (e.permanent) throw new RootIOException("rootio: " + what + " for " + name + ": " + e.getMessage(), e);
                last = e;
            } catch (java.io.InterruptedIOException e) {
                if (!(e instanceof java.net.SocketTimeoutException)) throw e;
                last = e;
            } catch (IOException e) {
                last = e;
            }
        }
        String why = last.getMessage() == null ? last.getClass().getSimpleName() : last.getMessage();
        throw new RootIOException("rootio: " + what + " for " + name + " failed after " + (opts.retries() + 1)
                + " attempts on HTTP server " + server() + ": " + why, last);
    }

    @Override public void close() {
        // connections belong to the shared pool of HttpRangeClient
    }
}
