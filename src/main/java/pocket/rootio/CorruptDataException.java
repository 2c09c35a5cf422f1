package pocket.rootio;

/** A RootIOException for a record whose bytes contradict its own layout: a basket that fails to decompress, a bad checksum, a malformed object. */
public class CorruptDataException extends RootIOException {
    public CorruptDataException(String message) { super(message); }
    public CorruptDataException(String message, Throwable cause) { super(message, cause); }
}
