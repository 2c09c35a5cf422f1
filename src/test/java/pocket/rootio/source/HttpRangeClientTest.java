package pocket.rootio.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Answer framings nginx never sends for a file (chunked bodies, a body ended by closing the
 * connection), which other HTTP doors may: served by a stand-in that writes one canned answer.
 */
class HttpRangeClientTest {
    /** For each answer: accepts a connection, reads one request head, writes the answer, closes once the client is done. */
    private static int standIn(StringBuilder requestSeen, String... answers) throws IOException {
        ServerSocket listener = new ServerSocket(0, 2, InetAddress.getByName("127.0.0.1"));
        Thread t = new Thread(() -> {
            try (listener) {
                for (String answer : answers) {
                    try (Socket s = listener.accept(); InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        StringBuilder head = new StringBuilder();
                        while (!head.toString().endsWith("\r\n\r\n")) head.append((char) in.read());
                        synchronized (requestSeen) { requestSeen.append(head); }
                        out.write(answer.getBytes(StandardCharsets.ISO_8859_1));
                        s.shutdownOutput();
                        s.setSoTimeout(2000);   // read what else the client sent, so closing sends no reset
                        try {
                            while (in.read() >= 0) { }
                        } catch (java.net.SocketTimeoutException kept) {
                            // the client keeps the socket for later
                        }
                    }
                }
            } catch (IOException e) {
                // the test sees the missing answer
            }
        }, "http-stand-in");
        t.setDaemon(true);
        t.start();
        return listener.getLocalPort();
    }

    @Test void chunkedBodyIsJoined() throws IOException {
        StringBuilder seen = new StringBuilder();
        int port = standIn(seen, "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 5-15/100\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n4\r\nabcd\r\n7;ext=1\r\nefghijk\r\n0\r\n\r\n");
        HttpRangeClient.Answer a = new HttpRangeClient(RemoteOptions.defaults())
                .send(URI.create("http://127.0.0.1:" + port + "/f.root?x=1"), "GET", "bytes=5-15", Optional.of("tok"));
        assertEquals(206, a.status());
        assertArrayEquals("abcdefghijk".getBytes(StandardCharsets.US_ASCII), a.body());
        assertEquals(Optional.of("bytes 5-15/100"), a.header("content-range"));
        String request;
        synchronized (seen) { request = seen.toString(); }
        assertTrue(request.startsWith("GET /f.root?x=1 HTTP/1.1\r\n"), request);
        assertTrue(request.contains("\r\nRange: bytes=5-15\r\n"), request);
        assertTrue(request.contains("\r\nAuthorization: Bearer tok\r\n"), request);
    }

    @Test void bodyWithoutLengthEndsWithTheConnection() throws IOException {
        int port = standIn(new StringBuilder(), "HTTP/1.0 200 OK\r\n\r\nwhole file");
        HttpRangeClient.Answer a = new HttpRangeClient(RemoteOptions.defaults())
                .send(URI.create("http://127.0.0.1:" + port + "/f.root"), "GET", null, Optional.empty());
        assertEquals(200, a.status());
        assertArrayEquals("whole file".getBytes(StandardCharsets.US_ASCII), a.body());
    }

    @Test void pipelinedRangesLeftUnansweredByAClosingServerAreAskedAgain() throws IOException {
        StringBuilder seen = new StringBuilder();
        int port = standIn(seen,
                "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-2/10\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc",
                "HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 8-9/10\r\nContent-Length: 2\r\n\r\nij");
        HttpRangeClient.Answer[] a = new HttpRangeClient(RemoteOptions.defaults())
                .getAll(URI.create("http://127.0.0.1:" + port + "/f.root"), new String[]{"bytes=0-2", "bytes=-2"}, Optional.empty());
        assertArrayEquals("abc".getBytes(StandardCharsets.US_ASCII), a[0].body());
        assertArrayEquals("ij".getBytes(StandardCharsets.US_ASCII), a[1].body());
        String requests;
        synchronized (seen) { requests = seen.toString(); }
        assertTrue(requests.endsWith("Range: bytes=-2\r\n\r\n"), "the second range asked again alone: " + requests);
    }
}
