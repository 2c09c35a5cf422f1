package pocket.rootio.source;

import java.nio.file.Path;
import pocket.rootio.RootIOException;

/** Picks the source for a path or URL by its scheme. */
public final class Sources {
    private Sources() {}

    public static Source open(String pathOrUrl) throws RootIOException {
        return open(pathOrUrl, RemoteOptions.defaults());
    }

    /** As {@link #open(String)}, with timeouts, retries and a bearer token for remote files. */
    public static Source open(String pathOrUrl, RemoteOptions options) throws RootIOException {
        String lower = pathOrUrl.toLowerCase();
        if (lower.startsWith("root://") || lower.startsWith("roots://")) return new XRootDSource(pathOrUrl, options);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("davs://"))
            return new HttpSource(pathOrUrl, options);
        if (lower.startsWith("file://")) return new LocalSource(Path.of(java.net.URI.create(pathOrUrl)));
        return new LocalSource(Path.of(pathOrUrl));
    }
}
