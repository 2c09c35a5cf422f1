package pocket.rootio.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import pocket.rootio.RootIOException;
import pocket.rootio.source.XRootDConnection.ConnectionLost;
import pocket.rootio.source.XRootDConnection.Pending;
import pocket.rootio.source.XRootDConnection.Response;

import static pocket.rootio.source.XRootDConnection.*;

/**
 * A ROOT file read over the XRootD protocol (root://, or roots:// over TLS). Ranges of a batch go out as vector reads
 * (kXR_readv) sent back to back on the server's shared connection; a broken connection is
 * replaced and the file reopened, redirects are followed and waits obeyed.
 */
final class XRootDSource implements Source {
    /** Largest segment of one kXR_readv element the server accepts (2 MiB minus its 16-byte header). */
    static final int MAX_SEGMENT = 2 * 1024 * 1024 - 16;
    /** Most elements in one kXR_readv request. */
    static final int MAX_ELEMENTS = 1024;
    /** Bytes asked for in one kXR_readv request, so one answer stays a modest buffer. */
    static final int MAX_BATCH_BYTES = 16 * 1024 * 1024;
    private static final int MAX_REDIRECTS = 16;

    private record OpenFile(XRootDConnection conn, byte[] handle, XRootDUrl at) {}

    private final String name;
    private final XRootDUrl origin;
    private final RemoteOptions opts;
    private volatile OpenFile file;
    private volatile long size = -1;
    private volatile boolean closed;
    private final ReadAhead ahead;   // fetched right after the open

    public XRootDSource(String url) throws RootIOException { this(url, RemoteOptions.defaults()); }

    public XRootDSource(String url, RemoteOptions opts) throws RootIOException {
        this.name = url;
        this.origin = XRootDUrl.parse(url);
        this.opts = opts;
        try {
            this.file = openWithRetries();
            this.ahead = fetchAhead();
        } catch (RootIOException e) {
            close();
            throw e;
        } catch (IOException e) {
            close();
            throw new RootIOException("rootio: cannot open " + url + ": " + e.getMessage(), e);
        }
    }

    @Override public String name() { return name; }

    @Override public long size() throws IOException {
        if (size >= 0) return size;
        ByteBuffer p = params().put((byte) 0).position(12).put(current().handle());
        Response r = current().conn().send(kXR_stat, p, null, 0);
        if (r.status() != kXR_ok) throw new RootIOException("rootio: cannot stat " + name + ": " + current().conn().describe(r));
        size = parseStatSize(r.text(0));
        return size;
    }

    @Override public ByteBuffer read(long offset, int length) throws IOException {
        return ahead.readv(new long[]{offset}, new int[]{length}, this::fetch)[0];
    }

    @Override public ByteBuffer[] readv(long[] offsets, int[] lengths) throws IOException {
        if (offsets.length != lengths.length)
            throw new IllegalArgumentException("readv: " + offsets.length + " offsets but " + lengths.length + " lengths");
        return ahead.readv(offsets, lengths, this::fetch);
    }

    /** The file's first and last blocks, two reads sent together (the whole file in one when it is small). */
    private ReadAhead fetchAhead() throws IOException {
        long n = size();
        if (n == 0) return ReadAhead.none();
        if (n <= ReadAhead.HEAD + ReadAhead.TAIL) {
            ByteBuffer all = fetch(new long[]{0}, new int[]{(int) n})[0];
            return new ReadAhead(array(all), n, new byte[0]);
        }
        long tailStart = ReadAhead.tailStart(n);
        ByteBuffer[] b = vectorRead(new long[]{0, tailStart}, new int[]{ReadAhead.HEAD, (int) (n - tailStart)}, true);
        return new ReadAhead(array(b[0]), tailStart, array(b[1]));
    }

    private static byte[] array(ByteBuffer b) {
        if (b.hasArray() && b.arrayOffset() == 0 && b.position() == 0 && b.remaining() == b.array().length) return b.array();
        byte[] a = new byte[b.remaining()];
        b.duplicate().get(a);
        return a;
    }

    /** Network reads: one range by kXR_read, a batch by vector reads of merged ranges (kXR_read when they merge into one). */
    private ByteBuffer[] fetch(long[] offsets, int[] lengths) throws IOException {
        if (offsets.length == 1 && lengths[0] <= MAX_SEGMENT) return new ByteBuffer[]{readOne(offsets[0], lengths[0])};
        return vectorRead(offsets, lengths, false);
    }

