package pocket.rootio.source;

import java.nio.file.Path;
import pocket.rootio.RootIOException;

/** Picks the source for a path or URL by its scheme. */
public final class Sources {
    private Sources() {}

    public static Source open(String pathOrUrl) throws RootIOException {
        String lower = pathOrUrl.toLowerCase();
        if (lower.startsWith("root://") || lower.startsWith("roots://") || lower.startsWith("http://")
                || lower.startsWith("https://") || lower.startsWith("davs://"))
            throw new RootIOException("rootio: remote files are not supported yet: " + pathOrUrl);
        if (lower.startsWith("file://")) return new LocalSource(Path.of(java.net.URI.create(pathOrUrl)));
        return new LocalSource(Path.of(pathOrUrl));
    }
}
