package pocket.events;

import pocket.rootio.RootIOException;

/** A branch could not be read while a workflow step needed it; wraps the reader's error unchanged. */
class EventsReadException extends RuntimeException {
    public EventsReadException(RootIOException cause) { super(cause.getMessage(), cause); }
}