    private ByteBuffer readOne(long offset, int length) throws IOException {
        for (int attempt = 0; ; attempt++) {
            giveUpAfterManyTries(attempt);
            OpenFile f = current();
            try {
                ByteBuffer p = params().put(f.handle()).putLong(offset).putInt(length);
                Response r = f.conn().send(kXR_read, p, null, length);
                if (r.status() == kXR_ok) {
                    if (r.body().length != length) throw truncated(offset, length, r.body().length);
                    return ByteBuffer.wrap(r.body()).order(ByteOrder.BIG_ENDIAN);
                }
                handleNotOk(f, r, "read of " + length + " bytes at offset " + offset);
            } catch (ConnectionLost e) {
                lost(f, e, attempt);
            }
        }
    }

    /** One element of a vector read: file bytes [start, start+length); where its data lies in the answer once it came. */
    private static final class Element {
        final long start;
        int length;
        byte[] body;
        int at;
        Element(long start, int length) { this.start = start; this.length = length; }
    }

    /**
     * Ranges closer than the merge gap share one element (the server reads a few spans instead
     * of a thousand baskets) and come back as views of the answer; a range longer than one
     * element is split over several and copied together. A batch of one element goes out as a
     * plain kXR_read, which xrootd answers faster than a vector read (it can use sendfile);
     * {@code plainReads} sends every element so, all at once.
     */
    private ByteBuffer[] vectorRead(long[] offsets, int[] lengths, boolean plainReads) throws IOException {
        int n = offsets.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
        List<Element> elements = new ArrayList<>();
        Element[] home = new Element[n];            // the element holding a range that fits in one
        int[] firstPart = new int[n];               // for a longer range: its first element
        Element cur = null;
        long gap = opts.mergeGap();
        for (int i : order) {
            long s = offsets[i], e = s + lengths[i];
            if (lengths[i] == 0) continue;
            if (lengths[i] > MAX_SEGMENT) {
                firstPart[i] = elements.size();
                for (long at = s; at < e; at += MAX_SEGMENT) elements.add(new Element(at, (int) Math.min(MAX_SEGMENT, e - at)));
                cur = null;
                continue;
            }
            if (cur != null && s <= cur.start + cur.length + gap && Math.max(e, cur.start + cur.length) - cur.start <= MAX_SEGMENT) {
                cur.length = (int) (Math.max(e, cur.start + cur.length) - cur.start);
            } else {
                cur = new Element(s, lengths[i]);
                elements.add(cur);
            }
            home[i] = cur;
        }
        List<List<Element>> todo = batches(elements, plainReads);
        for (int attempt = 0; !todo.isEmpty(); attempt++) {
            giveUpAfterManyTries(attempt);
            OpenFile f = current();
            List<Pending> sent = new ArrayList<>();
            List<List<Element>> again = new ArrayList<>();
            try {
                for (List<Element> batch : todo) sent.add(send(f, batch));
                ConnectionLost lostOne = null;
                for (int b = 0; b < todo.size(); b++) {
                    try {
                        Response r = f.conn().await(sent.get(b));
                        if (r.status() == kXR_ok) locate(f, r.body(), todo.get(b));
                        else { handleNotOk(f, r, todo.get(b).size() == 1 ? "read" : "vector read of " + todo.get(b).size() + " ranges"); again.add(todo.get(b)); }
                    } catch (ConnectionLost e) {
                        lostOne = e;
                        again.add(todo.get(b));
                    }
                }
                if (lostOne != null) lost(f, lostOne, attempt);
            } catch (ConnectionLost e) {   // lost while sending: everything not yet answered goes again
                again.clear();
                for (int b = 0; b < todo.size(); b++) {
                    if (b >= sent.size() || !sent.get(b).done.isDone() || sent.get(b).done.isCompletedExceptionally())
                        again.add(todo.get(b));
                    else locate(f, sent.get(b).done.join().body(), todo.get(b));
                }
                lost(f, e, attempt);
            }
            todo = again;
        }
        ByteBuffer[] out = new ByteBuffer[n];
        for (int i = 0; i < n; i++) {
            Element h = home[i];
            if (lengths[i] == 0) {
                out[i] = ByteBuffer.allocate(0).order(ByteOrder.BIG_ENDIAN);
                continue;
            }
            if (h != null) {
                out[i] = ByteBuffer.wrap(h.body, h.at + (int) (offsets[i] - h.start), lengths[i]).slice().order(ByteOrder.BIG_ENDIAN);
                continue;
            }
            byte[] all = new byte[lengths[i]];
            for (int k = firstPart[i], done = 0; done < lengths[i]; k++) {
                Element part = elements.get(k);
                System.arraycopy(part.body, part.at, all, done, part.length);
                done += part.length;
            }
            out[i] = ByteBuffer.wrap(all).order(ByteOrder.BIG_ENDIAN);
        }
        return out;
    }

