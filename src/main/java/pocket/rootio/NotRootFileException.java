package pocket.rootio;

/** A RootIOException for the bytes are not a ROOT file (no "root" magic at byte 0). */
public class NotRootFileException extends RootIOException {
    public NotRootFileException(String message) { super(message); }
    public NotRootFileException(String message, Throwable cause) { super(message, cause); }
}
