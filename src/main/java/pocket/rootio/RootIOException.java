package pocket.rootio;

import java.io.IOException;

/**
 * The one family of reader and writer errors: the message names the file, the object
 * (tree, branch, basket) and the byte offset, and says what was expected.
 */
public class RootIOException extends IOException {
    public RootIOException(String message) { super(message); }
    public RootIOException(String message, Throwable cause) { super(message, cause); }
}