    private static List<List<Element>> batches(List<Element> elements, boolean oneEach) {
        List<List<Element>> result = new ArrayList<>();
        List<Element> cur = new ArrayList<>();
        long bytes = 0;
        for (Element s : elements) {
            if (!cur.isEmpty() && (oneEach || cur.size() == MAX_ELEMENTS || bytes + s.length > MAX_BATCH_BYTES)) {
                result.add(cur);
                cur = new ArrayList<>();
                bytes = 0;
            }
            cur.add(s);
            bytes += s.length;
        }
        if (!cur.isEmpty()) result.add(cur);
        return result;
    }

    private Pending send(OpenFile f, List<Element> batch) throws IOException {
        if (batch.size() == 1) {
            Element only = batch.get(0);
            return f.conn().sendAsync(kXR_read, params().put(f.handle()).putLong(only.start).putInt(only.length), null, only.length);
        }
        ByteBuffer list = ByteBuffer.allocate(16 * batch.size());
        int expected = 0;
        for (Element s : batch) {
            list.put(f.handle()).putInt(s.length).putLong(s.start);
            expected += 16 + s.length;
        }
        return f.conn().sendAsync(kXR_readv, params(), list.array(), expected);
    }

    /** Checks a read's or vector read's answer and notes where each element's bytes lie in it (no copy). */
    private void locate(OpenFile f, byte[] body, List<Element> batch) throws RootIOException {
        if (batch.size() == 1) {   // a plain read: the bytes alone
            Element only = batch.get(0);
            if (body.length != only.length) throw truncated(only.start, only.length, body.length);
            only.body = body;
            only.at = 0;
            return;
        }
        ByteBuffer b = ByteBuffer.wrap(body);
        for (Element s : batch) {
            if (b.remaining() < 16) throw truncated(s.start, s.length, 0);
            b.position(b.position() + 4);
            int rlen = b.getInt();
            long off = b.getLong();
            if (off != s.start)
                throw new RootIOException("rootio: XRootD server " + f.conn().server + " answered the vector read of "
                        + name + " out of order (offset " + off + " where " + s.start + " was asked)");
            if (rlen != s.length || b.remaining() < rlen) throw truncated(s.start, s.length, Math.min(rlen, b.remaining()));
            s.body = body;
            s.at = b.position();
            b.position(b.position() + rlen);
        }
    }

    private RootIOException truncated(long offset, int wanted, int got) {
        return new RootIOException("rootio: " + name + " ends early: " + wanted + " bytes were wanted at offset "
                + offset + " but the server sent " + got + " (truncated file?)");
    }

    /** Waits, follows a redirect or throws for an answer that is not kXR_ok; the caller then tries again. */
    private void handleNotOk(OpenFile f, Response r, String what) throws IOException {
        switch (r.status()) {
            case kXR_wait -> sleepSeconds(r.body().length >= 4 ? r.int32(0) : 1);
            case kXR_redirect -> {
                synchronized (this) {
                    if (file == f) file = openAt(redirectTarget(f.at(), r), MAX_REDIRECTS);
                }
            }
            case kXR_error -> {
                if (r.errorCode() == kXR_NotAuthorized)
                    throw new RootIOException("rootio: XRootD server " + f.conn().server + " refused the " + what + " of "
                            + name + ": " + r.errorText() + f.conn().notAuthorizedHint());
                throw new RootIOException("rootio: " + what + " of " + name + " failed on XRootD server "
                        + f.conn().server + ": " + r.errorText());
            }
            default -> throw new RootIOException("rootio: " + what + " of " + name + " got an unexpected answer from "
                    + f.conn().server + ": " + f.conn().describe(r));
        }
    }

    /** Waits and redirects do not count as failures, but a server that never serves is one. */
    private void giveUpAfterManyTries(int attempt) throws RootIOException {
        if (attempt > 60)
            throw new RootIOException("rootio: gave up reading " + name + " after 60 waits/redirects from the server");
    }

    /** The connection under f broke: back off, then the next current() reopens on a fresh connection. */
    private void lost(OpenFile f, ConnectionLost e, int attempt) throws IOException {
        if (attempt >= opts.retries())
            throw new RootIOException("rootio: reading " + name + " failed after " + (attempt + 1) + " attempts: "
                    + e.getMessage(), e);
        synchronized (this) {
            if (file == f) file = null;
        }
        try {
            Thread.sleep(200L << Math.min(attempt, 4));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while retrying " + name);
        }
    }

