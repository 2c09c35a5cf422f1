package pocket.rootio;

import java.io.Closeable;
import java.io.IOException;

/** An open ROOT file. PLACEHOLDER until the reader lands: the reader replaces this file. */
public abstract class RootFile implements Closeable {
    /** Opens a local path, or a root:// / http(s):// / davs:// URL once remote sources exist. */
    public static RootFile open(String pathOrUrl) throws RootIOException {
        throw new RootIOException("rootio: reader not built yet, cannot open " + pathOrUrl);
    }

    /** The TTree at this key path (e.g. "Events" or "dir/sub/tree"), highest cycle. */
    public abstract Tree tree(String name) throws RootIOException;

    @Override public abstract void close() throws IOException;
}
