package pocket.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real two-node XRootD cluster on 127.0.0.1: a redirector (xrootd + cmsd, all.role manager)
 * and one data server (xrootd + cmsd, all.role server) exporting one folder. Clients that open
 * a file at the redirector are sent on to the data server (kXR_wait until it has logged in,
 * then kXR_redirect). Every process is stopped by its own PID on close.
 */
public final class XRootDCluster implements AutoCloseable {
    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    public final int redirectorPort;
    public final int dataServerPort;
    private final Path exported;

    private XRootDCluster(Path dir, Path exported, int redirectorPort, int dataServerPort) {
        this.dir = dir;
        this.exported = exported;
        this.redirectorPort = redirectorPort;
        this.dataServerPort = dataServerPort;
    }

    public static XRootDCluster start(Path exported) throws IOException {
        Services.require(Services.hasCommand("xrootd") && Services.hasCommand("cmsd"), "xrootd and cmsd (Debian package xrootd-server)");
        Path dir = Files.createTempDirectory("pocket-xrdcluster");
        XRootDCluster c = new XRootDCluster(dir, XRootDServer.readableByXrootd(exported), XRootDServer.spare(), XRootDServer.spare());
        try {
            c.launch(XRootDServer.spare());
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    /** root://127.0.0.1:redirector//abs/path/name */
    public String url(String name) { return "root://127.0.0.1:" + redirectorPort + "/" + exported.resolve(name); }

    private void launch(int cmsPort) throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        UserPrincipal xrootd = root ? dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("xrootd") : null;
        if (root) Files.setOwner(dir, xrootd);
        for (String role : List.of("manager", "server")) {
            Path admin = dir.resolve(role);   // xrootd and cmsd of one node meet in their admin folder
            Files.createDirectories(admin);
            if (root) Files.setOwner(admin, xrootd);
            for (String program : List.of("cmsd", "xrootd")) {
                List<String> cfg = new ArrayList<>(List.of("all.export " + exported, "all.role " + role,
                        "all.manager 127.0.0.1:" + cmsPort, "cms.allow host 127.0.0.1", "xrd.allow host 127.0.0.1",
                        "all.adminpath " + admin, "all.pidpath " + admin,
                        "cms.delay startup 2 servers 1"));   // a manager holds clients 90 s after start by default
                if (program.equals("xrootd")) cfg.add("xrd.port " + (role.equals("manager") ? redirectorPort : dataServerPort));
                else if (role.equals("manager")) cfg.add("xrd.port " + cmsPort);
                Path conf = dir.resolve(role + "-" + program + ".cfg");
                Files.write(conf, cfg);
                List<String> cmd = new ArrayList<>(List.of(program, "-c", conf.toString(),
                        "-l", dir.resolve(role + "-" + program + ".log").toString()));
                if (root) cmd.addAll(List.of("-R", "xrootd"));
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(dir.resolve(role + "-" + program + ".out").toFile()).start();
                processes.add(p);
                Runtime.getRuntime().addShutdownHook(new Thread(p::destroy));   // a test JVM stopped early must not leave it running
            }
        }
        waitForPort(redirectorPort);
        waitForPort(dataServerPort);
    }

    private void waitForPort(int port) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Process p : processes)
                if (!p.isAlive()) throw new IOException("an xrootd/cmsd of the test cluster exited; logs in " + dir);
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                XRootDServer.sleep(100);
            }
        }
        throw new IOException("the test cluster did not listen on port " + port + " within 20 s; logs in " + dir);
    }

    @Override public void close() {
        for (Process p : processes) p.destroy();   // all at once, then wait for each
        for (Process p : processes) Services.stop(p);
        XRootDServer.deleteTree(dir);
    }
}
