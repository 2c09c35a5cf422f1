package pocket.rootio.source;

import pocket.rootio.RootIOException;

/** A parsed root:// (or roots://, over TLS) URL: server, absolute path on that server, and the opaque CGI after '?'. */
record XRootDUrl(boolean tls, String host, int port, String path, String cgi) {
    static final int DEFAULT_PORT = 1094;

    static XRootDUrl parse(String url) throws RootIOException {
        String lower = url.toLowerCase();
        boolean tls = lower.startsWith("roots://");
        if (!lower.startsWith("root://") && !tls)
            throw new RootIOException("rootio: not a root:// or roots:// URL: " + url);
        String rest = url.substring(tls ? "roots://".length() : "root://".length());
        int slash = rest.indexOf('/');
        if (slash <= 0)
            throw new RootIOException("rootio: root:// URL without a server or path: " + url
                    + " (expected root://host[:port]//absolute/path/file.root)");
        String authority = rest.substring(0, slash);
        int at = authority.lastIndexOf('@');        // user@host: the user name is not used
        if (at >= 0) authority = authority.substring(at + 1);
        String host = authority;
        int port = DEFAULT_PORT;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new RootIOException("rootio: bad port '" + authority.substring(colon + 1) + "' in " + url);
            }
        }
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        String path = rest.substring(slash + 1);     // root://h//abs/path -> /abs/path
        String cgi = "";
        int q = path.indexOf('?');
        if (q >= 0) { cgi = path.substring(q + 1); path = path.substring(0, q); }
        if (!path.startsWith("/")) path = "/" + path;
        while (path.startsWith("//")) path = path.substring(1);
        if (path.equals("/"))
            throw new RootIOException("rootio: root:// URL names no file: " + url);
        return new XRootDUrl(tls, host, port, path, cgi);
    }

    String server() { return host + ":" + port; }

    /** The same file on another server (after a redirect), with that server's CGI added. */
    XRootDUrl redirectTo(String newHost, int newPort, String extraCgi) {
        String c = cgi;
        if (extraCgi != null && !extraCgi.isEmpty()) c = c.isEmpty() ? extraCgi : c + "&" + extraCgi;
        return new XRootDUrl(tls, newHost, newPort, path, c);
    }

    @Override public String toString() {
        return (tls ? "roots://" : "root://") + server() + "/" + path + (cgi.isEmpty() ? "" : "?" + cgi);
    }
}
