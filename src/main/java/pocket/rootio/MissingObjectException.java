package pocket.rootio;

/** A RootIOException for a key, tree or branch that is not in the file (the message lists the nearest names). */
public class MissingObjectException extends RootIOException {
    public MissingObjectException(String message) { super(message); }
    public MissingObjectException(String message, Throwable cause) { super(message, cause); }
}
