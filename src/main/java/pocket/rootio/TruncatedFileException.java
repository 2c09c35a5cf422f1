package pocket.rootio;

/** A RootIOException for the file ends before a record it points to. */
public class TruncatedFileException extends RootIOException {
    public TruncatedFileException(String message) { super(message); }
    public TruncatedFileException(String message, Throwable cause) { super(message, cause); }
}