    private OpenFile current() throws IOException {
        OpenFile f = file;
        if (f != null) return f;
        synchronized (this) {
            if (closed) throw new RootIOException("rootio: " + name + " is closed");
            if (file == null) file = openWithRetries();
            return file;
        }
    }

    private OpenFile openWithRetries() throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                return openAt(origin, MAX_REDIRECTS);
            } catch (ConnectionLost e) {
                if (attempt >= opts.retries())
                    throw new RootIOException(e.getMessage() + " (while opening " + name + ", " + (attempt + 1) + " attempts)", e);
                try {
                    Thread.sleep(200L << Math.min(attempt, 4));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while opening " + name);
                }
            }
        }
    }

    private OpenFile openAt(XRootDUrl at, int redirectsLeft) throws IOException {
        XRootDConnection conn = XRootDPool.get(at.host(), at.port(), at.tls(), opts);
        String path = at.cgi().isEmpty() ? at.path() : at.path() + "?" + at.cgi();
        for (int waits = 0; ; waits++) {
            ByteBuffer p = params().putShort((short) 0).putShort((short) (16 | 1024));   // kXR_open_read | kXR_retstat
            Response r = conn.send(kXR_open, p, path.getBytes(StandardCharsets.UTF_8), 0);
            switch (r.status()) {
                case kXR_ok -> {
                    byte[] handle = java.util.Arrays.copyOf(r.body(), 4);
                    if (r.body().length > 12 && size < 0) size = parseStatSize(r.text(12));
                    return new OpenFile(conn, handle, at);
                }
                case kXR_wait -> {
                    if (waits >= 20) throw new RootIOException("rootio: XRootD server " + conn.server + " kept asking to wait for " + name);
                    sleepSeconds(r.int32(0));
                }
                case kXR_redirect -> {
                    if (redirectsLeft <= 0) throw new RootIOException("rootio: too many redirects opening " + name + " (last: " + conn.server + ")");
                    return openAt(redirectTarget(at, r), redirectsLeft - 1);
                }
                case kXR_error -> {
                    int code = r.errorCode();
                    if (code == kXR_NotFound)
                        throw new RootIOException("rootio: no such file on XRootD server " + conn.server + ": " + at.path()
                                + " (" + name + ")");
                    if (code == kXR_NotAuthorized)
                        throw new RootIOException("rootio: XRootD server " + conn.server + " refused to open " + name + ": " + r.errorText()
                                + conn.notAuthorizedHint());
                    if (code == kXR_isDirectory)
                        throw new RootIOException("rootio: " + name + " is a directory on XRootD server " + conn.server + ", not a ROOT file");
                    throw new RootIOException("rootio: cannot open " + name + " on XRootD server " + conn.server + ": " + r.errorText());
                }
                default -> throw new RootIOException("rootio: unexpected answer opening " + name + " on " + conn.server + ": " + conn.describe(r));
            }
        }
    }

    /** kXR_redirect body: port, then "host[?cgi]" (or a full URL). */
    private static XRootDUrl redirectTarget(XRootDUrl from, Response r) throws RootIOException {
        int port = r.int32(0);
        String target = r.text(4);
        if (target.contains("://")) {
            XRootDUrl u = XRootDUrl.parse(target);
            return from.redirectTo(u.host(), u.port(), u.cgi());
        }
        String cgi = "";
        int q = target.indexOf('?');
        if (q >= 0) { cgi = target.substring(q + 1); target = target.substring(0, q); }
        return from.redirectTo(target, port > 0 ? port : XRootDUrl.DEFAULT_PORT, cgi);
    }

    /** Stat answer "id size flags modtime". */
    private long parseStatSize(String stat) throws RootIOException {
        String[] parts = stat.trim().split("\\s+");
        try {
            return Long.parseLong(parts[1]);
        } catch (RuntimeException e) {
            throw new RootIOException("rootio: cannot read the size of " + name + " from the server's stat answer '" + stat + "'");
        }
    }

    @Override public void close() {
        OpenFile f;
        synchronized (this) {
            closed = true;
            f = file;
            file = null;
        }
        if (f == null || f.conn().isBroken()) return;
        try {   // not waited for: the answer tells nothing the reader needs, and waiting costs a round trip
            f.conn().sendAsync(kXR_close, params().put(f.handle()), null, 0);
        } catch (IOException e) {
            // closing a read-only handle: nothing is lost if the server has already gone
        }
    }
}
