package pocket.remote;

import java.io.IOException;

/** A failure on the remote side or on the way there, with a message that names host, path or command. */
public class RemoteException extends IOException {
    public RemoteException(String message) { super(message); }
    public RemoteException(String message, Throwable cause) { super(message, cause); }
}
