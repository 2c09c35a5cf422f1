package pocket.rootio;

/** A RootIOException for something valid in ROOT that pocket does not read (a leaf type, RNTuple column type or class version it does not know). */
public class UnsupportedFormatException extends RootIOException {
    public UnsupportedFormatException(String message) { super(message); }
    public UnsupportedFormatException(String message, Throwable cause) { super(message, cause); }
}
