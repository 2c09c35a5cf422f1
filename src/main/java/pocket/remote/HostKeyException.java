package pocket.remote;

/** The server's host key is not in known_hosts, or differs from the one recorded there; says how to proceed. */
final class HostKeyException extends RemoteException {
    public HostKeyException(String message) { super(message); }
}
