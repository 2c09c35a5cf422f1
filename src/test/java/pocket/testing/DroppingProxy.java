package pocket.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of a real server that cuts, once, the first connection to
 * pass more than a given number of server bytes, so tests see a connection drop mid-read
 * (whichever of a client's pooled connections carries the big read).
 */
public final class DroppingProxy implements AutoCloseable {
    private final ServerSocket listener;
    private final int targetPort;
    private final long dropAfterBytes;
    private final AtomicBoolean dropped = new AtomicBoolean();
    private final AtomicInteger connections = new AtomicInteger();

    public DroppingProxy(int targetPort, long dropAfterBytes) throws IOException {
        this.listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
        this.targetPort = targetPort;
        this.dropAfterBytes = dropAfterBytes;
        Thread t = new Thread(this::acceptLoop, "dropping-proxy");
        t.setDaemon(true);
        t.start();
    }

    public int port() { return listener.getLocalPort(); }

    public boolean dropped() { return dropped.get(); }

    public int connections() { return connections.get(); }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket("127.0.0.1", targetPort);
                connections.incrementAndGet();
                pump(client, server, Long.MAX_VALUE, null);
                pump(server, client, dropAfterBytes, new Socket[]{client, server});
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit, Socket[] cutBoth) {
        Thread t = new Thread(() -> {
            byte[] buf = new byte[8192];
            long passed = 0;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    if (passed + n > limit && dropped.compareAndSet(false, true)) {
                        out.write(buf, 0, (int) (limit - passed));
                        out.flush();
                        for (Socket s : cutBoth) s.close();
                        return;
                    }
                    out.write(buf, 0, n);
                    passed += n;
                }
            } catch (IOException e) {
                // the other direction closed: end of this connection
            } finally {
                try { from.close(); to.close(); } catch (IOException ignored) { }
            }
        }, "proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    @Override public void close() throws IOException { listener.close(); }
}
